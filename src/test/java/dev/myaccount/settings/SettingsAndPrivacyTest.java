package dev.myaccount.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestDatabaseInitializer;
import dev.myaccount.support.TestMail;
import dev.myaccount.support.TestPeople.Person;

/** Settings and Privacy: the person's language and time zone, and the download of their own data. */
@PortalTest
class SettingsAndPrivacyTest extends PortalTestCase {

    @Test
    void aChangedLanguageIsUsedOnTheNextSignInFromANewBrowserAndInEmail() {
        Person person = people.create();
        PortalClient browser = signedIn(person);

        Response saved = save(browser, "nl", "Europe/Amsterdam");

        assertThat(saved.location()).hasValue("/settings?saved");
        assertThat(browser.get("/settings?saved").page().select("[role=status]").text())
                .isEqualTo("Uw instellingen zijn opgeslagen.");
        PortalClient elsewhere = new PortalClient(port, "en");
        assertThat(elsewhere.get("/signin").page().select("h1").text()).isEqualTo("Sign in to My Account");
        elsewhere.signIn(person.upn(), person.password());
        assertThat(elsewhere.get("/").page().select("h1").text()).isEqualTo("Overzicht");
        String address = "pat." + person.id() + "@example.net";
        elsewhere.submit(elsewhere.get("/security-info/email").page(), "form[action=/security-info/email]",
                Map.of("destination", address));
        assertThat(TestMail.lastCode(address)).hasSize(6);
        assertThat(TestMail.lastSubject(address)).startsWith("Uw code voor Mijn account");
    }

    @Test
    void theSwitchOnEveryPageChangesThePersonsOwnLanguage() {
        Person person = people.create();
        PortalClient browser = signedIn(person);

        Response switched = browser.submit(browser.get("/devices").page(), "form[action=/settings/language]",
                Map.of("lang", "nl"));
        assertThat(switched.location()).hasValue("/devices");
        assertThat(browser.get("/").page().select("h1").text()).isEqualTo("Overzicht");

        assertThat(jdbc.sql("select preferred_language from account where id = ?").param(person.id())
                .query(String.class).single()).isEqualTo("nl");
        assertThat(new PortalClient(port, "en").get("/signin").page().select("h1").text())
                .isEqualTo("Sign in to My Account");
        assertThat(signedIn(person).get("/sign-ins").page().select("h1").text()).isEqualTo("Aanmeldingen");
    }

    @Test
    void aLinkWithLangShowsThatLanguageButOnlyTheFormWithItsTokenChangesWhatIsKept() {
        Person person = people.create();
        PortalClient browser = signedIn(person);

        assertThat(browser.get("/?lang=nl").page().select("h1").text()).isEqualTo("Overzicht");
        Response forged = browser.post("/settings/language", Map.of("lang", "nl", "back", "/"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(kept(person)).isNull();
        Response elsewhere = browser.submit(browser.get("/").page(), "form[action=/settings/language]",
                Map.of("lang", "nl", "back", "//evil.example/"));
        assertThat(elsewhere.location()).hasValue("/");
        assertThat(kept(person)).isEqualTo("nl");
    }

    private String kept(Person person) {
        return jdbc.sql("select preferred_language from account where id = ?").param(person.id())
                .query(String.class).optional().orElse(null);
    }

    @Test
    void timesAreShownInThePersonsTimeZone() {
        Person person = people.create();
        PortalClient browser = signedIn(person);
        save(browser, "en", "Asia/Tokyo");

        Document signIns = browser.get("/sign-ins").page();

        Instant at = Instant.parse(signIns.selectFirst(".sign-in time").attr("datetime"));
        assertThat(signIns.selectFirst(".sign-in time").text()).isEqualTo(DateTimeFormatter.ofLocalizedDateTime(
                FormatStyle.MEDIUM).withLocale(Locale.ENGLISH).format(at.atZone(ZoneId.of("Asia/Tokyo"))));
    }

    @Test
    void aLanguageOrTimeZoneNotInTheListsChangesNothing() {
        Person person = people.create();
        PortalClient browser = signedIn(person);

        assertThat(save(browser, "xx", "Europe/Amsterdam").location()).hasValue("/settings?invalid");
        assertThat(save(browser, "nl", "Mars/Olympus").location()).hasValue("/settings?invalid");
        assertThat(jdbc.sql("select count(*) from account where id = ? and preferred_language is null"
                + " and time_zone is null").param(person.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theDownloadHoldsThePersonsOwnDataAndNoSecret() {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        methods.addEmail(person.id(), "pat.home@example.net");
        new PortalClient(port).signIn(person.upn(), "a wrong password");
        PortalClient browser = new PortalClient(port);
        browser.signIn(person.upn(), person.password());
        browser.submit(browser.get("/signin/verify").page(), "form:has(input[name=code])",
                Map.of("code", methods.code(secret)));
        Person other = people.create();
        signedIn(other);

        Response download = browser.get("/settings/my-data");

        assertThat(download.header("Content-Disposition").orElseThrow()).contains("attachment", "my-account-data.json");
        String data = download.body();
        assertThat(data).contains(person.upn(), "\"authenticator\"", "pat.home@example.net", "WRONG_PASSWORD",
                "\"AUTHENTICATOR\"", "\"devices\"", "sign-in.succeeded", person.displayName());
        assertThat(data).doesNotContain(other.upn()).doesNotContain(secret).doesNotContain("argon2")
                .doesNotContain(browser.cookie("SESSION").orElseThrow().getValue())
                .doesNotContain(new String(Base64.getDecoder().decode(browser.cookie("SESSION").orElseThrow()
                        .getValue()), StandardCharsets.US_ASCII))
                .doesNotContain(jdbc.sql("select secret from sign_in_method where account_id = ? and kind = ?")
                        .params(person.id(), "AUTHENTICATOR").query(String.class).single());
        assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and type = 'data.downloaded'")
                .param(person.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theDownloadHoldsNoAddressOrBrowserOfAnAdminWhoActedOnThePerson() {
        Person admin = people.createAdmin();
        Person lee = people.createBeside(admin, "Lee Gu");
        PortalClient leesBrowser = new PortalClient(port).withHeader("User-Agent", "LeesOwnBrowser/1.0");
        leesBrowser.signIn(lee.upn(), lee.password());
        PortalClient adminsBrowser = new PortalClient(port).withHeader("User-Agent", "TheAdminsBrowser/2.0");
        adminsBrowser.signIn(admin.upn(), admin.password());
        adminsBrowser.submit(adminsBrowser.get("/admin/people/" + lee.id()).page(), "form[action$=/unlock]", Map.of());

        String data = leesBrowser.get("/settings/my-data").body();

        assertThat(data).contains("account.unlocked", "LeesOwnBrowser/1.0").doesNotContain("TheAdminsBrowser");
        assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and user_agent like 'TheAdmins%'")
                .param(lee.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theOrganisationsPrivacyStatementAndContactAreShown() {
        PortalClient browser = new PortalClient(port);
        browser.signIn("lynne.robbins@contoso.example", TestDatabaseInitializer.DEMO_PASSWORD);

        Document page = browser.get("/settings").page();

        assertThat(page.selectFirst("a[href='https://contoso.example/privacy']").text())
                .isEqualTo("Privacy statement of Contoso");
        assertThat(page.select("a[href='mailto:privacy@contoso.example']")).hasSize(1);
    }

    private static Response save(PortalClient browser, String language, String timeZone) {
        return browser.submit(browser.get("/settings").page(), "form[action=/settings]",
                Map.of("language", language, "timeZone", timeZone));
    }
}
