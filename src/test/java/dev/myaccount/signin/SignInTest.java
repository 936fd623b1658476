package dev.myaccount.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

@PortalTest
class SignInTest extends PortalTestCase {

    @Test
    void aSignedInPersonSeesTheirNameAndOrganisationInTheHeader() {
        Person person = people.create();
        PortalClient browser = new PortalClient(port);

        assertThat(browser.signIn(person.upn(), person.password()).location()).contains("/");
        var overview = browser.get("/").page();
        assertThat(overview.select(".who-name").text()).isEqualTo("Pat Doe");
        assertThat(overview.select(".who-org").text()).startsWith("Fabrikam");
    }

    @Test
    void upnIsMatchedWithoutRegardToCase() {
        Person person = people.create();

        assertThat(new PortalClient(port).signIn(person.upn().toUpperCase(), person.password()).location())
                .contains("/");
    }

    @Test
    void unknownAccountAndWrongPasswordGetTheSameGenericAnswer() {
        Person person = people.create();
        Response wrongPassword = new PortalClient(port).signIn(person.upn(), "not the password");
        Response unknownAccount = new PortalClient(port).signIn("nobody@" + person.upn().split("@")[1], "x");

        assertThat(wrongPassword.status()).isEqualTo(unknownAccount.status()).isEqualTo(302);
        assertThat(wrongPassword.location()).isEqualTo(unknownAccount.location()).contains("/signin?error");
        assertThat(new PortalClient(port).get("/signin?error").page().select("[role=alert]").text())
                .isEqualTo("Your account or password is incorrect.");
    }

    @Test
    void anAbsurdInputGetsTheGenericAnswerNotAnError() {
        assertThat(new PortalClient(port).signIn("x".repeat(5000) + "@fabrikam.example", "p".repeat(100_000))
                .location()).contains("/signin?error");
        assertThat(new PortalClient(port).signIn("", "").location()).contains("/signin?error");
        assertThat(new PortalClient(port).signIn("a\u0000b\uFFFF 🙂@x", "\u0000").location()).contains("/signin?error");
    }

    /** The page as first opened is rendered once per language (SignInPages); what it writes must be the same. */
    @Test
    void theSignInPageAsFirstOpenedIsTheTemplatesPageWithEachBrowsersOwnTokenInBothLanguages() {
        Person person = people.create();
        for (String language : new String[] {"en", "nl"}) {
            PortalClient first = new PortalClient(port, language);
            PortalClient second = new PortalClient(port, language);
            Response firstPage = first.get("/signin");
            Response secondPage = second.get("/signin");
            Response rendered = new PortalClient(port, language).get("/signin?from=elsewhere");

            String firstToken = PortalClient.csrfToken(firstPage.page());
            String secondToken = PortalClient.csrfToken(secondPage.page());
            assertThat(firstToken).isNotEqualTo(secondToken);
            assertThat(firstPage.body().replace(firstToken, "TOKEN"))
                    .isEqualTo(secondPage.body().replace(secondToken, "TOKEN"))
                    .isEqualTo(rendered.body().replace(PortalClient.csrfToken(rendered.page()), "TOKEN"));
            assertThat(firstPage.header("Content-Type")).contains("text/html;charset=UTF-8");
            assertThat(firstPage.header("Content-Language")).contains(language);
            assertThat(firstPage.page().select("html").attr("lang")).isEqualTo(language);
            assertThat(firstPage.page().select("h1").text()).isEqualTo(language.equals("en")
                    ? "Sign in to My Account" : "Aanmelden bij Mijn account");
            assertThat(second.submit(secondPage.page(), "form[action=/signin]",
                    Map.of("upn", person.upn(), "password", person.password())).location()).contains("/");
            assertThat(first.submit(firstPage.page(), "form[action=/signin]",
                    Map.of("upn", person.upn(), "password", person.password())).location()).contains("/");
        }
    }

    @Test
    void afterARefusalThePageKeepsTheUpnAsTypedButNeverThePassword() {
        Person person = people.create();
        for (String upn : new String[] {person.upn(), "nobody@fabrikam.example"}) {
            PortalClient browser = new PortalClient(port);
            browser.signIn(upn, "the wrong password");

            var page = browser.get("/signin?error").page();
            assertThat(page.select("#upn").attr("value")).isEqualTo(upn);
            assertThat(page.select("#password").attr("value")).isEmpty();
            assertThat(page.select("#password").hasAttr("autofocus")).isTrue();
            assertThat(page.body().html()).doesNotContain("the wrong password");
            assertThat(browser.get("/signin").page().select("#upn").attr("value")).isEmpty();
        }
    }

    @Test
    void theSessionIdIsRenewedAtSignIn() {
        Person person = people.create();
        PortalClient browser = new PortalClient(port);
        browser.get("/password");
        String before = browser.cookie("SESSION").map(HttpCookie::getValue).orElseThrow();

        browser.signIn(person.upn(), person.password());

        assertThat(browser.cookie("SESSION").map(HttpCookie::getValue)).isPresent().get().isNotEqualTo(before);
    }

    @Test
    void aPersonWhoMustChangeTheirPasswordReachesNothingElse() {
        Person person = people.create(true);
        PortalClient browser = new PortalClient(port);

        assertThat(browser.signIn(person.upn(), person.password()).location()).contains("/password");
        for (String page : new String[] {"/", "/account", "/sign-ins", "/sign-ins?page=1", "/no-such-page"}) {
            assertThat(browser.get(page).location()).as(page).contains("/password");
        }
        String signInId = jdbc.sql("select id from sign_in_event where account_id = ?").param(person.id())
                .query(String.class).single();
        String csrf = PortalClient.csrfToken(browser.get("/password").page());
        for (String action : new String[] {"/sign-ins/" + signInId + "/looks-good",
                "/sign-ins/" + signInId + "/not-me"}) {
            assertThat(browser.post(action, Map.of("_csrf", csrf)).location()).as(action).contains("/password");
        }
        assertThat(jdbc.sql("select review from sign_in_event where id = ?").param(UUID.fromString(signInId))
                .query(String.class).optional()).isEmpty();
        Response page = browser.get("/password");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.page().select("main [role=status]").text())
                .isEqualTo("You must change your password before you can continue.");
        assertThat(browser.post("/password/check", Map.of("newPassword", "a fine new passphrase", "_csrf", csrf))
                .status()).isEqualTo(200);
        assertThat(browser.submit(browser.get("/password").page(), "form[action=/signout]", Map.of()).location())
                .contains("/signin?signedout");
    }

    @Test
    void signingOutEndsTheSession() {
        Person person = people.create();
        PortalClient browser = new PortalClient(port);
        browser.signIn(person.upn(), person.password());

        Response signedOut = browser.submit(browser.get("/").page(), "form[action=/signout]", Map.of());

        assertThat(signedOut.location()).contains("/signin?signedout");
        assertThat(browser.get("/").location()).contains("/signin");
    }

    @Test
    void aSignedInPersonOpeningTheSignInPageGoesToMyAccount() {
        Person person = people.create();
        PortalClient browser = new PortalClient(port);
        browser.signIn(person.upn(), person.password());

        assertThat(browser.get("/signin").location()).contains("/");
    }
}
