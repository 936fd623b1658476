package dev.myaccount.securityinfo.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/**
 * Spring Security's passkey endpoints do only what Security info asks of them: no options of a new passkey for a
 * password whose second step is still to come, and no deleting a passkey past Security info's checks.
 */
@PortalTest
class SpringPasskeyEndpointsTest extends PortalTestCase {

    @Test
    void aSessionWithOnlyItsPasswordGetsNoOptionsOfANewPasskey() {
        Person person = people.create();
        methods.addAuthenticator(person.id());
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(person.upn(), person.password()).location()).hasValue("/signin/verify");
        String csrf = PortalClient.csrfToken(browser.get("/signin/verify").page());

        Response options = browser.fetch("POST", "/webauthn/register/options", csrf);

        assertThat(options.status()).isEqualTo(403);
        assertThat(options.body()).doesNotContain(person.upn()).doesNotContain("challenge");
        PortalClient whole = signedIn(people.create());
        Response allowed = whole.fetch("POST", "/webauthn/register/options",
                PortalClient.csrfToken(whole.get("/security-info").page()));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body()).contains("challenge");
    }

    @Test
    void springsOwnDeleteOfAPasskeyIsNoWayAroundSecurityInfo() {
        Person person = people.create();
        PortalClient browser = signedIn(person);
        String passkey = methods.addPasskey(person.upn(), "Laptop");

        Response deleted = browser.fetch("DELETE", "/webauthn/register/" + passkey,
                PortalClient.csrfToken(browser.get("/security-info").page()));

        assertThat(deleted.status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from user_credentials where credential_id = ?").param(passkey)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
