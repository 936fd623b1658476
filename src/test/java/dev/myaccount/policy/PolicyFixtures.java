package dev.myaccount.policy;

import java.util.List;

/** One policy for all unit tests (its global list takes a moment to load) and contexts to evaluate in. */
final class PolicyFixtures {

    static final PasswordPolicy POLICY = new PasswordPolicy(PolicyProperties.defaults());

    private PolicyFixtures() {
    }

    /** Adele Vance of Contoso, whose organisation bans "contoso" and "blank" (Microsoft's own example). */
    static PolicyContext adele(List<String> bannedTerms) {
        return PolicyContext.withoutHistory("adele.vance@contoso.example", "Adele Vance", "Adele", "Vance",
                "Contoso", "contoso.example", POLICY.defaults(), bannedTerms);
    }

    static PolicyContext adele() {
        return adele(List.of("contoso", "blank"));
    }

    static PolicyContext adeleWith(PolicySettings settings) {
        PolicyContext base = adele();
        return new PolicyContext(base.upn(), base.displayName(), base.givenName(), base.surname(),
                base.organisationName(), base.organisationDomain(), base.hasSecondFactor(), settings,
                base.bannedTerms(), base.usedBefore());
    }

    static List<String> codes(PolicyVerdict verdict) {
        return verdict.reasons().stream().map(PolicyReason::code).toList();
    }
}
