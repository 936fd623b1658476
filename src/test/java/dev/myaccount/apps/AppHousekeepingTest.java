package dev.myaccount.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;

/** Grants long expired, spent refresh tokens past their life and keys no token can use are forgotten; nothing else. */
@PortalTest
class AppHousekeepingTest extends PortalTestCase {

    @Autowired
    AppHousekeeping housekeeping;

    private void grant(String id, String type, Instant expiredAt) {
        jdbc.sql("""
                insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
                    access_token_expires_at) values (?, 'client', 'person', ?, ?)""")
                .params(id, type, expiredAt.atOffset(ZoneOffset.UTC)).update();
    }

    private int count(String table, String id) {
        String column = switch (table) {
            case "oauth2_authorization" -> "id";
            case "spent_refresh_token" -> "token_hash";
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
        jdbc.sql("insert into spent_refresh_token (token_hash, authorization_id, spent_at)"
                + " values (?, 'g', ?), (?, 'g', ?)")
                .params("old-hash", now.minus(Duration.ofDays(2)).atOffset(ZoneOffset.UTC), "new-hash",
                        now.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("insert into signing_key (key_id, algorithm, sealed_jwk, created_at)"
                + " values ('old-key', 'RS256', 'x', ?)")
                .param(now.minus(Duration.ofDays(90)).atOffset(ZoneOffset.UTC)).update();

        housekeeping.forget();

        assertThat(count("oauth2_authorization", "expired-long-ago")).isZero();
        assertThat(count("oauth2_authorization", "expired-yesterday")).isOne();
        assertThat(count("oauth2_authorization", "app-expired-a-minute-ago")).isZero();
        assertThat(count("oauth2_authorization", "app-still-valid")).isOne();
        assertThat(count("spent_refresh_token", "old-hash")).isZero();
        assertThat(count("spent_refresh_token", "new-hash")).isOne();
        assertThat(count("signing_key", "old-key")).isZero();
    }
}
