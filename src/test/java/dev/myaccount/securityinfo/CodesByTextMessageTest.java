package dev.myaccount.securityinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestClock;
import dev.myaccount.support.TestClockConfiguration;
import dev.myaccount.support.TestPeople.Person;
import dev.myaccount.support.TestSms;

/**
 * A phone serves wherever a code is asked for, through the SMS gateway: the second step of a sign-in, a reset, and
 * the confirmation before a sensitive change; a gateway that is down keeps the message and breaks no page.
 */
@PortalTest
@Import(TestClockConfiguration.class)
class CodesByTextMessageTest extends PortalTestCase {

    @Autowired
    TestClock clock;

    @Test
    void aTextedCodeIsTheSecondStepOfASignIn() {
        Person person = people.create();
        String number = methods.addPhone(person.id());
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(person.upn(), person.password()).location()).hasValue("/signin/verify");

        Document step = browser.submit(browser.get("/signin/verify").page(), "form[action=/signin/verify/send]",
                Map.of()).page();

        assertThat(TestSms.to(number)).hasSize(1);
        assertThat(browser.submit(step, "form:has(input[name=code])", Map.of("code", TestSms.lastCode(number)))
                .location()).hasValue("/");
        assertThat(browser.get("/sign-ins").page().select(".sign-in").first().text()).contains("Phone");
    }

    @Test
    void aTextedCodeResetsThePassword() throws Exception {
        Person person = people.create();
        String number = methods.addPhone(person.id());
        PortalClient browser = new PortalClient(port);
        browser.submit(browser.get("/reset").page(), "form[action=/reset]", Map.of("upn", person.upn()));

        Document sent = browser.submit(browser.get("/reset/verify?kind=phone").page(),
                "form[action=/reset/verify/send]", Map.of()).page();

        assertThat(browser.submit(sent, "form[action=/reset/verify]", Map.of("code", texted(number, 0)))
                .location()).hasValue("/reset/password");
    }

    @Test
    void aTextedCodeConfirmsThePersonBeforeASensitiveChange() {
        Person person = people.create();
        String number = methods.addPhone(person.id());
        PortalClient browser = new PortalClient(port);
        browser.signIn(person.upn(), person.password());
        Document step = browser.submit(browser.get("/signin/verify").page(), "form[action=/signin/verify/send]",
                Map.of()).page();
        browser.submit(step, "form:has(input[name=code])", Map.of("code", TestSms.lastCode(number)));
        clock.advance(Duration.ofMinutes(11));

        assertThat(browser.get("/security-info/email").location()).hasValue("/confirm");
        Response password = browser.submit(browser.get("/confirm").page(), "form[action=/confirm]",
                Map.of("password", person.password()));
        assertThat(password.location()).hasValue("/confirm/verify");
        Document confirm = browser.submit(browser.get("/confirm/verify").page(), "form[action=/confirm/verify/send]",
                Map.of()).page();

        assertThat(TestSms.to(number)).hasSize(2);
        assertThat(browser.submit(confirm, "form:has(input[name=code])", Map.of("code", TestSms.lastCode(number)))
                .location()).hasValue("/security-info/email");
        assertThat(browser.get("/security-info/email").status()).isEqualTo(200);
    }

    @Test
    void aGatewayThatIsDownKeepsTheMessageInTheOutboxAndBreaksNoPage() {
        Person person = people.create();
        String number = methods.addPhone(person.id());
        TestSms.failFor(number);
        PortalClient browser = new PortalClient(port);
        browser.signIn(person.upn(), person.password());

        Response sent = browser.submit(browser.get("/signin/verify").page(), "form[action=/signin/verify/send]",
                Map.of());

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.page().select("form:has(input[name=code])")).isNotEmpty();
        assertThat(TestSms.to(number)).isEmpty();
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = ? and sent_at is null and body"
                + " is not null").param(number).query(Integer.class).single()).isEqualTo(1);
        assertThat(browser.get("/").location()).hasValue("/signin/verify");
    }

    /** The code of the text message after the {@code before} the number had, waited for: a reset sends later. */
    private static String texted(String number, int before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (TestSms.to(number).size() <= before) {
            assertThat(System.nanoTime()).as("a text message to " + number).isLessThan(deadline);
            Thread.sleep(20);
        }
        return TestSms.lastCode(number);
    }
}
