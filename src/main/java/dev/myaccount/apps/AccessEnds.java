package dev.myaccount.apps;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.myaccount.people.PersonChanged;
import dev.myaccount.session.SessionsEnded;

/**
 * A person's apps lose them when their access changes: a new password (a change or a reset), disabling, deletion,
 * signing out everywhere. In the change's own transaction, so the grants end the moment the access does.
 */
@Component
class AccessEnds {

    private final AppGrants grants;

    AccessEnds(AppGrants grants) {
        this.grants = grants;
    }

    @EventListener
    void passwordSet(PersonChanged.PasswordSet change) {
        grants.endAll(change.accountId());
    }

    @EventListener
    void disabled(PersonChanged.Disabled change) {
        grants.endAll(change.accountId());
    }

    @EventListener
    void deleted(PersonChanged.Deleted change) {
        grants.endAll(change.accountId());
    }

    @EventListener
    void signedOutEverywhere(SessionsEnded ended) {
        grants.endAll(ended.accountId());
    }
}
