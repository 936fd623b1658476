package dev.myaccount.policy;

import java.util.List;

/** None of the account's earlier passwords again; each comparison costs a hash, so it is asked last. */
final class HistoryRule implements PasswordRule {

    @Override
    public List<PolicyReason> evaluate(Candidate candidate) {
        return candidate.context().usedBefore().test(candidate.text())
                ? List.of(PolicyReason.of(PolicyCheck.HISTORY, "used-before")) : List.of();
    }
}
