package dev.myaccount.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/**
 * Add people from a CSV file in Entra's bulk-create columns: each good row is added whole, each bad one is
 * reported with its line and why, and a file that cannot be read whole adds no one.
 */
@PortalTest
class BulkAddTest extends PortalTestCase {

    private static final String PAGE = "/admin/people/bulk";
    private static final String COLUMNS = "Name [displayName] Required,User name [userPrincipalName] Required,"
            + "Initial password [passwordProfile] Required,Block sign in (Yes/No) [accountEnabled] Required,"
            + "First name [givenName],Last name [surname],Job title [jobTitle]\n";

    @Test
    void aFileInEntrasTemplateAddsEveryGoodRowAndReportsEachRefusedOneWithWhy() {
        Person admin = people.createAdmin();
        String domain = admin.domain();
        PortalClient browser = signedIn(admin);
        String template = browser.get(PAGE + "/template.csv").body();
        assertThat(template).startsWith("version:v1.0\n" + COLUMNS.substring(0, 40))
                .contains("chris.green@" + domain);

        Document report = upload(browser, ("version:v1.0\n" + COLUMNS
                + "Lee Gu,lee.gu@" + domain + ",a first passphrase for Lee,No,Lee,Gu,Engineer\n"
                + "\"Vance, Adele\",adele@" + domain + ",,Yes,Adele,Vance,\n"
                + "Out Sider,out@elsewhere.example,a first passphrase for Out,No,,,\n"
                + "Again,\"" + admin.upn() + "\",a first passphrase again,No,,,\n"
                + "Weak,weak@" + domain + ",password,No,,,\n"
                + "Maybe,maybe@" + domain + ",a first passphrase for May,Perhaps,,,\n").getBytes(StandardCharsets.UTF_8));

        assertThat(report.select("[role=status]").text())
                .isEqualTo("2 people were added; 4 rows were refused.");
        assertThat(report.select("table").get(0).select("tbody tr").eachText()).containsExactly(
                "5 out@elsewhere.example The user principal name must end in @" + domain
                        + ", your organisation's domain.",
                "6 " + admin.upn() + " That user principal name is taken.",
                "7 weak@" + domain + " " + report.select("table").get(0).select("tbody tr").get(2).child(2).text(),
                "8 maybe@" + domain + " Block sign in must be Yes or No.");
        assertThat(report.select("table").get(0).select("tbody tr").get(2).text())
                .contains("does not meet the organisation's password policy");
        assertThat(report.select("table").get(1).select("tbody tr").eachText())
                .containsExactly("3 lee.gu@" + domain + " Lee Gu", "4 adele@" + domain + " Vance, Adele");

        assertThat(new PortalClient(port).signIn("lee.gu@" + domain, "a first passphrase for Lee").location())
                .hasValue("/password");
        assertThat(jdbc.sql("select enabled from account where upn = ?").param("adele@" + domain)
                .query(Boolean.class).single()).isFalse();
        assertThat(count(people.organisationOf(admin))).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'account.created' and detail = 'csv'"
                + " and actor_account_id = ?").param(admin.id()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aFileThatCannotBeReadWholeAddsNoOne() {
        Person admin = people.createAdmin();
        String domain = admin.domain();
        PortalClient browser = signedIn(admin);
        String good = "Zoë Aubert,zoe@" + domain + ",a first passphrase for Zoe,No,Zoë,Aubert,\n";

        assertThat(refusal(browser, (COLUMNS + good).getBytes(StandardCharsets.ISO_8859_1)))
                .startsWith("The file is not UTF-8 text.");
        assertThat(refusal(browser, (COLUMNS + good + "Long,long@" + domain + ",,No,,," + "x".repeat(1_000_000)
                + "\n").getBytes(StandardCharsets.UTF_8))).isEqualTo("Line 3 is longer than 4,096 characters."
                + " No one was added.");
        assertThat(refusal(browser, ("Name,UPN\n" + good).getBytes(StandardCharsets.UTF_8)))
                .startsWith("The file lacks the template's columns");
        assertThat(refusal(browser, (COLUMNS + good + "\"Open,quote@" + domain + ",,No,,,\n")
                .getBytes(StandardCharsets.UTF_8))).startsWith("The file is not a CSV file that can be read");
        assertThat(refusal(browser, (COLUMNS + good.repeat(501)).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("The file has more than 500 people; split it into smaller files. No one was added.");
        assertThat(refusal(browser, new byte[0])).isEqualTo("Choose a CSV file to upload.");
        Response huge = browser.upload(PAGE, PortalClient.csrfToken(browser.get(PAGE).page()), "file", "huge.csv",
                (COLUMNS + good.repeat(40_000)).getBytes(StandardCharsets.UTF_8));
        assertThat(huge.status()).isEqualTo(413);

        assertThat(count(people.organisationOf(admin))).isEqualTo(1);
        Document page = upload(browser, (COLUMNS + good).getBytes(StandardCharsets.UTF_8));
        assertThat(page.select("[role=status]").text()).isEqualTo("One person was added; no row was refused.");
        assertThat(jdbc.sql("select given_name from account where upn = ?").param("zoe@" + domain)
                .query(String.class).single()).isEqualTo("Zoë");
    }

    @Test
    void aPersonWhoIsNoAdminGetsNotFound() {
        Person member = people.create();
        PortalClient browser = signedIn(member);
        assertThat(browser.get(PAGE).status()).isEqualTo(404);
        assertThat(browser.upload(PAGE, PortalClient.csrfToken(browser.get("/").page()), "file", "people.csv",
                (COLUMNS + "X,x@" + member.domain() + ",a first passphrase for X,No,,,\n")
                        .getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(404);
        assertThat(count(people.organisationOf(member))).isEqualTo(1);
    }

    private Document upload(PortalClient browser, byte[] file) {
        Response answer = browser.upload(PAGE, PortalClient.csrfToken(browser.get(PAGE).page()), "file",
                "people.csv", file);
        assertThat(answer.status()).isEqualTo(200);
        return answer.page();
    }

    private String refusal(PortalClient browser, byte[] file) {
        return upload(browser, file).select("[role=alert]").text();
    }

    private int count(UUID organisation) {
        return jdbc.sql("select count(*) from account where organisation_id = ?").param(organisation)
                .query(Integer.class).single();
    }
}
