package dev.myaccount.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;

import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/**
 * Nothing in the answer to a sign-in tells an attacker whether the UPN they typed exists, is disabled or
 * has no password: the same status, redirect, page (the UPN typed aside), cookies and about the same time.
 */
@PortalTest
class SignInEnumerationTest extends PortalTestCase {

    @Autowired
    MeterRegistry meters;

    /** What a browser sees of a refused sign-in, with the UPN it typed and every token masked. */
    private record Seen(int status, String location, String page, String cookies) {
    }

    @Test
    void unknownDisabledAndPasswordlessAccountsLookExactlyLikeAWrongPassword() {
        Person known = people.create();
        Person disabled = people.create();
        jdbc.sql("update account set enabled = false where id = ?").param(disabled.id()).update();
        Person passwordless = people.create("never set", null, false);
        String unknown = "nobody." + System.nanoTime() + "@" + known.upn().split("@")[1];

        Seen wrongPassword = attempt(known.upn(), "wrong password");

        assertThat(wrongPassword.location()).isEqualTo("/signin?error");
        assertThat(wrongPassword.page()).contains("Your account or password is incorrect.", "value=\"UPN\"");
        assertThat(attempt(unknown, "wrong password")).isEqualTo(wrongPassword);
        assertThat(attempt(disabled.upn(), disabled.password())).isEqualTo(wrongPassword);
        assertThat(attempt(passwordless.upn(), "never set")).isEqualTo(wrongPassword);
    }

    /**
     * The time of a refused sign-in is the time of its one Argon2id hash: an unknown, a disabled and a password-less
     * UPN each cost one hash (of a dummy) as a wrong password does, counted rather than timed, since at the tests'
     * cost a hash takes about a millisecond and a missing one would hide in the noise of a timing.
     */
    @Test
    void anUnknownDisabledOrPasswordlessUpnCostsTheOneHashOfAWrongPassword() {
        Person known = people.create();
        Person disabled = people.create();
        jdbc.sql("update account set enabled = false where id = ?").param(disabled.id()).update();
        Person passwordless = people.create("never set", null, false);
        String unknown = "nobody." + System.nanoTime() + "@" + known.domain();

        for (String[] attempt : new String[][] {{known.upn(), "wrong password"}, {unknown, "wrong password"},
                {disabled.upn(), disabled.password()}, {passwordless.upn(), "never set"}}) {
            double before = hashes();
            new PortalClient(port).signIn(attempt[0], attempt[1]);
            assertThat(hashes() - before).as(attempt[0]).isEqualTo(1);
        }
    }

    private double hashes() {
        return meters.get("myaccount.password.hashing").timer().count();
    }

    /** Signs in from a new browser and follows the redirect in that same browser, as a person's would. */
    private Seen attempt(String upn, String password) {
        PortalClient browser = new PortalClient(port);
        Response answer = browser.signIn(upn, password);
        Response page = browser.get(answer.location().orElseThrow());
        String cookies = answer.raw().headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.replaceFirst("=[^;]*", "=…")).sorted().collect(Collectors.joining("\n"));
        String main = page.page().select("main").outerHtml().replace(upn, "UPN")
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
        return new Seen(answer.status(), answer.location().orElseThrow(), page.status() + main, cookies);
    }

}
