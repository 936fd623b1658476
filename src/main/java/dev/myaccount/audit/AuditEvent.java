package dev.myaccount.audit;

import java.util.UUID;

/**
 * One event for the audit log: what happened, to whom, from where, and which admin did it when one did.
 * {@code detail} is a short code (such as a refusal reason), never a secret.
 */
public record AuditEvent(
        AuditEventType type,
        UUID organisationId,
        UUID accountId,
        RequestOrigin origin,
        String detail,
        UUID actorId) {

    public AuditEvent(AuditEventType type, UUID organisationId, UUID accountId, RequestOrigin origin, String detail) {
        this(type, organisationId, accountId, origin, detail, null);
    }

    public static AuditEvent of(AuditEventType type, UUID organisationId, UUID accountId, RequestOrigin origin) {
        return new AuditEvent(type, organisationId, accountId, origin, null);
    }
}
