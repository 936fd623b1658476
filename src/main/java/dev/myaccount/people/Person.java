package dev.myaccount.people;

import java.util.UUID;

/** A person as a list of an organisation's people shows them. */
public record Person(UUID id, String upn, String displayName, boolean enabled) {
}
