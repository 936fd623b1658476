package dev.myaccount.policy;

import java.util.List;

/** The policy's answer for one candidate password: accepted when no rule found a reason to refuse it. */
public record PolicyVerdict(List<PolicyReason> reasons) {

    public boolean accepted() {
        return reasons.isEmpty();
    }
}
