package dev.myaccount.policy;

import java.util.List;

/** A password that is itself on the leaked list, after folding look-alikes, is refused whatever its score. */
final class LeakedPasswordRule implements PasswordRule {

    private final LeakedPasswords leaked;

    LeakedPasswordRule(LeakedPasswords leaked) {
        this.leaked = leaked;
    }

    @Override
    public List<PolicyReason> evaluate(Candidate candidate) {
        return leaked.isLeaked(candidate.folded()) ? List.of(PolicyReason.of(PolicyCheck.LEAKED, "leaked")) : List.of();
    }
}
