package dev.myaccount.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A sign-in waiting for its hash lets its turn to run go: with a single turn, a page opens meanwhile, and the sign-in
 * finishes once the hash has run.
 */
@PortalTest
// Turns and the gate are the process's, whatever the database.
@EnabledIfSystemProperty(named = "myaccount.test.database", matches = "h2")
@TestPropertySource(properties = {"myaccount.portal.running-requests=1", "myaccount.password-hashing.concurrency=1",
    "myaccount.password-hashing.queue=4", "myaccount.password-hashing.max-wait=30s"})
class TurnWhileHashingTest extends PortalTestCase {

    @Autowired
    HashingGate gate;

    @Autowired
    MeterRegistry meters;

    @Test
    void aPageOpensWhileTheOnlyTurnsRequestWaitsForItsHash() throws Exception {
        Person person = people.create();
        try (GateOccupant occupant = new GateOccupant(gate)) {
            CompletableFuture<Response> signIn = CompletableFuture.supplyAsync(
                    () -> new PortalClient(port).signIn(person.upn(), person.password()), GateOccupant.OWN_THREAD);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (meters.get("myaccount.password.hashing.queue").gauge().value() < 1) {
                assertThat(System.nanoTime()).as("the sign-in waiting for the hashing gate").isLessThan(deadline);
                Thread.sleep(10);
            }

            Response page = CompletableFuture.supplyAsync(() -> new PortalClient(port).get("/signin"),
                    GateOccupant.OWN_THREAD).get(10, TimeUnit.SECONDS);
            assertThat(page.status()).isEqualTo(200);
            assertThat(signIn).as("the sign-in, still waiting for its hash").isNotDone();

            assertThat(occupant.release()).isTrue();
            assertThat(signIn.get(10, TimeUnit.SECONDS).location()).as("signed in").hasValue("/");
        }
    }
}
