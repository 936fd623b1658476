package dev.myaccount.signin;

import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.myaccount.people.DirectoryService;

/**
 * Each organisation's smart lockout numbers: how many wrong secrets lock an account, and for how long at first
 * (doubling with each further lockout up to the operator's maximum). The operator's numbers apply where the
 * organisation has none of its own, and to UPNs of a domain no organisation owns.
 */
@Service
public class LockoutSettings {

    public static final int FEWEST_TRIES = 3;
    public static final int MOST_TRIES = 50;
    public static final Duration SHORTEST = Duration.ofSeconds(5);
    public static final Duration LONGEST = Duration.ofHours(1);

    /** The numbers that lock: after {@code threshold} wrong secrets, for {@code duration} at first. */
    public record Rules(int threshold, Duration duration) {

        /** Whether an admin may set these numbers. */
        public boolean allowed() {
            return threshold >= FEWEST_TRIES && threshold <= MOST_TRIES && duration.compareTo(SHORTEST) >= 0
                    && duration.compareTo(LONGEST) <= 0;
        }
    }

    private final JdbcClient jdbc;
    private final SignInProperties defaults;
    private final DirectoryService directory;

    LockoutSettings(JdbcClient jdbc, SignInProperties defaults, DirectoryService directory) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.defaults = defaults;
    }

    public Rules of(UUID organisationId) {
        return jdbc.sql("select threshold, duration_seconds from organisation_lockout where organisation_id = ?")
                .param(organisationId).query((rs, n) -> rules(rs.getInt(1), rs.getInt(2))).optional()
                .orElseGet(this::operators);
    }

    /** The rules for a UPN typed at sign-in: those of the organisation that owns its domain. */
    Rules forUpn(String upn) {
        return directory.findOrganisationByDomain(upn.substring(upn.indexOf('@') + 1))
                .map(organisation -> of(organisation.id())).orElseGet(this::operators);
    }

    public void set(UUID organisationId, Rules rules) {
        if (!rules.allowed()) {
            throw new IllegalArgumentException("Lockout numbers out of range");
        }
        jdbc.sql("insert into organisation_lockout (organisation_id, threshold, duration_seconds) values (?, ?, ?) "
                + "on conflict do nothing").params(organisationId, rules.threshold(), 0).update();
        jdbc.sql("update organisation_lockout set threshold = ?, duration_seconds = ? where organisation_id = ?")
                .params(rules.threshold(), rules.duration().toSeconds(), organisationId).update();
    }

    /** The longest a lockout lasts, however often it repeats: the operator's, or the first one where longer. */
    Duration maximum(Rules rules) {
        return rules.duration().compareTo(defaults.lockoutMaximum()) > 0 ? rules.duration() : defaults.lockoutMaximum();
    }

    private Rules operators() {
        return new Rules(defaults.lockoutThreshold(), defaults.lockoutDuration());
    }

    private static Rules rules(int threshold, int seconds) {
        return new Rules(threshold, Duration.ofSeconds(seconds));
    }
}
