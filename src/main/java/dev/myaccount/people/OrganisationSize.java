package dev.myaccount.people;

/** An organisation with how many people it has, for the operator's list. */
public record OrganisationSize(Organisation organisation, int people) {
}
