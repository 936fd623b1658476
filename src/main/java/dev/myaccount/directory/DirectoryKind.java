package dev.myaccount.directory;

/**
 * The kinds of directory the portal works with, each with the filter and attributes its people usually have, which
 * an admin can change.
 */
public enum DirectoryKind {

    OPENLDAP(new OpenLdap(), "(objectClass=inetOrgPerson)", "mail", "cn"),
    ACTIVE_DIRECTORY(new ActiveDirectory(), "(&(objectCategory=person)(objectClass=user))", "userPrincipalName",
            "displayName");

    private final Dialect dialect;
    private final String peopleFilter;
    private final String upnAttribute;
    private final String displayNameAttribute;

    DirectoryKind(Dialect dialect, String peopleFilter, String upnAttribute, String displayNameAttribute) {
        this.dialect = dialect;
        this.peopleFilter = peopleFilter;
        this.upnAttribute = upnAttribute;
        this.displayNameAttribute = displayNameAttribute;
    }

    Dialect dialect() {
        return dialect;
    }

    public String peopleFilter() {
        return peopleFilter;
    }

    public String upnAttribute() {
        return upnAttribute;
    }

    public String displayNameAttribute() {
        return displayNameAttribute;
    }
}
