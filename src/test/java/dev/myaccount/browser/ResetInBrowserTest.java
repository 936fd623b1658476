package dev.myaccount.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

import dev.myaccount.credential.AccessPasses;

import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;
import dev.myaccount.support.TestMail;
import dev.myaccount.support.TestPeople.Person;

/**
 * A person who forgot their password resets it with a code sent to their personal email address, or by
 * keyboard alone with their authenticator app; one who can use no method finds their administrator; a new
 * hire signs in with the temporary access pass their administrator gave them.
 */
@BrowserTest
class ResetInBrowserTest extends BrowserWalk {

    @Autowired
    AccessPasses passes;

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
            browser.type("#code", TestMail.newCode(address, 0));
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

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void aNewHireSignsInWithATemporaryAccessPassAndChoosesAPassword(String language) {
        Person person = people.create(null, null, false);
        String pass = passes.issue(person.id(), Duration.ofHours(1), true, "test").pass();
        try (Browser browser = new Browser(port, language)) {
            browser.open("/signin");
            browser.click("a[href='/access-pass']");
            assertThat(browser.text("h1")).isEqualTo(message("accessPass.title", language));
            browser.type("#upn", person.upn());
            browser.type("#pass", "ABCD-EFGH-JKLM-NPQR");
            browser.click("form[action='/access-pass'] button[type=submit]");
            assertThat(browser.text("[role=alert]")).isEqualTo(message("accessPass.error.wrong", language));
            browser.assertAccessible();
            browser.screenshot(language + "-access-pass-1-wrong");
            browser.type("#pass", pass.toLowerCase(Locale.ROOT));
            browser.click("form[action='/access-pass'] button[type=submit]");
            assertThat(browser.path()).isEqualTo("/access-pass/password");
            assertThat(browser.text("h1")).isEqualTo(message("accessPass.password.title", language));
            browser.type("#newPassword", "Pat Doe 2026");
            browser.waitFor("#policy li[data-check=PREDICTABLE][data-state=failed]");
            browser.assertAccessible();
            browser.screenshot(language + "-access-pass-2-password");
            browser.type("#newPassword", "Seven quiet harbours at dusk");
            browser.type("#confirmPassword", "Seven quiet harbours at dusk");
            browser.click("form[action='/access-pass/password'] button[type=submit]");
            assertThat(browser.path()).isEqualTo("/");
            browser.screenshot(language + "-access-pass-3-signed-in");
            browser.open("/sign-ins");
            assertThat(browser.text(".sign-in:first-child")).contains(message("signins.door.ACCESS_PASS", language));
        }
    }

    @Test
    void aPersonWhoCanUseNoMethodFindsTheirAdministratorAndTheWayBackIn() {
        Person person = people.create();
        try (Browser browser = new Browser(port, "en")) {
            browser.open("/reset");
            browser.type("#upn", person.upn());
            browser.click("form[action='/reset'] button[type=submit]");
            browser.click("a[href='/reset/help']");
            assertThat(browser.text("h1")).isEqualTo(message("reset.help.title", "en"));
            browser.assertAccessible();
            browser.screenshot("en-reset-6-help");
            browser.click("a[href='/access-pass']");
            assertThat(browser.path()).isEqualTo("/access-pass");
        }
    }

    @Test
    void aPersonResetsByKeyboardAloneWithTheirAuthenticatorApp() throws Exception {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        try (Browser browser = new Browser(port, "en")) {
            browser.open("/signin");
            browser.tabTo("a[href='/reset']");
            browser.keys(Keys.ENTER);
            browser.awaitPage("/reset");
            browser.keys(person.upn(), Keys.ENTER);
            browser.awaitPage("/reset/verify");
            browser.tabTo("a[href$='kind=authenticator']");
            browser.keys(Keys.ENTER);
            browser.awaitPage("/reset/verify?kind=authenticator");
            browser.keys(oathtool(secret, "now"), Keys.ENTER);
            browser.awaitPage("/reset/password");
            browser.keys("Seven quiet harbours at dusk", Keys.TAB);
            browser.tabTo("#confirmPassword");
            browser.keys("Seven quiet harbours at dusk", Keys.ENTER);
            browser.awaitPage("/signin?reset");
        }
    }
}
