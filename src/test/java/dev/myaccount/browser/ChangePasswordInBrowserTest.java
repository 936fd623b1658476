package dev.myaccount.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.provider.ValueSource;

import dev.myaccount.people.DirectoryService;
import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;
import dev.myaccount.support.TestPeople.Person;

/** The seed's walk through Change password, as a person does it, in each language of the portal. */
@BrowserTest
class ChangePasswordInBrowserTest extends BrowserWalk {

    private static final String NEW_PASSWORD = "seven sleepy otters in a canoe";

    @Autowired
    DirectoryService directory;

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void aPersonChangesTheirPasswordAndMustSignInWithTheNewOne(String language) {
        Person person = people.create();
        try (Browser browser = new Browser(port, language); Browser otherDevice = new Browser(port, language)) {
            browser.open("/");
            assertThat(browser.path()).isEqualTo("/signin");
            assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo(language);
            assertThat(browser.text("h1")).isEqualTo(message("signin.heading", language));
            browser.assertAccessible();
            browser.screenshot(language + "-1-signin");

            browser.signIn(person.upn(), person.password());
            otherDevice.open("/signin");
            otherDevice.signIn(person.upn(), person.password());
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text(".who-name")).isEqualTo(person.displayName());
            browser.assertAccessible();
            browser.screenshot(language + "-2-overview");

            browser.click("section:has(#tile-password) a.tile-action");
            assertThat(browser.path()).isEqualTo("/password");
            assertThat(browser.text("h1")).isEqualTo(message("password.title", language));
            browser.assertAccessible();
            browser.screenshot(language + "-3-change-password");

            browser.changePassword("this is not my password", NEW_PASSWORD, NEW_PASSWORD);
            assertThat(browser.text("#currentPassword-errors")).isEqualTo(message("password.error.current-wrong", language));
            assertThat(browser.find("#currentPassword").getDomProperty("value")).isEmpty();
            assertThat(browser.find("#newPassword").getDomProperty("value")).isEmpty();
            browser.assertAccessible();
            browser.screenshot(language + "-4-wrong-current-password");

            browser.changePassword(person.password(), NEW_PASSWORD, NEW_PASSWORD + " and a heron");
            assertThat(browser.text("#confirmPassword-errors")).isEqualTo(message("password.error.mismatch", language));
            assertThat(browser.has("#currentPassword-errors")).isFalse();
            browser.screenshot(language + "-5-mismatch");

            browser.changePassword(person.password(), NEW_PASSWORD, NEW_PASSWORD);
            assertThat(browser.path()).isEqualTo("/signin?changed");
            assertThat(browser.text("[role=status]")).isEqualTo(message("signin.changed", language));
            browser.assertAccessible();
            browser.screenshot(language + "-6-changed-sign-in-again");

            browser.signIn(person.upn(), person.password());
            assertThat(browser.path()).isEqualTo("/signin?error");
            assertThat(browser.text("[role=alert]")).isEqualTo(message("signin.error", language));
            browser.screenshot(language + "-7-old-password-refused");

            browser.signIn(person.upn(), NEW_PASSWORD);
            assertThat(browser.path()).isEqualTo("/");
            browser.screenshot(language + "-8-signed-in-with-new-password");

            otherDevice.open("/password");
            assertThat(otherDevice.path()).isEqualTo("/signin");
            otherDevice.screenshot(language + "-9-other-device-signed-out");

            // A session saved after the account's sessions were ended, as a sign-in still on its way saves it.
            directory.endSignInsSoFar(person.id());
            browser.open("/password");
            assertThat(browser.path()).isEqualTo("/signin?expired");
            assertThat(browser.text("[role=status]")).isEqualTo(message("signin.expired", language));
            browser.assertAccessible();
            browser.screenshot(language + "-10-session-of-an-ended-sign-in");
        }
    }
}
