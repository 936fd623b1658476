package dev.myaccount.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.myaccount.people.Actor;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.TestPeople.Person;
import dev.myaccount.support.TestSlapd;

/**
 * A real OpenLDAP (slapd with ppolicy) behind the portal: what the portal writes is what ldapwhoami finds, ppolicy's
 * refusals come back as the portal's own reasons, an admin's reset unlocks, and the portal's lockout keeps guesses
 * from locking the owner out of the directory.
 */
@PortalTest
class OpenLdapTest extends DirectoryTestCase {

    private static final String PASSWORD = "analytical engine of 1843 notes";
    private static TestSlapd slapd;

    private String upn;
    private String dn;

    @BeforeAll
    static void startSlapd() {
        slapd = TestSlapd.start();
    }

    @AfterAll
    static void stopSlapd() {
        slapd.close();
    }

    @BeforeEach
    void addAdaAndConnect() {
        String uid = "ada-" + UUID.randomUUID().toString().substring(0, 8);
        upn = uid + "@" + admin.domain();
        dn = slapd.addPerson(uid, upn, "Ada Lovelace", PASSWORD);
        connect(settings("(mail=*@" + admin.domain() + ")"));
    }

    @Test
    void aPasswordChangedHereIsTheOneTheDirectoryItselfAccepts() {
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(upn, PASSWORD).location()).hasValue("/");
        String changed = "a quiet harbour at dawn in winter";

        assertThat(change(browser, PASSWORD, changed).location()).isPresent();

        assertThat(slapd.whoAmI(dn, changed)).isEqualTo("dn:" + dn);
        assertThat(slapd.whoAmI(dn, PASSWORD)).contains("Invalid credentials");
        assertThat(new PortalClient(port).signIn(upn, changed).location()).hasValue("/");
        Instant setThere = DateTimeFormatter.ofPattern("yyyyMMddHHmmssX")
                .parse(slapd.operational(dn, "pwdChangedTime").get(0), Instant::from);
        assertThat(directories.syncNow(actor, BY_HAND).arguments()).as("the same change, here and there")
                .containsExactly(0, 0, 0, 0);
        assertThat(jdbc.sql("select password_changed_at from account where upn = ?").param(upn)
                .query(OffsetDateTime.class).single().toInstant()).isCloseTo(setThere, within(2, ChronoUnit.SECONDS));
    }

    @Test
    void ppolicysRefusalsComeBackAsThePortalsOwnReasonsAndChangeNothing() {
        PortalClient browser = new PortalClient(port);
        browser.signIn(upn, PASSWORD);
        String longEnoughForThePortal = "a quiet harbour at 5am";

        assertThat(newPasswordErrors(change(browser, PASSWORD, longEnoughForThePortal))).containsExactly(
                "Your organisation's directory refused this password: it is too short for the directory's own rules.");
        assertThat(slapd.whoAmI(dn, PASSWORD)).isEqualTo("dn:" + dn);

        String second = "a quiet harbour at dawn in winter";
        assertThat(change(browser, PASSWORD, second).location()).isPresent();
        PortalClient again = new PortalClient(port);
        again.signIn(upn, second);
        assertThat(newPasswordErrors(change(again, second, PASSWORD))).containsExactly(
                "Your organisation's directory refused this password: you used it before.");
        assertThat(slapd.whoAmI(dn, second)).isEqualTo("dn:" + dn);
    }

    @Test
    void anAdminsResetUnlocksAPersonTheDirectoryLockedOut() {
        slapd.lockOut(dn);
        assertThat(slapd.operational(dn, "pwdAccountLockedTime")).hasSize(1);
        assertThat(slapd.whoAmI(dn, PASSWORD)).contains("Invalid credentials");
        PortalClient browser = signedIn(admin);
        UUID id = jdbc.sql("select id from account where upn = ?").param(upn).query(UUID.class).single();

        Response reset = browser.submit(browser.get("/admin/people/" + id).page(), "form[action$=/reset-password]",
                Map.of());
        String temporary = reset.page().select("#secret code").text();

        assertThat(slapd.operational(dn, "pwdAccountLockedTime")).isEmpty();
        assertThat(slapd.whoAmI(dn, temporary)).isEqualTo("dn:" + dn);
    }

    @Test
    void guessesAtThePortalStopAtItsLockoutAndNeverLockTheOwnerOutOfTheDirectory() {
        for (int i = 0; i < TestSlapd.MOST_FAILURES + 5; i++) {
            new PortalClient(port).signIn(upn, "guess number " + i);
        }

        assertThat(slapd.operational(dn, "pwdFailureTime")).hasSize(10);
        assertThat(slapd.operational(dn, "pwdAccountLockedTime")).isEmpty();
        assertThat(slapd.whoAmI(dn, PASSWORD)).isEqualTo("dn:" + dn);
    }

    @Test
    void theScheduledReadingFindsWhatChangedSinceTheLastByItsModifyTimestamp() {
        slapd.modify(dn, "cn", "Ada King");

        assertThat(readChanges()).first()
                .isEqualTo("changes: 0,1,0,0");
        assertThat(jdbc.sql("select display_name from account where upn = ?").param(upn).query(String.class)
                .single()).isEqualTo("Ada King");
    }

    @Test
    void moreThanAPageOfPeopleIsReadWhole() {
        Person other = people.createAdmin();
        Actor otherActor = new Actor(people.organisationOf(other), other.id(), other.upn());
        slapd.addPeople(other.domain(), 1234, PASSWORD);

        assertThat(directories.save(otherActor, settings("(mail=*@" + other.domain() + ")"), BY_HAND).ok()).isTrue();
        assertThat(directories.syncNow(otherActor, BY_HAND).arguments()).containsExactly(1234, 0, 0, 0);
        assertThat(new PortalClient(port).signIn("person1233@" + other.domain(), PASSWORD).location())
                .hasValue("/");
    }

    private static DirectorySettings settings(String filter) {
        return new DirectorySettings(null, DirectoryKind.OPENLDAP, slapd.url(), false, true, null, TestSlapd.SERVICE,
                TestSlapd.SERVICE_PASSWORD, TestSlapd.PEOPLE, filter, "mail", "cn", "givenName", "sn", "mail",
                "telephoneNumber", DirectoryKind.OPENLDAP.disabledFilter(), null);
    }

}
