package dev.myaccount.apps;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Spring Authorization Server's grants in the database, saved without reading them first. Its {@code save} asks
 * {@code findById} whether the grant exists, to choose between an update and an insert, and that read parses the
 * whole grant's JSON and its app's again: a refresh read the grant twice. Here, during a save, that question is a
 * look at the row's key, or no question at all when the caller holds the row's lock.
 */
final class JdbcGrants extends JdbcOAuth2AuthorizationService {

    private record Saving(OAuth2Authorization grant, boolean exists) {
    }

    private final ThreadLocal<Saving> saving = new ThreadLocal<>();
    private final JdbcOperations jdbc;

    JdbcGrants(JdbcOperations jdbc, RegisteredClientRepository clients) {
        super(jdbc, clients);
        this.jdbc = jdbc;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        save(new Saving(authorization, false));
    }

    /** Saves a grant whose row the caller has found (and locked) in this transaction. */
    void update(OAuth2Authorization authorization) {
        save(new Saving(authorization, true));
    }

    private void save(Saving grant) {
        saving.set(grant);
        try {
            super.save(grant.grant());
        } finally {
            saving.remove();
        }
    }

    /** During a save, the grant being saved when its row exists, which is all the save asks. */
    @Override
    public OAuth2Authorization findById(String id) {
        Saving beingSaved = saving.get();
        if (beingSaved == null || !beingSaved.grant().getId().equals(id)) {
            return super.findById(id);
        }
        if (beingSaved.exists()) {
            return beingSaved.grant();
        }
        Integer rows = jdbc.queryForObject("select count(*) from oauth2_authorization where id = ?", Integer.class, id);
        return rows != null && rows > 0 ? beingSaved.grant() : null;
    }
}
