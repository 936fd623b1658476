package dev.myaccount.policy;

import java.util.List;

/**
 * The policy's answer for one candidate password: accepted when no rule found a reason to refuse it.
 * {@code strength} is zxcvbn's estimate (0 to 4) shown as a meter; {@code points} is the banned-term
 * score (a found term counts one, every other character one; five are needed).
 */
public record PolicyVerdict(List<PolicyReason> reasons, int strength, int points) {

    public boolean accepted() {
        return reasons.isEmpty();
    }
}
