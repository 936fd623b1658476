package dev.myaccount.policy;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each organisation's policy settings and banned terms. */
@Service
public class PolicySettingsStore {

    public static final int MOST_BANNED_TERMS = 1000;
    public static final int SHORTEST_BANNED_TERM = 4;
    public static final int LONGEST_BANNED_TERM = 16;

    private final JdbcClient jdbc;
    private final PasswordPolicy policy;

    PolicySettingsStore(JdbcClient jdbc, PasswordPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    public PolicySettings settings(UUID organisationId) {
        return jdbc.sql("""
                select minimum_length, maximum_length, nist_lengths, three_character_kinds, history_count,
                       minimum_strength
                from organisation_password_policy where organisation_id = ?""")
                .param(organisationId)
                .query((rs, n) -> new PolicySettings(rs.getInt("minimum_length"), rs.getInt("maximum_length"),
                        rs.getBoolean("nist_lengths"), rs.getBoolean("three_character_kinds"),
                        rs.getInt("history_count"), rs.getInt("minimum_strength")))
                .optional()
                .orElseGet(policy::defaults);
    }

    public List<String> bannedTerms(UUID organisationId) {
        return jdbc.sql("select term from organisation_banned_term where organisation_id = ? order by term")
                .param(organisationId).query(String.class).list();
    }

    /** Sets the organisation's own policy numbers in place of the defaults. */
    public void save(UUID organisationId, PolicySettings settings) {
        jdbc.sql("""
                insert into organisation_password_policy (organisation_id, minimum_length, maximum_length,
                    nist_lengths, three_character_kinds, history_count, minimum_strength)
                values (?, 0, 0, false, false, 0, 0) on conflict do nothing""")
                .param(organisationId).update();
        jdbc.sql("""
                update organisation_password_policy set minimum_length = ?, maximum_length = ?, nist_lengths = ?,
                    three_character_kinds = ?, history_count = ?, minimum_strength = ?
                where organisation_id = ?""")
                .params(settings.minimumLength(), settings.maximumLength(), settings.nistLengths(),
                        settings.threeCharacterKinds(), settings.historyCount(), settings.minimumStrength(),
                        organisationId)
                .update();
    }

    /** Replaces the organisation's banned terms; terms are compared without regard to case. */
    @Transactional
    public void replaceBannedTerms(UUID organisationId, List<String> terms) {
        List<String> clean = terms.stream().map(term -> term.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        if (clean.size() > MOST_BANNED_TERMS || clean.stream().anyMatch(term -> term.length() < SHORTEST_BANNED_TERM
                || term.length() > LONGEST_BANNED_TERM)) {
            throw new IllegalArgumentException("Up to " + MOST_BANNED_TERMS + " terms of " + SHORTEST_BANNED_TERM
                    + " to " + LONGEST_BANNED_TERM + " characters");
        }
        jdbc.sql("delete from organisation_banned_term where organisation_id = ?").param(organisationId).update();
        clean.forEach(term -> jdbc.sql("insert into organisation_banned_term (organisation_id, term) values (?, ?)")
                .params(organisationId, term).update());
    }
}
