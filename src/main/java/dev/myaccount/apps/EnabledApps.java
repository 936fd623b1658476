package dev.myaccount.apps;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The registered clients the authorization server may serve: an app its admins turned off is unknown to it, so its
 * sign-ins, codes and grants are refused as a client's that does not exist. One query finds the app and asks whether
 * it is on; a grant reads its app twice.
 */
final class EnabledApps implements RegisteredClientRepository {

    private static final String ENABLED = """
            select c.* from oauth2_registered_client c
            join app a on a.registered_client_id = c.id and a.disabled_at is null
            where c.%s = ?""";

    private final JdbcRegisteredClientRepository clients;
    private final JdbcOperations jdbc;
    private final RowMapper<RegisteredClient> rows;

    EnabledApps(JdbcRegisteredClientRepository clients, JdbcOperations jdbc, RowMapper<RegisteredClient> rows) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @Override
    public void save(RegisteredClient client) {
        clients.save(client);
    }

    @Override
    public RegisteredClient findById(String id) {
        return enabled("id", id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return enabled("client_id", clientId);
    }

    private RegisteredClient enabled(String column, String value) {
        return jdbc.query(ENABLED.formatted(column), rows, value).stream().findFirst().orElse(null);
    }
}
