package dev.myaccount.session;

import java.util.UUID;

/**
 * A person (or their admin) signed them out everywhere, or everywhere but here: what their sign-ins opened elsewhere
 * (apps) ends with them.
 */
public record SessionsEnded(UUID accountId) {
}
