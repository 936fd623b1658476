package dev.myaccount.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.support.ui.Select;

import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;
import dev.myaccount.support.TestMail;
import dev.myaccount.support.TestPeople.Person;

/**
 * A person adds an authenticator app (codes made by oathtool, a real authenticator) and an email address,
 * signs in again with the second step, makes email their default and deletes the app.
 */
@BrowserTest
class SecurityInfoInBrowserTest extends BrowserWalk {

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void aPersonSetsUpTheirSecurityInfoAndSignsInWithIt(String language) throws Exception {
        Person person = people.create();
        String address = "pat." + language + "." + person.id() + "@example.net";
        try (Browser browser = new Browser(port, language)) {
            browser.open("/signin");
            browser.signIn(person.upn(), person.password());
            browser.click("nav.side a[href='/security-info']");
            assertThat(browser.text("h1")).isEqualTo(message("securityInfo.title", language));
            browser.assertAccessible();
            browser.screenshot(language + "-security-info-1-empty");

            browser.click("form[action='/security-info/add'] button");
            assertThat(browser.text("h1")).isEqualTo(message("authenticator.title", language));
            browser.assertAccessible();
            browser.screenshot(language + "-security-info-2-authenticator");
            String secret = browser.text("code.secret").replace(" ", "");
            browser.type("#code", oathtool(secret, "now"));
            browser.click("form[action='/security-info/authenticator'] button[type=submit]");
            assertThat(browser.text("[role=status]")).isEqualTo(message("securityInfo.added.authenticator", language));
            assertThat(browser.text("table.methods")).contains(message("method.authenticator", language));

            new Select(browser.find("#add-kind")).selectByValue("email");
            browser.click("form[action='/security-info/add'] button");
            browser.type("#destination", address);
            browser.click("form[action='/security-info/email'] button[type=submit]");
            browser.assertAccessible();
            browser.screenshot(language + "-security-info-3-email-code");
            browser.type("#code", TestMail.lastCode(address));
            browser.click("form[action='/security-info/email/verify'] button[type=submit]");
            assertThat(browser.text("table.methods")).contains(address);
            browser.assertAccessible();
            browser.screenshot(language + "-security-info-4-two-methods");

            browser.click(".signout button");
            browser.signIn(person.upn(), person.password());
            assertThat(browser.path()).isEqualTo("/signin/verify");
            assertThat(browser.text("h1")).isEqualTo(message("secondStep.title", language));
            browser.assertAccessible();
            browser.screenshot(language + "-security-info-5-second-step");
            browser.type("#code", oathtool(secret, "now + 30 seconds"));
            browser.click("form[action='/signin/verify'] button[type=submit]");
            assertThat(browser.path()).isEqualTo("/");

            browser.open("/security-info");
            new Select(browser.find("#default-method")).selectByIndex(1);
            browser.click("form[action='/security-info/default'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("securityInfo.defaultChanged", language));
            browser.click("table.methods tbody tr:nth-child(2) a");
            browser.assertAccessible();
            browser.screenshot(language + "-security-info-6-delete");
            browser.click("form[action$='/delete'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("securityInfo.deleted", language));
            assertThat(browser.text("table.methods")).doesNotContain(message("method.authenticator", language));

            browser.click(".signout button");
            browser.signIn(person.upn(), person.password());
            browser.click("form[action='/signin/verify/send'] button");
            browser.assertAccessible();
            browser.screenshot(language + "-security-info-7-email-step");
            browser.type("#code", TestMail.lastCode(address));
            browser.click("form[action='/signin/verify'] button[type=submit]");
            assertThat(browser.path()).isEqualTo("/");
        }
    }
}
