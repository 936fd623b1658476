package dev.myaccount.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/**
 * Nothing in the answer to a sign-in tells an attacker whether the UPN they typed exists, is disabled or
 * has no password: the same status, redirect, page (the UPN typed aside), cookies and about the same time.
 */
@PortalTest
class SignInEnumerationTest extends PortalTestCase {

    private static final int SAMPLES = 21;

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

    @Test
    void anUnknownUpnTakesAboutTheTimeOfAWrongPassword() {
        Person person = people.create();
        String domain = person.upn().split("@")[1];
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            // Alternating, so that the machine's drift in speed falls on both alike; distinct passwords and
            // fresh UPNs, so that neither side reaches a lockout.
            long start = System.nanoTime();
            new PortalClient(port).signIn(person.upn(), "wrong password number " + i);
            known.add(System.nanoTime() - start);
            start = System.nanoTime();
            new PortalClient(port).signIn("nobody" + i + "." + System.nanoTime() + "@" + domain,
                    "wrong password number " + i);
            unknown.add(System.nanoTime() - start);
            if (i % 8 == 7) {
                person = people.create();
            }
        }
        double ratio = (double) median(unknown) / median(known);
        assertThat(ratio).as("median time of an unknown UPN over a known one").isBetween(0.7, 1.4);
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

    private static long median(List<Long> samples) {
        List<Long> sorted = samples.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
