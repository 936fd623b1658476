package dev.myaccount.securityinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import dev.myaccount.support.TestMail;
import dev.myaccount.support.TestPeople.Person;
import dev.myaccount.support.TestSms;

/** Email addresses and phone numbers: verified with a code sent there before they are saved, then used at sign-in. */
@PortalTest
@Import(TestClockConfiguration.class)
class MessageMethodsTest extends PortalTestCase {

    @Autowired
    TestClock clock;

    @Test
    void anEmailAddressIsSavedOnceTheCodeSentThereIsTypedBack() throws Exception {
        Person person = people.create();
        String address = "pat." + person.id() + "@example.net";
        PortalClient browser = signedIn(person);

        Response sent = browser.submit(browser.get("/security-info/email").page(), "form[action=/security-info/email]",
                Map.of("destination", " " + address.toUpperCase() + " "));
        assertThat(sent.page().select("[role=status]").text()).isEqualTo("We sent a 6-digit code to " + address + ".");
        assertThat(TestMail.to(address)).hasSize(1);
        assertThat(TestMail.to(address).get(0).getSubject()).startsWith("Your My Account code: ");

        Response wrong = browser.submit(sent.page(), "form[action$=/verify]", Map.of("code", "000000"));
        assertThat(wrong.page().select("[role=alert]").text()).startsWith("That code isn't right.");
        assertThat(methodCount(person)).isZero();
        Response right = browser.submit(sent.page(), "form[action$=/verify]",
                Map.of("code", TestMail.lastCode(address)));

        assertThat(right.location()).hasValue("/security-info?added=email");
        assertThat(browser.get("/security-info").page().select("table.methods").text()).contains("Email", address);
    }

    @Test
    void anAddressAddedIsToldToTheAddressesAlreadyThereInThePersonsLanguageAndNotToItself() throws Exception {
        Person person = people.create();
        String known = "pat." + person.id() + "@example.net";
        String added = "new." + person.id() + "@example.net";
        PortalClient browser = signedIn(person);
        methods.addEmail(person.id(), known);
        jdbc.sql("update account set preferred_language = 'nl' where id = ?").param(person.id()).update();

        Response sent = browser.submit(browser.get("/security-info/email").page(), "form[action=/security-info/email]",
                Map.of("destination", added));
        assertThat(TestMail.count(known)).isZero();
        browser.submit(sent.page(), "form[action$=/verify]", Map.of("code", TestMail.lastCode(added)));

        assertThat(TestMail.count(known)).isEqualTo(1);
        assertThat(TestMail.lastSubject(known)).isEqualTo("Er is een aanmeldmethode toegevoegd aan uw Mijn account");
        assertThat(TestMail.lastText(known)).startsWith("E-mail is zojuist toegevoegd aan de aanmeldmethoden van "
                + person.upn());
        assertThat(TestMail.count(added)).isEqualTo(1);
    }

    @Test
    void anAddressDeletedIsToldThereAndAtTheAddressesLeft() {
        Person person = people.create();
        String deleted = "old." + person.id() + "@example.net";
        String left = "pat." + person.id() + "@example.net";
        PortalClient browser = signedIn(person);
        UUID method = methods.addEmail(person.id(), deleted);
        methods.addEmail(person.id(), left);

        Response done = browser.submit(browser.get("/security-info/" + method + "/delete").page(),
                "form[action$=/delete]", Map.of());

        assertThat(done.location()).hasValue("/security-info?deleted");
        for (String address : List.of(deleted, left)) {
            assertThat(TestMail.lastSubject(address)).isEqualTo("A sign-in method was deleted from your My Account");
            assertThat(TestMail.lastText(address)).startsWith("Email was deleted just now from the sign-in methods of "
                    + person.upn());
        }
    }

