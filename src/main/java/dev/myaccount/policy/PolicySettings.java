package dev.myaccount.policy;

/**
 * One organisation's password policy settings.
 *
 * @param nistLengths at least 15 characters for an account that signs in with a password alone, the
 *        minimum length when it has a second factor (NIST SP 800-63B-4)
 * @param threeCharacterKinds at least three of: lower case, upper case, digits, other characters
 * @param historyCount how many earlier passwords may not be used again
 * @param minimumStrength the zxcvbn score (0 to 4) a password needs; 0 asks nothing
 */
public record PolicySettings(
        int minimumLength,
        int maximumLength,
        boolean nistLengths,
        boolean threeCharacterKinds,
        int historyCount,
        int minimumStrength) {

    static final int PASSWORD_ONLY_MINIMUM_LENGTH = 15;

    /** The minimum length for this account. */
    public int minimumLength(boolean hasSecondFactor) {
        return nistLengths && !hasSecondFactor ? Math.max(minimumLength, PASSWORD_ONLY_MINIMUM_LENGTH) : minimumLength;
    }

    /** These settings as they apply to one account: NIST's lengths resolved into its minimum length. */
    public PolicySettings forAccount(boolean hasSecondFactor) {
        return new PolicySettings(minimumLength(hasSecondFactor), maximumLength, false, threeCharacterKinds,
                historyCount, minimumStrength);
    }
}
