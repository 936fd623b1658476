package dev.myaccount.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;
import dev.myaccount.support.TestPeople.Person;

/**
 * An admin opens Admin from the header, finds a colleague, adds a new hire (whose temporary password is
 * shown once and must be changed), resets a colleague's password, gives a pass and disables and enables
 * the account.
 */
@BrowserTest
class AdminInBrowserTest extends BrowserWalk {

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void anAdminManagesTheOrganisationsPeople(String language) {
        Person admin = people.createAdmin();
        Person colleague = people.createBeside(admin, "Lee Gu");
        String domain = admin.upn().substring(admin.upn().indexOf('@') + 1);
        try (Browser browser = new Browser(port, language)) {
            browser.open("/signin");
            browser.signIn(admin.upn(), admin.password());
            browser.click("a.admin-link");
            assertThat(browser.path()).isEqualTo("/admin/people");
            assertThat(browser.text("h1")).isEqualTo(message("admin.people.title", language));
            browser.assertAccessible();
            browser.screenshot(language + "-admin-1-people");
            browser.type("#q", "lee");
            browser.click("form[role=search] button");
            assertThat(browser.text("tbody")).contains(colleague.upn()).doesNotContain(admin.upn());

            browser.click("a.primary[href='/admin/people/new']");
            browser.type("#upn", "new.hire@elsewhere.example");
            browser.type("#displayName", "New Hire");
            browser.click("form[action='/admin/people'] button[type=submit]");
            assertThat(browser.text("[role=alert]")).contains("@" + domain);
            browser.assertAccessible();
            browser.screenshot(language + "-admin-2-add-refused");
            browser.type("#upn", "new.hire@" + domain);
            browser.click("form[action='/admin/people'] button[type=submit]");
            String password = browser.text("#secret code");
            assertThat(password).hasSize(16);
            browser.assertAccessible();
            browser.screenshot(language + "-admin-3-temporary-password");

            browser.open("/admin/people?q=lee");
            browser.click("tbody a");
            assertThat(browser.text("h1")).isEqualTo("Lee Gu");
            browser.assertAccessible();
            browser.screenshot(language + "-admin-4-person");
            browser.click("form[action$='/access-pass'] button");
            assertThat(browser.text("h1")).isEqualTo(message("admin.secret.ACCESS_PASS.title", language));
            browser.screenshot(language + "-admin-5-access-pass");
            browser.click("main a[href^='/admin/people/']");
            browser.click("form[action$='/disable'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("admin.person.done.disabled", language));
            browser.click("form[action$='/enable'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("admin.person.done.enabled", language));
            browser.width(375);
            browser.screenshot(language + "-admin-6-person-phone");

            browser.click(".signout button");
            browser.signIn("new.hire@" + domain, password);
            assertThat(browser.path()).isEqualTo("/password");
        }
    }
}
