package dev.myaccount.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestClock;
import dev.myaccount.support.TestPeople.Person;

/** A lockout lasts 60 s, twice as long each time after, never over an hour, and then lets the owner in. */
@PortalTest
@Import(LockoutDurationTest.Clocks.class)
class LockoutDurationTest extends PortalTestCase {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    @Autowired
    TestClock clock;

    @Test
    void eachLockoutLastsTwiceTheOneBeforeUpToAnHourThenExpires() {
        Person person = people.create();
        List<Duration> expected = List.of(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240),
                Duration.ofSeconds(480), Duration.ofSeconds(960), Duration.ofSeconds(1920), Duration.ofHours(1),
                Duration.ofHours(1));
        int guess = 0;
        int counted = 0;
        for (Duration lockout : expected) {
            while (counted < 9) {
                assertThat(signIn(person.upn(), "guess " + guess++)).isEqualTo("/signin?error");
                counted++;
            }
            assertThat(signIn(person.upn(), "guess " + guess++)).isEqualTo("/signin?locked");

            clock.advance(lockout.minusSeconds(1));
            assertThat(signIn(person.upn(), person.password())).as("just before %s ends", lockout)
                    .isEqualTo("/signin?locked");
            clock.advance(Duration.ofSeconds(2));
            // A wrong password is judged again once the lockout is over, and counts toward the next one.
            assertThat(signIn(person.upn(), "guess " + guess++)).as("just after %s ended", lockout)
                    .isEqualTo("/signin?error");
            counted = 1;
        }
        assertThat(signIn(person.upn(), person.password())).isEqualTo("/");
    }

    private String signIn(String upn, String password) {
        return new PortalClient(port).signIn(upn, password).location().orElseThrow();
    }
}
