package dev.myaccount.directory;

import com.unboundid.ldap.sdk.ResultCode;

/** Why a directory refused a password, as a message key, from what every directory answers alike. */
final class Refusals {

    private Refusals() {
    }

    static String of(ResultCode code) {
        if (code == ResultCode.INVALID_CREDENTIALS) {
            return "password.error.current-wrong";
        }
        if (code == ResultCode.INSUFFICIENT_ACCESS_RIGHTS || code == ResultCode.UNWILLING_TO_PERFORM
                || code == ResultCode.CONFIDENTIALITY_REQUIRED || code == ResultCode.STRONG_AUTH_REQUIRED) {
            return "directory.refused.not-allowed";
        }
        return code == ResultCode.CONSTRAINT_VIOLATION ? "directory.refused.policy" : "directory.refused.other";
    }
}
