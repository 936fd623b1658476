package dev.myaccount.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.nimbusds.jwt.SignedJWT;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType;

import dev.myaccount.apps.Apps;
import dev.myaccount.people.Actor;
import dev.myaccount.support.AppClient;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.TestDirectory;
import dev.myaccount.support.TestPeople.Person;

/**
 * An organisation with its own (OpenLDAP-like) directory: its people are read in, sign in by binding, and their
 * changes and resets are written back, with the directory's last word and the portal's lockout in front of it.
 */
@PortalTest
class OwnDirectoryTest extends DirectoryTestCase {

    private static final String ADA_PASSWORD = "analytical engine 1843";
    private static final String NEW_PASSWORD = "a quiet harbour at dawn";
    private static TestDirectory ldap;

    @Autowired
    Apps apps;

    private String ada;
    private String adaDn;

    @BeforeAll
    static void startDirectory() {
        ldap = TestDirectory.start();
    }

    @AfterAll
    static void stopDirectory() {
        ldap.close();
    }

    /** A new organisation whose directory holds Ada, read in once. */
    @BeforeEach
    void addAdaAndConnect() {
        String uid = "ada-" + UUID.randomUUID().toString().substring(0, 8);
        ada = uid + "@" + admin.domain();
        adaDn = ldap.addPerson(uid, ada, "Ada Lovelace", ADA_PASSWORD);
        connect(settings(ldap, "(mail=*@" + admin.domain() + ")"));
    }

    @Test
    void aPersonOfTheDirectorySignsInWithTheirDirectoryPasswordAndNoHashIsKept() {
        assertThat(new PortalClient(port).signIn(ada, ADA_PASSWORD).location()).hasValue("/");
        assertThat(new PortalClient(port).signIn(ada, "not the password").location()).hasValue("/signin?error");
        assertThat(new PortalClient(port).signIn(ada, "").location()).hasValue("/signin?error");
        assertThat(jdbc.sql("select password_hash from account where upn = ?").param(ada).query(String.class)
                .optional()).isEmpty();
    }

