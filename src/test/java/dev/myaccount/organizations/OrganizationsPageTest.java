package dev.myaccount.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Organisation;
import dev.myaccount.people.Role;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestDatabaseInitializer;
import dev.myaccount.support.TestPeople.Person;

/** The Organizations page: home organisation first, guest memberships, and leaving one (never the home one). */
@PortalTest
class OrganizationsPageTest extends PortalTestCase {

    @Autowired
    DirectoryService directory;

    @Test
    void theDemosAdeleIsAGuestOfAdventureWorks() {
        PortalClient browser = new PortalClient(port);
        browser.signIn("adele.vance@contoso.example", TestDatabaseInitializer.DEMO_PASSWORD);

        Document page = browser.get("/organizations").page();

        assertThat(page.select(".organization h2").eachText()).containsExactly("Contoso", "Adventure Works");
        assertThat(page.select(".organization").get(0).text()).contains("Home organisation", "Member");
        assertThat(page.select(".organization").get(1).text()).contains("Guest", "Leave organisation");
        assertThat(browser.get("/").page().select("#tile-organizations + p").text())
                .isEqualTo("Member of 2 organisations.");
    }

    @Test
    void aGuestLeavesAnOrganisationAfterConfirmingAndItIsAudited() {
        Person person = people.create();
        Organisation partner = partnerOf(person);
        PortalClient browser = signedIn(person);

        Document question = browser.get("/organizations/" + partner.id() + "/leave").page();
        assertThat(question.select("main p").text()).startsWith("Leave " + partner.name() + "?");
        Response left = browser.submit(question, "form[action$=/leave]", Map.of());

        assertThat(left.location()).hasValue("/organizations?left");
        assertThat(browser.get("/organizations").page().select(".organization")).hasSize(1);
        assertThat(jdbc.sql("select detail from audit_event where account_id = ? and type = 'organisation.left'")
                .param(person.id()).query(String.class).single()).isEqualTo(partner.id().toString());
    }

    @Test
    void theHomeOrganisationAndOnesThePersonIsNoMemberOfCannotBeLeft() {
        Person person = people.create();
        UUID home = directory.find(person.id()).orElseThrow().organisationId();
        Organisation stranger = directory.createOrganisation("Stranger " + UUID.randomUUID().toString().substring(0, 8),
                "stranger-" + UUID.randomUUID().toString().substring(0, 8) + ".example");
        PortalClient browser = signedIn(person);
        String csrf = PortalClient.csrfToken(browser.get("/organizations").page());

        for (UUID id : new UUID[] {home, stranger.id()}) {
            assertThat(browser.get("/organizations/" + id + "/leave").location()).hasValue("/organizations?notguest");
            assertThat(browser.post("/organizations/" + id + "/leave", Map.of("_csrf", csrf)).location())
                    .hasValue("/organizations?notguest");
        }
        assertThat(directory.memberships(person.id())).hasSize(1);
    }

    private Organisation partnerOf(Person person) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Organisation partner = directory.createOrganisation("Partner " + unique, "partner-" + unique + ".example");
        directory.addGuest(person.id(), partner.id(), Role.MEMBER);
        return partner;
    }
}
