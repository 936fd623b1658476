package dev.myaccount.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestClock;
import dev.myaccount.support.TestClockConfiguration;
import dev.myaccount.support.TestMail;
import dev.myaccount.support.TestPeople.Person;

/** The admin's People pages: only for admins, only their own organisation, every change audited with who. */
@PortalTest
@Import(TestClockConfiguration.class)
class PeopleAdminTest extends PortalTestCase {

    /** Every action on a person, as the person page posts it. */
    private static final List<String> ACTIONS = List.of("names", "upn", "reset-password", "disable", "enable", "unlock",
            "sign-out", "access-pass", "access-pass/revoke", "delete");

    @Autowired
    DirectoryService directory;

    @Autowired
    TestClock clock;

    @Test
    void aPersonWhoIsNoAdminGetsNotFoundOnEveryAdminRoute() {
        Person member = people.create();
        Person colleague = people.createBeside(member, "Lee Gu");
        Account before = account(colleague);
        PortalClient browser = signedIn(member);
        String csrf = PortalClient.csrfToken(browser.get("/").page());

        assertThat(browser.get("/").page().select("a[href=/admin]")).isEmpty();
        for (String path : List.of("/admin", "/admin/people", "/admin/people/new", "/admin/people/" + colleague.id(),
                "/admin/people/not-an-id", "/admin/people/bulk", "/admin/people/bulk/template.csv",
                "/admin/people/bulk/" + UUID.randomUUID(), "/admin/provisioning", "/admin/audit",
                "/admin/password-protection", "/admin/sign-in-and-reset")) {
            assertThat(browser.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(browser.post("/admin/people", Map.of("_csrf", csrf, "upn", "x@" + member.domain(),
                "displayName", "X")).status()).isEqualTo(404);
        for (String action : ACTIONS) {
            assertThat(browser.post("/admin/people/" + colleague.id() + "/" + action,
                    Map.of("_csrf", csrf, "displayName", "Changed", "lifetime", "1h", "confirm", "true")).status()).as(action)
                    .isEqualTo(404);
        }
        assertThat(account(colleague)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and type <> 'sign-in.succeeded'")
                .param(colleague.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void anAdminFindsAndChangesOnlyTheirOwnOrganisationsPeople() {
        Person admin = people.createAdmin();
        Person stranger = people.create();
        Account before = account(stranger);
        PortalClient browser = signedIn(admin);
        String csrf = PortalClient.csrfToken(browser.get("/admin/people").page());

        assertThat(browser.get("/admin/people/" + stranger.id()).status()).isEqualTo(404);
        for (String action : ACTIONS) {
            assertThat(browser.post("/admin/people/" + stranger.id() + "/" + action,
                    Map.of("_csrf", csrf, "displayName", "Changed", "lifetime", "1h", "confirm", "true")).status()).as(action)
                    .isEqualTo(404);
        }
        assertThat(browser.get("/admin/people?q=pat").page().select("tbody td:nth-child(2)").eachText())
                .containsExactly(admin.upn());
        assertThat(account(stranger)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and actor_account_id is not null")
                .param(stranger.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void anAdminAddsAPersonWithATemporaryPasswordThatMustBeChangedAtTheFirstSignIn() {
        Person admin = people.createAdmin();
        PortalClient browser = signedIn(admin);
        String upn = "new.hire@" + admin.domain();

        Response added = browser.submit(browser.get("/admin/people/new").page(), "form[action=/admin/people]",
                Map.of("upn", "New.Hire@" + admin.domain(), "displayName", "New Hire", "givenName", "New",
                        "surname", "Hire", "firstCredential", "TEMPORARY_PASSWORD"));
        String password = added.page().select("#secret code").text();

        assertThat(added.status()).isEqualTo(200);
        assertThat(password).hasSize(16);
        assertThat(added.header("Cache-Control").orElse("")).contains("no-store");
        assertThat(new PortalClient(port).signIn(upn, password).location()).hasValue("/password");
        Account hire = directory.findByUpn(upn).orElseThrow();
        assertThat(hire.organisationId()).isEqualTo(people.organisationOf(admin));
        assertThat(hire.mustChangePassword()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and type = 'account.created'"
                + " and actor_account_id = ?").params(hire.id(), admin.id()).query(Integer.class).single()).isOne();
    }

    @Test
    void anAdminAddsAPersonWithATemporaryAccessPass() {
        Person admin = people.createAdmin();
        PortalClient browser = signedIn(admin);
        String upn = "pass.hire@" + admin.domain();

        Response added = browser.submit(browser.get("/admin/people/new").page(), "form[action=/admin/people]",
                Map.of("upn", upn, "displayName", "Pass Hire", "firstCredential", "ACCESS_PASS"));
        String pass = added.page().select("#secret code").text();
        PortalClient hire = new PortalClient(port);
        Response signedIn = hire.submit(hire.get("/access-pass").page(), "form[action=/access-pass]",
                Map.of("upn", upn, "pass", pass));

        assertThat(signedIn.location()).hasValue("/access-pass/password");
        assertThat(directory.findByUpn(upn).orElseThrow().passwordHash()).isNull();
    }

    @Test
    void aUpnOfAnotherDomainATakenOneAndBadNamesAreRefusedAndNothingIsAdded() {
        Person admin = people.createAdmin();
        PortalClient browser = signedIn(admin);
        Document form = browser.get("/admin/people/new").page();
        Map<String, String> valid = Map.of("upn", "lee@" + admin.domain(), "displayName", "Lee",
                "firstCredential", "TEMPORARY_PASSWORD");

        List<String> refusals = List.of(
                refusal(browser, form, Map.of("upn", "lee@contoso.example")),
                refusal(browser, form, Map.of("upn", admin.upn())),
                refusal(browser, form, Map.of("upn", "le e@" + admin.domain())),
                refusal(browser, form, Map.of("displayName", " ")),
                refusal(browser, form, Map.of("displayName", "Lee\u0000")),
                refusal(browser, form, Map.of("givenName", "x".repeat(129))));

        assertThat(refusals).containsExactly(
                "The user principal name must end in @" + admin.domain() + ", your organisation's domain.",
                "That user principal name is taken.",
                "Before the @, use letters, digits and . _ - ' + only, at most 64 of them.",
                "Enter a display name of at most 256 characters, without control characters.",
                "Enter a display name of at most 256 characters, without control characters.",
                "First and last name have at most 128 characters each.");
        assertThat(directory.people(people.organisationOf(admin), "", 0, 10)).hasSize(1);
        assertThat(browser.submit(form, "form[action=/admin/people]", valid).page().select("#secret code").text())
                .hasSize(16);
    }

    @Test
    void disablingEndsEverySessionAtOnceAndStopsSignInUntilEnabled() {
        Person admin = people.createAdmin();
        Person colleague = people.createBeside(admin, "Lee Gu");
        PortalClient theirs = signedIn(colleague);
        PortalClient browser = signedIn(admin);
        Document page = browser.get("/admin/people/" + colleague.id()).page();

        Response disabled = browser.submit(page, "form[action$=/disable]", Map.of());
        assertThat(disabled.location()).hasValue("/admin/people/" + colleague.id() + "?done=disabled");
        assertThat(theirs.get("/").location()).contains("/signin");
        assertThat(new PortalClient(port).signIn(colleague.upn(), colleague.password()).location())
                .hasValue("/signin?error");
        browser.submit(browser.get("/admin/people/" + colleague.id()).page(), "form[action$=/enable]", Map.of());
        assertThat(new PortalClient(port).signIn(colleague.upn(), colleague.password()).location()).hasValue("/");

        Document own = browser.get("/admin/people/" + admin.id()).page();
        assertThat(own.select("form[action$=/disable]")).isEmpty();
        Response self = browser.post("/admin/people/" + admin.id() + "/disable",
                Map.of("_csrf", PortalClient.csrfToken(own)));
        assertThat(self.page().select("[role=alert]").text()).isEqualTo("You can't disable your own account.");
        assertThat(account(admin).enabled()).isTrue();
    }

    @Test
    void deletingEndsEverySessionRemovesThePasskeysAndKeepsTheAuditLog() {
        Person admin = people.createAdmin();
        Person colleague = people.createBeside(admin, "Lee Gu");
        PortalClient theirs = signedIn(colleague);
        String passkey = methods.addPasskey(colleague.upn(), "Lee's laptop");
        PortalClient browser = signedIn(admin);
        Document page = browser.get("/admin/people/" + colleague.id()).page();

        Response unconfirmed = browser.submit(page, "form[action$=/delete]", Map.of());
        assertThat(unconfirmed.page().select("[role=alert]").text())
                .isEqualTo("Tick the box to confirm that the account is to be deleted.");
        assertThat(directory.find(colleague.id())).isPresent();

        Response deleted = browser.submit(page, "form[action$=/delete]", Map.of("confirm", "true"));
        assertThat(deleted.location()).hasValue("/admin/people");
        assertThat(browser.get("/admin/people").page().select("[role=status]").text())
                .isEqualTo("The account " + colleague.upn() + " was deleted.");
        assertThat(directory.find(colleague.id())).isEmpty();
        assertThat(theirs.get("/").location()).contains("/signin");
        assertThat(new PortalClient(port).signIn(colleague.upn(), colleague.password()).location())
                .hasValue("/signin?error");
        assertThat(jdbc.sql("select count(*) from user_entities where name = ?").param(colleague.upn())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from user_credentials where credential_id = ?").param(passkey)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and type = 'sign-in.succeeded'")
                .param(colleague.id()).query(Integer.class).single()).isPositive();
        assertThat(jdbc.sql("select detail from audit_event where account_id = ? and type = 'account.deleted'"
                + " and actor_account_id = ?").params(colleague.id(), admin.id()).query(String.class).single())
                .isEqualTo(colleague.upn());
        assertThat(browser.get("/admin/people/" + colleague.id()).status()).isEqualTo(404);

        Document own = browser.get("/admin/people/" + admin.id()).page();
        assertThat(own.select("form[action$=/delete]")).isEmpty();
        Response self = browser.post("/admin/people/" + admin.id() + "/delete",
                Map.of("_csrf", PortalClient.csrfToken(own), "confirm", "true"));
        assertThat(self.page().select("[role=alert]").text()).isEqualTo("You can't delete your own account.");
        assertThat(directory.find(admin.id())).isPresent();
    }

    @Test
    void aPasswordResetByTheAdminIsShownOnceEndsEverySessionAndMustBeChanged() {
        Person admin = people.createAdmin();
        Person colleague = people.createBeside(admin, "Lee Gu");
        PortalClient theirs = signedIn(colleague);
        PortalClient browser = signedIn(admin);

        Response reset = browser.submit(browser.get("/admin/people/" + colleague.id()).page(),
                "form[action$=/reset-password]", Map.of());
        String password = reset.page().select("#secret code").text();

        assertThat(theirs.get("/").location()).contains("/signin");
        assertThat(new PortalClient(port).signIn(colleague.upn(), colleague.password()).location())
                .hasValue("/signin?error");
        assertThat(new PortalClient(port).signIn(colleague.upn(), password).location()).hasValue("/password");
        assertThat(browser.get("/admin/people/" + colleague.id()).body()).doesNotContain(password);
    }

    @Test
    void aPasswordResetByTheAdminIsToldToThePersonWithoutThePassword() {
        Person admin = people.createAdmin();
        Person colleague = people.createBeside(admin, "Lee Gu");
        String address = "lee." + colleague.id() + "@example.net";
        methods.addEmail(colleague.id(), address);
        PortalClient browser = signedIn(admin);

        Response reset = browser.submit(browser.get("/admin/people/" + colleague.id()).page(),
                "form[action$=/reset-password]", Map.of());

        assertThat(TestMail.lastSubject(address)).isEqualTo("Your My Account password was reset by an administrator");
        assertThat(TestMail.lastText(address)).startsWith("An administrator of your organisation reset the password of "
                + colleague.upn()).doesNotContain(reset.page().select("#secret code").text());
    }

    @Test
    void anAdminUnlocksALockedOutPersonAndGivesThemAPass() {
        Person admin = people.createAdmin();
        Person colleague = people.createBeside(admin, "Lee Gu");
        for (int i = 0; i < 10; i++) {
            new PortalClient(port).signIn(colleague.upn(), "guess " + i);
        }
        assertThat(new PortalClient(port).signIn(colleague.upn(), colleague.password()).location())
                .hasValue("/signin?locked");
        PortalClient browser = signedIn(admin);

        Response unlocked = browser.submit(browser.get("/admin/people/" + colleague.id()).page(),
                "form[action$=/unlock]", Map.of());
        Response pass = browser.submit(browser.get("/admin/people/" + colleague.id()).page(),
                "form[action$=/access-pass]", Map.of("lifetime", "8h", "multiUse", "true"));

        assertThat(unlocked.location()).hasValue("/admin/people/" + colleague.id() + "?done=unlocked");
        assertThat(new PortalClient(port).signIn(colleague.upn(), colleague.password()).location()).hasValue("/");
        assertThat(pass.page().select("#secret code").text()).hasSize(19);
        assertThat(browser.get("/admin/people/" + colleague.id()).page().select("main").text())
                .contains("A pass works any number of times until").contains("given by " + admin.upn());
        assertThat(jdbc.sql("""
                select type from audit_event where account_id = ? and actor_account_id = ? order by occurred_at""")
                .params(colleague.id(), admin.id()).query(String.class).list())
                .containsExactly("account.unlocked", "access-pass.issued");
    }

    @Test
    void anAdminRenamesAPersonAndAControlCharacterIsRefused() {
        Person admin = people.createAdmin();
        Person colleague = people.createBeside(admin, "Lee Gu");
        PortalClient browser = signedIn(admin);

        Response refused = browser.submit(browser.get("/admin/people/" + colleague.id()).page(),
                "form[action$=/names]", Map.of("displayName", "Lee\u0007"));
        Response renamed = browser.submit(browser.get("/admin/people/" + colleague.id()).page(),
                "form[action$=/names]", Map.of("displayName", "Lee Gu-Smith", "givenName", "Lee", "surname", "Gu-Smith"));

        assertThat(refused.page().select("[role=alert]").text())
                .isEqualTo("Enter a display name of at most 256 characters, without control characters.");
        assertThat(renamed.location()).hasValue("/admin/people/" + colleague.id() + "?done=renamed");
        assertThat(account(colleague).displayName()).isEqualTo("Lee Gu-Smith");
        assertThat(account(colleague).surname()).isEqualTo("Gu-Smith");
        assertThat(account(colleague).givenName()).isEqualTo("Lee");
    }

    @Test
    void anAdminChangesAPersonsUpnWhoIsSignedOutAndSignsInWithTheNewOne() {
        Person admin = people.createAdmin();
        Person lee = people.createBeside(admin, "Lee Gu");
        PortalClient leesBrowser = signedIn(lee);
        PortalClient browser = signedIn(admin);
        String page = "/admin/people/" + lee.id();
        String newUpn = "lee.wong@" + admin.domain();

        Response otherDomain = browser.submit(browser.get(page).page(), "form[action$=/upn]",
                Map.of("upn", "lee.wong@elsewhere.example"));
        Response badName = browser.submit(browser.get(page).page(), "form[action$=/upn]",
                Map.of("upn", "lee wong@" + admin.domain()));
        Response huge = browser.submit(browser.get(page).page(), "form[action$=/upn]",
                Map.of("upn", "x".repeat(1 << 20) + "@" + admin.domain()));
        Response taken = browser.submit(browser.get(page).page(), "form[action$=/upn]", Map.of("upn", admin.upn()));
        Response same = browser.submit(browser.get(page).page(), "form[action$=/upn]", Map.of("upn", lee.upn()));
        assertThat(otherDomain.page().select("[role=alert]").text())
                .isEqualTo("The user principal name must end in @" + admin.domain() + ", your organisation's domain.");
        assertThat(badName.page().select("[role=alert]").text()).startsWith("Before the @");
        assertThat(badName.page().select("#upn").attr("value")).isEqualTo("lee wong@" + admin.domain());
        assertThat(badName.page().select("#upn").attr("aria-invalid")).isEqualTo("true");
        assertThat(huge.status()).isEqualTo(200);
        assertThat(huge.page().select("[role=alert]").text()).startsWith("Before the @");
        assertThat(taken.page().select("[role=alert]").text()).isEqualTo("That user principal name is taken.");
        assertThat(same.page().select("[role=alert]").text())
                .isEqualTo("That is the person's user principal name already.");
        assertThat(account(lee).upn()).isEqualTo(lee.upn());
        assertThat(leesBrowser.get("/").status()).isEqualTo(200);

        Response changed = browser.submit(browser.get(page).page(), "form[action$=/upn]", Map.of("upn", " Lee.Wong@"
                + admin.domain().toUpperCase(Locale.ROOT)));

        assertThat(changed.location()).hasValue(page + "?done=upnChanged");
        assertThat(account(lee).upn()).isEqualTo(newUpn);
        assertThat(leesBrowser.get("/").location()).hasValue("/signin");
        assertThat(new PortalClient(port).signIn(lee.upn(), lee.password()).location()).hasValue("/signin?error");
        assertThat(new PortalClient(port).signIn(newUpn, lee.password()).location()).hasValue("/");
        assertThat(browser.get(changed.location().orElseThrow()).page().select("[role=status]").text())
                .isEqualTo("The user principal name was changed and every session of the account ended.");
    }

    @Test
    void anAdminCannotChangeTheirOwnUpn() {
        Person admin = people.createAdmin();
        PortalClient browser = signedIn(admin);
        Document own = browser.get("/admin/people/" + admin.id()).page();

        Response refused = browser.post("/admin/people/" + admin.id() + "/upn", Map.of("_csrf",
                PortalClient.csrfToken(own), "upn", "someone.else@" + admin.domain()));

        assertThat(own.select("form[action$=/upn]")).isEmpty();
        assertThat(refused.page().select("[role=alert]").text())
                .isEqualTo("You can't change your own user principal name.");
        assertThat(account(admin).upn()).isEqualTo(admin.upn());
    }

    @Test
    void theAdminSideAsksForARecentSignIn() {
        Person admin = people.createAdmin();
        PortalClient browser = signedIn(admin);
        assertThat(browser.get("/").page().select("a[href=/admin]")).hasSize(1);

        clock.advance(Duration.ofMinutes(11));

        assertThat(browser.get("/admin/people?q=pat").location()).hasValue("/confirm");
        Response confirmed = browser.submit(browser.get("/confirm").page(), "form[action=/confirm]",
                Map.of("password", admin.password()));
        assertThat(confirmed.location()).hasValue("/admin/people?q=pat");
    }

    private String refusal(PortalClient browser, Document form, Map<String, String> change) {
        Map<String, String> fields = new java.util.HashMap<>(Map.of("upn", "lee@" + form.select("#upn-hint").text()
                .replaceAll(".*@", ""), "displayName", "Lee", "firstCredential", "TEMPORARY_PASSWORD"));
        fields.putAll(change);
        Response refused = browser.submit(form, "form[action=/admin/people]", fields);
        assertThat(refused.status()).isEqualTo(200);
        return refused.page().select("[role=alert]").text();
    }

    private Account account(Person person) {
        return directory.find(person.id()).orElseThrow();
    }
}
