package dev.myaccount.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.myaccount.policy.PolicySettings;
import dev.myaccount.policy.PolicySettingsStore;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/** The admin's Password protection: numbers and banned terms checked whole, then in force; a trial stores nothing. */
@PortalTest
class PasswordProtectionAdminTest extends PortalTestCase {

    private static final String PAGE = "/admin/password-protection";

    @Autowired
    PolicySettingsStore store;

    @Test
    void bannedTermsAnAdminSavesAreRefusedOnTheirColleaguesChangePassword() {
        Person admin = people.createAdmin();
        Person colleague = people.createBeside(admin, "Lee Gu");
        PortalClient browser = signedIn(admin);

        Response saved = browser.submit(browser.get(PAGE).page(), "form[action=" + PAGE + "]",
                Map.of("minimumLength", "12", "maximumLength", "128", "historyCount", "3", "minimumStrength", "2",
                        "threeCharacterKinds", "true", "bannedTerms", "Widget\n  harbour \nwidget\n"));

        assertThat(saved.location()).hasValue(PAGE + "?saved");
        assertThat(store.settings(people.organisationOf(admin)))
                .isEqualTo(new PolicySettings(12, 128, false, true, 3, 2));
        assertThat(store.bannedTerms(people.organisationOf(admin))).containsExactly("harbour", "widget");
        PortalClient theirs = signedIn(colleague);
        Response refused = theirs.submit(theirs.get("/password").page(), "form[action=/password]",
                Map.of("currentPassword", colleague.password(), "newPassword", "H@rbour-H@rbour",
                        "confirmPassword", "H@rbour-H@rbour"));
        assertThat(refused.page().select("#newPassword-errors").text())
                .contains("It is too close to a word your organisation has banned.");
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'password-policy.changed'"
                + " and actor_account_id = ?").param(admin.id()).query(Integer.class).single()).isOne();
    }

    @Test
    void aShortTermTooManyTermsOrANumberOutOfRangeChangeNothing() {
        Person admin = people.createAdmin();
        PortalClient browser = signedIn(admin);
        PolicySettings before = store.settings(people.organisationOf(admin));
        Document page = browser.get(PAGE).page();
        String tooMany = IntStream.range(0, 1001).mapToObj(i -> "term" + i).collect(Collectors.joining("\n"));

        Response shortTerm = save(browser, page, Map.of("bannedTerms", "widget\nabc"));
        Response many = save(browser, page, Map.of("bannedTerms", tooMany));
        Response range = save(browser, page, Map.of("minimumLength", "7", "historyCount", "x"));

        assertThat(shortTerm.page().select("#bannedTerms-error").text())
                .isEqualTo("Every term has 4 to 16 characters, one a line.");
        assertThat(many.page().select("#bannedTerms-error").text()).isEqualTo("At most 1,000 terms.");
        assertThat(range.page().select("#minimumLength-error").text()).isEqualTo("Enter a whole number from 8 to 64.");
        assertThat(range.page().select("#historyCount-error").text()).isEqualTo("Enter a whole number from 0 to 24.");
        assertThat(range.page().select("#minimumLength").attr("value")).isEqualTo("7");
        assertThat(store.settings(people.organisationOf(admin))).isEqualTo(before);
        assertThat(store.bannedTerms(people.organisationOf(admin))).isEmpty();
    }

    @Test
    void tryingAPasswordSaysWhyItWouldBeRefusedAndStoresNothing() {
        Person admin = people.createAdmin();
        PortalClient browser = signedIn(admin);
        save(browser, browser.get(PAGE).page(), Map.of("bannedTerms", "widget"));
        int events = jdbc.sql("select count(*) from audit_event").query(Integer.class).single();

        Response refused = browser.submit(browser.get(PAGE).page(), "form[action=" + PAGE + "/try]",
                Map.of("password", "W1dget-k9"));
        Response accepted = browser.submit(browser.get(PAGE).page(), "form[action=" + PAGE + "/try]",
                Map.of("password", "Seven quiet harbours at dusk"));

        assertThat(refused.page().select("main [role=status]").text()).startsWith("This password would be refused:")
                .contains("It is too close to a word your organisation has banned.");
        assertThat(refused.body()).doesNotContain("W1dget-k9");
        assertThat(accepted.page().select("main [role=status]").text()).isEqualTo("This password would be accepted.");
        assertThat(jdbc.sql("select count(*) from audit_event").query(Integer.class).single()).isEqualTo(events);
    }

    @Test
    void aPersonWhoIsNoAdminGetsNotFound() {
        Person member = people.create();
        PortalClient browser = signedIn(member);
        String csrf = PortalClient.csrfToken(browser.get("/").page());

        assertThat(browser.get(PAGE).status()).isEqualTo(404);
        assertThat(browser.post(PAGE, Map.of("_csrf", csrf, "bannedTerms", "widget")).status()).isEqualTo(404);
        assertThat(browser.post(PAGE + "/try", Map.of("_csrf", csrf, "password", "x")).status()).isEqualTo(404);
        assertThat(store.bannedTerms(people.organisationOf(member))).isEmpty();
    }

    private static Response save(PortalClient browser, Document page, Map<String, String> change) {
        Map<String, String> fields = new java.util.HashMap<>(Map.of("minimumLength", "8", "maximumLength", "256",
                "historyCount", "5", "minimumStrength", "0", "bannedTerms", ""));
        fields.putAll(change);
        return browser.submit(page, "form[action=" + PAGE + "]", fields);
    }
}
