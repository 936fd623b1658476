package dev.myaccount.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.support.ui.Select;

import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;
import dev.myaccount.support.TestPeople.Person;

/**
 * A person creates a passkey on their laptop (Chromium's virtual authenticator), signs in with it instead of
 * their UPN and password, uses it as the second step after their password, renames it and deletes it, after
 * which it no longer signs them in.
 */
@BrowserTest
class PasskeyInBrowserTest extends BrowserWalk {

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void aPersonCreatesAPasskeyAndSignsInWithIt(String language) {
        Person person = people.create();
        try (Browser browser = new Browser(port, language)) {
            browser.addPasskeyAuthenticator();
            browser.open("/signin");
            browser.signIn(person.upn(), person.password());
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

            browser.open("/security-info");
            browser.click("table.methods a[href$='/rename']");
            browser.type("#name", "Work laptop");
            browser.click("form[action$='/rename'] button[type=submit]");
            assertThat(browser.text("table.methods")).contains("Work laptop");
            browser.click("table.methods a[href$='/delete']");
            browser.click("form[action$='/delete'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("securityInfo.deleted", language));
            assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and detail = 'passkey'")
                    .param(person.id()).query(Integer.class).single()).isEqualTo(2);

            browser.click(".signout button");
            browser.press("#passkey-signin");
            browser.waitFor("#passkey-signin-error [role=alert]");
            assertThat(browser.path()).isEqualTo("/signin?signedout");
            browser.screenshot(language + "-passkey-5-deleted-refused");
            assertThat(browser.text("#passkey-signin-error [role=alert]"))
                    .isEqualTo(message("signin.passkey.failed", language));
        }
    }
}
