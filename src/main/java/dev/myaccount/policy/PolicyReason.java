package dev.myaccount.policy;

import java.util.List;

/**
 * Why a password is refused: a stable code (for logs, the audit trail and the command line) and the
 * arguments of its message. The message key is {@code policy.reason.<code>}; it never holds the password.
 */
public record PolicyReason(String code, List<Object> arguments) {

    public static PolicyReason of(String code, Object... arguments) {
        return new PolicyReason(code, List.of(arguments));
    }

    public String messageKey() {
        return "policy.reason." + code;
    }
}
