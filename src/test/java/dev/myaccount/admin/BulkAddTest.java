package dev.myaccount.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
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
    void aFileInEntrasTemplateAddsEveryGoodRowAndReportsEachRefusedOneWithWhy() throws Exception {
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
    void aFileThatCannotBeReadWholeAddsNoOne() throws Exception {
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
    void fiveHundredPeopleAreAddedInTheBackgroundWithProgressThatOutlivesAReloadAndAReportThatStays() throws Exception {
        Person admin = people.createAdmin();
        Person otherAdmin = people.createAdmin();
        PortalClient browser = signedIn(admin);
        StringBuilder file = new StringBuilder(COLUMNS);
        for (int i = 0; i < 500; i++) {
            file.append("Person ").append(i).append(",person.").append(i).append('@').append(admin.domain())
                    .append(",a first passphrase for ").append(i).append(",No,,,\n");
        }

        long started = System.nanoTime();
        Response answer = browser.upload(PAGE, PortalClient.csrfToken(browser.get(PAGE).page()), "file",
                "people.csv", file.toString().getBytes(StandardCharsets.UTF_8));
        long answeredIn = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String job = answer.location().orElseThrow();
        Document running = browser.get(job).page();
        Document done = upload(browser, file.toString().replace("person.", "again.").getBytes(StandardCharsets.UTF_8));

        assertThat(answeredIn).as("the upload answers before the rows are added").isLessThan(5_000);
        assertThat(running.select("progress").attr("max")).isEqualTo("500");
        assertThat(running.select("label[for=progress]").text()).endsWith("of 500 rows done");
        assertThat(done.select("[role=status]").text()).isEqualTo("500 people were added; no row was refused.");
        Document listed = browser.get(PAGE).page();
        assertThat(listed.select("tbody tr")).hasSize(2);
        assertThat(signedIn(otherAdmin).get(job).status()).isEqualTo(404);
        assertThat(count(people.organisationOf(admin))).isEqualTo(1001);
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

    /** The job's page once it is done, followed as the page follows itself while the job runs. */
    private Document upload(PortalClient browser, byte[] file) throws InterruptedException {
        Response answer = browser.upload(PAGE, PortalClient.csrfToken(browser.get(PAGE).page()), "file",
                "people.csv", file);
        String job = answer.location().orElseThrow(() -> new AssertionError("No job: " + answer.body()));
        assertThat(job).matches(PAGE + "/[0-9a-f-]{36}");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Document page = browser.get(job).page();
        while (page.select("[role=status]").isEmpty()) {
            assertThat(System.nanoTime()).as("the job finishes").isLessThan(deadline);
            assertThat(page.select("meta[http-equiv=refresh]")).isNotEmpty();
            Thread.sleep(100);
            page = browser.get(job).page();
        }
        assertThat(page.select("meta[http-equiv=refresh]")).isEmpty();
        return page;
    }

    /** The refusal of a file that cannot be read whole, on the upload page itself. */
    private String refusal(PortalClient browser, byte[] file) {
        Response answer = browser.upload(PAGE, PortalClient.csrfToken(browser.get(PAGE).page()), "file",
                "people.csv", file);
        assertThat(answer.status()).isEqualTo(200);
        return answer.page().select("[role=alert]").text();
    }

    private int count(UUID organisation) {
        return jdbc.sql("select count(*) from account where organisation_id = ?").param(organisation)
                .query(Integer.class).single();
    }
}
