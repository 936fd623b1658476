package dev.myaccount.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;

import dev.myaccount.people.DirectoryPeople;

/**
 * Reads a directory's people a page at a time on one connection (the paging cookie is the connection's), as entries
 * the people core understands: the mapped attributes, the dialect's stable id, whether the entry matches the disabled
 * filter (a second search, of names only, so that the directory applies its own matching rules), and whether it is a
 * member of the admin group. An entry without a stable id or a UPN is no one the portal can know. A reading is whole,
 * or of the entries changed since a cursor; either gives the cursor of the latest change it saw.
 */
@Component
class DirectoryReading {

    private static final int PAGE = 500;
    /** The attribute list that asks for none: an entry's name only. */
    private static final String NO_ATTRIBUTES = "1.1";
    private static final int LONGEST_EMAIL = 320;
    private static final int LONGEST_PHONE = 100;

    /** The people of a reading, the admin group's members, and the cursor of the latest change the reading saw. */
    record Reading(List<DirectoryPeople.Entry> people, Set<DN> admins, String cursor) {
    }

    /** Who a reading compares each entry with: the admin group's members and the disabled. */
    record Groups(Set<DN> admins, Set<DN> disabled) {
    }

    /**
     * The people the settings find (those changed at or after {@code since}, or all when it is null), bound as the
     * service account on {@code connection}.
     */
    Reading people(LDAPConnection connection, DirectorySettings settings, String since) throws LDAPException {
        Groups groups = groups(connection, settings, since);
        Dialect dialect = settings.kind().dialect();
        List<DirectoryPeople.Entry> people = new ArrayList<>();
        String[] cursor = {since};
        each(connection, settings, since, entry -> {
            cursor[0] = dialect.later(cursor[0], dialect.changedAt(entry));
            DirectoryPeople.Entry person = person(settings, entry, groups);
            if (person != null) {
                people.add(person);
            }
        });
        return new Reading(people, groups.admins(), cursor[0]);
    }

    /** The admin group's members, and the people (changed since {@code since}) the disabled filter matches. */
    Groups groups(LDAPConnection connection, DirectorySettings settings, String since) throws LDAPException {
        Set<DN> disabled = new HashSet<>();
        search(connection, settings.peopleBase(), Filter.createANDFilter(people(settings, since),
                Filter.create(settings.disabledFilter())), new String[] {NO_ATTRIBUTES},
                entry -> disabled.add(parsedName(entry)));
        return new Groups(admins(connection, settings), disabled);
    }

    /** Calls {@code action} with every entry the settings find (changed since {@code since}), a page at a time. */
    void each(LDAPConnection connection, DirectorySettings settings, String since,
            Consumer<SearchResultEntry> action) throws LDAPException {
        String[] attributes = Stream.concat(Stream.of(settings.mappedAttributes()),
                Stream.of(settings.kind().dialect().statusAttributes())).toArray(String[]::new);
        search(connection, settings.peopleBase(), people(settings, since), attributes, action);
    }

    private static Filter people(DirectorySettings settings, String since) throws LDAPException {
        Filter people = Filter.create(settings.peopleFilter());
        return since == null ? people
                : Filter.createANDFilter(people, Filter.create(settings.kind().dialect().changedSince(since)));
    }

    private static void search(LDAPConnection connection, String base, Filter filter, String[] attributes,
            Consumer<SearchResultEntry> action) throws LDAPException {
        SearchRequest search = new SearchRequest(base, SearchScope.SUB, filter, attributes);
        ASN1OctetString cookie = null;
        do {
            search.setControls(new SimplePagedResultsControl(PAGE, cookie));
            SearchResult page = connection.search(search);
            page.getSearchEntries().forEach(action);
            SimplePagedResultsControl paging = SimplePagedResultsControl.get(page);
            cookie = paging == null || !paging.moreResultsToReturn() ? null : paging.getCookie();
        } while (cookie != null);
    }

    DirectoryPeople.Entry person(DirectorySettings settings, SearchResultEntry entry, Groups groups) {
        String stableId = settings.kind().dialect().stableId(entry);
        String upn = entry.getAttributeValue(settings.upnAttribute());
        if (stableId == null || upn == null || upn.isBlank()) {
            return null;
        }
        String displayName = entry.getAttributeValue(settings.displayNameAttribute());
        DN name = parsedName(entry);
        return new DirectoryPeople.Entry(stableId, entry.getDN(), upn,
                displayName == null || displayName.isBlank() ? upn : displayName,
                entry.getAttributeValue(settings.givenNameAttribute()),
                entry.getAttributeValue(settings.surnameAttribute()),
                value(entry, settings.emailAttribute(), LONGEST_EMAIL),
                value(entry, settings.phoneAttribute(), LONGEST_PHONE),
                settings.kind().dialect().passwordChangedAt(entry), !groups.disabled().contains(name),
                groups.admins().contains(name));
    }

    /** The attribute's value, or null for none, or one too long to be what it should (the columns' sizes). */
    private static String value(SearchResultEntry entry, String attribute, int longest) {
        String value = attribute == null || attribute.isEmpty() ? null : entry.getAttributeValue(attribute);
        return value == null || value.isBlank() || value.length() > longest ? null : value.strip();
    }

    private static DN parsedName(SearchResultEntry entry) {
        try {
            return entry.getParsedDN();
        } catch (LDAPException unparsable) {
            return null;
        }
    }

    /** Whether the entry named {@code dn} is among {@code members} (names compared as the directory does). */
    static boolean isMember(Set<DN> members, String dn) {
        try {
            return dn != null && members.contains(new DN(dn));
        } catch (LDAPException unparsable) {
            return false;
        }
    }

    /** The members of the admin group, by their names; none without one. */
    private Set<DN> admins(LDAPConnection connection, DirectorySettings settings) throws LDAPException {
        Set<DN> admins = new HashSet<>();
        if (settings.adminGroupDn() == null || settings.adminGroupDn().isBlank()) {
            return admins;
        }
        SearchResultEntry group = connection.getEntry(settings.adminGroupDn(), "member", "uniqueMember");
        if (group == null) {
            return admins;
        }
        for (String attribute : new String[] {"member", "uniqueMember"}) {
            String[] members = group.getAttributeValues(attribute);
            if (members != null) {
                for (String member : members) {
                    admins.add(new DN(member));
                }
            }
        }
        return admins;
    }
}
