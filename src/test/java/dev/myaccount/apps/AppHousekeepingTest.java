package dev.myaccount.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;

/**
 * Grants long expired, keys no token can use and security events that waited
 * too long for their receiver are forgotten; nothing else.
 */
@PortalTest
class AppHousekeepingTest extends PortalTestCase {

    @Autowired
    AppHousekeeping housekeeping;

    @Autowired
    Apps apps;

    private void grant(String id, String type, Instant expiredAt) {
        jdbc.sql("""
                insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
                    access_token_expires_at) values (?, 'client', 'person', ?, ?)""")
                .params(id, type, expiredAt.atOffset(ZoneOffset.UTC)).update();
    }

    private int count(String table, String id) {
        String column = switch (table) {
            case "oauth2_authorization" -> "id";
            case "signal_delivery" -> "id";
            default -> "key_id";
        };
        return jdbc.sql("select count(*) from " + table + " where " + column + " = ?").param(id)
                .query(Integer.class).single();
    }

    @Test
    void whatAppsCanNoLongerUseIsForgottenAndTheRestStays() {
        Instant now = Instant.now();
        grant("expired-long-ago", "authorization_code", now.minus(Duration.ofDays(31)));
        grant("expired-yesterday", "authorization_code", now.minus(Duration.ofDays(1)));
        grant("app-expired-a-minute-ago", "client_credentials", now.minus(Duration.ofMinutes(1)));
        grant("app-still-valid", "client_credentials", now.plus(Duration.ofMinutes(5)));
        jdbc.sql("insert into signing_key (key_id, algorithm, sealed_jwk, created_at)"
                + " values ('old-key', 'RS256', 'x', ?)")
                .param(now.minus(Duration.ofDays(90)).atOffset(ZoneOffset.UTC)).update();

        String app = apps.create(Actor.commandLine(people.organisationOf(people.create())),
                new Apps.NewApp("Wiki", "https://wiki.fabrikam.example/signed-in", false, false, null),
                RequestOrigin.COMMAND_LINE).app().clientId();
        jdbc.sql("""
                insert into signal_stream (id, registered_client_id, endpoint_url, events_requested, status, created_at)
                select 'stream', id, 'https://wiki.fabrikam.example/events', '', 'ENABLED', ? from oauth2_registered_client
                where client_id = ?""").params(now.atOffset(ZoneOffset.UTC), app).update();
        jdbc.sql("""
                insert into signal_delivery (id, stream_id, event_token, next_attempt_at, created_at)
                values ('event-of-last-month', 'stream', 'x', ?, ?), ('event-of-today', 'stream', 'x', ?, ?)""")
                .params(now.atOffset(ZoneOffset.UTC), now.minus(Duration.ofDays(31)).atOffset(ZoneOffset.UTC),
                        now.atOffset(ZoneOffset.UTC), now.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC))
                .update();

        housekeeping.forget();

        assertThat(count("oauth2_authorization", "expired-long-ago")).isZero();
        assertThat(count("oauth2_authorization", "expired-yesterday")).isOne();
        assertThat(count("oauth2_authorization", "app-expired-a-minute-ago")).isZero();
        assertThat(count("oauth2_authorization", "app-still-valid")).isOne();
        assertThat(count("signing_key", "old-key")).isZero();
        assertThat(count("signal_delivery", "event-of-last-month")).isZero();
        assertThat(count("signal_delivery", "event-of-today")).isOne();
    }
}
