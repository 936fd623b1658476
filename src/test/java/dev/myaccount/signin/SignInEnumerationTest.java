package dev.myaccount.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/** Nothing in the answer to a sign-in tells an attacker whether the UPN they typed exists. */
@PortalTest
class SignInEnumerationTest extends PortalTestCase {

    private static final int SAMPLES = 21;

    @Test
    void anUnknownUpnGetsTheSameStatusPageAndTimeAsAWrongPassword() {
        Person person = people.create();
        String domain = person.upn().split("@")[1];
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        Response knownAnswer = null;
        Response unknownAnswer = null;
        for (int i = 0; i < SAMPLES; i++) {
            // Alternating, so that the machine's drift in speed falls on both alike; distinct passwords and
            // fresh UPNs, so that neither side reaches a lockout.
            long start = System.nanoTime();
            knownAnswer = attempt(person.upn(), "wrong password number " + i);
            known.add(System.nanoTime() - start);
            start = System.nanoTime();
            unknownAnswer = attempt("nobody" + i + "." + System.nanoTime() + "@" + domain, "wrong password number " + i);
            unknown.add(System.nanoTime() - start);
            if (i % 8 == 7) {
                person = people.create();
            }
        }

        assertThat(unknownAnswer.status()).isEqualTo(knownAnswer.status()).isEqualTo(302);
        assertThat(unknownAnswer.location()).isEqualTo(knownAnswer.location()).contains("/signin?error");
        assertThat(unknownAnswer.body()).isEqualTo(knownAnswer.body());
        String knownPage = new PortalClient(port).get(knownAnswer.location().orElseThrow()).page().select("main").outerHtml();
        String unknownPage = new PortalClient(port).get(unknownAnswer.location().orElseThrow()).page().select("main").outerHtml();
        assertThat(withoutTokens(unknownPage)).isEqualTo(withoutTokens(knownPage));
        double ratio = (double) median(unknown) / median(known);
        assertThat(ratio).as("median time of an unknown UPN over a known one").isBetween(0.7, 1.4);
    }

    private Response attempt(String upn, String password) {
        return new PortalClient(port).signIn(upn, password);
    }

    private static String withoutTokens(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    private static long median(List<Long> samples) {
        List<Long> sorted = samples.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
