package dev.myaccount.people;

/** A person's place in an organisation: their home organisation, or one they are a guest of. */
public record Membership(Organisation organisation, Role role, boolean home) {
}
