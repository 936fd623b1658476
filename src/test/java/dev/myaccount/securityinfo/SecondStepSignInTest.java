package dev.myaccount.securityinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.myaccount.support.AtOnce;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestClock;
import dev.myaccount.support.TestClockConfiguration;
import dev.myaccount.support.TestMail;
import dev.myaccount.support.TestPeople.Person;

/** After a right password, a person with an authenticator app is asked for its code before anything else. */
@PortalTest
@Import(TestClockConfiguration.class)
class SecondStepSignInTest extends PortalTestCase {

    @Autowired
    TestClock clock;

    @Test
    void aRightPasswordLeadsToTheSecondStepAndTheRightCodeToMyAccount() {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        PortalClient browser = new PortalClient(port);

        assertThat(browser.signIn(person.upn(), person.password()).location()).contains("/signin/verify");
        Document step = browser.get("/signin/verify").page();
        assertThat(step.select("h1").text()).isEqualTo("Verify your identity");
        assertThat(step.select("label[for=code]").text()).isEqualTo("Code");

        Response answer = verify(browser, step, methods.code(secret));

        assertThat(answer.location()).contains("/");
        assertThat(browser.get("/").status()).isEqualTo(200);
        Document signIns = browser.get("/sign-ins").page();
        assertThat(signIns.select(".sign-in").first().text()).contains("Successful sign-in",
                "Second step: Authenticator app");
    }

    @Test
    void theStepCannotBeSkippedByGoingStraightToAPage() {
        Person person = people.create();
        methods.addAuthenticator(person.id());
        PortalClient browser = new PortalClient(port);
        browser.signIn(person.upn(), person.password());

        for (String page : List.of("/", "/security-info", "/password", "/sign-ins", "/confirm", "/confirm/verify",
                "/security-info/authenticator")) {
            assertThat(browser.get(page).location()).as(page).contains("/signin/verify");
        }
        Document step = browser.get("/signin/verify").page();
        Response post = browser.post("/password", Map.of("_csrf", PortalClient.csrfToken(step),
                "currentPassword", person.password(), "newPassword", "A brand new passphrase 2026",
                "confirmPassword", "A brand new passphrase 2026"));
        assertThat(post.location()).contains("/signin/verify");
        assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and type = 'password.changed'")
                .param(person.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void aCodeIsAcceptedOnceOnly() {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        PortalClient first = new PortalClient(port);
        first.signIn(person.upn(), person.password());
        assertThat(verify(first, first.get("/signin/verify").page(), methods.code(secret)).location()).contains("/");

        PortalClient second = new PortalClient(port);
        second.signIn(person.upn(), person.password());
        Response replayed = verify(second, second.get("/signin/verify").page(), methods.code(secret));

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.page().select("[role=alert]").text()).startsWith("That code isn't right.");
        assertThat(second.get("/").location()).contains("/signin/verify");
        clock.advance(Duration.ofSeconds(30));
        assertThat(verify(second, second.get("/signin/verify").page(), methods.code(secret)).location())
                .contains("/");
    }

    @Test
    void theSameCodeSentFromTenBrowsersAtOnceSignsInOne() throws Exception {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        List<PortalClient> browsers = new ArrayList<>();
        List<Document> steps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            PortalClient browser = new PortalClient(port);
            browser.signIn(person.upn(), person.password());
            browsers.add(browser);
            steps.add(browser.get("/signin/verify").page());
        }
        String code = methods.code(secret);
        List<Response> answers = AtOnce.send(10, i -> verify(browsers.get(i), steps.get(i), code));

        int signedIn = 0;
        for (int i = 0; i < 10; i++) {
            Response answer = answers.get(i);
            boolean in = answer.status() == 302 && !answer.location().orElseThrow().contains("signin");
            signedIn += in ? 1 : 0;
            assertThat(browsers.get(i).get("/").status()).as("browser %d", i).isEqualTo(in ? 200 : 302);
        }
        assertThat(signedIn).isEqualTo(1);
    }

