package dev.myaccount.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;

/**
 * A client address begins a limited number of resets, and of first sign-ins with a temporary access pass; the next
 * one is refused with a 429 that says why. An IPv6 client is limited by its /64, as sign-ins are: behind a trusted
 * proxy (127.0.0.1 here) its forwarded address counts.
 */
@PortalTest
@TestPropertySource(properties = {"myaccount.reset.starts-per-address=3", "server.forward-headers-strategy=native",
        "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1"})
class ResetStartLimitTest extends PortalTestCase {

    @Test
    void aScriptBeginningResetsIsStoppedAtTheLimit() {
        for (int i = 0; i < 3; i++) {
            assertThat(begin("someone" + i + "@fabrikam.example").location()).hasValue("/reset/verify");
        }

        Response refused = begin("someone-else@fabrikam.example");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.page().select("[role=alert]").text()).startsWith("Too many resets were started");
        assertThat(refused.location()).isEmpty();
    }

    @Test
    void theAddressesOfOneIpv6SlashSixtyFourShareOneLimit() {
        for (int i = 1; i <= 3; i++) {
            assertThat(begin("someone@fabrikam.example", "2001:db8:1:2::" + i).location()).hasValue("/reset/verify");
        }

        assertThat(begin("someone@fabrikam.example", "2001:db8:1:2:ffff:ffff:ffff:ffff").status()).isEqualTo(429);
        assertThat(begin("someone@fabrikam.example", "2001:db8:1:3::1").location()).hasValue("/reset/verify");
    }

    @Test
    void firstSignInsWithAPassAreLimitedByTheIpv6SlashSixtyFourToo() {
        for (int i = 1; i <= 3; i++) {
            assertThat(tryPass("2001:db8:5:6::" + i).page().select("[role=alert]").text())
                    .startsWith("That account and pass don't match");
        }

        Response refused = tryPass("2001:db8:5:6::ffff");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.page().select("[role=alert]").text()).startsWith("Too many attempts from your network");
        assertThat(tryPass("2001:db8:5:7::1").status()).isEqualTo(200);
    }

    private Response tryPass(String forwardedFor) {
        PortalClient browser = new PortalClient(port).withHeader("X-Forwarded-For", forwardedFor);
        return browser.submit(browser.get("/access-pass").page(), "form[action=/access-pass]",
                Map.of("upn", "nobody-" + System.nanoTime() + "@fabrikam.example", "pass", "not-a-pass"));
    }

    private Response begin(String upn) {
        return begin(new PortalClient(port), upn);
    }

    private Response begin(String upn, String forwardedFor) {
        return begin(new PortalClient(port).withHeader("X-Forwarded-For", forwardedFor), upn);
    }

    private static Response begin(PortalClient browser, String upn) {
        return browser.submit(browser.get("/reset").page(), "form[action=/reset]", Map.of("upn", upn));
    }
}
