package dev.myaccount.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;
import dev.myaccount.support.TestPeople.Person;

/** The checklist and strength meter that follow the person's typing on the Change password page. */
@BrowserTest
class PasswordChecklistInBrowserTest extends BrowserWalk {

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void theChecklistSaysWhatIsWrongAsThePersonTypes(String language) {
        Person person = people.create();
        try (Browser browser = new Browser(port, language)) {
            browser.open("/signin");
            browser.signIn(person.upn(), person.password());
            browser.open("/password");
            assertThat(browser.find(".strength").isDisplayed()).isFalse();
            assertThat(browser.has("li[data-check][data-state]")).isFalse();

            browser.type("#newPassword", "PatDoe2024!");
            assertThat(browser.has("#policy[aria-busy=true]")).as("busy until the answer is shown").isTrue();
            browser.waitFor("li[data-check='PREDICTABLE'][data-state='failed']");
            assertThat(browser.has("#policy[aria-busy]")).isFalse();
            assertThat(browser.text("#live-reasons")).contains(message("policy.reason.mostly-names", language));
            assertThat(browser.find("li[data-check='LENGTH']").getDomAttribute("data-state")).isEqualTo("passed");
            assertThat(browser.find(".strength").isDisplayed()).isTrue();
            browser.assertAccessible();
            browser.screenshot(language + "-checklist-1-refused");

            browser.type("#newPassword", "seven sleepy otters in a canoe");
            browser.waitFor("li[data-check='PREDICTABLE'][data-state='passed']");
            assertThat(browser.find("#policy").findElements(org.openqa.selenium.By.cssSelector(
                    "li[data-check][data-state='failed']"))).isEmpty();
            assertThat(browser.text("#strength-label")).isEqualTo(message("password.strength.4", language));
            assertThat(browser.text("#live-reasons")).isEmpty();
            browser.screenshot(language + "-checklist-2-accepted");
        }
    }

    @Test
    void theChecklistStaysBusyWhileALaterKeystrokeIsStillToBeChecked() {
        Person person = people.create();
        try (Browser browser = new Browser(port, "en")) {
            browser.open("/signin");
            browser.signIn(person.upn(), person.password());
            browser.open("/password");
            browser.holdScriptAnswers();
            browser.type("#newPassword", "PatDoe2024!");
            browser.awaitScriptRequest();
            browser.keys("x");
            browser.releaseScriptAnswer();
            browser.awaitScriptRequest();
            assertThat(browser.has("#policy[aria-busy=true]")).as("busy until the last keystroke is checked").isTrue();
            browser.releaseScriptAnswer();
            browser.waitFor("#policy:not([aria-busy]) li[data-check='PREDICTABLE'][data-state='failed']");
        }
    }
}
