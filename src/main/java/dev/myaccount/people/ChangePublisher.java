package dev.myaccount.people;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes a change of a person within the transaction that made it. A change that ends the person's access ends
 * every sign-in of theirs in that same transaction (the session generation each signed-in request checks), so it
 * holds at once on every node; listeners then clean up and tell.
 */
@Component
class ChangePublisher {

    private final DirectoryService directory;
    private final ApplicationEventPublisher events;

    ChangePublisher(DirectoryService directory, ApplicationEventPublisher events) {
        this.directory = directory;
        this.events = events;
    }

    void publish(PersonChanged change) {
        if (!(change instanceof PersonChanged.Unlocked || change instanceof PersonChanged.Enabled)) {
            directory.endSignInsSoFar(change.accountId());
        }
        events.publishEvent(change);
    }
}
