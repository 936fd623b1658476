package dev.myaccount.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;

/** A page goes out whole at the end of its request: with its length when it fits the buffer, complete when not. */
@PortalTest
class WholePagesTest extends PortalTestCase {

    @Test
    void aSignedInPageIsSentWithItsLengthNotInChunks() {
        PortalClient browser = signedIn(people.create());

        PortalClient.Response overview = browser.get("/");

        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.header("Transfer-Encoding")).isEmpty();
        assertThat(overview.header("Content-Length")).hasValue(
                String.valueOf(overview.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(browser.get("/security-info").status()).isEqualTo(200);
    }

    @Test
    void aPageLargerThanTheResponseBufferArrivesWhole() {
        PortalClient browser = signedIn(people.create());

        PortalClient.Response settings = browser.get("/settings");

        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.body().length()).isGreaterThan(8192);
        assertThat(settings.body().strip()).endsWith("</html>");
    }
}
