package dev.myaccount.apps;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets, every hour on every node, what apps can no longer use: an app's own grants (client credentials) once
 * their token expired, people's grants whose every token expired more than {@code forgetAfter} ago (the Apps page
 * shows them until then), signing keys no token can be checked against any more, and security events that waited
 * for their receiver longer than {@code forgetAfter}. Each a single delete, so nodes that run it at once do no harm.
 */
@Component
class AppHousekeeping {

    private final JdbcClient jdbc;
    private final AppsProperties settings;
    private final Clock clock;

    AppHousekeeping(JdbcClient jdbc, AppsProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void forget() {
        Instant now = clock.instant();
        jdbc.sql("delete from oauth2_authorization where authorization_grant_type = 'client_credentials'"
                + " and access_token_expires_at < ?").param(now.atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("""
                delete from oauth2_authorization where coalesce(refresh_token_expires_at, access_token_expires_at,
                    authorization_code_expires_at) < ?""")
                .param(now.minus(settings.forgetAfter()).atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("delete from signal_delivery where created_at < ?")
                .param(now.minus(settings.forgetAfter()).atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("delete from signing_key where created_at < ?").param(now.minus(settings.keyRotation())
                .minus(settings.longestTokenLife()).minus(settings.keyRotation()).atOffset(ZoneOffset.UTC)).update();
    }
}
