package dev.myaccount.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestClock;
import dev.myaccount.support.TestClockConfiguration;

/**
 * Reading the signing keys again (each minute on every node) gives its database connection back: with a pool of
 * two, the key set is published five minutes in a row. When a read kept its connection, the third answered 500.
 */
@PortalTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=2",
    "spring.datasource.hikari.connection-timeout=1000"})
class SigningKeysHoldNoConnectionTest extends PortalTestCase {

    @Autowired
    TestClock clock;

    @Test
    void theKeysAreReadAgainEveryMinuteWithoutKeepingAConnection() {
        for (int minute = 0; minute < 5; minute++) {
            clock.advance(Duration.ofMinutes(2));
            assertThat(new PortalClient(port).get("/oauth2/jwks").status()).as("minute %d", minute).isEqualTo(200);
        }
    }
}
