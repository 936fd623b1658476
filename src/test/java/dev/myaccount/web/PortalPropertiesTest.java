package dev.myaccount.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** How many requests run at once: one more than the processors where the database runs in the portal, else no limit. */
class PortalPropertiesTest {

    private static final PortalProperties UNSET = new PortalProperties(ZoneOffset.UTC, null);

    @Test
    void anEmbeddedDatabaseGivesATurnForEachProcessorAndOneMore() {
        assertThat(UNSET.runningRequests("jdbc:h2:file:./data/myaccount;MODE=PostgreSQL", 2)).isEqualTo(3);
        assertThat(UNSET.runningRequests("jdbc:h2:mem:test", 8)).isEqualTo(9);
    }

    @Test
    void aDatabaseOnTheNetworkGivesNoLimit() {
        assertThat(UNSET.runningRequests("jdbc:postgresql://db.contoso.example/myaccount", 2)).isZero();
        assertThat(UNSET.runningRequests("jdbc:h2:tcp://localhost/./data/myaccount", 2)).isZero();
        assertThat(UNSET.runningRequests("jdbc:h2:ssl://localhost/./data/myaccount", 2)).isZero();
    }

    @Test
    void aSetNumberWins() {
        assertThat(new PortalProperties(ZoneOffset.UTC, 3).runningRequests("jdbc:postgresql://db/myaccount", 2))
                .isEqualTo(3);
        assertThat(new PortalProperties(ZoneOffset.UTC, 0).runningRequests("jdbc:h2:mem:test", 2)).isZero();
    }

    @Test
    void aNegativeNumberIsRefused() {
        assertThatThrownBy(() -> new PortalProperties(ZoneOffset.UTC, -1))
                .hasMessageContaining("myaccount.portal.running-requests");
    }
}
