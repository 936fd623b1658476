package dev.myaccount.policy;

import java.util.List;

/** One rule of the password policy: the reasons, if any, for which it refuses a candidate. */
interface PasswordRule {

    List<PolicyReason> evaluate(Candidate candidate);
}
