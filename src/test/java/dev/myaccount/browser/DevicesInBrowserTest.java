package dev.myaccount.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;
import dev.myaccount.support.TestPeople.Person;

/** A person sees their laptop and phone on Devices, signs the phone out, and the phone is signed out. */
@BrowserTest
class DevicesInBrowserTest extends BrowserWalk {

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void aPersonSignsOutAnotherBrowserFromDevices(String language) {
        Person person = people.create();
        try (Browser laptop = new Browser(port, language); Browser phone = new Browser(port, language)) {
            phone.open("/signin");
            phone.signIn(person.upn(), person.password());
            laptop.open("/signin");
            laptop.signIn(person.upn(), person.password());
            laptop.click("nav.side a[href='/devices']");
            assertThat(laptop.text("h1")).isEqualTo(message("devices.title", language));
            assertThat(laptop.text(".device:first-child .badge")).isEqualTo(message("devices.thisDevice", language));
            laptop.assertAccessible();
            laptop.screenshot(language + "-devices-1-two");

            laptop.click(".device form[action$='/sign-out'] button");
            assertThat(laptop.text("[role=status]")).isEqualTo(message("devices.signedOut", language));
            laptop.screenshot(language + "-devices-2-signed-out");
            phone.open("/");
            assertThat(phone.path()).startsWith("/signin");
        }
    }
}
