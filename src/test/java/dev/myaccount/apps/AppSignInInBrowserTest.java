package dev.myaccount.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;
import dev.myaccount.support.FreePorts;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;
import example.wiki.RelyingParty;

/**
 * A person opens their organisation's app, which sends them to the portal's own sign-in page; they sign in there
 * and come back signed in to the app, which checked state, nonce and PKCE with Spring Security's client and shows
 * who the ID token says they are; when they change their password, the app is told by back-channel logout and
 * signs them out. A person of another organisation is refused on the portal's page.
 */
@BrowserTest
class AppSignInInBrowserTest extends PortalTestCase {

    @Autowired
    Apps apps;

    @Autowired
    MessageSource messages;

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void aPersonSignsInToTheirOrganisationsAppThroughThePortal(String language) {
        Person person = people.create();
        int appPort = FreePorts.take();
        Apps.Created wiki = apps.create(Actor.commandLine(people.organisationOf(person)), 
                new Apps.NewApp("Team wiki", RelyingParty.redirectUri(appPort), false, false,
                        RelyingParty.backChannelLogoutUri(appPort)), RequestOrigin.COMMAND_LINE);
        try (RelyingParty app = RelyingParty.start(appPort, "http://localhost:" + port, wiki.app().clientId(),
                wiki.secret()); Browser browser = new Browser(port, language)) {
            browser.openUrl(app.url("/"));
            assertThat(browser.path()).isEqualTo("/signin");
            browser.screenshot(language + "-app-1-sign-in");
            browser.signIn(person.upn(), person.password());

            assertThat(browser.url()).startsWith(app.url("/"));
            String claims = browser.text("body");
            assertThat(claims).contains("sub=" + person.id(), "preferred_username=" + person.upn(),
                    "name=" + person.displayName(), "tid=" + people.organisationOf(person), "amr=[pwd]",
                    "iss=http://localhost:" + port);
            browser.screenshot(language + "-app-2-signed-in");

            browser.open("/password");
            browser.changePassword(person.password(), "A new passphrase for the wiki 2026",
                    "A new passphrase for the wiki 2026");
            browser.openUrl(app.url("/"));
            assertThat(browser.url()).as("the app's own session ended by back-channel logout")
                    .startsWith("http://localhost:" + port + "/signin");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void aPersonOfAnotherOrganisationIsRefusedOnThePortalsOwnPage(String language) {
        Person owner = people.create();
        Person stranger = people.create();
        int appPort = FreePorts.take();
        Apps.Created wiki = apps.create(Actor.commandLine(people.organisationOf(owner)), 
                new Apps.NewApp("Team wiki", RelyingParty.redirectUri(appPort), false, false,
                        RelyingParty.backChannelLogoutUri(appPort)), RequestOrigin.COMMAND_LINE);
        try (RelyingParty app = RelyingParty.start(appPort, "http://localhost:" + port, wiki.app().clientId(),
                wiki.secret()); Browser browser = new Browser(port, language)) {
            browser.openUrl(app.url("/"));
            browser.signIn(stranger.upn(), stranger.password());

            assertThat(browser.url()).startsWith("http://localhost:" + port + "/oauth2/authorize");
            assertThat(browser.text("#reason")).isEqualTo(messages.getMessage("apps.refused.organisation", null,
                    Locale.forLanguageTag(language)));
            browser.assertAccessible();
            browser.screenshot(language + "-app-3-other-organisation");
        }
    }
}
