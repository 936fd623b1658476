package dev.myaccount.apps;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Spring Authorization Server's grants in the database, saved without reading them first. Its {@code save} asks
 * {@code findById} whether the grant exists, to choose between an update and an insert, and that read parses the
 * whole grant's JSON and its app's again: a refresh read the grant twice. Here, during a save, that question is a
 * look at the row's key; a renewal asks nothing, as its update names the row and the token it replaces.
 */
final class JdbcGrants extends JdbcOAuth2AuthorizationService {

    /** Spring's own update (the columns in the order its parameters mapper gives them), while the token is current. */
    private static final String RENEW = """
            update oauth2_authorization set registered_client_id = ?, principal_name = ?, authorization_grant_type = ?,
            authorized_scopes = ?, attributes = ?, state = ?,
            authorization_code_value = ?, authorization_code_issued_at = ?, authorization_code_expires_at = ?,
            authorization_code_metadata = ?,
            access_token_value = ?, access_token_issued_at = ?, access_token_expires_at = ?, access_token_metadata = ?,
            access_token_type = ?, access_token_scopes = ?,
            oidc_id_token_value = ?, oidc_id_token_issued_at = ?, oidc_id_token_expires_at = ?,
            oidc_id_token_metadata = ?,
            refresh_token_value = ?, refresh_token_issued_at = ?, refresh_token_expires_at = ?,
            refresh_token_metadata = ?,
            user_code_value = ?, user_code_issued_at = ?, user_code_expires_at = ?, user_code_metadata = ?,
            device_code_value = ?, device_code_issued_at = ?, device_code_expires_at = ?, device_code_metadata = ?
            where id = ? and refresh_token_value = ?""";

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

    /**
     * Saves a grant renewed by a refresh if {@code replaced} is still its refresh token; whether it was. The check and
     * the write are one statement, under the row's lock: of two refreshes with one token at once, one renews.
     */
    boolean renew(OAuth2Authorization renewed, String replaced) {
        List<SqlParameterValue> columns = new ArrayList<>(getAuthorizationParametersMapper().apply(renewed));
        columns.add(columns.remove(0));
        columns.add(new SqlParameterValue(Types.VARCHAR, replaced));
        return jdbc.update(RENEW, new ArgumentPreparedStatementSetter(columns.toArray())) == 1;
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
