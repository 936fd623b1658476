package dev.myaccount.securityinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.myaccount.people.DirectoryService;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestClock;
import dev.myaccount.support.TestClockConfiguration;
import dev.myaccount.support.TestMail;
import dev.myaccount.support.TestPeople.Person;

/** Security info: adding an authenticator app, the default method, deleting, and the confirmation they need. */
@PortalTest
@Import(TestClockConfiguration.class)
class SecurityInfoPageTest extends PortalTestCase {

    @Autowired
    TestClock clock;

    @Autowired
    SignInSettings settings;

    @Autowired
    DirectoryService directory;

    @Test
    void anAuthenticatorAppIsSavedSealedOnlyAfterACodeFromItsQrCode() {
        Person person = people.create();
        PortalClient browser = signedIn(person);
        Document setup = browser.get("/security-info/authenticator").page();
        assertThat(setup.selectFirst("img.qr").attr("src")).startsWith("data:image/png;base64,");
        String secret = setup.selectFirst("code.secret").text().replace(" ", "");

        Response wrong = browser.submit(setup, "form[action=/security-info/authenticator]", Map.of("code", "123456"));
        assertThat(wrong.page().select("[role=alert]").text()).startsWith("That code isn't right.");
        assertThat(methodCount(person)).isZero();

        Response right = browser.submit(setup, "form[action=/security-info/authenticator]",
                Map.of("code", methods.code(secret)));

        assertThat(right.location()).hasValue("/security-info?added=authenticator");
        Document page = browser.get("/security-info?added=authenticator").page();
        assertThat(page.select("[role=status]").text()).contains("Your authenticator app was added.");
        assertThat(page.select("table.methods tbody tr").text()).contains("Authenticator app", "Default");
        String stored = jdbc.sql("select secret from sign_in_method where account_id = ?").param(person.id())
                .query(String.class).single();
        assertThat(stored).doesNotContain(secret);
        assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and type = 'sign-in-method.added'")
                .param(person.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anAuthenticatorAppAddedIsToldAtThePersonsEmailAddress() {
        Person person = people.create();
        String address = "pat." + person.id() + "@example.net";
        PortalClient browser = signedIn(person);
        methods.addEmail(person.id(), address);
        Document setup = browser.get("/security-info/authenticator").page();
        String secret = setup.selectFirst("code.secret").text().replace(" ", "");

        browser.submit(setup, "form[action=/security-info/authenticator]", Map.of("code", methods.code(secret)));

        assertThat(TestMail.lastSubject(address)).isEqualTo("A sign-in method was added to your My Account");
        assertThat(TestMail.lastText(address)).startsWith("Authenticator app was added just now to the sign-in methods of "
                + person.upn());
    }

    @Test
    void theCodeThatProvedTheAppCannotSignIn() {
        Person person = people.create();
        PortalClient browser = signedIn(person);
        Document setup = browser.get("/security-info/authenticator").page();
        String secret = setup.selectFirst("code.secret").text().replace(" ", "");
        String code = methods.code(secret);
        browser.submit(setup, "form[action=/security-info/authenticator]", Map.of("code", code));

        PortalClient other = new PortalClient(port);
        other.signIn(person.upn(), person.password());
        Response replayed = other.submit(other.get("/signin/verify").page(), "form:has(input[name=code])",
                Map.of("code", code));

        assertThat(replayed.page().select("[role=alert]").text()).startsWith("That code isn't right.");
    }

    @Test
    void addingAMethodAfterTenMinutesAsksForThePasswordAndTheSecondStepThenReturns() {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        PortalClient browser = new PortalClient(port);
        browser.signIn(person.upn(), person.password());
        browser.submit(browser.get("/signin/verify").page(), "form:has(input[name=code])",
                Map.of("code", methods.code(secret)));
        clock.advance(Duration.ofMinutes(11));

        assertThat(browser.get("/security-info/email").location()).hasValue("/confirm");
        Document confirm = browser.get("/confirm").page();
        Response wrong = browser.submit(confirm, "form[action=/confirm]", Map.of("password", "not my password"));
        assertThat(wrong.page().select("[role=alert]").text()).isEqualTo("Your password is incorrect.");
        Response password = browser.submit(confirm, "form[action=/confirm]", Map.of("password", person.password()));
        assertThat(password.location()).hasValue("/confirm/verify");
        assertThat(browser.get("/security-info/email").location()).hasValue("/confirm");

        Response code = browser.submit(browser.get("/confirm/verify").page(), "form:has(input[name=code])",
                Map.of("code", methods.code(secret, 1)));

        assertThat(code.location()).hasValue("/security-info/email");
        assertThat(browser.get("/security-info/email").status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from sign_in_event where account_id = ? and door = 'CONFIRM_IDENTITY'")
                .param(person.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void changingThePasswordAfterTenMinutesAsksToConfirmFirstAndReturns() {
        Person person = people.create();
        PortalClient browser = signedIn(person);
        clock.advance(Duration.ofMinutes(11));
        Document page = browser.get("/sign-ins").page();

        Response post = browser.post("/password", Map.of("_csrf", PortalClient.csrfToken(page),
                "currentPassword", person.password(), "newPassword", "A brand new passphrase 2026",
                "confirmPassword", "A brand new passphrase 2026"));
        assertThat(post.location()).hasValue("/confirm");
        assertThat(browser.get("/password?secured").location()).hasValue("/confirm");
        Response confirmed = browser.submit(browser.get("/confirm").page(), "form[action=/confirm]",
                Map.of("password", person.password()));

        assertThat(confirmed.location()).hasValue("/password?secured");
        assertThat(browser.get("/password").status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and type = 'password.changed'")
                .param(person.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void deletingAMethodAsksFirstAndTheDefaultPassesToTheNextOne() {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        methods.addEmail(person.id(), "pat@example.net");
        PortalClient browser = signIn(person, secret);
        UUID authenticator = methodId(person, "AUTHENTICATOR");

        Document question = browser.get("/security-info/" + authenticator + "/delete").page();
        assertThat(question.select("main p").text()).startsWith("Delete Authenticator app");
        Response deleted = browser.submit(question, "form[action$=/delete]", Map.of());

        assertThat(deleted.location()).hasValue("/security-info?deleted");
        Document page = browser.get("/security-info?deleted").page();
        assertThat(page.select("table.methods tbody tr")).hasSize(1);
        assertThat(page.select("table.methods tbody tr").text()).contains("Email", "pat@example.net", "Default");
        assertThat(jdbc.sql("select detail from audit_event where account_id = ? and type = 'sign-in-method.deleted'")
                .param(person.id()).query(String.class).single()).isEqualTo("authenticator");
    }

    @Test
    void theLastMethodStaysWhenTheOrganisationRequiresASecondStep() {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        settings.requireSecondFactor(directory.find(person.id()).orElseThrow().organisationId(), true);
        PortalClient browser = signIn(person, secret);
        UUID authenticator = methodId(person, "AUTHENTICATOR");

        Response refused = browser.submit(browser.get("/security-info/" + authenticator + "/delete").page(),
                "form[action$=/delete]", Map.of());

        assertThat(refused.location()).hasValue("/security-info?lastrequired");
        assertThat(methodCount(person)).isEqualTo(1);
    }

    @Test
    void anotherPersonsMethodCannotBeDeletedOrMadeDefault() {
        Person owner = people.create();
        methods.addAuthenticator(owner.id());
        methods.addEmail(owner.id(), "owner@example.net");
        UUID email = methodId(owner, "EMAIL");
        Person intruder = people.create();
        PortalClient browser = signedIn(intruder);
        Document page = browser.get("/security-info").page();

        Response delete = browser.post("/security-info/" + email + "/delete",
                Map.of("_csrf", PortalClient.csrfToken(page)));
        Response makeDefault = browser.post("/security-info/default",
                Map.of("_csrf", PortalClient.csrfToken(page), "method", email.toString()));

        assertThat(delete.location()).hasValue("/security-info?notfound");
        assertThat(makeDefault.location()).hasValue("/security-info?notfound");
        assertThat(methodCount(owner)).isEqualTo(2);
        assertThat(jdbc.sql("select is_default from sign_in_method where id = ?").param(email)
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void aPasskeyThatIsNotThePersonsOwnCannotBeRenamedOrDeleted() {
        Person person = people.create();
        PortalClient browser = signedIn(person);
        Document page = browser.get("/security-info").page();
        String someone = methods.addPasskey(people.create().upn(), "Their laptop");

        assertThat(browser.get("/security-info/passkey/" + someone + "/delete").location())
                .hasValue("/security-info?notfound");
        assertThat(browser.post("/security-info/passkey/" + someone + "/delete",
                Map.of("_csrf", PortalClient.csrfToken(page))).location()).hasValue("/security-info?notfound");
        assertThat(browser.post("/security-info/passkey/" + someone + "/rename",
                Map.of("_csrf", PortalClient.csrfToken(page), "name", "Mine now")).location())
                .hasValue("/security-info?notfound");
        assertThat(jdbc.sql("select label from user_credentials where credential_id = ?").param(someone)
                .query(String.class).single()).isEqualTo("Their laptop");
    }

    @Test
    void theDefaultMethodIsOfferedFirstAtSignIn() {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        methods.addEmail(person.id(), "pat@example.net");
        UUID email = methodId(person, "EMAIL");
        PortalClient browser = signIn(person, secret);
        Document page = browser.get("/security-info").page();

        Response changed = browser.submit(page, "form[action=/security-info/default]",
                Map.of("method", email.toString()));

        assertThat(changed.location()).hasValue("/security-info?defaultchanged");
        PortalClient next = new PortalClient(port);
        next.signIn(person.upn(), person.password());
        Document step = next.get("/signin/verify").page();
        assertThat(step.select("main > p:not(.brand)").first().text())
                .isEqualTo("We'll send a code to pat@example.net.");
        assertThat(step.select(".other-methods a").text()).isEqualTo("Authenticator app");
    }

    @Test
    void theOverviewCountsTheMethodsAndTheNavigationLeadsToThem() {
        Person person = people.create();
        methods.addEmail(person.id(), "pat@example.net");
        PortalClient browser = signIn(person, null);

        Document overview = browser.get("/").page();

        assertThat(overview.select("#tile-security-info + p").text())
                .isEqualTo("One sign-in method besides your password.");
        assertThat(overview.select("nav.side a").eachText()).containsExactly("Overview", "Security info", "Password",
                "Devices", "Apps", "Organizations", "Settings & Privacy", "Sign-ins");
        assertThat(new PortalClient(port, "nl").get("/signin").status()).isEqualTo(200);
    }

    @Test
    void whereTheOrganisationRequiresASecondStepAPersonWithoutAMethodAddsOneBeforeAnythingElse() {
        Person person = people.create();
        settings.requireSecondFactor(directory.find(person.id()).orElseThrow().organisationId(), true);
        PortalClient browser = signedIn(person);

        for (String page : new String[] {"/", "/password", "/sign-ins"}) {
            assertThat(browser.get(page).location()).as(page).hasValue("/security-info");
        }
        Document info = browser.get("/security-info").page();
        assertThat(info.select("main [role=status]").text())
                .isEqualTo("Your organisation requires a second sign-in method. Add one to continue.");
        Document setup = browser.get("/security-info/authenticator").page();
        String secret = setup.selectFirst("code.secret").text().replace(" ", "");
        browser.submit(setup, "form[action=/security-info/authenticator]", Map.of("code", methods.code(secret)));

        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    /**
     * Signs in through both steps: with the code of the authenticator app whose secret is {@code secret}, or
     * when the default method is email, with the code from the email.
     */
    private PortalClient signIn(Person person, String secret) {
        PortalClient browser = new PortalClient(port);
        String first = browser.signIn(person.upn(), person.password()).location().orElseThrow();
        if (!first.contains("/signin/verify")) {
            return browser;
        }
        Document step = browser.get("/signin/verify").page();
        if (step.selectFirst("form[action=/signin/verify/send]") != null) {
            step = browser.submit(step, "form[action=/signin/verify/send]", Map.of()).page();
            String address = jdbc.sql("select secret from sign_in_method where account_id = ? and is_default")
                    .param(person.id()).query(String.class).single();
            browser.submit(step, "form:has(input[name=code])", Map.of("code", TestMail.lastCode(address)));
        } else {
            browser.submit(step, "form:has(input[name=code])", Map.of("code", methods.code(secret)));
        }
        return browser;
    }

    private UUID methodId(Person person, String kind) {
        return jdbc.sql("select id from sign_in_method where account_id = ? and kind = ?").params(person.id(), kind)
                .query(UUID.class).single();
    }

    private int methodCount(Person person) {
        return jdbc.sql("select count(*) from sign_in_method where account_id = ?").param(person.id())
                .query(Integer.class).single();
    }
}
