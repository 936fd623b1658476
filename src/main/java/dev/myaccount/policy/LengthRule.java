package dev.myaccount.policy;

import java.util.List;

/** Length in code points, so that an emoji or a letter outside the BMP counts as one character. */
final class LengthRule implements PasswordRule {

    private final int minimum;
    private final int maximum;

    LengthRule(int minimum, int maximum) {
        this.minimum = minimum;
        this.maximum = maximum;
    }

    @Override
    public List<PolicyReason> evaluate(String candidate) {
        int length = candidate.codePointCount(0, candidate.length());
        if (length < minimum) {
            return List.of(PolicyReason.of("too-short", minimum));
        }
        if (length > maximum) {
            return List.of(PolicyReason.of("too-long", maximum));
        }
        return List.of();
    }
}
