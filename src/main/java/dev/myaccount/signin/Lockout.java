package dev.myaccount.signin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.myaccount.credential.PasswordNormalisation;
import dev.myaccount.credential.PortalKeys;

/**
 * Smart lockout, kept in the database so that it holds across restarts and nodes. It is tracked for
 * every UPN typed, known or not, so "temporarily locked" says nothing about whether an account exists.
 * Every check of a secret first takes its place in the count, in a transaction of its own that locks the
 * UPN's row, so a burst of parallel attempts gets no more checks than attempts one at a time would; a
 * right secret then clears the count. The same wrong secret typed again does not count again (keyed
 * fingerprints of the last three). Wrong codes of sign-in methods are counted apart from wrong passwords,
 * with the same rules.
 */
@Service
class Lockout {

    private static final int FINGERPRINTS_KEPT = 3;
    private static final int FINGERPRINT_BYTES = 16;

    /** Which count an attempt goes to: passwords, or codes of sign-in methods. */
    enum Secret { PASSWORD, CODE }

    enum Verdict {
        RIGHT, WRONG,
        /** Wrong, and it was the attempt that locked the UPN. */
        WRONG_NOW_LOCKED,
        /** Not checked: the UPN was locked already. */
        LOCKED
    }

    private final JdbcClient jdbc;
    private final PortalKeys keys;
    private final LockoutSettings settings;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final Counter lockouts;

    Lockout(JdbcClient jdbc, PortalKeys keys, LockoutSettings settings, Clock clock,
            PlatformTransactionManager transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.lockouts = Counter.builder("myaccount.signin.lockouts").description("Lockouts begun").register(meters);
    }

    /**
     * Checks {@code secret} with {@code check} (true when right) unless the UPN is locked. When the check
     * throws (hashing too busy), it did not happen and its place in the count is given back.
     */
    Verdict check(String upn, boolean familiar, Secret kind, String secret, BooleanSupplier check) {
        Key key = new Key(upn, familiar, kind);
        // Read before the UPN's row is locked, so that attempts at the same UPN wait on each other for less.
        LockoutSettings.Rules rules = settings.forUpn(upn);
        String fingerprint = fingerprint(upn, secret);
        Optional<Reservation> reservation = ownTransaction.execute(status -> reserve(key, fingerprint, rules));
        if (reservation.isEmpty()) {
            return Verdict.LOCKED;
        }
        boolean right;
        try {
            right = check.getAsBoolean();
        } catch (RuntimeException notChecked) {
            ownTransaction.executeWithoutResult(status -> giveBack(reservation.get()));
            throw notChecked;
        }
        if (right) {
            // The row stays (emptied), so that an attempt that found it a moment ago can still lock it.
            ownTransaction.executeWithoutResult(status -> update(key, 0, 0, null, List.of()));
            return Verdict.RIGHT;
        }
        if (reservation.get().locks()) {
            lockouts.increment();
            return Verdict.WRONG_NOW_LOCKED;
        }
        return Verdict.WRONG;
    }

    /** How long a first lockout of the UPN lasts, as its organisation set it: a locked person's time to wait. */
    Duration firstLockout(String upn) {
        return settings.forUpn(upn).duration();
    }

    /** One count: a UPN typed, from a familiar device or not, for passwords or for codes. */
    private record Key(String upn, boolean familiar, Secret secret) {
    }

    /** Ends a lockout of the UPN and empties its counts (after a password reset); earlier lockouts still count. */
    void clear(String upn) {
        jdbc.sql("update sign_in_lockout set failed_count = 0, locked_until = null, fingerprints = '' where upn = ?")
                .param(upn).update();
    }

    /** A place in the count; {@code fingerprint} is null when the same secret was counted before. */
    private record Reservation(Key key, String fingerprint, boolean locks, OffsetDateTime lockedUntilBefore,
            int threshold) {
    }

    private record State(int failedCount, int lockouts, OffsetDateTime lockedUntil, List<String> fingerprints) {
    }

