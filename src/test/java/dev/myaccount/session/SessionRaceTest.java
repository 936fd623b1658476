package dev.myaccount.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.myaccount.support.AtOnce;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;

/** Requests of one session at once, as a browser that restores its tabs sends them. */
@PortalTest
class SessionRaceTest extends PortalTestCase {

    private static final int TABS = 10;

    @Test
    void theFirstPagesAfterSigningInOpenedInTenTabsAtOnceAreEachAnswered() throws Exception {
        for (int round = 0; round < 5; round++) {
            PortalClient browser = signedIn(people.create());

            List<Integer> statuses = AtOnce.send(TABS, tab -> browser.get("/").status());

            assertThat(statuses).as("round %d", round).containsOnly(200);
            assertThat(browser.get("/devices").status()).isEqualTo(200);
        }
    }
}
