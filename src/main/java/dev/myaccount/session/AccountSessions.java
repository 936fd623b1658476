package dev.myaccount.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

import dev.myaccount.credential.PortalKeys;
import dev.myaccount.people.DirectoryService;

/**
 * The sessions of an account on every node: they live in the shared database, indexed by the
 * principal name (the UPN), so ending them here ends them everywhere. Pages know a session by a keyed
 * handle of its id, never the id itself, which is the session cookie's value.
 */
@Service
public class AccountSessions {

    /** Sessions are counted up to this many: pages say "20 or more". */
    public static final int COUNTED_AT_MOST = 20;

    private static final int HANDLE_BYTES = 16;

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final PortalKeys keys;
    private final JdbcClient jdbc;
    private final DirectoryService directory;
    private final ApplicationEventPublisher events;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions, PortalKeys keys, JdbcClient jdbc,
            DirectoryService directory, ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.keys = keys;
        this.jdbc = jdbc;
        this.directory = directory;
        this.events = events;
    }

    /** A signed-in session as the Devices page shows it. */
    public record Device(String handle, SessionDevice device, Instant lastActivity, boolean current) {
    }

    /** The account's sessions that finished signing in, the current one first, then the most recently used. */
    public List<Device> devices(String upn, String currentSessionId) {
        return sessions.findByPrincipalName(upn).entrySet().stream()
                .filter(entry -> entry.getValue().getAttribute(SessionDevice.ATTRIBUTE) != null)
                .map(entry -> new Device(handle(entry.getKey()),
                        entry.getValue().getAttribute(SessionDevice.ATTRIBUTE),
                        entry.getValue().getLastAccessedTime(), entry.getKey().equals(currentSessionId)))
                .sorted(Comparator.comparing(Device::current).reversed()
                        .thenComparing(Device::lastActivity, Comparator.reverseOrder()))
                .toList();
    }

    /** Ends the account's session known by {@code handle}, unless it is {@code currentSessionId}; false when none. */
    public boolean end(String upn, String handle, String currentSessionId) {
        Optional<String> found = sessions.findByPrincipalName(upn).keySet().stream()
                .filter(id -> !id.equals(currentSessionId) && sameHandle(handle(id), handle)).findFirst();
        found.ifPresent(sessions::deleteById);
        return found.isPresent();
    }

    /**
     * Ends every session of the account but the one with id {@code keep}; returns how many ended. A sign-in still
     * on its way keeps its session: whoever made it could sign in again with the same secret, which only a new
     * password ({@link #endAll}) takes away. The person's apps are signed out too ({@link SessionsEnded}).
     */
    public int endAllExcept(UUID accountId, String upn, String keep) {
        var others = sessions.findByPrincipalName(upn).keySet().stream().filter(id -> !id.equals(keep)).toList();
        others.forEach(sessions::deleteById);
        events.publishEvent(new SessionsEnded(accountId));
        return others.size();
    }

    /**
     * Ends every session of the account, the caller's own included, and those of sign-ins still on their way, which
     * end at their first request, and the person's apps ({@link SessionsEnded}); returns how many ended now.
     */
    public int endAll(UUID accountId, String upn) {
        directory.endSignInsSoFar(accountId);
        int ended = deleteAll(upn);
        events.publishEvent(new SessionsEnded(accountId));
        return ended;
    }

    /**
     * Deletes the sessions of a UPN, in the caller's transaction if there is one (their attributes go with them);
     * returns how many there were.
     */
    int deleteAll(String upn) {
        return jdbc.sql("delete from spring_session where principal_name = ?").param(upn).update();
    }

    /**
     * How many of the account's sessions finished signing in, up to {@link #COUNTED_AT_MOST}: one query that
     * reads no session, since the Overview asks it on every visit and an account signed in from scripts may
     * have thousands. Expiry is Spring Session's, by the system clock.
     */
    public int count(String upn) {
        return jdbc.sql("""
                select count(*) from (
                    select 1 from spring_session s
                    join spring_session_attributes a on a.session_primary_id = s.primary_id and a.attribute_name = ?
                    where s.principal_name = ? and s.expiry_time > ?
                    limit ?) as counted""")
                .params(SessionDevice.ATTRIBUTE, upn, System.currentTimeMillis(), COUNTED_AT_MOST)
                .query(Integer.class).single();
    }

    private String handle(String sessionId) {
        byte[] mac = keys.sign("session-handle", sessionId.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, HANDLE_BYTES));
    }

    private static boolean sameHandle(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }
}
