package dev.myaccount.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/** The Provisioning page: a token is shown once, works, shows when it was used, and only its organisation revokes it. */
@PortalTest
class ProvisioningAdminTest extends PortalTestCase {

    private static final String PAGE = "/admin/provisioning";

    @Test
    void aTokenIsShownOnceWorksShowsItsLastUseAndIsRevokedOnlyByItsOrganisation() {
        Person admin = people.createAdmin();
        Person otherAdmin = people.createAdmin();
        PortalClient browser = signedIn(admin);
        PortalClient other = signedIn(otherAdmin);

        Response refused = browser.submit(browser.get(PAGE).page(), "form[action=/admin/provisioning]",
                Map.of("name", "x".repeat(101)));
        assertThat(refused.page().select("[role=alert]").text()).isEqualTo(
                "Give the token a name of at most 100 characters.");
        Document created = browser.submit(browser.get(PAGE).page(), "form[action=/admin/provisioning]",
                Map.of("name", "Okta")).page();
        String token = created.select("#secret code").text();
        assertThat(token).startsWith("scim_").hasSizeGreaterThan(40);
        assertThat(created.select("#scim-address").text()).endsWith("/scim/v2");
        assertThat(status(token)).isEqualTo(200);

        Document listed = browser.get(PAGE).page();
        assertThat(listed.body().text()).doesNotContain(token);
        assertThat(listed.select("tbody tr td").eachText()).contains("Okta").doesNotContain("Never");
        String revoke = listed.selectFirst("form[action$=/revoke]").attr("action");

        assertThat(other.get(PAGE).page().select("tbody tr")).isEmpty();
        Response elsewhere = other.post(revoke, Map.of("_csrf", PortalClient.csrfToken(other.get(PAGE).page())));
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.location()).isEmpty();
        assertThat(status(token)).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'scim-token.revoked' and actor_account_id = ?")
                .param(otherAdmin.id()).query(Integer.class).single()).isZero();

        assertThat(browser.submit(listed, "form[action$=/revoke]", Map.of()).location()).hasValue(PAGE + "?revoked");
        assertThat(status(token)).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_event where type like 'scim-token.%' and actor_account_id = ?")
                .param(admin.id()).query(Integer.class).single()).isEqualTo(2);
    }

    private int status(String token) {
        return new PortalClient(port).withHeader("Authorization", "Bearer " + token).get("/scim/v2/Users").status();
    }
}
