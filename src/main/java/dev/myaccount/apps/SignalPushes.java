package dev.myaccount.apps;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Pushes waiting event tokens to their receivers (RFC 8935), from every node: a node takes a delivery before it
 * pushes it, a receiver's 202 acknowledges it, and anything else (down, slow, a 5xx) has it tried again after a wait
 * that doubles each time, from {@code myaccount.apps.signal-retry-after} up to an hour. A 400 is the receiver refusing that token for good
 * (RFC 8935, 2.3): it is dropped and said in the log. No database connection is held while a receiver answers.
 */
@Component
class SignalPushes {

    private static final Logger log = LoggerFactory.getLogger(SignalPushes.class);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final int AT_ONCE = 50;

    private final SignalStreams streams;
    private final AppsProperties settings;
    private final Clock clock;
    private final AppServerPosts posts;

    SignalPushes(SignalStreams streams, AppsProperties settings, Clock clock, AppServerPosts posts) {
        this.posts = posts;
        this.streams = streams;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every second: a receiver hears of an event about a second after it happened, on whichever node. */
    @Scheduled(fixedDelay = 1000)
    void pushDue() {
        var due = streams.due(AT_ONCE);
        if (due.isEmpty()) {
            return;
        }
        Map<String, Optional<SignalStreams.Stream>> byStream = due.stream().map(SignalStreams.Delivery::streamId)
                .distinct().collect(Collectors.toMap(id -> id, streams::byId));
        // A receiver that failed is not tried again in this round: one that does not answer costs the one scheduler
        // thread a single time-out a round, not one for each of its events.
        Set<String> failed = new HashSet<>();
        for (SignalStreams.Delivery delivery : due) {
            SignalStreams.Stream stream = byStream.get(delivery.streamId()).orElse(null);
            if (stream != null && !failed.contains(stream.id())
                    && streams.take(delivery, clock.instant().plus(AppServerPosts.WAIT.multipliedBy(3)))
                    && !pushed(stream, delivery)) {
                failed.add(stream.id());
            }
        }
    }

    /** Pushes the event; false when the receiver did not take it, and it waits to be tried again. */
    private boolean pushed(SignalStreams.Stream stream, SignalStreams.Delivery delivery) {
        int status;
        try {
            List<String> headers = new ArrayList<>(List.of("Content-Type", "application/secevent+jwt", "Accept",
                    "application/json"));
            if (stream.authorizationHeader() != null) {
                headers.addAll(List.of("Authorization", stream.authorizationHeader()));
            }
            status = posts.post(stream.endpointUrl(), delivery.eventToken(), headers.toArray(String[]::new));
        } catch (IOException | IllegalArgumentException unreachable) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (status == 202 || status == 200) {
            streams.delivered(delivery.id());
            return true;
        }
        if (status == 400) {
            log.warn("The receiver of the app {} refused a security event token (400); it is not sent again",
                    stream.clientId());
            streams.delivered(delivery.id());
            return true;
        }
        int attempts = delivery.attempts() + 1;
        streams.tryAgain(delivery.id(), attempts, clock.instant().plus(backOff(attempts)));
        return false;
    }

    /** The wait after the {@code attempts}-th failed push: the first wait, doubled for each failure before it. */
    private Duration backOff(int attempts) {
        Duration wait = settings.signalRetryAfter().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
