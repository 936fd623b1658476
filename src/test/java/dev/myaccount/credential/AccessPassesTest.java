package dev.myaccount.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.myaccount.support.AtOnce;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestClock;
import dev.myaccount.support.TestClockConfiguration;
import dev.myaccount.support.TestPeople.Person;

/** Temporary access passes: random, kept only as a keyed hash, used once or until they expire, revocable. */
@PortalTest
@Import(TestClockConfiguration.class)
class AccessPassesTest extends PortalTestCase {

    @Autowired
    AccessPasses passes;

    @Autowired
    TestClock clock;

    @Test
    void aPassIsSixteenRandomCharactersAndOnlyItsKeyedHashIsStored() {
        Person person = people.create();
        String pass = passes.issue(person.id(), Duration.ofHours(1), true, "test").pass();

        String stored = jdbc.sql("select pass_hash from access_pass where account_id = ?").param(person.id())
                .query(String.class).single();

        assertThat(pass).matches("[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}");
        assertThat(stored).doesNotContain(pass).doesNotContain(pass.replace("-", ""));
        assertThat(passes.issue(people.create().id(), Duration.ofHours(1), true, "test").pass()).isNotEqualTo(pass);
    }

    @Test
    void aOneTimePassSentTwentyTimesAtOnceWorksForExactlyOne() throws Exception {
        for (int round = 0; round < 5; round++) {
            Person person = people.create();
            String pass = passes.issue(person.id(), Duration.ofHours(1), true, "test").pass();

            List<Boolean> uses = AtOnce.send(20, i -> passes.use(person.id(), pass));

            assertThat(uses).as("round %d", round).containsOnlyOnce(true);
            assertThat(passes.use(person.id(), pass)).isFalse();
            assertThat(passes.live(person.id())).isEmpty();
        }
    }

    @Test
    void aMultiUsePassWorksAsTypedInAnyCaseUntilItExpires() {
        Person person = people.create();
        String pass = passes.issue(person.id(), Duration.ofHours(2), false, "test").pass();

        assertThat(passes.use(person.id(), pass)).isTrue();
        assertThat(passes.use(person.id(), pass.replace("-", " ").toLowerCase(Locale.ROOT))).isTrue();
        assertThat(passes.use(person.id(), pass.substring(1))).isFalse();
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        assertThat(passes.use(person.id(), pass)).isFalse();
    }

    @Test
    void aNewPassRevokesTheLiveOneAndARevokedPassWorksNoMore() {
        Person person = people.create();
        String first = passes.issue(person.id(), Duration.ofHours(1), false, "test").pass();
        String second = passes.issue(person.id(), Duration.ofHours(1), false, "test").pass();

        assertThat(passes.use(person.id(), first)).isFalse();
        assertThat(passes.use(person.id(), second)).isTrue();
        assertThat(passes.revoke(person.id())).isTrue();
        assertThat(passes.use(person.id(), second)).isFalse();
        assertThat(passes.revoke(person.id())).isFalse();
    }

    @Test
    void aPassIsForItsOwnPersonOnly() {
        Person person = people.create();
        Person other = people.create();
        String pass = passes.issue(person.id(), Duration.ofHours(1), false, "test").pass();
        passes.issue(other.id(), Duration.ofHours(1), false, "test");

        assertThat(passes.use(other.id(), pass)).isFalse();
    }

    @Test
    void aPassLivesFromAnHourToThirtyDays() {
        Person person = people.create();

        assertThatThrownBy(() -> passes.issue(person.id(), Duration.ofMinutes(59), true, "test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> passes.issue(person.id(), Duration.ofDays(30).plusSeconds(1), true, "test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(passes.issue(person.id(), Duration.ofDays(30), true, "test").expiresAt())
                .isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(passes.live(person.id())).isPresent();
    }
}