    @Test
    void aDirectoryThatDroppedItsConnectionsIsAskedAgainOnNewOnes() {
        assertThat(new PortalClient(port).signIn(ada, ADA_PASSWORD).location()).hasValue("/");
        assertThat(directories.syncNow(actor, BY_HAND).ok()).isTrue();

        ldap.dropConnections();

        assertThat(new PortalClient(port).signIn(ada, ADA_PASSWORD).location()).hasValue("/");
        assertThat(new PortalClient(port).signIn(ada, "not the password").location()).hasValue("/signin?error");
        assertThat(directories.syncNow(actor, BY_HAND).arguments()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void aChangedPasswordIsWrittenToTheDirectoryAndTheOldOneStopsWorkingThere() {
        PortalClient browser = new PortalClient(port);
        browser.signIn(ada, ADA_PASSWORD);

        Response changed = change(browser, ADA_PASSWORD, NEW_PASSWORD);

        assertThat(changed.location()).isPresent();
        assertThat(ldap.binds(adaDn, NEW_PASSWORD)).isTrue();
        assertThat(ldap.binds(adaDn, ADA_PASSWORD)).isFalse();
        assertThat(browser.get("/").location()).hasValueSatisfying(to -> assertThat(to).contains("/signin"));
        assertThat(new PortalClient(port).signIn(ada, NEW_PASSWORD).location()).hasValue("/");
    }

    @Test
    void theDirectoryHasTheLastWordAndItsRefusalIsShownInThePersonsLanguageWithNothingChanged() {
        PortalClient browser = new PortalClient(port, "nl");
        browser.signIn(ada, ADA_PASSWORD);
        ldap.refusePasswords(DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_IN_HISTORY);
        try {
            Response refused = change(browser, ADA_PASSWORD, NEW_PASSWORD);

            assertThat(newPasswordErrors(refused)).containsExactly(
                    "De directory van uw organisatie weigerde dit wachtwoord: u hebt het al eerder gebruikt.");
        } finally {
            ldap.refusePasswords(null);
        }
        assertThat(ldap.binds(adaDn, ADA_PASSWORD)).isTrue();
        assertThat(browser.get("/").status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from password_history h join account a on a.id = h.account_id "
                + "where a.upn = ?").param(ada).query(Integer.class).single()).isZero();
    }

    @Test
    void anAdminsResetIsWrittenAsTheServiceAccountAndLiftsTheDirectorysLockout() {
        ldap.modify(adaDn, new Modification(ModificationType.REPLACE, "pwdAccountLockedTime", "20261204101500Z"));
        PortalClient browser = signedIn(admin);
        UUID id = jdbc.sql("select id from account where upn = ?").param(ada).query(UUID.class).single();

        Response reset = browser.submit(browser.get("/admin/people/" + id).page(), "form[action$=/reset-password]",
                Map.of());
        String temporary = reset.page().select("#secret code").text();

        assertThat(temporary).isNotBlank();
        assertThat(ldap.binds(adaDn, temporary)).isTrue();
        assertThat(ldap.attribute(adaDn, "pwdAccountLockedTime")).isNull();
        assertThat(new PortalClient(port).signIn(ada, temporary).location()).hasValue("/password");
    }

    @Test
    void anAdminsUnlockLiftsTheDirectorysLockoutButNotADisablingOne() {
        ldap.modify(adaDn, new Modification(ModificationType.REPLACE, "pwdAccountLockedTime", "20261204101500Z"));
        PortalClient browser = signedIn(admin);
        UUID id = jdbc.sql("select id from account where upn = ?").param(ada).query(UUID.class).single();

        browser.submit(browser.get("/admin/people/" + id).page(), "form[action$=/unlock]", Map.of());
        assertThat(ldap.attribute(adaDn, "pwdAccountLockedTime")).isNull();

        ldap.modify(adaDn, new Modification(ModificationType.REPLACE, "pwdAccountLockedTime", "000001010000Z"));
        browser.submit(browser.get("/admin/people/" + id).page(), "form[action$=/unlock]", Map.of());
        assertThat(ldap.attribute(adaDn, "pwdAccountLockedTime")).isEqualTo("000001010000Z");
    }

    @Test
    void aSelfServiceResetWritesTheNewPasswordToTheDirectoryWhichMayRefuseItAndLeaveTheResetOpen() {
        UUID id = jdbc.sql("select id from account where upn = ?").param(ada).query(UUID.class).single();
        String secret = methods.addAuthenticator(id);
        PortalClient browser = new PortalClient(port);
        browser.submit(browser.get("/reset").page(), "form[action=/reset]", Map.of("upn", ada));
        assertThat(browser.submit(browser.get("/reset/verify?kind=authenticator").page(),
                "form[action=/reset/verify]", Map.of("code", methods.code(secret))).location())
                .hasValue("/reset/password");

        ldap.refusePasswords(DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_TOO_SHORT);
        Response refused;
        try {
            refused = browser.submit(browser.get("/reset/password").page(), "form[action=/reset/password]",
                    Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
        } finally {
            ldap.refusePasswords(null);
        }
        assertThat(refused.page().select("[role=alert]").text()).contains(
                "Your organisation's directory refused this password: it is too short for the directory's own rules.");
        assertThat(ldap.binds(adaDn, ADA_PASSWORD)).isTrue();

        Response done = browser.submit(browser.get("/reset/password").page(), "form[action=/reset/password]",
                Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
        assertThat(done.location()).hasValue("/signin?reset");
        assertThat(ldap.binds(adaDn, NEW_PASSWORD)).isTrue();
        assertThat(ldap.binds(adaDn, ADA_PASSWORD)).isFalse();
    }

    @Test
    void theLockoutStopsGuessesBeforeTheyReachTheDirectory() {
        int before = ldap.bindsAs(adaDn);
        for (int i = 0; i < 15; i++) {
            new PortalClient(port).signIn(ada, "guess number " + i);
        }
        int reached = ldap.bindsAs(adaDn) - before;

        assertThat(reached).isEqualTo(10);
        assertThat(new PortalClient(port).signIn(ada, ADA_PASSWORD).location()).hasValue("/signin?locked");
        assertThat(ldap.bindsAs(adaDn) - before).isEqualTo(10);
    }

    @Test
    void aDirectoryThatStopsAnsweringGetsAPageThatSaysSoForKnownAndUnknownPeopleAlike() {
        Person other = people.createAdmin();
        Actor otherActor = new Actor(people.organisationOf(other), other.id(), other.upn());
        String grace = "grace@" + other.domain();
        try (TestDirectory down = TestDirectory.start()) {
            down.addPerson("grace", grace, "Grace Hopper", ADA_PASSWORD);
            directories.save(otherActor, settings(down, "(objectClass=inetOrgPerson)"), BY_HAND);
            assertThat(directories.syncNow(otherActor, BY_HAND).arguments()).containsExactly(1, 0, 0, 0);
        }

        for (String upn : new String[] {grace, "nobody@" + other.domain()}) {
            PortalClient browser = new PortalClient(port);
            Response answer = browser.signIn(upn, ADA_PASSWORD);
            assertThat(answer.location()).as(upn).hasValue("/signin?unreachable");
            assertThat(browser.get("/signin?unreachable").page().select("[role=alert]").text())
                    .startsWith("We can't reach your organisation's directory right now");
        }
        assertThat(new PortalClient(port).signIn(other.upn(), other.password()).location()).hasValue("/");
        assertThat(directories.syncNow(otherActor, BY_HAND).messageKey())
                .isEqualTo("directory.test.unreachable");
    }

    @Test
    void aPersonAddedDisabledOrRenamedInTheDirectoryIsSoHereAtTheNextReading() {
        PortalClient adasBrowser = new PortalClient(port);
        adasBrowser.signIn(ada, ADA_PASSWORD);
        UUID id = jdbc.sql("select id from account where upn = ?").param(ada).query(UUID.class).single();
        String newcomer = "lin-" + UUID.randomUUID().toString().substring(0, 8) + "@" + admin.domain();
        ldap.addPerson(newcomer.substring(0, newcomer.indexOf('@')), newcomer, "Lin Chen", ADA_PASSWORD);
        ldap.makeAdmin(adaDn);
        ldap.modify(adaDn, new Modification(ModificationType.REPLACE, "cn", "Ada King"),
                new Modification(ModificationType.REPLACE, "pwdAccountLockedTime", "000001010000Z"));

        assertThat(directories.syncNow(actor, BY_HAND).arguments()).containsExactly(1, 0, 1, 0);

        Map<String, Object> row = new HashMap<>(jdbc.sql("select display_name, enabled from account where id = ?")
                .param(id).query().singleRow());
        assertThat(row).containsEntry("display_name", "Ada King").containsEntry("enabled", false);
        assertThat(jdbc.sql("select role from membership where account_id = ?").param(id).query(String.class)
                .single()).isEqualTo("ADMIN");
        assertThat(adasBrowser.get("/").location()).hasValueSatisfying(to -> assertThat(to).contains("/signin"));
        assertThat(new PortalClient(port).signIn(newcomer, ADA_PASSWORD).location()).hasValue("/");
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'directory.synced' and organisation_id = ?")
                .param(actor.organisationId()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aPersonsEmailAndPhoneComeFromTheDirectoryToTheirOverviewAndToTheAppsTheySignInTo() throws Exception {
        DirectorySettings usual = settings(ldap, "(mail=*@" + admin.domain() + ")");
        assertThat(directories.save(actor, new DirectorySettings(null, usual.kind(), usual.url(), false, true, null,
                usual.bindDn(), usual.bindPassword(), usual.peopleBase(), usual.peopleFilter(), usual.upnAttribute(),
                usual.displayNameAttribute(), usual.givenNameAttribute(), usual.surnameAttribute(), "otherMailbox",
                "mobile", usual.disabledFilter(), usual.adminGroupDn()), BY_HAND).ok()).isTrue();
        ldap.modify(adaDn, new Modification(ModificationType.ADD, "otherMailbox", "Ada.Lovelace@mail.example"),
                new Modification(ModificationType.ADD, "mobile", "+31 6 1234 5678"));
        assertThat(directories.syncNow(actor, BY_HAND).arguments()).containsExactly(0, 1, 0, 0);
        PortalClient browser = new PortalClient(port);
        browser.signIn(ada, ADA_PASSWORD);

        var profile = browser.get("/").page().select(".profile");
        assertThat(profile.select("dd").eachText()).contains("Ada.Lovelace@mail.example", "+31 6 1234 5678");
        assertThat(profile.select(".hint").text())
                .isEqualTo("Your name, email and phone come from your organisation's directory. Ask your IT "
                        + "department to change them.");
        UUID id = jdbc.sql("select id from account where upn = ?").param(ada).query(UUID.class).single();
        assertThat(signedIn(admin).get("/admin/people/" + id).page().select("dl.facts dd").eachText()).contains(
                "Kept by your organisation's directory", "Ada.Lovelace@mail.example", "+31 6 1234 5678");
        String redirect = "https://wiki.example/signed-in";
        Apps.Created wiki = apps.create(Actor.commandLine(actor.organisationId()),
                new Apps.NewApp("Wiki", redirect, false, false, null), BY_HAND);
        AppClient app = new AppClient(port, wiki.app().clientId(), wiki.secret(), redirect);
        AppClient.Authorization asked = app.authorization("");
        String code = AppClient.answerIn(browser.get(asked.path()).header("Location").orElseThrow()).get("code");
        var idToken = SignedJWT.parse(app.exchange(code, asked.verifier()).text("id_token")).getJWTClaimsSet();
        assertThat(idToken.getStringClaim("email")).isEqualTo("Ada.Lovelace@mail.example");
        assertThat(idToken.getStringClaim("preferred_username")).isEqualTo(ada);

        ldap.modify(adaDn, new Modification(ModificationType.DELETE, "mobile"));
        assertThat(directories.syncNow(actor, BY_HAND).arguments()).containsExactly(0, 1, 0, 0);
        assertThat(jdbc.sql("select phone from account where upn = ?").param(ada).query(String.class).optional())
                .isEmpty();
    }

    @Test
    void thePasswordTileSaysWhenTheDirectorySetThePasswordOrThatItDoesNotSay() {
        PortalClient browser = new PortalClient(port);
        browser.signIn(ada, ADA_PASSWORD);
        assertThat(browser.get("/").page().select("section:has(#tile-password) p").text()).isEqualTo(
                "Your password is kept by your organisation's directory, which does not say when it was last changed.");

        ldap.modify(adaDn, new Modification(ModificationType.ADD, "pwdChangedTime", "20261101093000Z"));
        assertThat(directories.syncNow(actor, BY_HAND).arguments()).containsExactly(0, 1, 0, 0);

        assertThat(browser.get("/").page().select("section:has(#tile-password) p").text())
                .isEqualTo("Last changed on November 1, 2026 at 9:30:00 AM UTC.");
        assertThat(directories.syncNow(actor, BY_HAND).arguments()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void whoIsDisabledIsWhatTheDisabledFilterMatchesInTheDirectory() {
        DirectorySettings usual = settings(ldap, "(mail=*@" + admin.domain() + ")");
        DirectorySettings leavers = new DirectorySettings(null, usual.kind(), usual.url(), false, true, null,
                usual.bindDn(), usual.bindPassword(), usual.peopleBase(), usual.peopleFilter(), usual.upnAttribute(),
                usual.displayNameAttribute(), usual.givenNameAttribute(), usual.surnameAttribute(),
                usual.emailAttribute(), usual.phoneAttribute(), "(employeeType=left)", usual.adminGroupDn());
        assertThat(directories.save(actor, leavers, BY_HAND).ok()).isTrue();
        ldap.modify(adaDn, new Modification(ModificationType.ADD, "employeeType", "left"));

        assertThat(directories.test(actor, leavers).arguments()).containsExactly(1, 1, ada, "Ada Lovelace", 1);
        assertThat(directories.syncNow(actor, BY_HAND).arguments()).containsExactly(0, 0, 1, 0);
        assertThat(enabled(ada)).isFalse();

        ldap.modify(adaDn, new Modification(ModificationType.DELETE, "employeeType"),
                new Modification(ModificationType.REPLACE, "pwdAccountLockedTime", "000001010000Z"));
        assertThat(directories.syncNow(actor, BY_HAND).arguments()).containsExactly(0, 1, 0, 0);
        assertThat(enabled(ada)).isTrue();
        assertThat(directories.test(actor, new DirectorySettings(null, usual.kind(), usual.url(), false, true, null,
                usual.bindDn(), usual.bindPassword(), usual.peopleBase(), usual.peopleFilter(), usual.upnAttribute(),
                usual.displayNameAttribute(), usual.givenNameAttribute(), usual.surnameAttribute(), "", "",
                "(employeeType=left", null)).messageKey()).isEqualTo("directory.error.disabledFilter");
    }

    @Test
    void aReadingBetweenWholeOnesTakesWhatChangedAndTheAdminGroupAndLeavesRemovalsToTheNextWholeOne() {
        String bob = "bob-" + UUID.randomUUID().toString().substring(0, 8) + "@" + admin.domain();
        String bobDn = ldap.addPerson(bob.substring(0, bob.indexOf('@')), bob, "Bob Kahn", ADA_PASSWORD);
        String cy = "cy-" + UUID.randomUUID().toString().substring(0, 8) + "@" + admin.domain();
        String cyDn = ldap.addPerson(cy.substring(0, cy.indexOf('@')), cy, "Cy Young", ADA_PASSWORD);
        assertThat(directories.syncNow(actor, BY_HAND).arguments()).containsExactly(2, 0, 0, 0);
        ldap.modify(adaDn, new Modification(ModificationType.REPLACE, "cn", "Ada King"));
        ldap.makeAdmin(cyDn);
        ldap.delete(bobDn);

        List<String> readings = readChanges();

        assertThat(jdbc.sql("select display_name from account where upn = ?").param(ada).query(String.class).single())
                .isEqualTo("Ada King");
        assertThat(jdbc.sql("select m.role from membership m join account a on a.id = m.account_id where a.upn = ?")
                .param(cy).query(String.class).single()).isEqualTo("ADMIN");
        assertThat(enabled(bob)).isTrue();
        assertThat(readings).first().isEqualTo("changes: 0,2,0,0");

        assertThat(directories.syncNow(actor, BY_HAND).arguments()).containsExactly(0, 0, 1, 0);
        assertThat(enabled(bob)).isFalse();
    }

    private boolean enabled(String upn) {
        return jdbc.sql("select enabled from account where upn = ?").param(upn).query(Boolean.class).single();
    }

    @Test
    void settingsThatSendPasswordsUnencryptedOrCannotBeUsedAreRefusedAndNotKept() {
        DirectorySettings plain = settings(ldap, "(objectClass=inetOrgPerson)");
        DirectorySettings unmarked = new DirectorySettings(null, plain.kind(), plain.url(), false, false, null,
                plain.bindDn(), plain.bindPassword(), plain.peopleBase(), plain.peopleFilter(), plain.upnAttribute(),
                plain.displayNameAttribute(), plain.givenNameAttribute(), plain.surnameAttribute(),
                plain.emailAttribute(), plain.phoneAttribute(), plain.disabledFilter(), null);

        assertThat(directories.save(actor, unmarked, BY_HAND).messageKey())
                .isEqualTo("directory.error.plain");
        assertThat(directories.test(actor, unmarked).messageKey()).isEqualTo("directory.error.plain");
        assertThat(directories.test(actor, plain.withBindPassword("wrong")).messageKey())
                .isEqualTo("directory.test.serviceAccount");
        assertThat(directories.settings(actor).orElseThrow().peopleFilter()).isEqualTo("(mail=*@" + admin.domain()
                + ")");
    }

    @Test
    void theStoredServicePasswordGoesOnlyToTheServerItWasTypedFor() {
        DirectorySettings stored = directories.settings(actor).orElseThrow();
        try (TestDirectory elsewhere = TestDirectory.start()) {
            DirectorySettings moved = new DirectorySettings(null, stored.kind(), elsewhere.url(), false, true, null,
                    stored.bindDn(), "", stored.peopleBase(), stored.peopleFilter(), stored.upnAttribute(),
                    stored.displayNameAttribute(), stored.givenNameAttribute(), stored.surnameAttribute(),
                    stored.emailAttribute(), stored.phoneAttribute(), stored.disabledFilter(), null);

            assertThat(directories.test(actor, moved).messageKey()).isEqualTo("directory.error.bindPassword");
            assertThat(directories.save(actor, moved, BY_HAND).messageKey()).isEqualTo("directory.error.bindPassword");
            assertThat(elsewhere.bindsAs(TestDirectory.SERVICE)).isZero();
        }
        assertThat(directories.test(actor, stored).messageKey()).isEqualTo("directory.test.found");
    }

    private static DirectorySettings settings(TestDirectory directory, String filter) {
        return new DirectorySettings(null, DirectoryKind.OPENLDAP, directory.url(), false, true, null,
                TestDirectory.SERVICE, TestDirectory.SERVICE_PASSWORD, TestDirectory.PEOPLE, filter, "mail", "cn",
                "givenName", "sn", "mail", "telephoneNumber", DirectoryKind.OPENLDAP.disabledFilter(),
                TestDirectory.ADMINS);
    }

}
