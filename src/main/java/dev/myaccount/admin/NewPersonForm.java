package dev.myaccount.admin;

/** The fields of the Add person form (and, without UPN and credential, of the names form). */
record NewPersonForm(String upn, String displayName, String givenName, String surname,
        PeopleAdministration.FirstCredential firstCredential) {

    NewPersonForm {
        upn = upn == null ? "" : upn;
        displayName = displayName == null ? "" : displayName;
        firstCredential = firstCredential == null ? PeopleAdministration.FirstCredential.TEMPORARY_PASSWORD
                : firstCredential;
    }
}
