package dev.myaccount.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.myaccount.directory.Account;
import dev.myaccount.directory.DirectoryService;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.TestDatabaseInitializer;

@PortalTest
class DemoOrganisationTest {

    @LocalServerPort
    int port;

    @Autowired
    DirectoryService directory;

    @Test
    void demoModeCreatesContosoWithItsPeopleAndTheirScriptedPassword() {
        for (String name : List.of("adele.vance", "megan.bowen", "lynne.robbins", "alex.wilber")) {
            Account account = directory.findByUpn(name + "@contoso.example").orElseThrow();
            assertThat(directory.findOrganisation(account.organisationId()).orElseThrow().name()).isEqualTo("Contoso");
        }
        assertThat(new PortalClient(port).signIn("megan.bowen@contoso.example", TestDatabaseInitializer.DEMO_PASSWORD)
                .location()).contains("/");
    }
}
