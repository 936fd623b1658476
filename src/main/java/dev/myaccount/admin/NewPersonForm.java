package dev.myaccount.admin;

import dev.myaccount.people.Outcome;

/** The fields of the Add person form (and, without UPN and credential, of the names form). */
record NewPersonForm(String upn, String displayName, String givenName, String surname,
        Outcome.FirstCredential firstCredential) {

    NewPersonForm {
        upn = upn == null ? "" : upn;
        displayName = displayName == null ? "" : displayName;
        firstCredential = firstCredential == null ? Outcome.FirstCredential.TEMPORARY_PASSWORD
                : firstCredential;
    }
}
