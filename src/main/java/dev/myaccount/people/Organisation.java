package dev.myaccount.people;

import java.util.UUID;

/** An organisation with its verified domain, e.g. Contoso / {@code contoso.example}. */
public record Organisation(UUID id, String name, String domain) {
}
