package dev.myaccount.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;
import dev.myaccount.support.TestPeople.Person;

/** An admin registers the organisation's wiki on the Apps page, copies its secret, and turns it off. */
@BrowserTest
class AdminAppsInBrowserTest extends BrowserWalk {

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void anAdminRegistersAnAppAndTurnsItOff(String language) {
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

            browser.click("form[action$='/turn-off'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("admin.apps.done.off", language));
            assertThat(browser.text("tr.app-row")).contains(message("admin.apps.off", language));
            browser.screenshot(language + "-admin-apps-2-off");
        }
    }
}
