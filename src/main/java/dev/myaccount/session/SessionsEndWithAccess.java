package dev.myaccount.session;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.myaccount.people.PersonChanged;

/**
 * Every session of a person ends when their access changes: a new password, a new UPN (sessions know the old one),
 * disabling or deletion. In the change's own transaction, so the change and the end of the sessions are one: the
 * sessions are gone, on every node, the moment the change is, and a change rolled back ends none.
 */
@Component
class SessionsEndWithAccess {

    private final AccountSessions sessions;

    SessionsEndWithAccess(AccountSessions sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void passwordSet(PersonChanged.PasswordSet change) {
        sessions.deleteAll(change.upn());
    }

    @EventListener
    void upnChanged(PersonChanged.UpnChanged change) {
        sessions.deleteAll(change.upn());
    }

    @EventListener
    void disabled(PersonChanged.Disabled change) {
        sessions.deleteAll(change.upn());
    }

    @EventListener
    void deleted(PersonChanged.Deleted change) {
        sessions.deleteAll(change.upn());
    }
}
