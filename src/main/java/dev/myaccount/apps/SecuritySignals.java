package dev.myaccount.apps;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.PersonChanged;
import dev.myaccount.session.SessionsEnded;

/**
 * Tells the organisation's Shared Signals receivers what happened to a person's access, from every door that changes
 * it: a new password (credential-change, and session-revoked as every session ends), a disabled or enabled account,
 * signing out everywhere, and an app's own access ended (revoked on My Account, or its token revoked by the app).
 * After the change committed, from the event publication registry, so a failure is retried and never undoes it.
 */
@Component
class SecuritySignals {

    private final SignalStreams streams;
    private final SecurityEventTokens tokens;
    private final DirectoryService directory;

    SecuritySignals(SignalStreams streams, SecurityEventTokens tokens, DirectoryService directory) {
        this.streams = streams;
        this.tokens = tokens;
        this.directory = directory;
    }

    @ApplicationModuleListener
    void passwordSet(PersonChanged.PasswordSet change) {
        tell(change.accountId(), Map.entry(SignalEvent.CREDENTIAL_CHANGE, Map.of("credential_type", "password",
                        "change_type", change.way() == PersonChanged.Way.FIRST_SIGN_IN ? "create" : "update",
                        "initiating_entity", change.way() == PersonChanged.Way.SET_BY_ADMIN ? "admin" : "user")),
                Map.entry(SignalEvent.SESSION_REVOKED, Map.of()));
    }

    @ApplicationModuleListener
    void disabled(PersonChanged.Disabled change) {
        tell(change.accountId(), Map.entry(SignalEvent.ACCOUNT_DISABLED, Map.of()),
                Map.entry(SignalEvent.SESSION_REVOKED, Map.of()));
    }

    @ApplicationModuleListener
    void enabled(PersonChanged.Enabled change) {
        tell(change.accountId(), Map.entry(SignalEvent.ACCOUNT_ENABLED, Map.of()));
    }

    @ApplicationModuleListener
    void signedOutEverywhere(SessionsEnded ended) {
        tell(ended.accountId(), Map.entry(SignalEvent.SESSION_REVOKED, Map.of()));
    }

    @ApplicationModuleListener
    void appAccessEnded(AppAccessEnded ended) {
        queue(streams.ofApp(ended.registeredClientId()).stream().toList(), ended.accountId(),
                List.of(Map.entry(SignalEvent.SESSION_REVOKED, Map.of())));
    }

    /**
     * Tells the streams of the person's organisation each event (with its details) that they asked for (but those
     * whose app took the person out of its stream), queued in the
     * order given (what happened before the sessions it ended), not in the arbitrary order of a map.
     */
    @SafeVarargs
    private void tell(UUID accountId, Map.Entry<SignalEvent, Map<String, Object>>... events) {
        directory.find(accountId).map(Account::organisationId)
                .ifPresent(organisation -> queue(streams.listening(organisation), accountId, List.of(events)));
    }

    private void queue(List<SignalStreams.Stream> streamsOfApps, UUID accountId,
            List<Map.Entry<SignalEvent, Map<String, Object>>> events) {
        for (SignalStreams.Stream stream : streamsOfApps) {
            if (!streams.hasSubject(stream.id(), accountId)) {
                continue;
            }
            for (Map.Entry<SignalEvent, Map<String, Object>> event : events) {
                if (stream.hears(event.getKey())) {
                    streams.queue(stream.id(),
                            tokens.aboutPerson(stream.clientId(), accountId, event.getKey(), event.getValue()));
                }
            }
        }
    }
}