    @Test
    void theWorkAddressAndSomethingThatIsNoAddressAreRefusedAndNothingIsSent() {
        Person person = people.create();
        PortalClient browser = signedIn(person);
        Document page = browser.get("/security-info/email").page();

        for (String typed : new String[] {person.upn(), "not an address", "", "pat\u0000@example.net"}) {
            Response refused = browser.submit(page, "form[action=/security-info/email]", Map.of("destination", typed));
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.page().select("[role=alert]").text()).as(typed).startsWith("Enter an email address");
        }
        assertThat(TestMail.to(person.upn())).isEmpty();
        assertThat(methodCount(person)).isZero();
    }

    @Test
    void aPhoneNumberGetsItsCodeThroughTheWebhookAndShowsOnlyItsLastDigits() {
        Person person = people.create();
        String number = "+3161" + String.format("%07d", Math.floorMod(person.id().hashCode(), 10_000_000));
        PortalClient browser = signedIn(person);

        String typed = number.substring(0, 3) + " " + number.substring(3, 5) + " " + number.substring(5);
        Response sent = browser.submit(browser.get("/security-info/phone").page(),
                "form[action=/security-info/phone]", Map.of("destination", typed));
        assertThat(TestSms.to(number)).hasSize(1);
        assertThat(TestSms.to(number).get(0).authorization()).isEqualTo("Bearer test-gateway-token");
        assertThat(TestSms.to(number).get(0).body())
                .startsWith("{\"to\": \"" + number + "\", \"text\": \"Your My Account code is ");
        Response right = browser.submit(sent.page(), "form[action$=/verify]", Map.of("code", TestSms.lastCode(number)));

        assertThat(right.location()).hasValue("/security-info?added=phone");
        String shown = browser.get("/security-info").page().select("table.methods tbody").text();
        assertThat(shown).contains("Phone", "•••• " + number.substring(number.length() - 4));
        assertThat(shown).doesNotContain(number.substring(3));
    }

    @Test
    void aNumberThatCannotReceiveTextMessagesIsRefused() {
        Person person = people.create();
        PortalClient browser = signedIn(person);
        Document page = browser.get("/security-info/phone").page();

        for (String typed : new String[] {"0612345678", "+31 20 123 4567", "call me", "+999 1234"}) {
            Response refused = browser.submit(page, "form[action=/security-info/phone]", Map.of("destination", typed));
            assertThat(refused.page().select("[role=alert]").text()).as(typed)
                    .isEqualTo("Enter a mobile number with its country code, for example +31 6 12345678.");
        }
        assertThat(methodCount(person)).isZero();
    }

    @Test
    void aSignInWithAnEmailCodeIsAskedForThenSentThenVerifiedOnce() {
        Person person = people.create();
        String address = "pat." + person.id() + "@example.net";
        methods.addEmail(person.id(), address);
        PortalClient browser = new PortalClient(port);
        browser.signIn(person.upn(), person.password());
        Document step = browser.get("/signin/verify").page();
        assertThat(TestMail.to(address)).isEmpty();

        Document sent = browser.submit(step, "form[action=/signin/verify/send]", Map.of()).page();
        String code = TestMail.lastCode(address);
        Response in = browser.submit(sent, "form:has(input[name=code])", Map.of("code", code));

        assertThat(in.location()).hasValue("/");
        PortalClient other = new PortalClient(port);
        other.signIn(person.upn(), person.password());
        Document otherStep = other.get("/signin/verify").page();
        Response replayed = other.post("/signin/verify", Map.of("_csrf", PortalClient.csrfToken(otherStep),
                "code", code, "method", sent.selectFirst("input[name=method]").attr("value")));
        assertThat(replayed.page().select("[role=alert]").text()).startsWith("That code isn't right.");
    }

    @Test
    void aCodeSentForTheSignInStepDoesNotConfirmAChange() {
        Person person = people.create();
        String address = "pat." + person.id() + "@example.net";
        methods.addEmail(person.id(), address);
        PortalClient browser = new PortalClient(port);
        browser.signIn(person.upn(), person.password());
        Document sent = browser.submit(browser.get("/signin/verify").page(), "form[action=/signin/verify/send]",
                Map.of()).page();
        browser.submit(sent, "form:has(input[name=code])", Map.of("code", TestMail.lastCode(address)));
        PortalClient other = new PortalClient(port);
        other.signIn(person.upn(), person.password());
        other.submit(other.get("/signin/verify").page(), "form[action=/signin/verify/send]", Map.of());
        String signInCode = TestMail.lastCode(address);
        clock.advance(Duration.ofMinutes(11));
        browser.get("/security-info/phone");
        browser.submit(browser.get("/confirm").page(), "form[action=/confirm]", Map.of("password", person.password()));
        Document confirm = browser.get("/confirm/verify").page();

        Response refused = browser.post("/confirm/verify", Map.of("_csrf", PortalClient.csrfToken(confirm),
                "method", confirm.selectFirst("input[name=method]").attr("value"), "code", signInCode));

        assertThat(refused.page().select("[role=alert]").text()).startsWith("That code isn't right.");
        assertThat(browser.get("/security-info/phone").location()).hasValue("/confirm");
    }

    private int methodCount(Person person) {
        return jdbc.sql("select count(*) from sign_in_method where account_id = ?").param(person.id())
                .query(Integer.class).single();
    }
}
