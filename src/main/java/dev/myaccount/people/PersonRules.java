package dev.myaccount.people;

import java.util.regex.Pattern;

/** What a person's UPN, names and external id may be, whichever door adds or changes them. */
public final class PersonRules {

    public static final int LONGEST_EXTERNAL_ID = 256;
    private static final int LONGEST_NAME = 128;
    private static final int LONGEST_DISPLAY_NAME = 256;
    /** A UPN's name part as directories allow it: letters, digits and . _ - ' +, not at the ends with a dot. */
    private static final Pattern NAME_PART = Pattern.compile("[a-z0-9_'+-]([a-z0-9._'+-]{0,62}[a-z0-9_'+-])?");

    private PersonRules() {
    }

    /** The message key of what is wrong with a new person's UPN or names; null when they may be added. */
    static String refusedPerson(Organisation organisation, String upn, String displayName, String givenName,
            String surname) {
        String refusedUpn = refusedUpn(organisation, upn);
        return refusedUpn != null ? refusedUpn : refusedNames(displayName, givenName, surname);
    }

    /** The message key of what is wrong with a UPN (canonical) for the organisation; null when it may be given. */
    static String refusedUpn(Organisation organisation, String upn) {
        String domainSuffix = "@" + organisation.domain();
        if (!upn.endsWith(domainSuffix)) {
            return "admin.add.error.domain";
        }
        if (!NAME_PART.matcher(upn.substring(0, upn.length() - domainSuffix.length())).matches()) {
            return "admin.add.error.upn";
        }
        return null;
    }

    /** The message key of what is wrong with the names; null when they may be stored. */
    static String refusedNames(String displayName, String givenName, String surname) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > LONGEST_DISPLAY_NAME
                || hasControl(displayName)) {
            return "admin.add.error.displayName";
        }
        for (String name : new String[] {givenName, surname}) {
            if (name != null && (name.strip().length() > LONGEST_NAME || hasControl(name))) {
                return "admin.add.error.name";
            }
        }
        return null;
    }

    /** The message key of what is wrong with an external id; null when it may be stored. */
    static String refusedExternalId(String externalId) {
        return externalId != null && (externalId.length() > LONGEST_EXTERNAL_ID || hasControl(externalId))
                ? "admin.add.error.externalId" : null;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static boolean hasControl(String text) {
        return text.codePoints().anyMatch(Character::isISOControl);
    }
}
