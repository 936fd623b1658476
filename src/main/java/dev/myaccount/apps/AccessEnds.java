package dev.myaccount.apps;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.myaccount.people.PersonChanged;
import dev.myaccount.session.SessionsEnded;

/**
 * A person's apps lose them when their access changes: a new password (a change or a reset), disabling, deletion,
 * signing out everywhere. In the change's own transaction every grant of theirs ends (refresh tokens and all), and
 * each app that registered a back-channel logout address is told, after the commit, for each sign-in it had of them.
 */
@Component
class AccessEnds {

    private final JdbcClient jdbc;
    private final OAuth2AuthorizationService grants;
    private final RegisteredClientRepository clients;
    private final ApplicationEventPublisher events;

    AccessEnds(JdbcClient jdbc, OAuth2AuthorizationService grants, RegisteredClientRepository clients,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.grants = grants;
        this.clients = clients;
        this.events = events;
    }

    @EventListener
    @Transactional
    void passwordSet(PersonChanged.PasswordSet change) {
        end(change.accountId());
    }

    @EventListener
    @Transactional
    void disabled(PersonChanged.Disabled change) {
        end(change.accountId());
    }

    @EventListener
    @Transactional
    void deleted(PersonChanged.Deleted change) {
        end(change.accountId());
    }

    @EventListener
    @Transactional
    void signedOutEverywhere(SessionsEnded ended) {
        end(ended.accountId());
    }

    private void end(UUID accountId) {
        Set<LogoutToTell> logouts = new LinkedHashSet<>();
        for (String id : jdbc.sql("select id from oauth2_authorization where principal_name = ?")
                .param(accountId.toString()).query(String.class).list()) {
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
    }
}
