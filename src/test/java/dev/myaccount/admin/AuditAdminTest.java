package dev.myaccount.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
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

        assertThat(all.select("tbody td:nth-child(3) > span").eachText()).contains(colleague.upn(), admin.upn())
                .doesNotContain(stranger.upn());
        assertThat(theirs.select("tbody td:nth-child(2)").eachText()).containsExactly("Account unlocked", "Signed in");
        assertThat(unlocks.select("tbody tr")).hasSize(1);
        assertThat(unlocks.select("tbody td:nth-child(4) > span").text()).isEqualTo(admin.upn());
        assertThat(unlocks.select("tbody td:nth-child(4) > small").text()).isEqualTo(admin.displayName());
        assertThat(elsewhere.select("tbody tr")).isEmpty();
        assertThat(elsewhere.select("main [role=status]").text()).isEqualTo("No events of that UPN, now or before.");
    }

    @Test
    void aDeletedAdminsEventsAndWhatTheyDidStillNameThemByTheirUpn() {
        Person admin = people.createAdmin();
        Person megan = people.createBeside(admin, "Megan Bowen");
        jdbc.sql("update membership set role = 'ADMIN' where account_id = ?").param(megan.id()).update();
        Person lee = people.createBeside(admin, "Lee Gu");
        PortalClient megansBrowser = signedIn(megan);
        megansBrowser.submit(megansBrowser.get("/admin/people/" + lee.id()).page(), "form[action$=/unlock]",
                Map.of());
        PortalClient browser = signedIn(admin);
        browser.submit(browser.get("/admin/people/" + megan.id()).page(), "form[action$=/delete]",
                Map.of("confirm", "true"));
        assertThat(jdbc.sql("select count(*) from account where id = ?").param(megan.id()).query(Integer.class)
                .single()).isZero();

        Document hers = browser.get("/admin/audit?person=" + megan.upn()).page();
        Document unlocks = browser.get("/admin/audit?kind=account.unlocked").page();
        String csv = browser.get("/admin/audit/export?person=" + megan.upn()).body();

        assertThat(hers.select("tbody td:nth-child(2)").eachText())
                .containsExactly("Account deleted", "Account unlocked", "Signed in");
        assertThat(hers.select("tbody tr:nth-child(1) td:nth-child(3) > span").text()).isEqualTo(megan.upn());
        assertThat(hers.select("tbody tr:nth-child(1) td:nth-child(3) > small").text()).isEqualTo("Megan Bowen");
        assertThat(unlocks.select("tbody td:nth-child(3) > span").text()).isEqualTo(lee.upn());
        assertThat(unlocks.select("tbody td:nth-child(4) > span").text()).isEqualTo(megan.upn());
        assertThat(csv).contains("\"account.unlocked\",\"" + lee.upn() + "\",\"Lee Gu\",\"" + megan.upn()
                + "\",\"Megan Bowen\"");
    }

    @Test
    void anAdminWhoDeletesTheirOwnAccountWithAScimTokenLeavesWhatTheyDidNamed() throws Exception {
        Person admin = people.createAdmin();
        Person megan = people.createBeside(admin, "Megan Bowen");
        jdbc.sql("update membership set role = 'ADMIN' where account_id = ?").param(megan.id()).update();
        Person lee = people.createBeside(admin, "Lee Gu");
        PortalClient megansBrowser = signedIn(megan);
        megansBrowser.submit(megansBrowser.get("/admin/people/" + lee.id()).page(), "form[action$=/unlock]",
                Map.of());
        Document made = megansBrowser.submit(megansBrowser.get("/admin/provisioning").page(),
                "form[action$=/provisioning]", Map.of("name", "Megan's own")).page();
        String token = made.select("#secret code").text();

        HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/scim/v2/Users/" + megan.id()))
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        Document hers = signedIn(admin).get("/admin/audit?person=" + megan.upn()).page();
        assertThat(hers.select("tbody td:nth-child(2)").eachText()).containsExactly("Account deleted",
                "Provisioning token created", "Account unlocked", "Signed in");
        assertThat(hers.select("tbody tr:nth-child(1) td:nth-child(4)").text()).isEqualTo("SCIM: Megan's own");
        assertThat(hers.select("tbody tr:nth-child(2) td:nth-child(4) > span").text()).isEqualTo(megan.upn());
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
