package dev.myaccount.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.myaccount.support.AtOnce;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestMail;
import dev.myaccount.support.TestPeople.Person;

@PortalTest
class ChangePasswordTest extends PortalTestCase {

    private static final String NEW_PASSWORD = "a quiet harbour at dawn";
    private static final int SIGN_INS_IN_FLIGHT = 16;
    private static final int STAGGER_MILLIS = 5;
    private static final int ROUNDS = 5;

    private Person person;
    private PortalClient browser;
    private String passwordHashAtStart;

    @BeforeEach
    void signIn() {
        person = people.create();
        passwordHashAtStart = jdbc.sql("select password_hash from account where id = ?").param(person.id())
                .query(String.class).single();
        browser = new PortalClient(port);
        assertThat(browser.signIn(person.upn(), person.password()).location()).contains("/");
    }

    @Test
    void wrongCurrentPasswordIsRefusedNextToItsFieldAndChangesNothing() {
        Response refused = change("not my password", NEW_PASSWORD, NEW_PASSWORD);

        assertThat(refused.status()).isEqualTo(200);
        assertThat(errors(refused.page(), "currentPassword")).containsExactly("Your old password is incorrect.");
        assertThat(refused.page().select("[role=alert]").text()).contains("wasn't changed");
        assertPasswordUnchanged();
        assertThat(auditTypes()).contains("password.change-refused").doesNotContain("password.changed");
    }

    @Test
    void wrongCurrentPasswordsCountTowardTheLockoutThenTheFormRefusesEvenTheRightOne() {
        for (int i = 0; i < 9; i++) {
            assertThat(errors(change("guess " + i, NEW_PASSWORD, NEW_PASSWORD).page(), "currentPassword"))
                    .containsExactly("Your old password is incorrect.");
        }
        String locked = "Your account is temporarily locked after too many wrong passwords. Try again later.";
        assertThat(errors(change("guess 9", NEW_PASSWORD, NEW_PASSWORD).page(), "currentPassword"))
                .containsExactly(locked);

        assertThat(errors(change(person.password(), NEW_PASSWORD, NEW_PASSWORD).page(), "currentPassword"))
                .containsExactly(locked);
        assertThat(errors(browser.submit(browser.get("/password?lang=nl").page(), "form[action=/password]",
                Map.of("currentPassword", person.password(), "newPassword", NEW_PASSWORD,
                        "confirmPassword", NEW_PASSWORD)).page(), "currentPassword"))
                .containsExactly("Uw account is tijdelijk vergrendeld na te veel verkeerde wachtwoorden. "
                        + "Probeer het later opnieuw.");
        assertThat(jdbc.sql("select password_hash from account where id = ?").param(person.id()).query(String.class)
                .single()).isEqualTo(passwordHashAtStart);
        browser.submit(browser.get("/").page(), "form[action=/signout]", Map.of());
        assertThat(browser.signIn(person.upn(), person.password()).location()).contains("/signin?locked");
    }

    @Test
    void theSameWrongCurrentPasswordCountsOnceAndEachShowsOnTheSignInsPage() {
        for (int i = 0; i < 12; i++) {
            change("the same typo", NEW_PASSWORD, NEW_PASSWORD);
        }
        change(person.password(), "abc", "abc");

        assertThat(jdbc.sql("select sum(failed_count) from sign_in_lockout where upn = ?").param(person.upn())
                .query(Integer.class).single()).as("the right one cleared the count").isZero();
        Document signIns = browser.get("/sign-ins").page();
        assertThat(signIns.select(".sign-in-door").eachText()).hasSize(12)
                .containsOnly("While changing the password");
        assertThat(signIns.select(".sign-in:has(.sign-in-door) .sign-in-outcome").eachText())
                .containsOnly("Unsuccessful sign-in: wrong password");
    }

