package dev.myaccount.directory;

/**
 * The kinds of directory the portal works with, each with the filters and attributes its people usually have, which
 * an admin can change.
 */
public enum DirectoryKind {

    /** Disabled: locked for good by ppolicy. */
    OPENLDAP(new OpenLdap(), "(objectClass=inetOrgPerson)", "mail", "cn", "(pwdAccountLockedTime=000001010000Z)"),
    /** Disabled: the ACCOUNTDISABLE bit of userAccountControl, matched by AD's bitwise-and rule. */
    ACTIVE_DIRECTORY(new ActiveDirectory(), "(&(objectCategory=person)(objectClass=user))", "userPrincipalName",
            "displayName", "(userAccountControl:1.2.840.113556.1.4.803:=2)");

    private final Dialect dialect;
    private final String peopleFilter;
    private final String upnAttribute;
    private final String displayNameAttribute;
    private final String disabledFilter;

    DirectoryKind(Dialect dialect, String peopleFilter, String upnAttribute, String displayNameAttribute,
            String disabledFilter) {
        this.dialect = dialect;
        this.peopleFilter = peopleFilter;
        this.upnAttribute = upnAttribute;
        this.displayNameAttribute = displayNameAttribute;
        this.disabledFilter = disabledFilter;
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

    public String disabledFilter() {
        return disabledFilter;
    }
}
