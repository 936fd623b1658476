package dev.myaccount.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/**
 * Failed sign-ins per client address, on top of lockout: successful ones do not count, so an office
 * behind one address is never turned away; a forwarded-for header is not believed by default.
 */
@PortalTest
@TestPropertySource(properties = "myaccount.signin.failures-per-address=5")
class SignInThrottleTest extends PortalTestCase {

    @Test
    void manySuccessfulSignInsFromOneAddressAreNotLimitedButTooManyFailuresGetALocalizedPageWithRetryAfter() {
        Person person = people.create();
        for (int i = 0; i < 20; i++) {
            assertThat(new PortalClient(port).signIn(person.upn(), person.password()).location()).contains("/");
        }

        List<Integer> statuses = new ArrayList<>();
        Response last = null;
        for (int i = 0; i < 7; i++) {
            PortalClient browser = new PortalClient(port, "nl").withHeader("X-Forwarded-For", "198.51.100." + i);
            // A made-up client address in a header must not open a new bucket.
            last = browser.submit(browser.get("/signin").page(), "form[action=/signin]",
                    Map.of("upn", "someone" + i + "@fabrikam.example", "password", "guess " + i));
            statuses.add(last.status());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(302);
        assertThat(statuses.subList(5, 7)).containsOnly(429);
        assertThat(last.header("Retry-After")).contains("300");
        assertThat(last.page().select("h1").text()).isEqualTo("Te veel pogingen");
        assertThat(new PortalClient(port).signIn(person.upn(), person.password()).status()).isEqualTo(429);
    }
}
