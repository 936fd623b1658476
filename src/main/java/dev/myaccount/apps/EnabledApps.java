package dev.myaccount.apps;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The registered clients the authorization server may serve: an app its admins turned off is unknown to it, so its
 * sign-ins, codes and grants are refused as a client's that does not exist.
 */
final class EnabledApps implements RegisteredClientRepository {

    private final RegisteredClientRepository clients;
    private final AppRepository apps;

    EnabledApps(RegisteredClientRepository clients, AppRepository apps) {
        this.clients = clients;
        this.apps = apps;
    }

    @Override
    public void save(RegisteredClient client) {
        clients.save(client);
    }

    @Override
    public RegisteredClient findById(String id) {
        return enabled(clients.findById(id));
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return enabled(clients.findByClientId(clientId));
    }

    private RegisteredClient enabled(RegisteredClient client) {
        return client != null && apps.isEnabled(client.getId()) ? client : null;
    }
}
