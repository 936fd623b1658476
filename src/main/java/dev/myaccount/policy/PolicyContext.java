package dev.myaccount.policy;

import java.util.List;
import java.util.function.Predicate;

/**
 * Who a candidate password is for: the names it must not be made of, the organisation's settings and
 * banned terms, and a check against the account's earlier passwords (none when there is no account yet,
 * or when checking as the person types).
 */
public record PolicyContext(
        String upn,
        String displayName,
        String givenName,
        String surname,
        String organisationName,
        String organisationDomain,
        boolean hasSecondFactor,
        PolicySettings settings,
        List<String> bannedTerms,
        Predicate<String> usedBefore) {

    public static final Predicate<String> NO_HISTORY = candidate -> false;

    /** A context without earlier passwords or second factor: for an account not created yet, or a trial. */
    public static PolicyContext withoutHistory(String upn, String displayName, String givenName, String surname,
            String organisationName, String organisationDomain, PolicySettings settings,
            List<String> bannedTerms) {
        return new PolicyContext(upn, displayName, givenName, surname, organisationName, organisationDomain, false,
                settings, bannedTerms, NO_HISTORY);
    }
}
