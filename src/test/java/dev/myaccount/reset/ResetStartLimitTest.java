package dev.myaccount.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;

/** A client address begins a limited number of resets; the next one is refused with a 429 that says why. */
@PortalTest
@TestPropertySource(properties = "myaccount.reset.starts-per-address=3")
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

    private Response begin(String upn) {
        PortalClient browser = new PortalClient(port);
        return browser.submit(browser.get("/reset").page(), "form[action=/reset]", Map.of("upn", upn));
    }
}
