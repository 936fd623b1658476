package dev.myaccount.directory;

import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where an organisation's own directory is and how the portal reads it: its URL ({@code ldaps://}, or {@code ldap://}
 * with StartTLS, or plain {@code ldap://} only when marked as a test), the CA certificate that signed its own (PEM;
 * none to trust the JVM's), the service account, where its people are and which attributes say who they are (an
 * empty email or phone attribute is not read), the filter the disabled among them match, and the group whose members
 * are the organisation's admins (none for no admins from the directory).
 */
public record DirectorySettings(
        UUID organisationId,
        DirectoryKind kind,
        String url,
        boolean startTls,
        boolean plainForTesting,
        String caCertificate,
        String bindDn,
        String bindPassword,
        String peopleBase,
        String peopleFilter,
        String upnAttribute,
        String displayNameAttribute,
        String givenNameAttribute,
        String surnameAttribute,
        String emailAttribute,
        String phoneAttribute,
        String disabledFilter,
        String adminGroupDn) {

    /** What an admin starts from: the kind's usual filter and attributes. */
    public static DirectorySettings startingWith(UUID organisationId, DirectoryKind kind) {
        return new DirectorySettings(organisationId, kind, "", kind == DirectoryKind.OPENLDAP, false, null, "", "", "",
                kind.peopleFilter(), kind.upnAttribute(), kind.displayNameAttribute(), "givenName", "sn", "mail",
                "telephoneNumber", kind.disabledFilter(), null);
    }

    /** The same, with another service account password (a form leaves it empty to keep the stored one). */
    DirectorySettings withBindPassword(String password) {
        return new DirectorySettings(organisationId, kind, url, startTls, plainForTesting, caCertificate, bindDn,
                password, peopleBase, peopleFilter, upnAttribute, displayNameAttribute, givenNameAttribute,
                surnameAttribute, emailAttribute, phoneAttribute, disabledFilter, adminGroupDn);
    }

    /** The attributes read of each person (the email and phone ones when set). */
    String[] mappedAttributes() {
        return Stream.of(upnAttribute, displayNameAttribute, givenNameAttribute, surnameAttribute, emailAttribute,
                phoneAttribute).filter(attribute -> attribute != null && !attribute.isEmpty()).toArray(String[]::new);
    }
}
