package dev.myaccount.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;
import dev.myaccount.support.TestDirectory;
import dev.myaccount.support.TestPeople.Person;

/**
 * An admin connects the organisation's OpenLDAP on the Directory page, tests it, keeps it and reads its people in;
 * one of them signs in with her directory password and finds her email and phone from it; when the directory stops answering, the sign-in page says so.
 */
@BrowserTest
class AdminDirectoryInBrowserTest extends BrowserWalk {

    private static final String PASSWORD = "analytical engine 1843";

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void anAdminConnectsTheDirectoryAndItsPeopleSignInWithTheirDirectoryPassword(String language) {
        Person admin = people.createAdmin();
        String ada = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@" + admin.domain();
        try (TestDirectory ldap = TestDirectory.start()) {
            String adaDn = ldap.addPerson("ada", ada, "Ada Lovelace", PASSWORD);
            ldap.modify(adaDn, new Modification(ModificationType.ADD, "telephoneNumber", "+31 20 555 0143"));
            try (Browser browser = new Browser(port, language)) {
                browser.open("/signin");
                browser.signIn(admin.upn(), admin.password());
                browser.open("/admin/people");
                browser.click("nav.side a[href='/admin/directory']");
                assertThat(browser.text("h1")).isEqualTo(message("admin.directory.title", language));
                browser.type("#url", ldap.url());
                browser.find("input[name=startTls]").click();
                browser.find("input[name=plainForTesting]").click();
                browser.type("#bindDn", TestDirectory.SERVICE);
                browser.type("#bindPassword", "not the service password");
                browser.type("#peopleBase", TestDirectory.PEOPLE);
                browser.type("#peopleFilter", "(objectClass=inetOrgPerson)");
                browser.type("#adminGroupDn", TestDirectory.ADMINS);
                browser.click("button[value=test]");
                assertThat(browser.text("[role=alert]"))
                        .isEqualTo(message("directory.test.serviceAccount", language, ldap.url()));
                browser.screenshot(language + "-admin-directory-0-refused");
                browser.type("#bindPassword", TestDirectory.SERVICE_PASSWORD);
                browser.click("button[value=test]");
                assertThat(browser.text("[role=status]"))
                        .isEqualTo(message("directory.test.found", language, 1, 1, ada, "Ada Lovelace", 0));
                browser.assertAccessible();
                browser.screenshot(language + "-admin-directory-1-tested");
                browser.scrollTo("#disabledFilter");
                assertThat(browser.find("#disabledFilter").getDomProperty("value"))
                        .isEqualTo("(pwdAccountLockedTime=000001010000Z)");
                browser.screenshot(language + "-admin-directory-1-mapping");

                assertThat(browser.find("#bindPassword").getDomProperty("value")).isEmpty();
                browser.type("#bindPassword", TestDirectory.SERVICE_PASSWORD);
                browser.click("button[value=save]");
                assertThat(browser.text("[role=status]")).isEqualTo(message("directory.saved", language));
                browser.click("form[action='/admin/directory/read'] button");
                assertThat(browser.text("[role=status]"))
                        .isEqualTo(message("directory.sync.done", language, 1, 0, 0, 0));
                assertThat(browser.scrollsSideways()).as("the page fits the window").isFalse();
                browser.screenshot(language + "-admin-directory-2-read");

                browser.open("/admin/people?q=ada");
                browser.click("main td a[href^='/admin/people/']");
                assertThat(browser.text("dl.facts")).contains(message("admin.person.password.directory", language),
                        ada, "+31 20 555 0143");
                browser.screenshot(language + "-admin-directory-3-person");
            }
            try (Browser browser = new Browser(port, language)) {
                browser.open("/signin");
                browser.signIn(ada, PASSWORD);
                assertThat(browser.path()).isEqualTo("/");
                assertThat(browser.text(".profile")).contains(ada, "+31 20 555 0143",
                        message("overview.fromDirectory", language));
                browser.screenshot(language + "-overview-from-directory");
            }
        }
        try (Browser browser = new Browser(port, language)) {
            browser.open("/signin");
            browser.signIn(ada, PASSWORD);
            assertThat(browser.text("[role=alert]")).isEqualTo(message("signin.unreachable", language));
            browser.assertAccessible();
            browser.screenshot(language + "-signin-directory-unreachable");
        }
    }
}
