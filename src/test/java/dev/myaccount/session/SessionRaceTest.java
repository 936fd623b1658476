package dev.myaccount.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

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
            ExecutorService pool = Executors.newFixedThreadPool(TABS);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Integer>> tabs = new ArrayList<>();
                for (int tab = 0; tab < TABS; tab++) {
                    tabs.add(pool.submit(() -> {
                        start.await();
                        return browser.get("/").status();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> tab : tabs) {
                    statuses.add(tab.get());
                }

                assertThat(statuses).as("round %d", round).containsOnly(200);
                assertThat(browser.get("/devices").status()).isEqualTo(200);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
