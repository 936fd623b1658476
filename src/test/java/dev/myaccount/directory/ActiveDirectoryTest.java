package dev.myaccount.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.TestSambaAd;

/**
 * A real Active Directory (a Samba domain controller) behind the portal, over LDAPS with the controller's CA
 * certificate: sign-in, a change written to unicodePwd that Windows would accept, AD's own refusal in plain words,
 * an admin's reset that unlocks, and a person disabled in AD disabled here at the next reading.
 */
@PortalTest
class ActiveDirectoryTest extends DirectoryTestCase {

    private static final String PASSWORD = "Analytical Engine 1843!";
    private static final String CHANGED = "Quiet harbour at dawn 7";
    private static TestSambaAd ad;

    private String upn;
    private String dn;

    @BeforeAll
    static void startDomainController() {
        ad = TestSambaAd.start();
    }

    @AfterAll
    static void stopDomainController() {
        ad.close();
    }

    @BeforeEach
    void addAdaAndConnect() {
        String account = "ada" + UUID.randomUUID().toString().substring(0, 8);
        upn = account + "@" + admin.domain();
        dn = ad.addPerson(account, upn, "Ada " + account, PASSWORD);
        DirectorySettings settings = DirectorySettings.startingWith(null, DirectoryKind.ACTIVE_DIRECTORY);
        connect(new DirectorySettings(null, settings.kind(), TestSambaAd.URL, false, false,
                ad.caCertificate(), TestSambaAd.SERVICE, TestSambaAd.SERVICE_PASSWORD, TestSambaAd.USERS,
                "(&" + settings.peopleFilter() + "(userPrincipalName=*@" + admin.domain() + "))",
                settings.upnAttribute(), settings.displayNameAttribute(), settings.givenNameAttribute(),
                settings.surnameAttribute(), settings.emailAttribute(), settings.phoneAttribute(),
                settings.disabledFilter(), null));
    }

    @Test
    void aPersonSignsInWithTheirWindowsPasswordAndAChangeHereIsTheOneWindowsAccepts() {
        assertThat(jdbc.sql("select email, phone from account where upn = ?").param(upn).query().singleRow())
                .containsEntry("email", upn.substring(0, upn.indexOf('@')) + "@mail.example")
                .containsEntry("phone", "+31 20 555 0100");
        assertThat(jdbc.sql("select password_changed_at from account where upn = ?").param(upn)
                .query(OffsetDateTime.class).single().toInstant()).isBetween(clock.instant().minusSeconds(600),
                        clock.instant().plusSeconds(60));
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(upn, PASSWORD).location()).hasValue("/");

        assertThat(change(browser, PASSWORD, CHANGED).location()).isPresent();

        assertThat(ad.binds(dn, CHANGED)).isTrue();
        assertThat(ad.binds(dn, PASSWORD)).isFalse();
        assertThat(new PortalClient(port).signIn(upn, CHANGED).location()).hasValue("/");
        assertThat(jdbc.sql("select directory_id from account where upn = ?").param(upn).query(String.class).single())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void activeDirectorysOwnRefusalIsShownInPlainWordsAndNothingIsHalfWritten() {
        PortalClient browser = new PortalClient(port);
        browser.signIn(upn, PASSWORD);
        String refused = "Your organisation's directory refused this password under its own rules (length, "
                + "complexity, earlier passwords or how recently it was changed). Choose another one.";

        assertThat(newPasswordErrors(change(browser, PASSWORD, "a quiet harbour at dawn"))).containsExactly(refused);
        assertThat(ad.binds(dn, PASSWORD)).isTrue();

        assertThat(change(browser, PASSWORD, CHANGED).location()).isPresent();
        PortalClient again = new PortalClient(port);
        again.signIn(upn, CHANGED);
        assertThat(newPasswordErrors(change(again, CHANGED, PASSWORD))).containsExactly(refused);
        assertThat(ad.binds(dn, CHANGED)).isTrue();
    }

    @Test
    void anAdminsResetClearsTheLockoutActiveDirectorySet() {
        ad.lockOut(dn);
        assertThat(ad.attribute(dn, "lockoutTime")).isNotEqualTo("0");
        PortalClient browser = signedIn(admin);
        UUID id = jdbc.sql("select id from account where upn = ?").param(upn).query(UUID.class).single();

        Response reset = browser.submit(browser.get("/admin/people/" + id).page(), "form[action$=/reset-password]",
                Map.of());
        String temporary = reset.page().select("#secret code").text();

        assertThat(ad.attribute(dn, "lockoutTime")).isEqualTo("0");
        assertThat(ad.binds(dn, temporary)).isTrue();
        assertThat(new PortalClient(port).signIn(upn, temporary).location()).hasValue("/password");
    }

    @Test
    void aPersonDisabledInActiveDirectoryIsDisabledHereAtTheNextScheduledReadingByItsUpdateSequenceNumber() {
        PortalClient browser = new PortalClient(port);
        browser.signIn(upn, PASSWORD);
        ad.disable(dn);

        assertThat(readChanges()).first()
                .isEqualTo("changes: 0,0,1,0");

        assertThat(jdbc.sql("select enabled from account where upn = ?").param(upn).query(Boolean.class).single())
                .isFalse();
        assertThat(browser.get("/").location()).hasValueSatisfying(to -> assertThat(to).contains("/signin"));
    }

}
