package dev.myaccount.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/** The admin's Audit log: the organisation's own events only, filtered, paged, and as CSV. */
@PortalTest
class AuditAdminTest extends PortalTestCase {

    @Test
    void anAdminSeesTheirOrganisationsEventsFilteredByPersonAndKindWithTheAdminWhoActed() {
        Person admin = people.createAdmin();
        Person colleague = people.createBeside(admin, "Lee Gu");
        Person stranger = people.create();
        signedIn(colleague);
        signedIn(stranger);
        PortalClient browser = signedIn(admin);
        browser.submit(browser.get("/admin/people/" + colleague.id()).page(), "form[action$=/unlock]", Map.of());

        Document all = browser.get("/admin/audit").page();
        Document theirs = browser.get("/admin/audit?person=" + colleague.upn().toUpperCase()).page();
        Document unlocks = browser.get("/admin/audit?kind=account.unlocked").page();
        Document elsewhere = browser.get("/admin/audit?person=" + stranger.upn()).page();

        assertThat(all.select("tbody td:nth-child(3)").eachText()).contains(colleague.upn(), admin.upn())
                .doesNotContain(stranger.upn());
        assertThat(theirs.select("tbody td:nth-child(2)").eachText()).containsExactly("Account unlocked", "Signed in");
        assertThat(unlocks.select("tbody tr")).hasSize(1);
        assertThat(unlocks.select("tbody td:nth-child(4)").text()).isEqualTo(admin.upn());
        assertThat(elsewhere.select("tbody tr")).isEmpty();
        assertThat(elsewhere.select("main [role=status]").text()).isEqualTo("No one of your organisation has that UPN.");
    }

    @Test
    void theExportIsCsvThatASpreadsheetCannotRunAndHasTheFiltersEvents() {
        Person admin = people.createAdmin();
        Person colleague = people.createBeside(admin, "Lee Gu");
        PortalClient theirs = new PortalClient(port).withHeader("User-Agent", "=HYPERLINK(\"http://evil\",\"x\")");
        theirs.signIn(colleague.upn(), colleague.password());
        PortalClient browser = signedIn(admin);

        Response csv = browser.get("/admin/audit/export?person=" + colleague.upn());

        assertThat(csv.header("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition").orElse("")).contains("attachment");
        assertThat(csv.body().split("\r\n")).hasSize(2);
        assertThat(csv.body()).startsWith("\"time\",\"event\",\"person\"")
                .contains("\"sign-in.succeeded\",\"" + colleague.upn() + "\"")
                .contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
    }

    @Test
    void aPersonWhoIsNoAdminGetsNotFound() {
        PortalClient browser = signedIn(people.create());

        assertThat(browser.get("/admin/audit").status()).isEqualTo(404);
        assertThat(browser.get("/admin/audit/export").status()).isEqualTo(404);
    }
}
