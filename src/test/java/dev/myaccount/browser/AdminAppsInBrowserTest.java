package dev.myaccount.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.myaccount.support.AppClient;
import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;
import dev.myaccount.support.TestPeople.Person;

/**
 * An admin registers the organisation's wiki on the Apps page and copies its secret; the wiki opens a Shared Signals
 * stream with it, which the admin sees with the events waiting for it; the admin turns the wiki off.
 */
@BrowserTest
class AdminAppsInBrowserTest extends BrowserWalk {

    private static final String EVENTS = "https://wiki.fabrikam.example/security-events";

    /** The wiki, with a token of its own, opens its stream and asks for it to be verified (one event waits). */
    private void streamOfTheApp(String clientId, String secret) throws Exception {
        String token = new AppClient(port, clientId, secret, null).clientCredentials().text("access_token");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/ssf/streams")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"delivery\": {\"method\": \"urn:ietf:rfc:8935\","
                        + " \"endpoint_url\": \"" + EVENTS + "\"}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String stream = created.body().replaceFirst("(?s).*\"stream_id\":\"([^\"]+)\".*", "$1");
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ssf/verify"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"stream_id\": \"" + stream + "\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void anAdminRegistersAnAppSeesItsStreamAndTurnsItOff(String language) throws Exception {
        Person admin = people.createAdmin();
        try (Browser browser = new Browser(port, language)) {
            browser.open("/signin");
            browser.signIn(admin.upn(), admin.password());
            browser.open("/admin/people");
            browser.click("nav.side a[href='/admin/apps']");
            assertThat(browser.text("h1")).isEqualTo(message("admin.apps.title", language));
            browser.type("#name", "Team wiki");
            browser.type("#redirectUri", "https://wiki.fabrikam.example/signed-in");
            browser.type("#logoutUri", "https://wiki.fabrikam.example/backchannel-logout");
            browser.click("form[action='/admin/apps'] button[type=submit]");
            assertThat(browser.text("[role=status]")).isEqualTo(message("admin.apps.shown", language));
            assertThat(browser.text("#secret")).hasSizeGreaterThan(40);
            browser.assertAccessible();
            browser.screenshot(language + "-admin-apps-1-registered");

            streamOfTheApp(browser.text("#client-id"), browser.text("#secret"));
            browser.open("/admin/apps");
            assertThat(browser.text("tr.app-row td.signals").replaceAll("\\s+", " ")).isEqualTo(message("admin.apps.signals.enabled", language)
                    + " " + EVENTS + " " + message("admin.apps.signals.waiting", language, 1));
            assertThat(browser.scrollsSideways()).as("the page fits the window").isFalse();
            browser.scrollTo("tr.app-row");
            browser.screenshot(language + "-admin-apps-2-stream");

            browser.click("form[action$='/turn-off'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("admin.apps.done.off", language));
            assertThat(browser.text("tr.app-row")).contains(message("admin.apps.off", language));
            browser.screenshot(language + "-admin-apps-3-off");
        }
    }
}
