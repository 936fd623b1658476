package dev.myaccount.apps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;
import dev.myaccount.support.FreePorts;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.SecondNode;
import dev.myaccount.support.TestPeople.Person;
import example.wiki.RelyingParty;

/**
 * Two portal nodes on one database, as behind a load balancer: a person signs in to an app on one node, the app
 * trades the code and checks the ID token against the other, and a new password set on that other node ends the
 * app's session by back-channel logout. In the browser, and also on PostgreSQL (tag "database").
 */
@BrowserTest
@Tag("database")
class AppSignInOnTwoNodesInBrowserTest extends PortalTestCase {

    @Autowired
    Environment environment;

    @Autowired
    Apps apps;

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void aPersonSignsInOnOneNodeTheAppTradesTheCodeOnTheOtherAndANewPasswordThereEndsTheAppsSession(
            String language) {
        Person person = people.create();
        int appPort = FreePorts.take();
        Apps.Created wiki = apps.create(Actor.commandLine(people.organisationOf(person)),
                new Apps.NewApp("Team wiki", RelyingParty.redirectUri(appPort), false, false,
                        RelyingParty.backChannelLogoutUri(appPort)), RequestOrigin.COMMAND_LINE);
        String firstNode = "http://localhost:" + port;
        try (SecondNode second = SecondNode.beside(environment, "--myaccount.public-address=" + firstNode);
                RelyingParty app = RelyingParty.startCalling("http://localhost:" + second.port(), appPort, firstNode,
                        wiki.app().clientId(), wiki.secret());
                Browser browser = new Browser(port, language)) {
            browser.openUrl(app.url("/"));
            assertThat(browser.url()).startsWith(firstNode + "/signin");
            browser.signIn(person.upn(), person.password());

            assertThat(browser.url()).startsWith(app.url("/"));
            assertThat(browser.text("body")).contains("sub=" + person.id(), "preferred_username=" + person.upn(),
                    "iss=" + firstNode);

            browser.openUrl("http://localhost:" + second.port() + "/password");
            browser.changePassword(person.password(), "A new passphrase for the wiki 2026",
                    "A new passphrase for the wiki 2026");
            browser.openUrl(app.url("/"));
            assertThat(browser.url()).as("the app's own session ended by back-channel logout")
                    .startsWith(firstNode + "/signin");
        }
    }
}
