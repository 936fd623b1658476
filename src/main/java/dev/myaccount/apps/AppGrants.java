package dev.myaccount.apps;

import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a person let their apps have: the apps they signed in to or consented to, when they last did and what each
 * may see; and the end of it, for one app (Revoke access) or all (their access ended), with each app that
 * registered a back-channel logout address told after the commit.
 */
@Service
public class AppGrants {

    /** An app the person let in, as the Apps page shows it. */
    public record Granted(String clientId, String name, Instant lastSignIn, List<String> scopes) {
    }

    private final JdbcClient jdbc;
    private final OAuth2AuthorizationService grants;
    /** Every app, turned off or not: a person may still revoke what they once let an app see. */
    private final RegisteredClientRepository clients;
    private final ApplicationEventPublisher events;

    AppGrants(JdbcClient jdbc, OAuth2AuthorizationService grants, JdbcRegisteredClientRepository clients,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.grants = grants;
        this.clients = clients;
        this.events = events;
    }

    /** The person's apps, the most recently used first; one query for grants and one for consents. */
    public List<Granted> of(UUID accountId) {
        Map<String, Granted> apps = new LinkedHashMap<>();
        jdbc.sql("""
                select c.client_id, c.client_name, coalesce(a.access_token_issued_at, a.authorization_code_issued_at),
                       a.authorized_scopes
                from oauth2_authorization a join oauth2_registered_client c on c.id = a.registered_client_id
                where a.principal_name = ?
                union all
                select c.client_id, c.client_name, null, replace(g.authorities, 'SCOPE_', '')
                from oauth2_authorization_consent g join oauth2_registered_client c on c.id = g.registered_client_id
                where g.principal_name = ?""").params(accountId.toString(), accountId.toString())
                .query((rs, row) -> new Granted(rs.getString(1), rs.getString(2),
                        rs.getObject(3) == null ? null : rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4) == null ? List.of() : Arrays.asList(rs.getString(4).split(","))))
                .list().forEach(grant -> apps.merge(grant.clientId(), grant, AppGrants::together));
        return apps.values().stream().sorted(Comparator.comparing(Granted::lastSignIn,
                Comparator.nullsLast(Comparator.reverseOrder()))).toList();
    }

    public int count(UUID accountId) {
        return jdbc.sql("""
                select count(*) from (
                    select registered_client_id from oauth2_authorization where principal_name = ?
                    union
                    select registered_client_id from oauth2_authorization_consent where principal_name = ?) as apps""")
                .params(accountId.toString(), accountId.toString()).query(Integer.class).single();
    }

    /** Ends every grant of the person, whatever the app. */
    @Transactional
    public void endAll(UUID accountId) {
        end(accountId, null);
    }

    /** Ends the person's grants and consent to one app; false when they had none. */
    @Transactional
    public boolean revoke(UUID accountId, String clientId) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            return false;
        }
        int consents = jdbc.sql("delete from oauth2_authorization_consent where registered_client_id = ? and"
                + " principal_name = ?").params(client.getId(), accountId.toString()).update();
        boolean ended = end(accountId, client.getId()) + consents > 0;
        if (ended) {
            events.publishEvent(new AppAccessEnded(client.getId(), accountId));
        }
        return ended;
    }

    private int end(UUID accountId, String registeredClientId) {
        Set<LogoutToTell> logouts = new LinkedHashSet<>();
        List<String> ids = jdbc.sql("select id from oauth2_authorization where principal_name = ?"
                        + (registeredClientId == null ? "" : " and registered_client_id = ?"))
                .params(registeredClientId == null ? List.of(accountId.toString())
                        : List.of(accountId.toString(), registeredClientId))
                .query(String.class).list();
        for (String id : ids) {
            OAuth2Authorization grant = grants.findById(id);
            if (grant == null) {
                continue;
            }
            RegisteredClient client = clients.findById(grant.getRegisteredClientId());
            String logoutUri = client == null ? null : AppSettings.backChannelLogoutUri(client);
            Authentication person = grant.getAttribute(Principal.class.getName());
            if (logoutUri != null && person != null && person.getPrincipal() instanceof AppSignIn signIn) {
                logouts.add(new LogoutToTell(client.getClientId(), logoutUri, accountId, signIn.sessionId()));
            }
            grants.remove(grant);
        }
        logouts.forEach(events::publishEvent);
        return ids.size();
    }

    private static Granted together(Granted one, Granted other) {
        Set<String> scopes = new LinkedHashSet<>(one.scopes());
        scopes.addAll(other.scopes());
        Instant last = one.lastSignIn() == null ? other.lastSignIn() : other.lastSignIn() == null ? one.lastSignIn()
                : one.lastSignIn().isAfter(other.lastSignIn()) ? one.lastSignIn() : other.lastSignIn();
        return new Granted(one.clientId(), one.name(), last, List.copyOf(scopes));
    }
}
