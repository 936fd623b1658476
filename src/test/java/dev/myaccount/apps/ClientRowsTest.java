package dev.myaccount.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;

/** Apps' rows are mapped once while they stay the same, and again once changed, on whichever node changed them. */
@PortalTest
class ClientRowsTest extends PortalTestCase {

    @Autowired
    Apps apps;

    @Autowired
    JdbcOperations jdbcOperations;

    private final AtomicInteger mapped = new AtomicInteger();
    private Actor admin;

    @Test
    void anAppReadTwiceIsMappedOnceAndIsTheSameApp() {
        Apps.Created wiki = wiki();
        JdbcRegisteredClientRepository clients = countedClients();

        RegisteredClient first = clients.findByClientId(wiki.app().clientId());
        RegisteredClient second = clients.findById(first.getId());

        assertThat(second).isSameAs(first);
        assertThat(mapped).hasValue(1);
    }

    @Test
    void anAppWhoseSecretWasRotatedIsMappedAgainWithItsNewSecret() {
        Apps.Created wiki = wiki();
        JdbcRegisteredClientRepository clients = countedClients();
        RegisteredClient before = clients.findByClientId(wiki.app().clientId());

        apps.rotateSecret(admin, wiki.app().clientId(), RequestOrigin.COMMAND_LINE).orElseThrow();
        RegisteredClient after = clients.findByClientId(wiki.app().clientId());

        assertThat(mapped).hasValue(2);
        assertThat(after.getClientSecret()).isNotEqualTo(before.getClientSecret());
    }

    @Test
    void anAppChangedInTheDatabaseByAnotherNodeIsMappedAgain() {
        Apps.Created wiki = wiki();
        JdbcRegisteredClientRepository clients = countedClients();
        clients.findByClientId(wiki.app().clientId());

        jdbc.sql("update oauth2_registered_client set redirect_uris = ? where client_id = ?")
                .params("https://wiki.fabrikam.example/elsewhere", wiki.app().clientId()).update();

        assertThat(clients.findByClientId(wiki.app().clientId()).getRedirectUris())
                .containsExactly("https://wiki.fabrikam.example/elsewhere");
        assertThat(mapped).hasValue(2);
    }

    private Apps.Created wiki() {
        admin = Actor.commandLine(people.organisationOf(people.create()));
        return apps.create(admin, new Apps.NewApp("Wiki", "https://wiki.fabrikam.example/signed-in", false, false,
                null), RequestOrigin.COMMAND_LINE);
    }

    private JdbcRegisteredClientRepository countedClients() {
        var rows = new JdbcRegisteredClientRepository.JsonMapperRegisteredClientRowMapper();
        var clients = new JdbcRegisteredClientRepository(jdbcOperations);
        clients.setRegisteredClientRowMapper(new ClientRows((row, number) -> {
            mapped.incrementAndGet();
            return rows.mapRow(row, number);
        }));
        return clients;
    }
}
