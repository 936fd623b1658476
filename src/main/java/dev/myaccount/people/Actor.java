package dev.myaccount.people;

import java.util.UUID;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.RequestOrigin;

/**
 * Who changes an organisation's people: an admin signed in to the portal, a command run by IT, or a SCIM
 * client with the organisation's token. Only this organisation's people are found and changed for them.
 *
 * @param accountId the admin's account, which the audit log names; null for a command or a SCIM client
 * @param name how a temporary access pass records who issued it
 */
public record Actor(UUID organisationId, UUID accountId, String name) {

    public static Actor commandLine(UUID organisationId) {
        return new Actor(organisationId, null, RequestOrigin.COMMAND_LINE.clientAddress());
    }

    /** A SCIM client with the organisation's token named {@code tokenName}. */
    public static Actor provisioningClient(UUID organisationId, String tokenName) {
        return new Actor(organisationId, null, "SCIM: " + tokenName);
    }

    /** The audit event of this actor's change to {@code person}: by the admin's account, else by the actor's name. */
    public AuditEvent event(AuditEventType type, Account person, RequestOrigin origin, String detail) {
        return new AuditEvent(type, person.organisationId(), person.id(), origin, detail, accountId,
                accountId == null ? name : null);
    }
}
