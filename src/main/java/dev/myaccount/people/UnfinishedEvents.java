package dev.myaccount.people;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs again the listeners of the core's events that did not finish (a mail server down, a node stopped mid-way):
 * their publications are kept in the shared database, so any node picks them up. Listeners are idempotent (ending
 * sessions, clearing a lockout); at worst a notice is sent twice.
 */
@Component
class UnfinishedEvents {

    private final IncompleteEventPublications incomplete;
    private final Duration retryAfter;

    UnfinishedEvents(IncompleteEventPublications incomplete, @Value("${myaccount.events.retry-after}") Duration retryAfter) {
        this.incomplete = incomplete;
        this.retryAfter = retryAfter;
    }

    @Scheduled(fixedDelayString = "${myaccount.events.retry-after}", initialDelayString = "${myaccount.events.retry-after}")
    void retry() {
        incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
    }
}
