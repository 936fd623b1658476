package dev.myaccount.policy;

import java.util.List;

/** zxcvbn's strength estimate, against the minimum the organisation asks (none by default). */
final class StrengthRule implements PasswordRule {

    @Override
    public List<PolicyReason> evaluate(Candidate candidate) {
        return candidate.strength() < candidate.context().settings().minimumStrength()
                ? List.of(PolicyReason.of(PolicyCheck.STRENGTH, "too-weak")) : List.of();
    }
}
