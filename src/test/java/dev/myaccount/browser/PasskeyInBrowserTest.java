package dev.myaccount.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.support.ui.Select;

import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.TestMail;
import dev.myaccount.support.TestPeople.Person;

/**
 * A person creates a passkey on their laptop (Chromium's virtual authenticator), signs in with it instead of
 * their UPN and password, uses it as the second step after their password and to reset their password (it
 * proves nothing in someone else's reset), is told of it by email, sees it carry the UPN an admin gave them,
 * renames it and deletes it (told by email too), after which their authenticator no longer holds it and it no
 * longer signs them in.
 */
@BrowserTest
class PasskeyInBrowserTest extends BrowserWalk {

    private static final String NEW_PASSWORD = "Seven quiet harbours at dusk";

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void aPersonCreatesAPasskeySignsInWithItAndResetsTheirPasswordWithIt(String language) {
        Person admin = people.createAdmin();
        Person person = people.createBeside(admin, "Lee Gu");
        try (Browser browser = new Browser(port, language)) {
            browser.addPasskeyAuthenticator();
            browser.open("/signin");
            browser.signIn(person.upn(), person.password());
            String address = "lee." + person.id() + "@example.net";
            methods.addEmail(person.id(), address);
            browser.open("/security-info");
            new Select(browser.find("#add-kind")).selectByValue("passkey");
            browser.click("form[action='/security-info/add'] button");
            assertThat(browser.text("h1")).isEqualTo(message("passkey.title", language));
            browser.type("#passkey-name", "Laptop");
            browser.assertAccessible();
            browser.screenshot(language + "-passkey-1-create");
            browser.click("#passkey-register button[type=submit]");
            assertThat(browser.path()).isEqualTo("/security-info?added=passkey");
            assertThat(browser.text("table.methods")).contains(message("method.passkey", language), "Laptop");
            browser.assertAccessible();
            browser.screenshot(language + "-passkey-2-listed");
            browser.waitForPasskeysHeldFor(person.upn());
            assertThat(TestMail.lastSubject(address)).isEqualTo(message("notice.methodAdded.subject", language));
            // Without it again, so that the rest of the walk asks for the passkey alone as the second step.
            jdbc.sql("delete from sign_in_method where account_id = ?").param(person.id()).update();

            browser.click(".signout button");
            assertThat(browser.has("#passkey-signin:not([hidden])")).isTrue();
            browser.assertAccessible();
            browser.screenshot(language + "-passkey-3-signin-page");
            browser.click("#passkey-signin");
            assertThat(browser.path()).isEqualTo("/");
            browser.open("/sign-ins");
            assertThat(browser.text(".sign-in:first-child")).contains(message("signins.withPasskey", language));

            browser.click(".signout button");
            browser.signIn(person.upn(), person.password());
            assertThat(browser.path()).isEqualTo("/signin/verify");
            browser.assertAccessible();
            browser.screenshot(language + "-passkey-4-second-step");
            browser.click("#passkey-signin");
            assertThat(browser.path()).isEqualTo("/");

            browser.click(".signout button");
            beginReset(browser, people.create().upn());
            browser.press("#passkey-signin");
            browser.waitFor("#passkey-signin-error [role=alert]");
            assertThat(browser.text("#passkey-signin-error [role=alert]"))
                    .isEqualTo(message("reset.passkey.failed", language));
            beginReset(browser, person.upn());
            browser.assertAccessible();
            browser.screenshot(language + "-passkey-5-reset");
            browser.click("#passkey-signin");
            assertThat(browser.path()).isEqualTo("/reset/password");
            browser.type("#newPassword", NEW_PASSWORD);
            browser.type("#confirmPassword", NEW_PASSWORD);
            browser.click("form[action='/reset/password'] button[type=submit]");
            assertThat(browser.path()).isEqualTo("/signin?reset");
            browser.signIn(person.upn(), NEW_PASSWORD);
            browser.click("#passkey-signin");
            assertThat(browser.path()).isEqualTo("/");

            String newUpn = "renamed." + person.upn();
            PortalClient adminsBrowser = signedIn(admin);
            assertThat(adminsBrowser.submit(adminsBrowser.get("/admin/people/" + person.id()).page(),
                    "form[action$=/upn]", Map.of("upn", newUpn)).location()).hasValue(
                            "/admin/people/" + person.id() + "?done=upnChanged");
            browser.open("/");
            browser.signIn(newUpn, NEW_PASSWORD);
            browser.click("#passkey-signin");
            assertThat(browser.path()).isEqualTo("/");
            browser.waitForPasskeysHeldFor(newUpn);

            browser.open("/security-info");
            browser.click("table.methods a[href$='/rename']");
            browser.type("#name", "Work laptop");
            browser.click("form[action$='/rename'] button[type=submit]");
            assertThat(browser.text("table.methods")).contains("Work laptop");
            methods.addEmail(person.id(), address);
            browser.click("table.methods a[href*='/passkey/'][href$='/delete']");
            browser.click("form[action$='/delete'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("securityInfo.deleted", language));
            browser.waitForPasskeysHeldFor();
            assertThat(TestMail.lastSubject(address)).isEqualTo(message("notice.methodDeleted.subject", language));
            assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and detail = 'passkey'"
                    + " and type like 'sign-in-method.%'")
                    .param(person.id()).query(Integer.class).single()).isEqualTo(2);

            browser.click(".signout button");
            browser.press("#passkey-signin");
            browser.waitFor("#passkey-signin-error [role=alert]");
            assertThat(browser.path()).isEqualTo("/signin?signedout");
            browser.screenshot(language + "-passkey-6-deleted-refused");
            assertThat(browser.text("#passkey-signin-error [role=alert]"))
                    .isEqualTo(message("signin.passkey.failed", language));
        }
    }

    /** Starts a reset for {@code upn} and chooses the passkey as the way to prove it. */
    private static void beginReset(Browser browser, String upn) {
        browser.open("/reset");
        browser.type("#upn", upn);
        browser.click("form[action='/reset'] button[type=submit]");
        browser.click(".reset-ways a[href$='kind=passkey']");
    }
}
