package dev.myaccount.policy;

import java.util.List;

/** Length in code points, so that an emoji or a letter outside the BMP counts as one character. */
final class LengthRule implements PasswordRule {

    @Override
    public List<PolicyReason> evaluate(Candidate candidate) {
        PolicySettings settings = candidate.context().settings();
        int minimum = settings.minimumLength(candidate.context().hasSecondFactor());
        if (candidate.length() < minimum) {
            return List.of(PolicyReason.of(PolicyCheck.LENGTH, "too-short", minimum));
        }
        if (candidate.length() > settings.maximumLength()) {
            return List.of(PolicyReason.of(PolicyCheck.LENGTH, "too-long", settings.maximumLength()));
        }
        return List.of();
    }
}
