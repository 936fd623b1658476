package dev.myaccount.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.support.ui.Select;

import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;
import dev.myaccount.support.TestPeople.Person;

/**
 * An admin opens Admin from the header, finds a colleague, adds a new hire (whose temporary password is
 * shown once and must be changed), gives a colleague a pass and revokes it, resets their password, unlocks
 * them, signs them out everywhere, renames them, changes their UPN, and disables and enables their account; sets
 * the organisation's password protection and tries a password against it; asks two methods for a reset and
 * a lockout after five tries, and finds that change in the audit log; adds people from a CSV file, makes and
 * revokes a provisioning token, deletes the colleague, and requires a second step of everyone, which sends
 * the admin (who has no method) on to Security info, where the settings are confirmed.
 */
@BrowserTest
class AdminInBrowserTest extends BrowserWalk {

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void anAdminManagesPeoplePasswordProtectionAndSettingsAndReadsTheAuditLog(String language) {
        Person admin = people.createAdmin();
        Person colleague = people.createBeside(admin, "Lee Gu");
        String domain = admin.domain();
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
            browser.click("tbody a");
            assertThat(browser.text("h1")).isEqualTo("Lee Gu");
            browser.open("/admin/people");

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
            browser.assertAccessible();
            browser.screenshot(language + "-admin-4-person");
            browser.click("form[action$='/access-pass'] button");
            assertThat(browser.text("h1")).isEqualTo(message("admin.secret.ACCESS_PASS.title", language));
            browser.screenshot(language + "-admin-5-access-pass");
            browser.click("main a[href^='/admin/people/']");
            browser.click("form[action$='/access-pass/revoke'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("admin.person.done.passRevoked", language));
            browser.click("form[action$='/reset-password'] button");
            assertThat(browser.text("#secret code")).hasSize(16);
            browser.click("main a[href^='/admin/people/']");
            browser.click("form[action$='/unlock'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("admin.person.done.unlocked", language));
            browser.click("form[action$='/sign-out'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("admin.person.done.signedOut", language));
            browser.type("#displayName", "Lee Gu (Sales)");
            browser.click("form[action$='/names'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("admin.person.done.renamed", language));
            assertThat(browser.text("h1")).isEqualTo("Lee Gu (Sales)");
            browser.type("#upn", "lee.gu.sales@elsewhere.example");
            browser.click("form[action$='/upn'] button");
            assertThat(browser.text("[role=alert]")).contains("@" + domain);
            browser.assertAccessible();
            browser.tabTo("#upn");
            browser.screenshot(language + "-admin-6-upn-refused");
            browser.type("#upn", "lee.gu.sales@" + domain);
            browser.click("form[action$='/upn'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("admin.person.done.upnChanged", language));
            assertThat(browser.text(".facts dd")).isEqualTo("lee.gu.sales@" + domain);
            browser.click("form[action$='/disable'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("admin.person.done.disabled", language));
            browser.click("form[action$='/enable'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("admin.person.done.enabled", language));
            browser.width(375);
            browser.screenshot(language + "-admin-6-person-phone");
            browser.width(1280);

            browser.open("/admin/people");
            browser.click("a[href='/admin/password-protection']");
            assertThat(browser.text("h1")).isEqualTo(message("admin.policy.title", language));
            browser.type("#bannedTerms", "widget\nabc");
            browser.click("form[action='/admin/password-protection'] button[type=submit]");
            assertThat(browser.text("#bannedTerms-error")).contains("4", "16");
            browser.assertAccessible();
            browser.screenshot(language + "-admin-7-policy-refused");
            browser.type("#bannedTerms", "widget\nharbour");
            browser.type("#minimumLength", "12");
            browser.click("form[action='/admin/password-protection'] button[type=submit]");
            assertThat(browser.text("[role=status]")).isEqualTo(message("admin.policy.saved", language));
            browser.type("#password", "W1dget-H@rbour");
            browser.click("form[action='/admin/password-protection/try'] button");
            assertThat(browser.text("main [role=status]")).contains(message("admin.policy.try.refused", language));
            browser.assertAccessible();
            browser.screenshot(language + "-admin-8-policy-trial");

            browser.click("a[href='/admin/sign-in-and-reset']");
            browser.press("input[name=methodsRequired][value='2']");
            browser.type("#threshold", "5");
            browser.click("form[action='/admin/sign-in-and-reset'] button[type=submit]");
            assertThat(browser.text("[role=status]")).isEqualTo(message("admin.signIn.saved", language));
            browser.assertAccessible();
            browser.screenshot(language + "-admin-9-sign-in-and-reset");
            browser.click("a[href='/admin/audit']");
            new Select(browser.find("#kind")).selectByValue("sign-in-settings.changed");
            browser.click("form[action='/admin/audit'] button");
            assertThat(browser.text("tbody td:nth-child(4) > span")).isEqualTo(admin.upn());
            browser.assertAccessible();
            browser.screenshot(language + "-admin-10-audit");

            browser.open("/admin/people/bulk");
            browser.attach("#file", csv("Name [displayName] Required,User name [userPrincipalName] Required,"
                    + "Initial password [passwordProfile] Required,Block sign in (Yes/No) [accountEnabled] Required\n"
                    + "Bulk One,bulk.one@" + domain + ",a first passphrase for bulk,No\n"
                    + "Bulk Two,bulk.two@elsewhere.example,a first passphrase for bulk,No\n"));
            browser.click("form[action='/admin/people/bulk'] button[type=submit]");
            browser.waitFor("main p[role=status]");
            assertThat(browser.text("main table:last-of-type tbody")).contains("bulk.one@" + domain);
            assertThat(browser.text("main table:first-of-type tbody")).contains("bulk.two@elsewhere.example");
            browser.assertAccessible();
            browser.screenshot(language + "-admin-11-bulk-report");
            browser.click("main > p > a[href='/admin/people/bulk']");
            assertThat(browser.text("main table tbody td:last-child")).isEqualTo(message("admin.bulk.job.done",
                    language));
            browser.assertAccessible();
            browser.screenshot(language + "-admin-11-bulk-files");

            browser.click("a[href='/admin/provisioning']");
            browser.type("#name", "Entra provisioning");
            browser.click("form[action='/admin/provisioning'] button[type=submit]");
            assertThat(browser.text("#secret code")).startsWith("scim_");
            browser.assertAccessible();
            browser.screenshot(language + "-admin-12-provisioning");
            browser.click("form[action$='/revoke'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("admin.provisioning.revoked", language));

            browser.open("/admin/people/" + colleague.id());
            browser.press("input[name=confirm]");
            browser.click("form[action$='/delete'] button");
            assertThat(browser.path()).isEqualTo("/admin/people");
            assertThat(browser.text("[role=status]")).contains("lee.gu.sales@" + domain);

            browser.open("/admin/sign-in-and-reset");
            browser.press("input[name=secondFactorRequired]");
            browser.click("form[action='/admin/sign-in-and-reset'] button[type=submit]");
            assertThat(browser.path()).as("an admin without a method adds one first")
                    .isEqualTo("/security-info?settingssaved");
            assertThat(browser.text("[role=status]")).isEqualTo(message("securityInfo.settingsSaved", language));
            browser.assertAccessible();
            browser.screenshot(language + "-admin-13-second-step-for-everyone");

            browser.click(".signout button");
            browser.signIn("new.hire@" + domain, password);
            assertThat(browser.path()).isEqualTo("/password");
        }
    }

    private static Path csv(String text) {
        try {
            Path file = Files.createTempFile("people-", ".csv");
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
