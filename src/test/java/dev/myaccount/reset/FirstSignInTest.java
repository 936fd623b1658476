package dev.myaccount.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.myaccount.credential.AccessPasses;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.securityinfo.SignInSettings;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestClock;
import dev.myaccount.support.TestClockConfiguration;
import dev.myaccount.support.TestPeople.Person;

/** First sign-in with a temporary access pass: the pass instead of a password, then a password of one's own. */
@PortalTest
@Import(TestClockConfiguration.class)
class FirstSignInTest extends PortalTestCase {

    private static final String NEW_PASSWORD = "Seven quiet harbours at dusk";

    @Autowired
    AccessPasses passes;

    @Autowired
    DirectoryService directory;

    @Autowired
    SignInSettings signInSettings;

    @Autowired
    TestClock clock;

    @Test
    void aNewPersonSignsInWithAOneTimePassChoosesAPasswordUnderThePolicyAndThePassWorksOnce() {
        Person person = people.create(null, null, false);
        String pass = passes.issue(person.id(), Duration.ofHours(1), true, "test").pass();
        PortalClient browser = new PortalClient(port);

        Response signedIn = signInWithPass(browser, person.upn(), pass);
        assertThat(signedIn.location()).hasValue("/access-pass/password");
        Document form = browser.get("/access-pass/password").page();
        assertThat(form.select("form[action$=/keep]")).isEmpty();
        assertThat(form.select("#policy li[data-check=LEAKED]")).isNotEmpty();
        Response refused = browser.submit(form, "form[action=/access-pass/password]",
                Map.of("newPassword", "password1", "confirmPassword", "password1"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.page().select("[role=alert] li").text()).contains("data breaches");
        Response done = browser.submit(form, "form[action=/access-pass/password]",
                Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

        assertThat(done.location()).hasValue("/");
        assertThat(browser.get("/").status()).isEqualTo(200);
        assertThat(browser.get("/access-pass/password").location()).hasValue("/access-pass?expired");
        assertThat(signInWithPass(new PortalClient(port), person.upn(), pass).page().select("[role=alert]").text())
                .startsWith("That account and pass don't match");
        assertThat(new PortalClient(port).signIn(person.upn(), NEW_PASSWORD).location()).hasValue("/");
        assertThat(count("select count(*) from audit_event where account_id = ? and type = 'password.reset'"
                + " and detail = 'access-pass'", person)).isEqualTo(1);
        assertThat(count("select count(*) from sign_in_event where account_id = ? and door = 'ACCESS_PASS'"
                + " and outcome = 'SUCCEEDED'", person)).isEqualTo(1);
        Document signIns = browser.get("/sign-ins").page();
        assertThat(signIns.select(".sign-in-door").eachText()).contains("With a temporary access pass");
    }

    @Test
    void anUnknownUpnADisabledOneAndAPersonWithoutAPassGetTheWholeAnswerAndTheRecordsOfAWrongPass() {
        Person withPass = people.create();
        String pass = passes.issue(withPass.id(), Duration.ofHours(1), true, "test").pass();
        Person withoutPass = people.create();
        Person disabled = people.create();
        String disabledsPass = passes.issue(disabled.id(), Duration.ofHours(1), true, "test").pass();
        directory.setEnabled(disabled.id(), false);
        String[][] tries = {{withPass.upn(), "ABCD-EFGH-JKLM-NPQR"}, {withoutPass.upn(), pass},
            {disabled.upn(), disabledsPass}, {"nobody." + withPass.id() + "@fabrikam.example", pass}};
        String[] seen = new String[tries.length];
        for (int i = 0; i < tries.length; i++) {
            int signInsBefore = rows("sign_in_event");
            int auditBefore = rows("audit_event");
            Response answer = signInWithPass(new PortalClient(port), tries[i][0], tries[i][1]);
            Document page = answer.page();
            page.select("input[name=_csrf]").remove();
            seen[i] = answer.status() + " " + page.select("main").outerHtml().replace(tries[i][0], "UPN")
                    + " wrote " + (rows("sign_in_event") - signInsBefore) + " sign-in and "
                    + (rows("audit_event") - auditBefore) + " audit rows";
        }
        for (int i = 1; i < tries.length; i++) {
            assertThat(seen[i]).as(tries[i][0]).isEqualTo(seen[0]);
        }
        assertThat(seen[0]).startsWith("200 ").contains("That account and pass don't match", "wrote 1 sign-in");
    }

    private int rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    @Test
    void wrongPassesLockAKnownAccountAsTheyLockAnUnknownUpnAndALockedAccountRefusesEvenTheRightPass() {
        Person person = people.create(null, null, false);
        String pass = passes.issue(person.id(), Duration.ofHours(1), false, "test").pass();
        String unknown = "nobody." + person.id() + "@fabrikam.example";
        for (String upn : new String[] {person.upn(), unknown}) {
            for (int i = 0; i < 10; i++) {
                signInWithPass(new PortalClient(port), upn, "WRONG-PASS-" + String.format("%04d", i));
            }
        }

        Response locked = signInWithPass(new PortalClient(port), person.upn(), pass);
        Response unknownLocked = signInWithPass(new PortalClient(port), unknown, pass);

        assertThat(locked.location()).isEmpty();
        assertThat(locked.page().select("[role=alert]").text()).startsWith("Too many wrong attempts.");
        assertThat(unknownLocked.page().select("[role=alert]").text()).startsWith("Too many wrong attempts.");
        assertThat(passes.live(person.id())).isPresent();
    }

    @Test
    void whereTheOrganisationRequiresASecondStepThePersonAddsSecurityInfoNext() {
        Person person = people.create(null, null, false);
        signInSettings.requireSecondFactor(directory.find(person.id()).orElseThrow().organisationId(), true);
        String pass = passes.issue(person.id(), Duration.ofHours(1), true, "test").pass();
        PortalClient browser = new PortalClient(port);
        signInWithPass(browser, person.upn(), pass);

        browser.submit(browser.get("/access-pass/password").page(), "form[action=/access-pass/password]",
                Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

        assertThat(browser.get("/").location()).hasValue("/security-info");
        assertThat(browser.get("/security-info").status()).isEqualTo(200);
        assertThat(browser.get("/security-info/email").status()).isEqualTo(200);
    }

    @Test
    void aPersonWhoLostTheirMethodsMayKeepTheirPasswordAndOtherSessionsEndOnlyWhenItChanges() {
        Person person = people.create();
        PortalClient elsewhere = signedIn(person);
        String pass = passes.issue(person.id(), Duration.ofHours(1), false, "test").pass();
        PortalClient browser = new PortalClient(port);
        signInWithPass(browser, person.upn(), pass);

        Response kept = browser.submit(browser.get("/access-pass/password").page(),
                "form[action=/access-pass/password/keep]", Map.of());
        assertThat(kept.location()).hasValue("/");
        assertThat(browser.get("/").status()).isEqualTo(200);
        assertThat(elsewhere.get("/").status()).isEqualTo(200);

        PortalClient again = new PortalClient(port);
        signInWithPass(again, person.upn(), pass);
        again.submit(again.get("/access-pass/password").page(), "form[action=/access-pass/password]",
                Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
        assertThat(elsewhere.get("/").location()).contains("/signin");
        assertThat(browser.get("/").location()).contains("/signin");
        assertThat(again.get("/").status()).isEqualTo(200);
    }

    @Test
    void aPersonWithoutAPasswordOfTheirOwnCannotSkipChoosingOne() {
        Person person = people.create(true);
        String pass = passes.issue(person.id(), Duration.ofHours(1), false, "test").pass();
        PortalClient browser = new PortalClient(port);
        signInWithPass(browser, person.upn(), pass);
        Document form = browser.get("/access-pass/password").page();

        Response skipped = browser.post("/access-pass/password/keep", Map.of("_csrf", PortalClient.csrfToken(form)));

        assertThat(form.select("form[action$=/keep]")).isEmpty();
        assertThat(skipped.location()).hasValue("/access-pass?expired");
        assertThat(browser.get("/").location()).contains("/signin");
    }

    @Test
    void theStepAfterThePassExpiresAfterFifteenMinutesAndBelongsToItsBrowser() {
        Person person = people.create(null, null, false);
        String pass = passes.issue(person.id(), Duration.ofHours(1), false, "test").pass();
        PortalClient browser = new PortalClient(port);
        signInWithPass(browser, person.upn(), pass);
        Document form = browser.get("/access-pass/password").page();

        PortalClient other = new PortalClient(port);
        Document otherPage = other.get("/access-pass").page();
        assertThat(other.post("/access-pass/password", Map.of("_csrf", PortalClient.csrfToken(otherPage),
                "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD)).location())
                .hasValue("/access-pass?expired");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        Response late = browser.submit(form, "form[action=/access-pass/password]",
                Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

        assertThat(late.location()).hasValue("/access-pass?expired");
        assertThat(directory.find(person.id()).orElseThrow().passwordHash()).isNull();
    }

    @Test
    void theStepAfterThePassEndsWhenThePassIsRevokedOrThePersonDisabled() {
        Person revoked = people.create(null, null, false);
        Person disabled = people.create(null, null, false);
        PortalClient revokedsBrowser = new PortalClient(port);
        PortalClient disabledsBrowser = new PortalClient(port);
        signInWithPass(revokedsBrowser, revoked.upn(),
                passes.issue(revoked.id(), Duration.ofHours(1), false, "test").pass());
        signInWithPass(disabledsBrowser, disabled.upn(),
                passes.issue(disabled.id(), Duration.ofHours(1), true, "test").pass());
        Document revokedsForm = revokedsBrowser.get("/access-pass/password").page();
        Document disabledsForm = disabledsBrowser.get("/access-pass/password").page();

        assertThat(passes.revoke(revoked.id())).isTrue();
        directory.setEnabled(disabled.id(), false);

        for (PortalClient browser : List.of(revokedsBrowser, disabledsBrowser)) {
            assertThat(browser.get("/access-pass/password").location()).hasValue("/access-pass?expired");
        }
        assertThat(revokedsBrowser.submit(revokedsForm, "form[action=/access-pass/password]",
                Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD)).location())
                .hasValue("/access-pass?expired");
        assertThat(disabledsBrowser.submit(disabledsForm, "form[action=/access-pass/password]",
                Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD)).location())
                .hasValue("/access-pass?expired");
        assertThat(directory.find(revoked.id()).orElseThrow().passwordHash()).isNull();
        assertThat(directory.find(disabled.id()).orElseThrow().passwordHash()).isNull();
        assertThat(revokedsBrowser.get("/").location()).hasValueSatisfying(to -> assertThat(to).contains("/signin"));
    }

    @Test
    void theLiveChecklistAnswersOnlyInsideTheFlow() {
        Person person = people.create(null, null, false);
        String pass = passes.issue(person.id(), Duration.ofHours(1), false, "test").pass();
        PortalClient browser = new PortalClient(port);
        Document start = browser.get("/access-pass").page();
        assertThat(browser.post("/access-pass/password/check", Map.of("_csrf", PortalClient.csrfToken(start),
                "newPassword", "pat doe 2026")).status()).isEqualTo(403);
        signInWithPass(browser, person.upn(), pass);
        Document form = browser.get("/access-pass/password").page();

        Response check = browser.post("/access-pass/password/check", Map.of("_csrf", PortalClient.csrfToken(form),
                "newPassword", "pat doe 2026"));

        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body()).contains("\"accepted\":false").contains("PREDICTABLE");
    }

    private static Response signInWithPass(PortalClient browser, String upn, String pass) {
        return browser.submit(browser.get("/access-pass").page(), "form[action=/access-pass]",
                Map.of("upn", upn, "pass", pass));
    }

    private int count(String sql, Person person) {
        return jdbc.sql(sql).param(person.id()).query(Integer.class).single();
    }
}
