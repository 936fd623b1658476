package dev.myaccount.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.myaccount.support.AtOnce;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

@PortalTest
class SignInsPageTest extends PortalTestCase {

    @Test
    void listsThePersonsOwnSignInsNewestFirstWithFailuresMarked() {
        Person person = people.create();
        new PortalClient(port).signIn(person.upn(), "a wrong password");
        new PortalClient(port).withHeader("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36").signIn(person.upn(), person.password());
        PortalClient browser = signedIn(person);

        Document page = browser.get("/sign-ins").page();

        assertThat(page.select(".sign-in .sign-in-outcome").eachText()).containsExactly("Successful sign-in",
                "Successful sign-in", "Unsuccessful sign-in: wrong password");
        assertThat(page.select(".sign-in.failed")).hasSize(1);
        assertThat(page.select(".sign-in").get(1).select(".sign-in-where dd").eachText())
                .contains("Chrome 131", "Windows 10");
        assertThat(page.select("nav.side a[aria-current=page]").text()).isEqualTo("Sign-ins");
    }

    @Test
    void theOverviewsSignInsTileGivesTheLastSignInWithItsTimeZoneAsThePasswordTileDoes() {
        Person person = people.create();

        Document overview = signedIn(person).get("/").page();

        // The long form, "November 26, 2026 at 9:43:22 PM UTC"; Java 20 and later put a narrow space before PM.
        String longForm = "\\w+ \\d{1,2}, \\d{4} at \\d{1,2}:\\d{2}:\\d{2}[\\s\\u202f][AP]M \\S+";
        assertThat(overview.select("#tile-sign-ins + p").text()).matches("Last sign-in on " + longForm + "\\.");
        assertThat(overview.select("#tile-password + p").text()).matches("Last changed on " + longForm + "\\.");
    }

    @Test
    void looksGoodMarksTheSignIn() {
        Person person = people.create();
        PortalClient browser = signedIn(person);

        Response marked = browser.submit(browser.get("/sign-ins").page(), "form[action*=looks-good]", Map.of());

        assertThat(marked.location()).contains("/sign-ins?page=0");
        assertThat(browser.get("/sign-ins").page().select(".reviewed").text()).isEqualTo("You said this looks good.");
    }

    @Test
    void thisWasntMeEndsEveryOtherSessionAndLeadsToChangePassword() {
        Person person = people.create();
        PortalClient elsewhere = signedIn(person);
        PortalClient browser = signedIn(person);

        Response answer = browser.submit(browser.get("/sign-ins").page(), "form[action*=not-me]", Map.of());

        assertThat(answer.location()).contains("/password?secured");
        Document password = browser.get("/password?secured").page();
        assertThat(password.select("main [role=status]").text()).startsWith("We signed you out everywhere else.");
        assertThat(elsewhere.get("/").location()).contains("/signin");
        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    @Test
    void aReviewedSignInRefusesASecondReviewAndChangesNothing() {
        Person person = people.create();
        PortalClient elsewhere = signedIn(person);
        PortalClient browser = signedIn(person);
        Document page = browser.get("/sign-ins").page();
        String notMe = page.selectFirst("form[action*=not-me]").attr("action");
        String csrf = PortalClient.csrfToken(page);
        browser.submit(page, "form[action*=looks-good]", Map.of());

        Response again = browser.post(notMe, Map.of("_csrf", csrf));
        Response twice = browser.post(notMe.replace("not-me", "looks-good"), Map.of("_csrf", csrf));

        assertThat(again.location()).contains("/sign-ins?reviewed");
        assertThat(twice.location()).contains("/sign-ins?reviewed");
        assertThat(browser.get("/sign-ins?reviewed").page().select("main [role=status]").text())
                .isEqualTo("You reviewed this sign-in before. Nothing was changed.");
        assertThat(elsewhere.get("/").status()).isEqualTo(200);
        assertThat(jdbc.sql("select review from sign_in_event where account_id = ? and review is not null")
                .param(person.id()).query(String.class).list()).containsExactly("looks-good");
        assertThat(jdbc.sql("select type from audit_event where account_id = ? and type in "
                + "('sign-in.reviewed', 'sessions.others-ended')").param(person.id()).query(String.class).list())
                .containsExactly("sign-in.reviewed");
    }

    @Test
    void thirtyThisWasntMesAtOnceEndTheOtherSessionsOnceAndRecordOneReview() throws Exception {
        Person person = people.create();
        PortalClient browser = signedIn(person);
        Document page = browser.get("/sign-ins").page();
        List<String> locations = AtOnce.send(30,
                i -> browser.submit(page, "form[action*=not-me]", Map.of()).location().orElseThrow());

        assertThat(locations.stream().filter(l -> l.contains("/password?secured"))).hasSize(1);
        assertThat(locations.stream().filter(l -> l.contains("/sign-ins?reviewed"))).hasSize(29);
        assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and type = ?")
                .params(person.id(), "sessions.others-ended").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and type = ?")
                .params(person.id(), "sign-in.reviewed").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anotherPersonsSignInCannotBeReviewed() {
        Person someone = people.create();
        PortalClient theirs = signedIn(someone);
        String theirEvent = theirs.get("/sign-ins").page().selectFirst("form[action*=not-me]").attr("action");
        Person person = people.create();
        PortalClient browser = signedIn(person);
        String csrf = PortalClient.csrfToken(browser.get("/sign-ins").page());

        assertThat(browser.post(theirEvent, Map.of("_csrf", csrf)).status()).isEqualTo(404);
        assertThat(theirs.get("/").status()).isEqualTo(200);
        Response malformed = browser.post("/sign-ins/not-a-uuid/not-me", Map.of("_csrf", csrf));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.page().select("h1").text()).isEqualTo("That request was not understood");
        assertThat(browser.post("/sign-ins/" + UUID.randomUUID() + "/looks-good", Map.of("_csrf", csrf)).status())
                .isEqualTo(404);
    }

    @Test
    void pagesHoldTwentySignInsEach() {
        Person person = people.create();
        for (int i = 0; i < 24; i++) {
            new PortalClient(port).signIn(person.upn(), person.password());
        }
        PortalClient browser = signedIn(person);

        Document first = browser.get("/sign-ins").page();
        assertThat(first.select(".sign-in")).hasSize(20);
        assertThat(first.select("nav.pages a").eachText()).containsExactly("Older sign-ins");
        Document second = browser.get("/sign-ins?page=1").page();
        assertThat(second.select(".sign-in")).hasSize(5);
        assertThat(second.select("nav.pages a").eachText()).containsExactly("Newer sign-ins");
        assertThat(browser.get("/sign-ins?page=-3").status()).isEqualTo(200);
        assertThat(browser.get("/sign-ins?page=abc").status()).isEqualTo(400);
        assertThat(browser.get("/sign-ins?page=" + Integer.MAX_VALUE).status()).isEqualTo(200);
    }
}
