package dev.myaccount.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.support.AppClient;
import dev.myaccount.support.AtOnce;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestClock;
import dev.myaccount.support.TestClockConfiguration;
import dev.myaccount.support.TestPeople.Person;

/**
 * The authorization server on a pool of two database connections: nothing it does keeps a connection it no longer
 * uses, or asks for a second one while it holds the first.
 */
@PortalTest
@Import(TestClockConfiguration.class)
// Flyway holds two connections at start-up, the second made while it waits: with a 1 s time-out a start on a busy
// CI machine failed, most likely there. A connection kept for good or waited for in a circle still times out.
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=2",
    "spring.datasource.hikari.connection-timeout=10000"})
class AppsOnTwoConnectionsTest extends PortalTestCase {

    private static final String REDIRECT = "https://wiki.fabrikam.example/signed-in";

    @Autowired
    Apps apps;

    @Autowired
    TestClock clock;

    /**
     * Reading the signing keys again (each minute on every node) gives its connection back: the key set is published
     * five minutes in a row. When a read kept its connection, the third answered 500.
     */
    @Test
    void theKeysAreReadAgainEveryMinuteWithoutKeepingAConnection() {
        for (int minute = 0; minute < 5; minute++) {
            clock.advance(Duration.ofMinutes(2));
            assertThat(new PortalClient(port).get("/oauth2/jwks").status()).as("minute %d", minute).isEqualTo(200);
        }
    }

    /**
     * A grant read from the database names its app, which Spring Authorization Server reads while the grant's rows
     * are still open. Outside a transaction that took a second connection: refreshes at once each held one and
     * waited for another, until the pool's time-out (in the grant bench, 30 s and then 500s at concurrency 16).
     */
    @Test
    void refreshesSentAtOnceEachNeedOneConnectionAtATime() throws Exception {
        Person person = people.create();
        Apps.Created wiki = apps.create(Actor.commandLine(people.organisationOf(person)),
                new Apps.NewApp("Wiki", REDIRECT, false, false, null), RequestOrigin.COMMAND_LINE);
        AppClient app = new AppClient(port, wiki.app().clientId(), wiki.secret(), REDIRECT);
        PortalClient browser = signedIn(person);
        List<String> refreshTokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            AppClient.Authorization asked = app.authorization("");
            String code = AppClient.answerIn(browser.get(asked.path()).location().orElseThrow()).get("code");
            refreshTokens.add(app.exchange(code, asked.verifier()).text("refresh_token"));
        }

        List<Integer> statuses = AtOnce.send(6, i -> app.refresh(refreshTokens.get(i)).status());

        assertThat(statuses).containsOnly(200);
    }
}
