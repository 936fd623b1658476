package dev.myaccount.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestDatabaseInitializer;

@PortalTest
@Import(DemoOrganisationTest.PeopleWhenServing.class)
class DemoOrganisationTest extends PortalTestCase {

    @Autowired
    DirectoryService directory;

    @Autowired
    PeopleWhenServing peopleWhenServing;

    /** Whether the demo people existed at the moment the portal's web server began to accept connections. */
    static class PeopleWhenServing {

        private final DirectoryService directory;
        private volatile Boolean existed;

        PeopleWhenServing(DirectoryService directory) {
            this.directory = directory;
        }

        @EventListener
        void serving(WebServerInitializedEvent event) {
            if (event.getApplicationContext().getServerNamespace() == null) {
                existed = directory.findByUpn("adele.vance@contoso.example").isPresent();
            }
        }
    }

    @Test
    void theDemoPeopleExistBeforeThePortalAcceptsAConnection() {
        assertThat(peopleWhenServing.existed).isTrue();
    }

    @Test
    void demoModeCreatesContosoWithItsPeopleAndTheirScriptedPassword() {
        for (String name : List.of("adele.vance", "megan.bowen", "lynne.robbins", "alex.wilber")) {
            Account account = directory.findByUpn(name + "@contoso.example").orElseThrow();
            assertThat(directory.findOrganisation(account.organisationId()).orElseThrow().name()).isEqualTo("Contoso");
        }
        assertThat(new PortalClient(port).signIn("megan.bowen@contoso.example", TestDatabaseInitializer.DEMO_PASSWORD)
                .location()).hasValue("/");
    }

    @Test
    void everyDemoOrganisationHasAnAdminWhoReachesItsAdminPages() {
        assertThat(jdbc.sql("""
                select count(*) from organisation o where not exists (select 1 from membership m
                    join account a on a.id = m.account_id and a.organisation_id = o.id
                    where m.organisation_id = o.id and m.role = 'ADMIN' and a.enabled)""")
                .query(Integer.class).single()).isZero();
        PortalClient lee = new PortalClient(port);
        assertThat(lee.signIn("lee.gu@adventure-works.example", TestDatabaseInitializer.DEMO_PASSWORD).location())
                .hasValue("/");
        assertThat(lee.get("/admin/people").status()).isEqualTo(200);
    }

    @Test
    void diegoIsAskedForACodeSentToHisPersonalAddress() {
        PortalClient browser = new PortalClient(port);

        assertThat(browser.signIn("diego.siciliani@contoso.example", TestDatabaseInitializer.DEMO_PASSWORD)
                .location()).hasValue("/signin/verify");
        assertThat(browser.get("/signin/verify").page().select("main > p:not(.brand)").first().text())
                .isEqualTo("We'll send a code to diego@home.example.");
    }
}
