package dev.myaccount.people;

import java.util.List;

import dev.myaccount.policy.PolicyReason;

/** The person provisioned, or the message key of why not and, for a refused password, the policy's reasons. */
public record Provisioned(Account person, String refusal, List<PolicyReason> passwordReasons) {

    static Provisioned refused(String messageKey) {
        return new Provisioned(null, messageKey, List.of());
    }

    static Provisioned done(Account person) {
        return new Provisioned(person, null, List.of());
    }
}
