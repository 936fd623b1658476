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
 * A person lets an app that asks for consent sign them in, finds it on My Account's Apps page with what it may see,
 * and revokes its access: the app signs them out, and asks for their consent again next time.
 */
@BrowserTest
class MyAppsInBrowserTest extends PortalTestCase {

    @Autowired
    Apps apps;

    @Autowired
    MessageSource messages;

    private String message(String key, String language, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.forLanguageTag(language));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void aPersonConsentsToAnAppSeesItOnTheAppsPageAndRevokesItsAccess(String language) {
        Person person = people.create();
        int appPort = FreePorts.take();
        Apps.Created wiki = apps.create(Actor.commandLine(people.organisationOf(person)),
                new Apps.NewApp("Team wiki", RelyingParty.redirectUri(appPort), false, true,
                        RelyingParty.backChannelLogoutUri(appPort)), RequestOrigin.COMMAND_LINE);
        try (RelyingParty app = RelyingParty.start(appPort, "http://localhost:" + port, wiki.app().clientId(),
                wiki.secret()); Browser browser = new Browser(port, language)) {
            browser.openUrl(app.url("/"));
            browser.signIn(person.upn(), person.password());
            assertThat(browser.text("h1")).isEqualTo(message("apps.consent.title", language, "Team wiki"));
            assertThat(browser.text(".app-scopes")).contains(message("apps.scope.profile", language),
                    message("apps.scope.email", language));
            browser.assertAccessible();
            browser.screenshot(language + "-apps-1-consent");
            browser.click("form:first-of-type button[type=submit]");
            assertThat(browser.text("body")).contains("sub=" + person.id());

            browser.open("/");
            assertThat(browser.text("#tile-apps + p")).isEqualTo(message("tile.apps.count", language, 1));
            browser.click("nav.side a[href='/apps']");
            assertThat(browser.text(".app-name")).isEqualTo("Team wiki");
            assertThat(browser.text(".app .app-scopes")).contains(message("apps.scope.email", language));
            browser.assertAccessible();
            browser.screenshot(language + "-apps-2-list");

            browser.click(".app form button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("apps.revoked", language));
            assertThat(browser.text(".empty")).isEqualTo(message("apps.none", language));
            browser.screenshot(language + "-apps-3-revoked");

            browser.openUrl(app.url("/"));
            assertThat(browser.text("h1")).as("signed out of the app, which asks for consent again")
                    .isEqualTo(message("apps.consent.title", language, "Team wiki"));
        }
    }
}
