package dev.myaccount.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.people.DirectoryService;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.SecondNode;
import dev.myaccount.support.TestPeople.Person;

/**
 * Two portal nodes on one database, as docs/operations.md runs them: whichever node makes a shared key first,
 * the other signs in, counts wrong passwords, locks and knows familiar browsers with it; sessions ended
 * on one are gone on the other (also when an admin changes the person's UPN, and one saved after they were
 * ended); a second sign-in step begun on one is finished on the other. Its own database (the property below), so that no key exists yet.
 */
@PortalTest
@TestPropertySource(properties = "myaccount.test.fresh-database=two-nodes")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest extends PortalTestCase {

    /** The keys that sign-ins make (the demo organisation made others, for its temporary access pass). */
    private static final String SIGN_IN_KEYS = """
            select count(*) from portal_key where key_name in ('wrong-password-fingerprint', 'device-cookie')""";

    @Autowired
    Environment environment;

    @Autowired
    DirectoryService directory;

    private SecondNode second;

    @BeforeAll
    void startTheSecondNode() {
        second = SecondNode.beside(environment);
    }

    @AfterAll
    void stopTheSecondNode() {
        second.close();
    }

    @Test
    @Order(1)
    void eachNodeUsesTheKeysTheOtherMadeFirst() {
        Person person = people.create();
        Person other = people.create();
        assertThat(jdbc.sql(SIGN_IN_KEYS).query(Integer.class).single()).isZero();
        // The wrong-password key is made on the second node, the device-cookie key on this one.
        assertThat(signIn(second.port(), person.upn(), "wrong on the second node")).isEqualTo("/signin?error");
        assertThat(signIn(port, other.upn(), other.password())).isEqualTo("/");

        assertThat(signIn(port, person.upn(), "wrong on the first node")).isEqualTo("/signin?error");
        assertThat(signIn(second.port(), other.upn(), other.password())).isEqualTo("/");
        assertThat(failedCount(person)).isEqualTo(2);
        assertThat(jdbc.sql(SIGN_IN_KEYS).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aSecondStepBegunOnOneNodeIsFinishedOnTheOtherAndItsCodeIsTakenOnce() {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(person.upn(), person.password()).location()).hasValue("/signin/verify");
        PortalClient onSecond = browser.onPort(second.port());
        String code = methods.code(secret);

        var in = onSecond.submit(onSecond.get("/signin/verify").page(), "form:has(input[name=code])",
                Map.of("code", code));

        assertThat(in.location()).hasValue("/");
        assertThat(browser.get("/").status()).isEqualTo(200);
        PortalClient replay = new PortalClient(port);
        replay.signIn(person.upn(), person.password());
        var refused = replay.submit(replay.get("/signin/verify").page(), "form:has(input[name=code])",
                Map.of("code", code));
        assertThat(refused.page().select("[role=alert]").text()).startsWith("That code isn't right.");
    }

    @Test
    void aBrowserSignedOutFromDevicesOnOneNodeIsSignedOutOnTheOther() {
        Person person = people.create();
        PortalClient laptop = new PortalClient(second.port());
        laptop.signIn(person.upn(), person.password());
        PortalClient desktop = signedIn(person);

        desktop.submit(desktop.get("/devices").page(), "form[action$=/sign-out]", Map.of());

        assertThat(laptop.get("/").location()).contains("/signin");
        assertThat(desktop.onPort(second.port()).get("/").status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsOnBothNodesAddUpToOneLockout() {
        Person person = people.create();
        for (int i = 0; i < 9; i++) {
            assertThat(signIn(i % 2 == 0 ? port : second.port(), person.upn(), "guess " + i)).isEqualTo("/signin?error");
        }
        assertThat(signIn(second.port(), person.upn(), "guess 9")).isEqualTo("/signin?locked");
        assertThat(signIn(port, person.upn(), "guess 10")).isEqualTo("/signin?locked");
        assertThat(signIn(second.port(), person.upn(), "guess 11")).isEqualTo("/signin?locked");
        assertThat(signIn(port, person.upn(), person.password())).isEqualTo("/signin?locked");
        assertThat(signIn(second.port(), person.upn(), person.password())).isEqualTo("/signin?locked");
    }

    @Test
    void aBrowserFamiliarOnOneNodeIsFamiliarOnTheOther() {
        Person person = people.create();
        PortalClient laptop = new PortalClient(port);
        assertThat(laptop.signIn(person.upn(), person.password()).location()).contains("/");
        laptop.submit(laptop.get("/").page(), "form[action=/signout]", Map.of());
        for (int i = 0; i < 10; i++) {
            signIn(i % 2 == 0 ? port : second.port(), person.upn(), "attacker guess " + i);
        }
        assertThat(signIn(second.port(), person.upn(), person.password())).isEqualTo("/signin?locked");

        assertThat(laptop.onPort(second.port()).signIn(person.upn(), person.password()).location()).contains("/");
    }

    @Test
    void thisWasntMeOnOneNodeEndsTheSessionOnTheOther() {
        Person person = people.create();
        PortalClient elsewhere = signedIn(person).onPort(second.port());
        PortalClient here = new PortalClient(second.port());
        here.signIn(person.upn(), person.password());
        here = here.onPort(port);
        assertThat(elsewhere.get("/").status()).isEqualTo(200);

        here.submit(here.get("/sign-ins").page(), "form[action*=not-me]", Map.of());

        assertThat(elsewhere.get("/").location()).contains("/signin");
        assertThat(here.get("/").status()).isEqualTo(200);
    }

    @Test
    void aPasswordChangedOnOneNodeEndsTheSessionOnTheOther() {
        Person person = people.create();
        PortalClient elsewhere = signedIn(person).onPort(second.port());
        PortalClient here = signedIn(person);
        assertThat(elsewhere.get("/").status()).isEqualTo(200);

        assertThat(here.submit(here.get("/password").page(), "form[action=/password]", Map.of(
                "currentPassword", person.password(), "newPassword", "a brand new passphrase for pat",
                "confirmPassword", "a brand new passphrase for pat")).location()).contains("/signin?changed");

        assertThat(elsewhere.get("/").location()).contains("/signin");
        assertThat(signIn(second.port(), person.upn(), "a brand new passphrase for pat")).isEqualTo("/");
    }

    @Test
    void aUpnChangedByAnAdminOnOneNodeEndsTheSessionOnTheOtherWhichSignsInTheNewUpn() {
        Person admin = people.createAdmin();
        Person lee = people.createBeside(admin, "Lee Gu");
        PortalClient elsewhere = signedIn(lee).onPort(second.port());
        PortalClient here = signedIn(admin);
        String newUpn = "lee.wong@" + admin.domain();

        assertThat(here.submit(here.get("/admin/people/" + lee.id()).page(), "form[action$=/upn]",
                Map.of("upn", newUpn)).location()).hasValue("/admin/people/" + lee.id() + "?done=upnChanged");

        assertThat(elsewhere.get("/").location()).contains("/signin");
        assertThat(signIn(second.port(), lee.upn(), lee.password())).isEqualTo("/signin?error");
        assertThat(signIn(second.port(), newUpn, lee.password())).isEqualTo("/");
    }

    @Test
    void aSessionSavedAfterItsSignInsEndedOnOneNodeEndsAtItsNextRequestOnTheOther() {
        Person person = people.create();
        PortalClient elsewhere = signedIn(person).onPort(second.port());
        assertThat(elsewhere.get("/").status()).isEqualTo(200);

        // As a change on this node does when a sign-in on the other saves its session after the sessions were ended.
        directory.endSignInsSoFar(person.id());

        assertThat(elsewhere.get("/").location()).hasValue("/signin?expired");
        assertThat(elsewhere.get("/").location()).hasValue("/signin");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(person.upn())
                .query(Integer.class).single()).isZero();
        assertThat(signIn(second.port(), person.upn(), person.password())).isEqualTo("/");
    }

    private static String signIn(int node, String upn, String password) {
        return new PortalClient(node).signIn(upn, password).location().orElseThrow();
    }

    private int failedCount(Person person) {
        return jdbc.sql("select failed_count from sign_in_lockout where upn = ? and familiar_device = false")
                .param(person.upn()).query(Integer.class).single();
    }
}
