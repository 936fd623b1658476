package dev.myaccount.apps;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Spring Authorization Server's grants in the database, saved without reading them first. Its {@code save} asks
 * {@code findById} whether the grant exists, to choose between an update and an insert, and that read parses the
 * whole grant's JSON and its app's again: a refresh read the grant twice. Here, during a save, that question is a
 * look at the row's key.
 */
final class JdbcGrants extends JdbcOAuth2AuthorizationService {

    private final ThreadLocal<OAuth2Authorization> saving = new ThreadLocal<>();
    private final JdbcOperations jdbc;

    JdbcGrants(JdbcOperations jdbc, RegisteredClientRepository clients) {
        super(jdbc, clients);
        this.jdbc = jdbc;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        saving.set(authorization);
        try {
            super.save(authorization);
        } finally {
            saving.remove();
        }
    }

    /** During a save, the grant being saved when its row exists, which is all the save asks. */
    @Override
    public OAuth2Authorization findById(String id) {
        OAuth2Authorization beingSaved = saving.get();
        if (beingSaved == null || !beingSaved.getId().equals(id)) {
            return super.findById(id);
        }
        Integer rows = jdbc.queryForObject("select count(*) from oauth2_authorization where id = ?", Integer.class, id);
        return rows != null && rows > 0 ? beingSaved : null;
    }
}
