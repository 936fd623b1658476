package dev.myaccount.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

import dev.myaccount.audit.RequestOrigin;

/**
 * The people of an organisation as its own directory lists them, made so in the portal through the same doors as
 * every other change (so sessions end, apps are told and the audit log says "directory"): a new entry becomes a
 * person, a renamed or moved one keeps their account (and their security info, devices and sign-ins) by the
 * directory's stable id, one disabled there or gone from it is disabled here, and the admin group's members are the
 * organisation's admins. A person who was here before the directory came is tied to their entry by UPN.
 */
@Service
public class DirectoryPeople {

    /** How the directory's reading shows in the audit log. */
    public static final RequestOrigin SYNC = new RequestOrigin("directory", null);

    private static final Duration SAME_CHANGE = Duration.ofSeconds(2);

    /**
     * A person as the directory lists them; {@code directoryId} is its stable id (entryUUID, objectGUID); email,
     * phone and when the password was last set are null when the directory says nothing of them.
     */
    public record Entry(String directoryId, String dn, String upn, String displayName, String givenName,
            String surname, String email, String phone, Instant passwordChangedAt, boolean enabled, boolean admin) {
    }

    /** What a reading changed: people added, changed, disabled (gone or disabled there), and entries refused. */
    public record Summary(int added, int changed, int disabled, int refused) {
    }

    record Known(Account account, String directoryId, Role role) {
    }

    private final DirectoryRepository repository;
    private final People people;
    private final PersonChanges changes;
    private final Clock clock;

    DirectoryPeople(DirectoryRepository repository, People people, PersonChanges changes, Clock clock) {
        this.repository = repository;
        this.people = people;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Makes the organisation's people what {@code entries} say: a whole reading of the directory (then a person it
     * lacks is disabled), or the entries changed since the last reading (then {@code admin}, which says of a person's
     * entry name whether the admin group has them now, also gives the others their role).
     */
    public Summary apply(UUID organisationId, List<Entry> entries, boolean whole, Predicate<String> admin) {
        Actor actor = new Actor(organisationId, null, SYNC.clientAddress());
        Map<String, Known> byDirectoryId = new HashMap<>();
        Map<String, Known> unlinkedByUpn = new HashMap<>();
        for (Known known : repository.organisationAccounts(organisationId)) {
            if (known.directoryId() != null) {
                byDirectoryId.put(known.directoryId(), known);
            } else {
                unlinkedByUpn.put(known.account().upn(), known);
            }
        }
        int added = 0;
        int changed = 0;
        int disabled = 0;
        int refused = 0;
        Set<String> seen = new HashSet<>();
        for (Entry entry : entries) {
            seen.add(entry.directoryId());
            Known known = byDirectoryId.get(entry.directoryId());
            if (known == null) {
                known = unlinkedByUpn.remove(DirectoryService.canonical(entry.upn()));
            }
            Result result = known == null ? add(actor, entry) : update(actor, known, entry);
            switch (result) {
                case ADDED -> added++;
                case CHANGED -> changed++;
                case DISABLED -> disabled++;
                case REFUSED -> refused++;
                case SAME -> { }
            }
        }
        for (Known unseen : byDirectoryId.values()) {
            if (seen.contains(unseen.directoryId())) {
                continue;
            }
            if (whole && unseen.account().enabled()) {
                if (changes.disable(actor, unseen.account(), SYNC).refusal() == null) {
                    disabled++;
                } else {
                    refused++;
                }
            }
            boolean wanted = admin.test(unseen.account().directoryDn());
            if (!whole && wanted != (unseen.role() == Role.ADMIN)) {
                if (changes.setAdmin(actor, unseen.account(), wanted, SYNC).refusal() == null) {
                    changed++;
                } else {
                    refused++;
                }
            }
        }
        return new Summary(added, changed, disabled, refused);
    }

    private enum Result { ADDED, CHANGED, DISABLED, REFUSED, SAME }

    private Result add(Actor actor, Entry entry) {
        Provisioned provisioned = people.provision(actor, new PersonDescription(entry.upn(), entry.displayName(),
                entry.givenName(), entry.surname(), null, entry.enabled(), null), SYNC.clientAddress(), SYNC);
        if (provisioned.person() == null) {
            return Result.REFUSED;
        }
        Account person = provisioned.person();
        repository.link(person.id(), entry, clock.instant());
        if (entry.admin() && changes.setAdmin(actor, person, true, SYNC).refusal() != null) {
            return Result.REFUSED;
        }
        return Result.ADDED;
    }

    /**
     * Whether the directory says the password changed at another time than the portal knows; a second or so apart
     * is the same change, written here and stamped there.
     */
    private static boolean passwordChangedThere(Entry entry, Account person) {
        return entry.passwordChangedAt() != null && (person.passwordChangedAt() == null
                || Duration.between(entry.passwordChangedAt(), person.passwordChangedAt()).abs()
                        .compareTo(SAME_CHANGE) >= 0);
    }

    private Result update(Actor actor, Known known, Entry entry) {
        Account person = known.account();
        // What link() writes: the entry's id and name, email, phone and when the password was set there.
        boolean linkChanged = !entry.directoryId().equals(known.directoryId())
                || !entry.dn().equals(person.directoryDn()) || !Objects.equals(entry.email(), person.email())
                || !Objects.equals(entry.phone(), person.phone())
                || passwordChangedThere(entry, person);
        if (linkChanged) {
            repository.link(person.id(), entry, clock.instant());
        }
        boolean described = !DirectoryService.canonical(entry.upn()).equals(person.upn())
                || !entry.displayName().strip().equals(person.displayName())
                || !Objects.equals(PersonRules.blankToNull(entry.givenName()), person.givenName())
                || !Objects.equals(PersonRules.blankToNull(entry.surname()), person.surname())
                || entry.enabled() != person.enabled();
        if (described && changes.update(actor, person, new PersonDescription(entry.upn(), entry.displayName(),
                entry.givenName(), entry.surname(), null, entry.enabled(), null), SYNC).refusal() != null) {
            return Result.REFUSED;
        }
        boolean roleChanged = entry.admin() != (known.role() == Role.ADMIN);
        if (roleChanged && changes.setAdmin(actor, person, entry.admin(), SYNC).refusal() != null) {
            return Result.REFUSED;
        }
        if (person.enabled() && !entry.enabled()) {
            return Result.DISABLED;
        }
        return described || roleChanged || linkChanged ? Result.CHANGED : Result.SAME;
    }
}
