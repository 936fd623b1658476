package dev.myaccount.policy;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.myaccount.people.Account;
import dev.myaccount.people.Organisation;
import dev.myaccount.people.SecondFactors;

/** Each organisation's policy settings and banned terms, and the policy context of one of its people. */
@Service
public class PolicySettingsStore {

    public static final int MOST_BANNED_TERMS = 1000;
    public static final int SHORTEST_BANNED_TERM = 4;
    public static final int LONGEST_BANNED_TERM = 16;

    private final JdbcClient jdbc;
    private final PasswordPolicy policy;
    private final SecondFactors secondFactors;

    PolicySettingsStore(JdbcClient jdbc, PasswordPolicy policy, SecondFactors secondFactors) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.secondFactors = secondFactors;
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

    /** The organisation's settings as they apply to one of its people, for a new password's checklist. */
    public PolicySettings rulesFor(UUID organisationId, UUID accountId, String upn) {
        return settings(organisationId).forAccount(secondFactors.asked(accountId, upn));
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

    /**
     * The context for a password of this person under the given settings (the organisation's, read once by
     * the caller); {@code usedBefore} checks their earlier passwords. A person who signs in with a second factor
     * too may have a shorter password (NIST's lengths).
     */
    public PolicyContext contextFor(Account account, Organisation organisation, PolicySettings settings,
            Predicate<String> usedBefore) {
        return new PolicyContext(account.upn(), account.displayName(), account.givenName(), account.surname(),
                organisation.name(), organisation.domain(),
                secondFactors.asked(account.id(), account.upn()), settings, bannedTerms(organisation.id()),
                usedBefore);
    }
}
