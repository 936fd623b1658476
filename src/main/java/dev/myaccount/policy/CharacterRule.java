package dev.myaccount.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Any printable character is allowed (spaces, accents, emoji); control characters are not. When the
 * organisation insists, three of four kinds are required: lower case, upper case, digits, the rest.
 */
final class CharacterRule implements PasswordRule {

    private static final int KINDS_REQUIRED = 3;

    @Override
    public List<PolicyReason> evaluate(Candidate candidate) {
        List<PolicyReason> reasons = new ArrayList<>();
        if (candidate.text().codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            reasons.add(PolicyReason.of(PolicyCheck.CHARACTERS, "control-character"));
        }
        if (candidate.context().settings().threeCharacterKinds() && kinds(candidate.text()) < KINDS_REQUIRED) {
            reasons.add(PolicyReason.of(PolicyCheck.CHARACTERS, "character-kinds"));
        }
        return reasons;
    }

    private static int kinds(String text) {
        boolean lower = text.codePoints().anyMatch(Character::isLowerCase);
        boolean upper = text.codePoints().anyMatch(Character::isUpperCase);
        boolean digit = text.codePoints().anyMatch(Character::isDigit);
        boolean other = text.codePoints().anyMatch(c -> !Character.isLetterOrDigit(c));
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