    @Test
    void fortyWrongCurrentPasswordsAtOnceGetTenCheckedAndTheRestRefusedUnchecked() throws Exception {
        Document form = browser.get("/password").page();
        List<Response> answers = AtOnce.send(40, i -> browser.submit(form, "form[action=/password]",
                Map.of("currentPassword", "guess " + i, "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD)));

        assertThat(answers).extracting(Response::status).containsOnly(200);

        List<String> outcomes = jdbc.sql("select outcome from sign_in_event where account_id = ? and door = ?")
                .params(person.id(), "CHANGE_PASSWORD").query(String.class).list();
        assertThat(outcomes).hasSize(40);
        assertThat(outcomes.stream().filter("WRONG_PASSWORD"::equals)).hasSize(10);
        assertThat(outcomes.stream().filter("LOCKED"::equals)).hasSize(30);
        assertThat(jdbc.sql("select password_hash from account where id = ?").param(person.id()).query(String.class)
                .single()).isEqualTo(passwordHashAtStart);
    }

    @Test
    void mismatchedConfirmationIsRefusedAndChangesNothing() {
        Response refused = change(person.password(), NEW_PASSWORD, NEW_PASSWORD + "!");

        assertThat(errors(refused.page(), "confirmPassword")).containsExactly(
                "The passwords don't match. Type the same new password twice.");
        assertThat(errors(refused.page(), "currentPassword")).isEmpty();
        assertPasswordUnchanged();
    }

    @Test
    void everyReasonIsListedAtOnceNextToItsField() {
        Response refused = change("wrong", "abc", "");

        assertThat(errors(refused.page(), "currentPassword")).containsExactly("Your old password is incorrect.");
        assertThat(errors(refused.page(), "newPassword")).contains("Use at least 8 characters.",
                "It is too easy to guess. Add a few words or characters of your own.");
        assertThat(errors(refused.page(), "confirmPassword")).containsExactly("Confirm your new password.");
        assertThat(refused.page().select("#newPassword").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.page().select("#newPassword").attr("aria-describedby")).isEqualTo("newPassword-errors policy");
    }

    @Test
    void newPasswordMustDifferFromTheCurrentOne() {
        Response refused = change(person.password(), person.password(), person.password());

        assertThat(errors(refused.page(), "newPassword")).containsExactly(
                "Your new password must be different from your old password.");
        assertPasswordUnchanged();
    }

    @Test
    void lengthIsCountedInCodePointsAfterNormalisation() {
        // Seven emoji are fourteen UTF-16 chars but seven characters: too short.
        String sevenEmoji = "🔑🔑🔑🔑🔑🔑🔑";
        assertThat(errors(change(person.password(), sevenEmoji, sevenEmoji).page(), "newPassword"))
                .contains("Use at least 8 characters.");
        String tooLong = "x".repeat(257);
        assertThat(errors(change(person.password(), tooLong, tooLong).page(), "newPassword"))
                .containsExactly("Use at most 256 characters.");
        assertPasswordUnchanged();
    }

    @Test
    void aRefusedFormDoesNotKeepOrEchoWhatWasTyped() {
        Response refused = change("typed-current-secret", "typed-new-secret-1", "typed-new-secret-2");

        assertThat(refused.body()).doesNotContain("typed-current-secret", "typed-new-secret-1", "typed-new-secret-2");
        assertThat(refused.page().select("input[type=password]"))
                .allSatisfy(input -> assertThat(input.attr("value")).isEmpty());
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothing() {
        Response forged = browser.post("/password", Map.of("currentPassword", person.password(),
                "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

        assertThat(forged.status()).isEqualTo(403);
        assertPasswordUnchanged();
    }

    @Test
    void successSendsThePersonToSignInWithTheNewPassword() {
        Response changed = change(person.password(), NEW_PASSWORD, NEW_PASSWORD);

        assertThat(changed.status()).isEqualTo(302);
        assertThat(changed.location()).contains("/signin?changed");
        assertThat(browser.get("/signin?changed").page().select("[role=status]").text())
                .isEqualTo("Your password has been changed. Sign in with your new password.");
        assertThat(new PortalClient(port).signIn(person.upn(), person.password()).location())
                .contains("/signin?error");
        assertThat(new PortalClient(port).signIn(person.upn(), NEW_PASSWORD).location()).contains("/");
        assertThat(auditTypes()).contains("password.changed", "sessions.all-ended");
    }

    @Test
    void successIsToldToThePersonAtEachEmailAddressTheySignInWith() {
        String first = "pat." + person.id() + "@example.net";
        String second = "pat.home." + person.id() + "@example.net";
        methods.addEmail(person.id(), first);
        methods.addEmail(person.id(), second);

        change(person.password(), NEW_PASSWORD, NEW_PASSWORD);

        for (String address : List.of(first, second)) {
            assertThat(TestMail.lastSubject(address)).isEqualTo("Your My Account password was changed");
            assertThat(TestMail.count(address)).isEqualTo(1);
            assertThat(TestMail.lastText(address)).startsWith("The password of " + person.upn() + " was changed")
                    .doesNotContain(NEW_PASSWORD, person.password());
        }
    }

    @Test
    void aPersonWithoutAChosenLanguageIsToldInTheLanguageOfTheBrowserThatChangedThePassword() {
        PortalClient dutch = new PortalClient(port, "nl");
        assertThat(dutch.signIn(person.upn(), person.password()).location()).hasValue("/");
        String address = "pat.nl." + person.id() + "@example.net";
        methods.addEmail(person.id(), address);

        dutch.submit(dutch.get("/password").page(), "form[action=/password]", Map.of("currentPassword",
                person.password(), "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

        assertThat(TestMail.lastSubject(address)).isEqualTo("Uw wachtwoord voor Mijn account is gewijzigd");
    }

    @Test
    void aRefusedChangeTellsNoOne() {
        String address = "pat." + person.id() + "@example.net";
        methods.addEmail(person.id(), address);

        change("this is not my password", NEW_PASSWORD, NEW_PASSWORD);

        assertThat(TestMail.count(address)).isZero();
    }

    @Test
    void successEndsEverySessionOfTheAccountAndNoOtherAccounts() {
        PortalClient otherDevice = new PortalClient(port);
        otherDevice.signIn(person.upn(), person.password());
        Person someoneElse = people.create();
        PortalClient someoneElsesBrowser = new PortalClient(port);
        someoneElsesBrowser.signIn(someoneElse.upn(), someoneElse.password());
        assertThat(otherDevice.get("/").status()).isEqualTo(200);

        change(person.password(), NEW_PASSWORD, NEW_PASSWORD);

        assertThat(browser.get("/").location()).contains("/signin");
        assertThat(otherDevice.get("/").location()).contains("/signin");
        assertThat(someoneElsesBrowser.get("/").status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
                .param(person.upn()).query(Integer.class).single()).isZero();
    }

    @Test
    void signInsWithTheOldPasswordStillInFlightAsItChangesKeepNoSession() throws Exception {
        int letIn = 0;
        for (int round = 0; round < ROUNDS && letIn == 0; round++) {
            Person someone = round == 0 ? person : people.create();
            PortalClient theirs = round == 0 ? browser : signedIn(someone);
            letIn += signInsWhileTheyChangeTheirPassword(someone, theirs, round);
        }
        assertThat(letIn).as("sign-ins let in with the old password, in %d rounds at most", ROUNDS).isPositive();
    }

    /**
     * Sign-ins with the old password posted 5 ms apart while the person changes it; whichever were let in, none keeps
     * its session afterwards. Returns how many were let in: the race's timing varies, hence rounds.
     */
    private int signInsWhileTheyChangeTheirPassword(Person someone, PortalClient theirs, int round) throws Exception {
        List<PortalClient> otherDevices = IntStream.range(0, SIGN_INS_IN_FLIGHT).mapToObj(i -> new PortalClient(port))
                .toList();
        List<Document> signInPages = otherDevices.stream().map(device -> device.get("/signin").page()).toList();
        Document form = theirs.get("/password").page();

        List<Response> answers = AtOnce.send(SIGN_INS_IN_FLIGHT + 1, i -> i == SIGN_INS_IN_FLIGHT
                ? theirs.submit(form, "form[action=/password]", Map.of("currentPassword", someone.password(),
                        "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD))
                : signInAfter(i * STAGGER_MILLIS, otherDevices.get(i), signInPages.get(i), someone));

        assertThat(answers.get(SIGN_INS_IN_FLIGHT).location()).contains("/signin?changed");
        for (int i = 0; i < SIGN_INS_IN_FLIGHT; i++) {
            assertThat(otherDevices.get(i).get("/").location().orElse("")).as("round %d, sign-in %d, answered %s",
                    round, i, answers.get(i).location()).startsWith("/signin");
        }
        assertThat(new PortalClient(port).signIn(someone.upn(), NEW_PASSWORD).location()).contains("/");
        return (int) answers.subList(0, SIGN_INS_IN_FLIGHT).stream()
                .filter(answer -> answer.location().equals(Optional.of("/"))).count();
    }

    @Test
    void passwordTileShowsWhenThePasswordWasLastChanged() {
        Document overview = browser.get("/").page();

        assertThat(overview.select("#tile-password").text()).isEqualTo("Password");
        assertThat(overview.select("section:has(#tile-password) p").text()).startsWith("Last changed on");
        assertThat(overview.select("section:has(#tile-password) a").attr("href")).isEqualTo("/password");
    }

    /**
     * Posts the sign-in page's form after {@code pauseMillis}: spread over the change's hashes, some sign-ins read the
     * old password before it is stored and save their sessions after every session was ended.
     */
    private static Response signInAfter(long pauseMillis, PortalClient device, Document signInPage, Person someone)
            throws InterruptedException {
        Thread.sleep(pauseMillis);
        return device.submit(signInPage, "form[action=/signin]", Map.of("upn", someone.upn(),
                "password", someone.password()));
    }

    private Response change(String current, String newPassword, String confirm) {
        return browser.submit(browser.get("/password").page(), "form[action=/password]",
                Map.of("currentPassword", current, "newPassword", newPassword, "confirmPassword", confirm));
    }

    private static List<String> errors(Document page, String field) {
        return page.select("#" + field + "-errors li").eachText();
    }

    private void assertPasswordUnchanged() {
        assertThat(new PortalClient(port).signIn(person.upn(), person.password()).location()).contains("/");
        assertThat(new PortalClient(port).signIn(person.upn(), NEW_PASSWORD).location()).contains("/signin?error");
    }

    private List<String> auditTypes() {
        return jdbc.sql("select type from audit_event where account_id = ? order by occurred_at")
                .param(person.id()).query(String.class).list();
    }
}
