package dev.myaccount.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/**
 * A listener of the core's events that fails (as a notice does when the mail server is down) neither undoes nor
 * blocks the change; its event stays in the database and is run again until it finishes.
 */
@PortalTest
@TestPropertySource(properties = "myaccount.events.retry-after=PT0.3S")
class ListenersThatFailAreRetriedTest extends PortalTestCase {

    private static final String NEW_PASSWORD = "a quiet harbour at dawn";

    @Autowired
    private FailingOnce listener;

    @Test
    void aPasswordChangeStandsWhenAListenerFailsAndTheListenerIsRunAgainUntilItFinishes() throws Exception {
        Person person = people.create();
        PortalClient browser = signedIn(person);

        PortalClient.Response changed = browser.submit(browser.get("/password").page(), "form[action=/password]",
                Map.of("currentPassword", person.password(), "newPassword", NEW_PASSWORD,
                        "confirmPassword", NEW_PASSWORD));

        assertThat(changed.location()).hasValue("/signin?changed");
        assertThat(new PortalClient(port).signIn(person.upn(), NEW_PASSWORD).location()).hasValue("/");
        assertThat(waitFor(() -> listener.failedFor(person.id()))).as("the listener failed once").isTrue();
        assertThat(waitFor(() -> listener.finishedFor(person.id()))).as("and was run again").isTrue();
        assertThat(waitFor(() -> unfinished(person) == 0)).as("its event is done with").isTrue();
    }

    private int unfinished(Person person) {
        return jdbc.sql("""
                select count(*) from event_publication
                where completion_date is null and serialized_event like ?""")
                .param("%" + person.id() + "%").query(Integer.class).single();
    }

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @TestConfiguration
    static class FailingListener {

        @Bean
        FailingOnce failingOnce() {
            return new FailingOnce();
        }
    }

    /** Fails the first time it hears of a person's new password, as a mail server that is down would. */
    static class FailingOnce {

        private final Set<UUID> failed = ConcurrentHashMap.newKeySet();
        private final Set<UUID> finished = ConcurrentHashMap.newKeySet();

        public boolean failedFor(UUID accountId) {
            return failed.contains(accountId);
        }

        public boolean finishedFor(UUID accountId) {
            return finished.contains(accountId);
        }

        @ApplicationModuleListener
        public void passwordSet(PersonChanged.PasswordSet change) {
            if (failed.add(change.accountId())) {
                throw new IllegalStateException("The mail server is down");
            }
            finished.add(change.accountId());
        }
    }
}