    @Test
    void theStepExpiresAfterFiveMinutes() {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        PortalClient browser = new PortalClient(port);
        browser.signIn(person.upn(), person.password());
        Document step = browser.get("/signin/verify").page();

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        Response late = verify(browser, step, methods.code(secret));

        assertThat(late.location()).contains("/signin?expired");
        assertThat(browser.get("/").location()).contains("/signin");
        assertThat(browser.get("/signin?expired").page().select("[role=status]").text())
                .isEqualTo("Your session ended or the page was open too long. Sign in again.");
    }

    @Test
    void fiveWrongCodesEndTheStepAndTheRightOneAfterThemIsRefused() {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        PortalClient browser = new PortalClient(port);
        browser.signIn(person.upn(), person.password());
        Document step = browser.get("/signin/verify").page();
        for (int i = 0; i < 5; i++) {
            assertThat(verify(browser, step, "00000" + i).status()).isEqualTo(200);
        }

        Response sixth = verify(browser, step, methods.code(secret));

        assertThat(sixth.location()).contains("/signin?expired");
        assertThat(browser.get("/").location()).contains("/signin");
    }

    @Test
    void wrongCodesCountTowardALockoutThatARightPasswordDoesNotClearAndThatEnds() {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        int wrong = 0;
        for (int round = 0; round < 2; round++) {
            PortalClient browser = new PortalClient(port);
            assertThat(browser.signIn(person.upn(), person.password()).location()).contains("/signin/verify");
            Document step = browser.get("/signin/verify").page();
            for (int i = 0; i < 5; i++) {
                verify(browser, step, String.format("%06d", wrong++));
            }
        }
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(person.upn(), person.password()).location()).contains("/signin/verify");

        Response right = verify(browser, browser.get("/signin/verify").page(), methods.code(secret));

        assertThat(right.page().select("[role=alert]").text()).startsWith("Too many wrong attempts.");
        assertThat(browser.get("/").location()).contains("/signin/verify");
        assertThat(jdbc.sql("select count(*) from sign_in_event where account_id = ? and outcome = 'WRONG_CODE'")
                .param(person.id()).query(Integer.class).single()).isEqualTo(10);
        clock.advance(Duration.ofSeconds(61));
        assertThat(verify(browser, browser.get("/signin/verify").page(), methods.code(secret)).location())
                .hasValue("/");
    }

    @Test
    void aPersonWithoutMethodsSignsInWithTheirPasswordAlone() {
        Person person = people.create();

        assertThat(new PortalClient(port).signIn(person.upn(), person.password()).location()).hasValue("/");
    }

    @Test
    void cancelEndsTheHalfDoneSignIn() {
        Person person = people.create();
        methods.addAuthenticator(person.id());
        PortalClient browser = new PortalClient(port);
        browser.signIn(person.upn(), person.password());

        Response cancelled = browser.submit(browser.get("/signin/verify").page(), "form[action$=cancel]", Map.of());

        assertThat(cancelled.location()).hasValue("/signin");
        assertThat(browser.get("/signin/verify").location()).contains("/signin");
        assertThat(browser.get("/").location()).contains("/signin");
    }

    @Test
    void aCodeSentToOneSignInDoesNotFinishAnotherOfTheSamePerson() {
        Person person = people.create();
        String address = "pat." + person.id() + "@example.net";
        methods.addEmail(person.id(), address);
        PortalClient first = new PortalClient(port);
        PortalClient second = new PortalClient(port);
        first.signIn(person.upn(), person.password());
        second.signIn(person.upn(), person.password());
        Document secondStep = second.submit(second.get("/signin/verify").page(), "form[action=/signin/verify/send]",
                Map.of()).page();
        Document firstStep = first.submit(first.get("/signin/verify").page(), "form[action=/signin/verify/send]",
                Map.of()).page();
        String firstsCode = TestMail.lastCode(address);

        Response elsewhere = verify(second, secondStep, firstsCode);

        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.page().select("[role=alert]").text()).startsWith("That code isn't right.");
        assertThat(second.get("/").location()).hasValueSatisfying(to -> assertThat(to).contains("/signin"));
        assertThat(verify(first, firstStep, firstsCode).location()).hasValue("/");
    }

    private static Response verify(PortalClient browser, Document step, String code) {
        return browser.submit(step, "form:has(input[name=code])", Map.of("code", code));
    }
}