    private Optional<Reservation> reserve(Key key, String fingerprint, LockoutSettings.Rules rules) {
        State state = lockedRow(key);
        if (state.lockedUntil() != null && state.lockedUntil().toInstant().isAfter(clock.instant())) {
            return Optional.empty();
        }
        if (state.fingerprints().contains(fingerprint)) {
            return Optional.of(new Reservation(key, null, false, state.lockedUntil(), rules.threshold()));
        }
        List<String> fingerprints = new ArrayList<>(state.fingerprints());
        fingerprints.add(fingerprint);
        if (fingerprints.size() > FINGERPRINTS_KEPT) {
            fingerprints.remove(0);
        }
        int failed = state.failedCount() + 1;
        boolean locks = failed >= rules.threshold();
        OffsetDateTime until = locks ? clock.instant().plus(duration(rules, state.lockouts())).atOffset(ZoneOffset.UTC)
                : state.lockedUntil();
        update(key, locks ? 0 : failed, state.lockouts() + (locks ? 1 : 0), until, fingerprints);
        return Optional.of(new Reservation(key, fingerprint, locks, state.lockedUntil(), rules.threshold()));
    }

    /** Undoes a reservation whose secret was never checked: its count, its fingerprint, its lockout. */
    private void giveBack(Reservation reservation) {
        if (reservation.fingerprint() == null) {
            return;
        }
        State state = lockedRow(reservation.key());
        List<String> fingerprints = new ArrayList<>(state.fingerprints());
        fingerprints.remove(reservation.fingerprint());
        if (reservation.locks()) {
            update(reservation.key(), reservation.threshold() - 1,
                    Math.max(0, state.lockouts() - 1), reservation.lockedUntilBefore(), fingerprints);
        } else {
            update(reservation.key(), Math.max(0, state.failedCount() - 1), state.lockouts(),
                    state.lockedUntil(), fingerprints);
        }
    }

    private void update(Key key, int failedCount, int lockoutCount, OffsetDateTime lockedUntil,
            List<String> fingerprints) {
        jdbc.sql("""
                update sign_in_lockout set failed_count = ?, lockouts = ?, locked_until = ?, fingerprints = ?
                where upn = ? and familiar_device = ? and secret = ?""")
                .params(failedCount, lockoutCount, lockedUntil, String.join(" ", fingerprints), key.upn(),
                        key.familiar(), key.secret().name())
                .update();
    }

    /** The UPN's row, made when missing, and locked until the transaction ends so that no count is lost. */
    private State lockedRow(Key key) {
        return lockIfPresent(key).orElseGet(() -> {
            // ON CONFLICT (PostgreSQL, and H2 in its PostgreSQL mode): of two first attempts at the same moment,
            // one makes the row and the other waits for its lock below.
            jdbc.sql("""
                    insert into sign_in_lockout (upn, familiar_device, secret, failed_count, lockouts, fingerprints)
                    values (?, ?, ?, 0, 0, '') on conflict do nothing""")
                    .params(key.upn(), key.familiar(), key.secret().name()).update();
            return lockIfPresent(key).orElseThrow();
        });
    }

    /**
     * Locks the row with an update that changes nothing, then reads it: H2 parses a {@code select ... for update}
     * afresh every time (it keeps no such statement prepared), which cost more than the update.
     */
    private Optional<State> lockIfPresent(Key key) {
        int locked = jdbc.sql("""
                update sign_in_lockout set failed_count = failed_count
                where upn = ? and familiar_device = ? and secret = ?""")
                .params(key.upn(), key.familiar(), key.secret().name()).update();
        if (locked == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select failed_count, lockouts, locked_until, fingerprints from sign_in_lockout
                where upn = ? and familiar_device = ? and secret = ?""")
                .params(key.upn(), key.familiar(), key.secret().name())
                .query((rs, n) -> new State(rs.getInt("failed_count"), rs.getInt("lockouts"),
                        rs.getObject("locked_until", OffsetDateTime.class),
                        rs.getString("fingerprints").isBlank() ? List.of()
                                : List.of(rs.getString("fingerprints").split(" "))))
                .optional();
    }

    /** 60 s, then 120 s, 240 s… up to the maximum. */
    private Duration duration(LockoutSettings.Rules rules, int earlierLockouts) {
        Duration duration = rules.duration().multipliedBy(1L << Math.min(earlierLockouts, 20));
        Duration maximum = settings.maximum(rules);
        return duration.compareTo(maximum) > 0 ? maximum : duration;
    }

    private String fingerprint(String upn, String secret) {
        byte[] mac = keys.sign("wrong-password-fingerprint",
                (upn + "\n" + PasswordNormalisation.normalise(secret)).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, FINGERPRINT_BYTES));
    }
}
