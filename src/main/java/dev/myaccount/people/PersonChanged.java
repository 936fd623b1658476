package dev.myaccount.people;

import java.util.UUID;

/**
 * What the core publishes when a person changed, for the modules that act on it (sessions end, the lockout clears,
 * the person is told, passkeys follow). Listeners after the commit are kept in Spring Modulith's event publication
 * registry until they finish, so one that failed is retried rather than lost.
 */
public sealed interface PersonChanged {

    UUID accountId();

    /** The UPN the person had when the change was made (their sessions and passkeys are known by it). */
    String upn();

    /** How a new password came to be, which says what the person is told. */
    enum Way { CHANGED, RESET, FIRST_SIGN_IN, SET_BY_ADMIN }

    /**
     * A new password was stored; every session ends and the lockout clears. {@code language} is the one of the
     * request that made the change (a BCP 47 tag), for telling a person who chose none.
     */
    record PasswordSet(UUID accountId, String upn, Way way, String language) implements PersonChanged {
    }

    record UpnChanged(UUID accountId, String upn, String newUpn) implements PersonChanged {
    }

    record Disabled(UUID accountId, String upn) implements PersonChanged {
    }

    record Enabled(UUID accountId, String upn) implements PersonChanged {
    }

    record Deleted(UUID accountId, String upn) implements PersonChanged {
    }

    record Unlocked(UUID accountId, String upn) implements PersonChanged {
    }
}
