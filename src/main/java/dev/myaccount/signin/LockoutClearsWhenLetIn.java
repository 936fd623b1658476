package dev.myaccount.signin;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.myaccount.people.PersonChanged;

/**
 * A person's lockout clears when they are let in again: a new password (the owner proved who they are, or an admin
 * gave one) or an unlock. In the change's own transaction, so the person can sign in the moment it is made.
 */
@Component
class LockoutClearsWhenLetIn {

    private final Lockout lockout;

    LockoutClearsWhenLetIn(Lockout lockout) {
        this.lockout = lockout;
    }

    @EventListener
    void passwordSet(PersonChanged.PasswordSet change) {
        lockout.clear(change.upn());
    }

    @EventListener
    void unlocked(PersonChanged.Unlocked change) {
        lockout.clear(change.upn());
    }
}
