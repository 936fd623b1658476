package dev.myaccount.audit;

/** The security-relevant events the portal records; the stored name is stable. */
public enum AuditEventType {
    SIGN_IN_SUCCEEDED("sign-in.succeeded"),
    SIGN_IN_FAILED("sign-in.failed"),
    SIGN_IN_REVIEWED("sign-in.reviewed"),
    OTHER_SESSIONS_ENDED("sessions.others-ended"),
    SIGNED_OUT("signed-out"),
    PASSWORD_CHANGED("password.changed"),
    PASSWORD_CHANGE_REFUSED("password.change-refused"),
    ALL_SESSIONS_ENDED("sessions.all-ended"),
    ACCOUNT_CREATED("account.created"),
    SIGN_IN_METHOD_ADDED("sign-in-method.added"),
    SIGN_IN_METHOD_DELETED("sign-in-method.deleted"),
    SIGN_IN_METHOD_DEFAULT_CHANGED("sign-in-method.default-changed"),
    DEVICE_SIGNED_OUT("device.signed-out"),
    ORGANISATION_LEFT("organisation.left"),
    DATA_DOWNLOADED("data.downloaded"),
    PASSWORD_RESET("password.reset"),
    ACCESS_PASS_ISSUED("access-pass.issued"),
    ACCESS_PASS_REVOKED("access-pass.revoked"),
    ACCOUNT_DISABLED("account.disabled"),
    ACCOUNT_ENABLED("account.enabled"),
    ACCOUNT_RENAMED("account.renamed"),
    UPN_CHANGED("account.upn-changed"),
    ACCOUNT_UNLOCKED("account.unlocked"),
    ACCOUNT_DELETED("account.deleted"),
    ROLE_CHANGED("account.role-changed"),
    SCIM_TOKEN_CREATED("scim-token.created"),
    ORGANISATION_CREATED("organisation.created"),
    SCIM_TOKEN_REVOKED("scim-token.revoked"),
    TEMPORARY_PASSWORD_SET("password.temporary-set"),
    PASSWORD_POLICY_CHANGED("password-policy.changed"),
    SIGN_IN_SETTINGS_CHANGED("sign-in-settings.changed"),
    APP_REGISTERED("app.registered"),
    APP_SECRET_ROTATED("app.secret-rotated"),
    APP_DISABLED("app.disabled"),
    APP_ENABLED("app.enabled"),
    APP_DELETED("app.deleted"),
    APP_ACCESS_REVOKED("app.access-revoked"),
    SIGNAL_STREAM_CREATED("app.signal-stream-created"),
    SIGNAL_STREAM_CHANGED("app.signal-stream-changed"),
    SIGNAL_STREAM_DELETED("app.signal-stream-deleted"),
    DIRECTORY_CHANGED("directory.changed"),
    DIRECTORY_SYNCED("directory.synced"),
    DIRECTORY_SYNC_FAILED("directory.sync-failed");

    private final String storedName;

    AuditEventType(String storedName) {
        this.storedName = storedName;
    }

    public String storedName() {
        return storedName;
    }
}
