package dev.myaccount.securityinfo.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalClient.Response;
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
        jdbc.sql("insert into user_entities (id, name, display_name) values (?, ?, ?)")
                .params("handle-" + person.id(), person.upn(), person.displayName()).update();
        jdbc.sql("""
                insert into user_credentials (credential_id, user_entity_user_id, public_key, signature_count,
                    uv_initialized, backup_eligible, authenticator_transports, public_key_credential_type,
                    backup_state, created, last_used, label)
                values ('AQID', ?, ?, 0, true, false, 'internal', 'public-key', false, ?, ?, 'Laptop')""")
                .params("handle-" + person.id(), new byte[] {1}, LocalDateTime.now(), LocalDateTime.now()).update();

        Response deleted = browser.fetch("DELETE", "/webauthn/register/AQID",
                PortalClient.csrfToken(browser.get("/security-info").page()));

        assertThat(deleted.status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from user_credentials where credential_id = 'AQID'")
                .query(Integer.class).single()).isEqualTo(1);
    }
}
