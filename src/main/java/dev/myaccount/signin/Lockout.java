package dev.myaccount.signin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.myaccount.credential.PasswordNormalisation;
import dev.myaccount.credential.PortalKeys;

/**
 * Smart lockout, kept in the database so that it holds across restarts and nodes. It is tracked for
 * every UPN typed, known or not, so "temporarily locked" says nothing about whether an account exists.
 * The same wrong password typed again does not count again (by keyed fingerprints of the last three).
 */
@Service
class Lockout {

    private static final int FINGERPRINTS_KEPT = 3;
    private static final int FINGERPRINT_BYTES = 16;

    private final JdbcClient jdbc;
    private final PortalKeys keys;
    private final SignInProperties settings;
    private final Clock clock;

    Lockout(JdbcClient jdbc, PortalKeys keys, SignInProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    boolean isLocked(String upn, boolean familiar) {
        return jdbc.sql("select locked_until from sign_in_lockout where upn = ? and familiar_device = ?")
                .params(upn, familiar).query(OffsetDateTime.class).optional()
                .filter(until -> until.toInstant().isAfter(clock.instant())).isPresent();
    }

    /** Counts a wrong password (unless it is one of the last three); returns true when that locked the UPN. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean recordFailure(String upn, boolean familiar, String password) {
        String fingerprint = fingerprint(upn, password);
        State state = lockedRow(upn, familiar);
        if (state.fingerprints().contains(fingerprint)) {
            return false;
        }
        List<String> fingerprints = new ArrayList<>(state.fingerprints());
        fingerprints.add(fingerprint);
        if (fingerprints.size() > FINGERPRINTS_KEPT) {
            fingerprints.remove(0);
        }
        int failed = state.failedCount() + 1;
        boolean locks = failed >= settings.lockoutThreshold();
        Instant until = locks ? clock.instant().plus(duration(state.lockouts())) : null;
        jdbc.sql("""
                update sign_in_lockout set failed_count = ?, lockouts = ?, locked_until = ?, fingerprints = ?
                where upn = ? and familiar_device = ?""")
                .params(locks ? 0 : failed, state.lockouts() + (locks ? 1 : 0),
                        until == null ? state.lockedUntil() : until.atOffset(ZoneOffset.UTC),
                        String.join(" ", fingerprints), upn, familiar)
                .update();
        return locks;
    }

    /** A successful sign-in forgets the failures counted from this kind of device. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(String upn, boolean familiar) {
        jdbc.sql("delete from sign_in_lockout where upn = ? and familiar_device = ?").params(upn, familiar).update();
    }

    private record State(int failedCount, int lockouts, OffsetDateTime lockedUntil, List<String> fingerprints) {
    }

    /** The UPN's row, made when missing, and locked until the transaction ends so that no count is lost. */
    private State lockedRow(String upn, boolean familiar) {
        // ON CONFLICT (PostgreSQL, and H2 in its PostgreSQL mode): of two attempts at the same moment, one
        // makes the row and the other waits for its lock below.
        jdbc.sql("""
                insert into sign_in_lockout (upn, familiar_device, failed_count, lockouts, fingerprints)
                values (?, ?, 0, 0, '') on conflict do nothing""")
                .params(upn, familiar).update();
        return jdbc.sql("""
                select failed_count, lockouts, locked_until, fingerprints from sign_in_lockout
                where upn = ? and familiar_device = ? for update""")
                .params(upn, familiar)
                .query((rs, n) -> new State(rs.getInt("failed_count"), rs.getInt("lockouts"),
                        rs.getObject("locked_until", OffsetDateTime.class),
                        rs.getString("fingerprints").isBlank() ? List.of()
                                : List.of(rs.getString("fingerprints").split(" "))))
                .single();
    }

    /** 60 s, then 120 s, 240 s… up to the maximum. */
    private Duration duration(int earlierLockouts) {
        Duration duration = settings.lockoutDuration().multipliedBy(1L << Math.min(earlierLockouts, 20));
        return duration.compareTo(settings.lockoutMaximum()) > 0 ? settings.lockoutMaximum() : duration;
    }

    private String fingerprint(String upn, String password) {
        byte[] mac = keys.sign("wrong-password-fingerprint",
                (upn + "\n" + PasswordNormalisation.normalise(password)).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, FINGERPRINT_BYTES));
    }
}
