package dev.myaccount.admin;

import java.util.UUID;

import dev.myaccount.signin.SignedInPerson;

/**
 * Who changes an organisation's people: an admin signed in to the portal, a command run by IT, or a SCIM
 * client with the organisation's token. Only this organisation's people are found and changed for them.
 *
 * @param accountId the admin's account, which the audit log names; null for a command or a SCIM client
 * @param name how a temporary access pass records who issued it
 */
public record Actor(UUID organisationId, UUID accountId, String name) {

    static Actor of(SignedInPerson admin) {
        return new Actor(admin.organisationId(), admin.accountId(), admin.upn());
    }

    static Actor commandLine(UUID organisationId) {
        return new Actor(organisationId, null, AdminCommands.COMMAND_LINE.clientAddress());
    }

    /** A SCIM client with the organisation's token named {@code tokenName}. */
    public static Actor provisioningClient(UUID organisationId, String tokenName) {
        return new Actor(organisationId, null, "SCIM: " + tokenName);
    }
}
