package dev.myaccount.directory;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.net.ssl.SSLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.people.DirectoryPeople;
import dev.myaccount.running.RunningRequests;

/**
 * An organisation's own directory as its admins see it: its settings, checked before they are kept; a test of
 * settings that says what it found or, in plain words, why it failed; and a reading of its people, now or on
 * schedule, of which one node does one at a time. A test or a reading asked for lets the request's turn to run go
 * while it lasts.
 */
@Service
public class Directories {

    private static final Logger log = LoggerFactory.getLogger(Directories.class);

    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,99}");
    private static final int LONGEST_TEXT = 1000;
    private static final int LONGEST_CERTIFICATE = 20000;
    /** A reading that has not ended after this long died with its node; another may start. */
    private static final Duration STALE_READING = Duration.ofMinutes(30);

    /** An answer for the admin: a message key and its arguments, and whether it is good news. */
    public record Answer(boolean ok, String messageKey, List<Object> arguments) {

        static Answer ok(String messageKey, Object... arguments) {
            return new Answer(true, messageKey, List.of(arguments));
        }

        static Answer failed(String messageKey, Object... arguments) {
            return new Answer(false, messageKey, List.of(arguments));
        }
    }

    /** The last reading of the directory: when, and what it changed or why it failed. */
    public record LastReading(Instant at, Answer answer) {
    }

    private final DirectorySettingsStore store;
    private final DirectoryConnections connections;
    private final DirectoryReading reading;
    private final DirectoryPeople people;
    private final AuditLog audit;
    private final Clock clock;
    private final DirectoryProperties properties;
    private final RunningRequests running;

    Directories(DirectorySettingsStore store, DirectoryConnections connections, DirectoryReading reading,
            DirectoryPeople people, AuditLog audit, Clock clock, DirectoryProperties properties,
            RunningRequests running) {
        this.store = store;
        this.connections = connections;
        this.reading = reading;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.running = running;
    }

    /** The organisation's directory settings, without the service account's password; empty for the built-in one. */
    public Optional<DirectorySettings> settings(Actor admin) {
        return store.find(admin.organisationId()).map(stored -> stored.settings().withBindPassword(""));
    }

    /** Checks and keeps the settings; an empty service account password keeps the stored one. */
    public Answer save(Actor admin, DirectorySettings typed, RequestOrigin origin) {
        DirectorySettings settings = withStoredPassword(admin, typed);
        Answer refused = refused(settings);
        if (refused != null) {
            return refused;
        }
        store.save(settings, clock.instant());
        audit.record(new AuditEvent(AuditEventType.DIRECTORY_CHANGED, admin.organisationId(), null, origin,
                settings.kind().name() + " " + settings.url(), admin.accountId(),
                admin.accountId() == null ? admin.name() : null));
        return Answer.ok("directory.saved");
    }

    /** Connects with the settings as typed (not kept), signs in as the service account and counts the people. */
    public Answer test(Actor admin, DirectorySettings typed) {
        DirectorySettings settings = withStoredPassword(admin, typed);
        Answer refused = refused(settings);
        if (refused != null) {
            return refused;
        }
        try (RunningRequests.Wait waiting = running.waiting();
                LDAPConnection connection = connections.connect(settings)) {
            connection.bind(new SimpleBindRequest(settings.bindDn(), settings.bindPassword()));
            AtomicInteger count = new AtomicInteger();
            AtomicReference<DirectoryPeople.Entry> first = new AtomicReference<>();
            DirectoryReading.Groups groups = reading.groups(connection, settings, null);
            reading.each(connection, settings, null, entry -> {
                count.incrementAndGet();
                if (first.get() == null) {
                    first.set(reading.person(settings, entry, groups));
                }
            });
            DirectoryPeople.Entry one = first.get();
            return one == null ? Answer.ok("directory.test.none", count.get(), groups.admins().size())
                    : Answer.ok("directory.test.found", count.get(), groups.admins().size(), one.upn(),
                            one.displayName(), groups.disabled().size());
        } catch (LDAPException failed) {
            return Answer.failed(why(failed), settings.url());
        }
    }

    /** Reads the organisation's people now; refused while another reading is under way. */
    public Answer syncNow(Actor admin, RequestOrigin origin) {
        UUID organisation = admin.organisationId();
        if (store.find(organisation).isEmpty()) {
            return Answer.failed("directory.error.none");
        }
        Instant now = clock.instant();
        if (!store.claimSync(organisation, now, now.minus(STALE_READING), null)) {
            return Answer.failed("directory.sync.busy");
        }
        try (RunningRequests.Wait waiting = running.waiting()) {
            return sync(organisation, true, origin);
        }
    }

    /** The organisation's last reading, if any. */
    public Optional<LastReading> lastReading(Actor admin) {
        return store.lastSync(admin.organisationId()).map(last -> new LastReading(last.at(), answer(last.summary())));
    }

    /** A scheduled reading of every directory whose turn it is, on whichever node takes it first. */
    void syncDue() {
        for (UUID organisation : store.organisations()) {
            Instant now = clock.instant();
            if (store.claimSync(organisation, now, now.minus(STALE_READING),
                    now.minus(properties.syncEvery().multipliedBy(9).dividedBy(10)))) {
                DirectorySettingsStore.Progress progress = store.progress(organisation);
                sync(organisation, progress.cursor() == null || progress.readWholeAt() == null
                        || progress.readWholeAt().isBefore(now.minus(properties.readWholeEvery())),
                        DirectoryPeople.SYNC);
            }
        }
    }

    /** Reads the directory whole, or only what changed since the last reading, and makes the people so. */
    private Answer sync(UUID organisation, boolean whole, RequestOrigin origin) {
        String summary;
        long start = System.nanoTime();
        try {
            DirectorySettingsStore.Stored stored = store.find(organisation).orElseThrow();
            String since = whole ? null : store.progress(organisation).cursor();
            DirectoryReading.Reading read;
            var pool = connections.pools(stored).service();
            LDAPConnection connection = pool.getConnection();
            try {
                read = reading.people(connection, stored.settings(), since);
                pool.releaseConnection(connection);
            } catch (LDAPException failed) {
                pool.releaseDefunctConnection(connection);
                throw failed;
            }
            DirectoryPeople.Summary done = people.apply(organisation, read.people(), whole,
                    dn -> DirectoryReading.isMember(read.admins(), dn));
            summary = done.added() + "," + done.changed() + "," + done.disabled() + "," + done.refused();
            store.synced(organisation, clock.instant(), summary, read.cursor(), whole);
            audit.record(new AuditEvent(AuditEventType.DIRECTORY_SYNCED, organisation, null, origin,
                    (whole ? "whole: " : "changes: ") + summary));
            log.info("Read {} entries of the directory of organisation {} ({}) in {} ms: {} added, {} changed, {} "
                    + "disabled, {} not taken over", read.people().size(), organisation,
                    whole ? "whole" : "changed since " + since, (System.nanoTime() - start) / 1_000_000,
                    done.added(), done.changed(), done.disabled(), done.refused());
            return answer(summary);
        } catch (LDAPException failed) {
            summary = "!" + why(failed);
            audit.record(new AuditEvent(AuditEventType.DIRECTORY_SYNC_FAILED, organisation, null, origin,
                    failed.getResultCode().getName()));
        } catch (RuntimeException failed) {
            log.error("Reading the directory of organisation {} failed", organisation, failed);
            summary = "!directory.sync.failed";
            audit.record(new AuditEvent(AuditEventType.DIRECTORY_SYNC_FAILED, organisation, null, origin,
                    failed.getClass().getSimpleName()));
        }
        store.synced(organisation, clock.instant(), summary);
        return answer(summary);
    }

    private static Answer answer(String summary) {
        if (summary.startsWith("!")) {
            return Answer.failed(summary.substring(1), "");
        }
        Object[] counts = Arrays.stream(summary.split(",")).map(Integer::valueOf).toArray();
        return Answer.ok("directory.sync.done", counts);
    }

    private DirectorySettings withStoredPassword(Actor admin, DirectorySettings typed) {
        DirectorySettings settings = new DirectorySettings(admin.organisationId(), typed.kind(), strip(typed.url()),
                typed.startTls(), typed.plainForTesting(), blankToNull(typed.caCertificate()), strip(typed.bindDn()),
                typed.bindPassword() == null ? "" : typed.bindPassword(), strip(typed.peopleBase()),
                strip(typed.peopleFilter()), strip(typed.upnAttribute()), strip(typed.displayNameAttribute()),
                strip(typed.givenNameAttribute()), strip(typed.surnameAttribute()), strip(typed.emailAttribute()),
                strip(typed.phoneAttribute()), strip(typed.disabledFilter()), blankToNull(typed.adminGroupDn()));
        if (!settings.bindPassword().isEmpty()) {
            return settings;
        }
        return store.find(admin.organisationId()).map(DirectorySettingsStore.Stored::settings)
                .filter(stored -> sameServerAndAccount(stored, settings))
                .map(stored -> settings.withBindPassword(stored.bindPassword())).orElse(settings);
    }

    /**
     * Whether the stored service password may go with typed settings: only to the server, over the connection and as
     * the account it was typed for. Otherwise an admin who never knew it could send it, by Test connection, to a
     * server of their own, which sees a simple bind's password.
     */
    private static boolean sameServerAndAccount(DirectorySettings stored, DirectorySettings typed) {
        return stored.url().equals(typed.url()) && stored.startTls() == typed.startTls()
                && stored.plainForTesting() == typed.plainForTesting() && stored.bindDn().equals(typed.bindDn())
                && Objects.equals(stored.caCertificate(), typed.caCertificate());
    }

    /** What is wrong with the settings, field by field; null when nothing. */
    static Answer refused(DirectorySettings settings) {
        LDAPURL url;
        try {
            url = new LDAPURL(settings.url());
        } catch (LDAPException bad) {
            return Answer.failed("directory.error.url");
        }
        if (settings.url().length() > 500 || !url.hostProvided()) {
            return Answer.failed("directory.error.url");
        }
        if (url.getScheme().equals("ldap") && !settings.startTls() && !settings.plainForTesting()) {
            return Answer.failed("directory.error.plain");
        }
        if (!validName(settings.bindDn())) {
            return Answer.failed("directory.error.bindDn");
        }
        if (settings.bindPassword().isEmpty() || settings.bindPassword().length() > 256) {
            return Answer.failed("directory.error.bindPassword");
        }
        if (!validName(settings.peopleBase())) {
            return Answer.failed("directory.error.peopleBase");
        }
        if (settings.peopleFilter().length() > LONGEST_TEXT || !validFilter(settings.peopleFilter())) {
            return Answer.failed("directory.error.filter");
        }
        for (String attribute : settings.mappedAttributes()) {
            if (!ATTRIBUTE.matcher(attribute).matches()) {
                return Answer.failed("directory.error.attribute");
            }
        }
        if (Stream.of(settings.upnAttribute(), settings.displayNameAttribute(), settings.givenNameAttribute(),
                settings.surnameAttribute()).anyMatch(String::isEmpty)) {
            return Answer.failed("directory.error.attribute");
        }
        if (settings.disabledFilter().length() > LONGEST_TEXT || !validFilter(settings.disabledFilter())) {
            return Answer.failed("directory.error.disabledFilter");
        }
        if (settings.adminGroupDn() != null && !validName(settings.adminGroupDn())) {
            return Answer.failed("directory.error.adminGroup");
        }
        if (settings.caCertificate() != null && !validCertificate(settings.caCertificate())) {
            return Answer.failed("directory.error.certificate");
        }
        return null;
    }

    /** Why a connection, sign-in or search failed, in words an admin can act on. */
    private static String why(LDAPException failed) {
        ResultCode code = failed.getResultCode();
        if (failed.getCause() instanceof SSLException || code == ResultCode.LOCAL_ERROR
                && failed.getMessage() != null && failed.getMessage().contains("certificate")) {
            return "directory.test.certificate";
        }
        if (code == ResultCode.INVALID_CREDENTIALS) {
            return "directory.test.serviceAccount";
        }
        if (code == ResultCode.NO_SUCH_OBJECT) {
            return "directory.test.peopleBase";
        }
        if (code == ResultCode.SIZE_LIMIT_EXCEEDED) {
            return "directory.test.sizeLimit";
        }
        if (code == ResultCode.FILTER_ERROR) {
            return "directory.error.filter";
        }
        if (code == ResultCode.CONFIDENTIALITY_REQUIRED || code == ResultCode.STRONG_AUTH_REQUIRED) {
            return "directory.test.encryption";
        }
        return DirectoryConnections.unreachable(failed) ? "directory.test.unreachable" : "directory.test.other";
    }

    private static boolean validName(String name) {
        return name != null && !name.isEmpty() && name.length() <= LONGEST_TEXT && DN.isValidDN(name);
    }

    private static boolean validFilter(String filter) {
        try {
            Filter.create(filter);
            return true;
        } catch (LDAPException bad) {
            return false;
        }
    }

    private static boolean validCertificate(String pem) {
        try {
            return pem.length() <= LONGEST_CERTIFICATE && DirectoryConnections.trusting(pem) != null;
        } catch (GeneralSecurityException bad) {
            return false;
        }
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
