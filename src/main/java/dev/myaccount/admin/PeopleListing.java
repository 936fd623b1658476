package dev.myaccount.admin;

import java.util.List;

import org.springframework.stereotype.Service;

import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Account;
import dev.myaccount.people.Actor;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Outcome;
import dev.myaccount.people.Person;
import dev.myaccount.session.AccountSessions;

/** What only the admin pages do with people: list and search them a page at a time, sign one out everywhere. */
@Service
class PeopleListing {

    static final int PAGE_SIZE = 50;
    static final int LONGEST_SEARCH = 100;

    record Listing(List<Person> people, int page, boolean hasNext) {
    }

    private final DirectoryService directory;
    private final AccountSessions sessions;
    private final AuditLog audit;

    PeopleListing(DirectoryService directory, AccountSessions sessions, AuditLog audit) {
        this.directory = directory;
        this.sessions = sessions;
        this.audit = audit;
    }

    Listing list(Actor admin, String search, int page) {
        String text = search.length() > LONGEST_SEARCH ? search.substring(0, LONGEST_SEARCH) : search;
        int number = Math.max(0, page);
        List<Person> found = directory.people(admin.organisationId(), text, number * PAGE_SIZE, PAGE_SIZE + 1);
        return new Listing(found.stream().limit(PAGE_SIZE).toList(), number, found.size() > PAGE_SIZE);
    }

    Outcome signOutEverywhere(Actor admin, Account person, RequestOrigin origin) {
        int ended = sessions.endAll(person.id(), person.upn());
        audit.record(admin.event(AuditEventType.ALL_SESSIONS_ENDED, person, origin, String.valueOf(ended)));
        return Outcome.done();
    }
}
