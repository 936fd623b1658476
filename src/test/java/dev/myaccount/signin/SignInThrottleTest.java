package dev.myaccount.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalTest;

/** Sign-ins per client address, on top of lockout; a forwarded-for header is not believed by default. */
@PortalTest
@TestPropertySource(properties = "myaccount.signin.attempts-per-address=5")
class SignInThrottleTest {

    @LocalServerPort
    int port;

    @Test
    void tooManyAttemptsFromOneAddressGetALocalizedPageWithRetryAfter() {
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
        assertThat(last.header("Retry-After")).contains("60");
        assertThat(last.page().select("h1").text()).isEqualTo("Te veel pogingen");
    }
}
