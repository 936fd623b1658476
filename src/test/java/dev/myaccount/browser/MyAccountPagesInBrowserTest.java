package dev.myaccount.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Organisation;
import dev.myaccount.people.Role;
import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;
import dev.myaccount.support.TestPeople.Person;

/**
 * Every page of My Account and the sign-in page pass axe-core's checks on a desktop and on a 375-pixel phone,
 * in both languages, and every link, button and field of each takes the focus from the Tab key; a person
 * leaves an organisation they are a guest of, and signs in and changes their settings with the keyboard alone.
 */
@BrowserTest
class MyAccountPagesInBrowserTest extends BrowserWalk {

    private static final List<String> PAGES = List.of("/", "/security-info", "/password", "/devices",
            "/organizations", "/settings", "/sign-ins");

    /** A desktop's width and a phone's. */
    private static final int[] WIDTHS = {1280, 375};

    @Autowired
    DirectoryService directory;

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void everyPageIsAccessibleAndEveryControlReachableByKeyboardOnADesktopAndAPhone(String language) {
        Person person = guest(people.create());
        try (Browser browser = new Browser(port, language)) {
            for (int width : WIDTHS) {
                browser.width(width);
                browser.open("/signin");
                assertThat(browser.path()).isEqualTo("/signin");
                browser.assertAccessible();
                browser.screenshot(language + "-" + width + "-signin");
            }
            browser.signIn(person.upn(), person.password());
            for (int width : WIDTHS) {
                browser.width(width);
                for (String page : PAGES) {
                    browser.open(page);
                    browser.assertAccessible();
                    assertThat(browser.unreachableByTab()).as("controls out of the keyboard's reach on " + page)
                            .isEmpty();
                    browser.screenshot(language + "-" + width + "-page" + page.replace('/', '-'));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void aGuestLeavesAnOrganisation(String language) {
        Person person = guest(people.create());
        try (Browser browser = new Browser(port, language)) {
            browser.open("/signin");
            browser.signIn(person.upn(), person.password());
            browser.click("nav.side a[href='/organizations']");
            assertThat(browser.text("h1")).isEqualTo(message("organizations.title", language));
            browser.click(".organization a[href$='/leave']");
            browser.assertAccessible();
            browser.screenshot(language + "-organizations-leave");
            browser.click("form[action$='/leave'] button");
            assertThat(browser.text("[role=status]")).isEqualTo(message("organizations.left", language));
            assertThat(browser.has(".organization a[href$='/leave']")).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void settingsAreChangedWithTheKeyboardAlone(String language) {
        Person person = people.create();
        String other = language.equals("en") ? "nl" : "en";
        try (Browser browser = new Browser(port, language)) {
            browser.open("/signin");
            browser.keys(Keys.TAB);
            assertThat(browser.focused()).as("the skip link or the first field").isNotBlank();
            browser.find("#upn").sendKeys(person.upn(), Keys.TAB, person.password(), Keys.ENTER);
            browser.awaitPage("/");
            browser.open("/settings");
            browser.find("#language").sendKeys(message("language." + other, language));
            browser.keys(Keys.TAB);
            assertThat(browser.focused()).isEqualTo("timeZone");
            browser.keys("Europe/Amsterdam");
            browser.keys(Keys.TAB, Keys.ENTER);
            browser.awaitPage("/settings?saved");
            assertThat(browser.text("[role=status]")).isEqualTo(message("settings.saved", other));
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo(other);
            browser.screenshot(language + "-settings-saved-by-keyboard");
        }
    }

    /** Makes the person a guest of a partner organisation, for the Organizations page. */
    private Person guest(Person person) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Organisation partner = directory.createOrganisation("Adventure Works " + unique, "aw-" + unique + ".example");
        directory.addGuest(person.id(), partner.id(), Role.MEMBER);
        return person;
    }
}
