package dev.myaccount.audit;

import java.util.UUID;

/**
 * One event for the audit log: what happened, to whom, from where, and who did it when someone else did: an admin
 * ({@code actorId}) or a client without an account ({@code actorName}: a SCIM client, the command line).
 * {@code detail} is a short code (such as a refusal reason), never a secret.
 */
public record AuditEvent(
        AuditEventType type,
        UUID organisationId,
        UUID accountId,
        RequestOrigin origin,
        String detail,
        UUID actorId,
        String actorName) {

    public AuditEvent(AuditEventType type, UUID organisationId, UUID accountId, RequestOrigin origin, String detail,
            UUID actorId) {
        this(type, organisationId, accountId, origin, detail, actorId, null);
    }

    public AuditEvent(AuditEventType type, UUID organisationId, UUID accountId, RequestOrigin origin, String detail) {
        this(type, organisationId, accountId, origin, detail, null, null);
    }

    public static AuditEvent of(AuditEventType type, UUID organisationId, UUID accountId, RequestOrigin origin) {
        return new AuditEvent(type, organisationId, accountId, origin, null);
    }
}
