package dev.myaccount.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;
import dev.myaccount.support.TestMail;
import dev.myaccount.support.TestPeople.Person;

/** A person who forgot their password resets it with a code sent to their personal email address. */
@BrowserTest
class ResetInBrowserTest extends BrowserWalk {

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void aPersonResetsAForgottenPassword(String language) {
        Person person = people.create();
        String address = "pat." + language + "." + person.id() + "@example.net";
        methods.addEmail(person.id(), address);
        try (Browser browser = new Browser(port, language)) {
            browser.open("/signin");
            browser.click(".forgot a");
            assertThat(browser.text("h1")).isEqualTo(message("reset.title", language));
            browser.assertAccessible();
            browser.screenshot(language + "-reset-1-account");
            browser.type("#upn", person.upn());
            browser.click("form[action='/reset'] button[type=submit]");
            browser.assertAccessible();
            browser.screenshot(language + "-reset-2-ways");
            browser.click(".reset-ways a[href$='kind=email']");
            browser.click("form[action='/reset/verify/send'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("reset.sent.email", language));
            browser.assertAccessible();
            browser.screenshot(language + "-reset-3-code");
            browser.type("#code", TestMail.lastCode(address));
            browser.click("form[action='/reset/verify'] button[type=submit]");
            assertThat(browser.path()).isEqualTo("/reset/password");
            browser.type("#newPassword", "password");
            browser.type("#confirmPassword", "password");
            browser.click("form[action='/reset/password'] button[type=submit]");
            browser.assertAccessible();
            browser.screenshot(language + "-reset-4-refused");
            browser.type("#newPassword", "Seven quiet harbours at dusk");
            browser.type("#confirmPassword", "Seven quiet harbours at dusk");
            browser.click("form[action='/reset/password'] button[type=submit]");
            assertThat(browser.path()).isEqualTo("/signin?reset");
            assertThat(browser.text("[role=status]")).isEqualTo(message("signin.reset", language));
            browser.screenshot(language + "-reset-5-done");
        }
    }
}
