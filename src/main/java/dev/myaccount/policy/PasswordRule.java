package dev.myaccount.policy;

import java.util.List;

/** One rule of the password policy; it sees the candidate already NFKC-normalised. */
interface PasswordRule {

    List<PolicyReason> evaluate(String normalisedCandidate);
}
