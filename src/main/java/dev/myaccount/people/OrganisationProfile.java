package dev.myaccount.people;

/** What an organisation tells its people: where its privacy statement is and whom to contact. */
public record OrganisationProfile(String privacyUrl, String contactEmail) {
}
