package dev.myaccount.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.TestPeople.Person;

/** A person reviews their sign-ins, spots one that wasn't them, and is taken to Change password. */
@BrowserTest
class SignInsInBrowserTest extends BrowserWalk {

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void aPersonReportsASignInThatWasntThem(String language) {
        Person person = people.create();
        new PortalClient(port).signIn(person.upn(), "someone guessing");
        PortalClient intruder = new PortalClient(port);
        intruder.signIn(person.upn(), person.password());
        try (Browser browser = new Browser(port, language)) {
            browser.open("/signin");
            browser.signIn(person.upn(), person.password());
            browser.click("nav.side a[href='/sign-ins']");
            assertThat(browser.text("h1")).isEqualTo(message("signins.title", language));
            assertThat(browser.text(".sign-in.failed .sign-in-outcome"))
                    .isEqualTo(message("signins.outcome.WRONG_PASSWORD", language));
            browser.assertAccessible();
            browser.screenshot(language + "-sign-ins-1-list");

            browser.click(".sign-in:nth-child(1) form[action*=looks-good] button");
            assertThat(browser.text(".sign-in:nth-child(1) .reviewed")).isEqualTo(message("signins.reviewed.looksGood", language));

            browser.click(".sign-in:nth-child(2) form[action*=not-me] button");
            assertThat(browser.path()).isEqualTo("/password?secured");
            assertThat(browser.text("main [role=status]")).isEqualTo(message("password.secured", language));
            browser.screenshot(language + "-sign-ins-2-not-me");
            assertThat(intruder.get("/").location()).contains("/signin");
        }
    }
}
