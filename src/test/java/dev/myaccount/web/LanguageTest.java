package dev.myaccount.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

@PortalTest
class LanguageTest extends PortalTestCase {

    @Test
    void theBrowsersLanguageChoosesDutch() {
        Document page = new PortalClient(port, "nl-NL,nl;q=0.9,en;q=0.5").get("/signin").page();

        assertThat(page.select("html").attr("lang")).isEqualTo("nl");
        assertThat(page.select("h1").text()).isEqualTo("Aanmelden bij Mijn account");
        assertThat(page.select("button[type=submit]").text()).isEqualTo("Aanmelden");
    }

    @Test
    void aLanguageThePortalDoesNotSpeakFallsBackToTheNextOneOrEnglish() {
        assertThat(new PortalClient(port, "de-DE,nl;q=0.8").get("/signin").page().select("html").attr("lang"))
                .isEqualTo("nl");
        assertThat(new PortalClient(port, "de-DE,fr;q=0.8").get("/signin").page().select("html").attr("lang"))
                .isEqualTo("en");
    }

    @Test
    void theSwitchChangesTheLanguageOfEveryPageThatFollows() {
        Person person = people.create();
        PortalClient browser = new PortalClient(port, "en");

        assertThat(browser.get("/signin?lang=nl").page().select("h1").text()).isEqualTo("Aanmelden bij Mijn account");
        browser.signIn(person.upn(), person.password());
        Document password = browser.get("/password").page();

        assertThat(password.select("h1").text()).isEqualTo("Wachtwoord wijzigen");
        assertThat(password.select(".field > label").eachText()).containsExactly("Gebruikers-id", "Oud wachtwoord",
                "Nieuw wachtwoord maken", "Nieuw wachtwoord bevestigen");
        assertThat(password.select("button.primary").text()).isEqualTo("Indienen");
        assertThat(password.select("nav.side a").eachText()).containsExactly("Overzicht", "Beveiligingsgegevens",
                "Wachtwoord", "Apparaten", "Apps", "Organisaties", "Instellingen en privacy", "Aanmeldingen");
        assertThat(browser.get("/password?lang=en").page().select("h1").text()).isEqualTo("Change password");
    }

    @Test
    void anUnknownLanguageInTheSwitchIsIgnored() {
        PortalClient browser = new PortalClient(port, "en");

        assertThat(browser.get("/signin?lang=xx-%3Cscript%3E").status()).isEqualTo(200);
        assertThat(browser.get("/signin").page().select("html").attr("lang")).isEqualTo("en");
    }
}
