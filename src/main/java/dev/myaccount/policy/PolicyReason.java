package dev.myaccount.policy;

import java.util.List;

/**
 * Why a password is refused: the check it fails, a stable code (for the audit trail and the command
 * line) and the arguments of its message. The message key is {@code policy.reason.<code>}; neither the
 * password nor a banned term is ever part of it.
 */
public record PolicyReason(PolicyCheck check, String code, List<Object> arguments) {

    static PolicyReason of(PolicyCheck check, String code, Object... arguments) {
        return new PolicyReason(check, code, List.of(arguments));
    }

    public String messageKey() {
        return "policy.reason." + code;
    }
}
