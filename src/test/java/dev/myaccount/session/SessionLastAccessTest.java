package dev.myaccount.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/** A signed-in session's row is written when its last access moved by a minute, not at every page. */
@PortalTest
class SessionLastAccessTest extends PortalTestCase {

    private static final long IDLE_TIMEOUT_MILLIS = 60 * 60 * 1000L;

    @Test
    void pagesWithinAMinuteOfTheLastWrittenAccessLeaveTheSessionsRowAsItWas() {
        Person person = people.create();
        PortalClient browser = signedIn(person);
        assertThat(browser.get("/").status()).isEqualTo(200);
        long written = lastAccess(person);

        for (int page = 0; page < 3; page++) {
            assertThat(browser.get("/security-info").status()).isEqualTo(200);
        }

        assertThat(lastAccess(person)).isEqualTo(written);
    }

    @Test
    void aPageAMinuteAfterTheLastWrittenAccessWritesItAndPutsOffTheExpiry() {
        Person person = people.create();
        PortalClient browser = signedIn(person);
        setLastAccess(person, System.currentTimeMillis() - LastAccessByTheMinute.STEP.toMillis() - 1000);
        long asked = System.currentTimeMillis();

        assertThat(browser.get("/").status()).isEqualTo(200);

        assertThat(lastAccess(person)).isGreaterThanOrEqualTo(asked);
        assertThat(jdbc.sql("select expiry_time - last_access_time from spring_session where principal_name = ?")
                .param(person.upn()).query(Long.class).single()).isEqualTo(IDLE_TIMEOUT_MILLIS);
    }

    @Test
    void aSessionLeftAloneForItsIdleTimeoutStillEnds() {
        Person person = people.create();
        PortalClient browser = signedIn(person);
        setLastAccess(person, System.currentTimeMillis() - IDLE_TIMEOUT_MILLIS - 60_000);

        assertThat(browser.get("/").location()).hasValueSatisfying(to -> assertThat(to).contains("/signin"));
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(person.upn())
                .query(Long.class).single()).isZero();
    }

    private long lastAccess(Person person) {
        return jdbc.sql("select last_access_time from spring_session where principal_name = ?").param(person.upn())
                .query(Long.class).single();
    }

    private void setLastAccess(Person person, long at) {
        jdbc.sql("update spring_session set last_access_time = ?, expiry_time = ? where principal_name = ?")
                .params(at, at + IDLE_TIMEOUT_MILLIS, person.upn()).update();
    }
}
