package dev.myaccount.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.myaccount.support.AppClient;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/**
 * The admin's Apps page: an app is registered with its secret shown once, and the secret works; a bad address is
 * refused with a reason and registers nothing; a new secret replaces the old; an app turned off gets no tokens;
 * another organisation's admin can do none of it.
 */
@PortalTest
class AppsAdminTest extends PortalTestCase {

    private static final String PAGE = "/admin/apps";
    private static final String REDIRECT = "https://wiki.fabrikam.example/signed-in";

    @Test
    void anAppIsRegisteredWithItsSecretShownOnceAndOnlyItsOrganisationChangesIt() {
        Person admin = people.createAdmin();
        PortalClient browser = signedIn(admin);
        PortalClient other = signedIn(people.createAdmin());

        Response refused = browser.submit(browser.get(PAGE).page(), "form[action=/admin/apps]",
                Map.of("name", "Wiki", "redirectUri", "http://wiki.fabrikam.example/signed-in"));
        assertThat(refused.page().select("[role=alert]").text()).startsWith("Enter the address the app receives");
        assertThat(refused.page().select("#name").val()).isEqualTo("Wiki");
        assertThat(browser.get(PAGE).page().select("tr.app-row")).isEmpty();

        Document registered = browser.submit(browser.get(PAGE).page(), "form[action=/admin/apps]",
                Map.of("name", "Wiki", "redirectUri", REDIRECT)).page();
        String clientId = registered.select("#client-id").text();
        String secret = registered.select("#secret").text();
        assertThat(secret).hasSizeGreaterThan(40);
        assertThat(registered.select("#issuer").text()).isEqualTo("http://localhost:" + port);
        assertThat(grant(clientId, secret)).isEqualTo(200);

        Document listed = browser.get(PAGE).page();
        assertThat(listed.body().text()).contains(clientId).doesNotContain(secret);
        assertThat(other.get(PAGE).page().select("tr.app-row")).isEmpty();
        String turnOff = listed.selectFirst("form[action$=/turn-off]").attr("action");
        Response elsewhere = other.post(turnOff, Map.of("_csrf", PortalClient.csrfToken(other.get(PAGE).page())));
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(grant(clientId, secret)).isEqualTo(200);

        String fresh = browser.submit(listed, "form[action$=/rotate-secret]", Map.of()).page().select("#secret").text();
        assertThat(grant(clientId, secret)).isEqualTo(401);
        assertThat(grant(clientId, fresh)).isEqualTo(200);

        assertThat(browser.submit(browser.get(PAGE).page(), "form[action$=/turn-off]", Map.of()).location())
                .hasValue(PAGE + "?done=off");
        assertThat(grant(clientId, fresh)).isEqualTo(401);
        assertThat(browser.submit(browser.get(PAGE).page(), "form[action$=/delete]", Map.of()).location())
                .hasValue(PAGE + "?done=deleted");
        assertThat(browser.get(PAGE).page().select("tr.app-row")).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where type like 'app.%' and actor_account_id = ?")
                .param(admin.id()).query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void thePageDoesNotExistForSomeoneWhoIsNotAnAdmin() {
        Person member = people.create();
        assertThat(signedIn(member).get(PAGE).status()).isEqualTo(404);
    }

    private int grant(String clientId, String secret) {
        return new AppClient(port, clientId, secret, REDIRECT).clientCredentials().status();
    }
}
