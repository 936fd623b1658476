package dev.myaccount.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.NewAccount;
import dev.myaccount.people.Role;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/**
 * The operator (an admin named in myaccount.operators) adds an organisation with its first admin, who signs in with
 * the pass shown once and administers only it; no one else sees the page, and a bad form adds nothing.
 */
@PortalTest
@TestPropertySource(properties = "myaccount.operators=it.operator@operators.example")
class OrganisationsAdminTest extends PortalTestCase {

    private static final String PAGE = "/admin/organisations";
    private static final String OPERATOR = "it.operator@operators.example";
    private static final String PASSWORD = "the operator's own passphrase";

    @Autowired
    DirectoryService directory;

    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void theOperator() {
        if (directory.findByUpn(OPERATOR).isEmpty()) {
            directory.createAccount(new NewAccount(directory.createOrganisation("Operators", "operators.example").id(),
                    OPERATOR, "IT Operator", null, null, passwords.encode(PASSWORD), false, Role.ADMIN));
        }
    }

    @Test
    void theOperatorAddsAnOrganisationWhoseFirstAdminSignsInWithThePassAndAdministersOnlyIt() {
        PortalClient operator = new PortalClient(port);
        operator.signIn(OPERATOR, PASSWORD);
        String domain = "fabrikam-" + System.nanoTime() + ".example";
        assertThat(operator.get("/admin/people").page().select("a[href=/admin/organisations]")).hasSize(1);

        Document added = operator.submit(operator.get(PAGE).page(), "form[action=/admin/organisations]",
                Map.of("name", "Fabrikam", "domain", domain.toUpperCase(), "upn", "it@" + domain,
                        "displayName", "Fabrikam IT")).page();

        assertThat(added.select("[role=status]").text())
                .isEqualTo("The organisation was added, with it@" + domain + " as its admin.");
        String pass = added.select("#secret code").text();
        assertThat(added.select("tbody td").eachText()).contains("Fabrikam", domain);
        PortalClient fabrikam = new PortalClient(port);
        Response signedIn = fabrikam.submit(fabrikam.get("/access-pass").page(), "form[action=/access-pass]",
                Map.of("upn", "it@" + domain, "pass", pass));
        assertThat(signedIn.location()).hasValue("/access-pass/password");
        fabrikam.submit(fabrikam.get("/access-pass/password").page(), "form[action=/access-pass/password]",
                Map.of("newPassword", "Seven quiet harbours at dusk", "confirmPassword",
                        "Seven quiet harbours at dusk"));
        assertThat(fabrikam.get("/admin/people").page().select("tbody td").eachText()).contains("it@" + domain)
                .doesNotContain(OPERATOR);
        assertThat(fabrikam.get(PAGE).status()).isEqualTo(404);
        assertThat(jdbc.sql("""
                select count(*) from audit_event e join organisation o on o.id = e.organisation_id
                where o.domain = ? and e.type = 'organisation.created' and e.actor_upn = ?""")
                .params(domain, OPERATOR).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aBadFormAddsNothingAndSaysWhy() {
        PortalClient operator = new PortalClient(port);
        operator.signIn(OPERATOR, PASSWORD);
        String domain = "northwind-" + System.nanoTime() + ".example";
        int before = organisations();
        String[][] refusals = {
                {"", domain, "it@" + domain, "IT", "Enter the organisation's name"},
                {"Northwind", "not a domain", "it@" + domain, "IT", "Enter a domain such as fabrikam.com"},
                {"Northwind", "operators.example", "x@operators.example", "IT", "An organisation has that domain"},
                {"Northwind", domain, "it@elsewhere.example", "IT", "must end in @" + domain},
                {"Northwind", domain, OPERATOR, "IT", "That user principal name is taken."},
                {"Northwind", domain, "it\u0000@" + domain, "IT", "Before the @"},
                {"Northwind", domain, "it@" + domain, "", "Enter a display name"}};
        for (String[] refusal : refusals) {
            Document page = operator.submit(operator.get(PAGE).page(), "form[action=/admin/organisations]",
                    Map.of("name", refusal[0], "domain", refusal[1], "upn", refusal[2], "displayName", refusal[3]))
                    .page();
            assertThat(page.select("[role=alert]").text()).as(refusal[4]).contains(refusal[4]);
        }
        assertThat(organisations()).isEqualTo(before);
        assertThat(directory.findByUpn("it@" + domain)).isEmpty();
    }

    @Test
    void anAdminWhoIsNoOperatorGetsNotFound() {
        Person admin = people.createAdmin();
        PortalClient browser = signedIn(admin);

        assertThat(browser.get("/admin/people").page().select("a[href=/admin/organisations]")).isEmpty();
        assertThat(browser.get(PAGE).status()).isEqualTo(404);
        assertThat(browser.post(PAGE, Map.of("_csrf", PortalClient.csrfToken(browser.get("/admin/people").page()),
                "name", "Mine", "domain", "mine-" + System.nanoTime() + ".example", "upn", "x@mine.example",
                "displayName", "X")).status()).isEqualTo(404);
    }

    private int organisations() {
        return jdbc.sql("select count(*) from organisation").query(Integer.class).single();
    }
}
