package dev.myaccount.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;

@PortalTest
class JdbcGrantsTest extends PortalTestCase {

    @Autowired
    Apps apps;

    @Autowired
    JdbcOperations jdbcOperations;

    @Autowired
    RegisteredClientRepository clients;

    private RegisteredClient wiki() {
        Apps.Created wiki = apps.create(Actor.commandLine(people.organisationOf(people.create())),
                new Apps.NewApp("Wiki", "https://wiki.fabrikam.example/signed-in", false, false, null),
                RequestOrigin.COMMAND_LINE);
        return clients.findByClientId(wiki.app().clientId());
    }

    /** Spring's own store read the whole grant (its JSON, and its app's) before each update, to learn it exists. */
    @Test
    void aGrantIsInsertedAndUpdatedWithoutBeingReadFirst() {
        RegisteredClient app = wiki();
        JdbcGrants grants = new JdbcGrants(jdbcOperations, clients);
        var rows = new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationRowMapper(clients);
        AtomicInteger reads = new AtomicInteger();
        grants.setAuthorizationRowMapper((row, number) -> {
            reads.incrementAndGet();
            return rows.mapRow(row, number);
        });
        OAuth2Authorization grant = OAuth2Authorization.withRegisteredClient(app).principalName(app.getClientId())
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();

        grants.save(grant);
        grants.save(OAuth2Authorization.from(grant).attribute("renewed", "yes").build());

        assertThat(reads).hasValue(0);
        assertThat(grants.findById(grant.getId()).<String>getAttribute("renewed")).isEqualTo("yes");
    }

    @Test
    void aGrantIsRenewedOnlyWhileTheTokenItReplacesIsItsCurrentOne() {
        RegisteredClient app = wiki();
        JdbcGrants grants = new JdbcGrants(jdbcOperations, clients);
        OAuth2Authorization first = withRefreshToken(OAuth2Authorization.withRegisteredClient(app)
                .principalName(app.getClientId()).authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .build(), "first");
        grants.save(first);

        assertThat(grants.renew(withRefreshToken(first, "second"), "first")).isTrue();
        assertThat(grants.renew(withRefreshToken(first, "from a copy of the first"), "first")).isFalse();

        assertThat(grants.findById(first.getId()).getRefreshToken().getToken().getTokenValue()).isEqualTo("second");
    }

    private static OAuth2Authorization withRefreshToken(OAuth2Authorization grant, String token) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return OAuth2Authorization.from(grant)
                .refreshToken(new OAuth2RefreshToken(token, now, now.plus(1, ChronoUnit.HOURS))).build();
    }
}
