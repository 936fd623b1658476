package dev.myaccount.apps;

import java.util.List;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;

/**
 * The authorization server's registry of sessions, which keeps none: the portal names a sign-in in the tokens itself
 * ({@link TokenClaims} sets {@code sid} and {@code auth_time}) and ends sessions on every node itself. The server's
 * default, a map in memory, grew by every browser session that opened an app and never shrank (sessions live in the
 * database, whose ends it does not hear of), differed from node to node, and when it did find a sign-in looked for
 * its time among authorities the portal does not give: the code's exchange failed with a 500.
 */
class NoSessionRegistry implements SessionRegistry {

    @Override
    public List<Object> getAllPrincipals() {
        return List.of();
    }

    @Override
    public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        return List.of();
    }

    @Override
    public SessionInformation getSessionInformation(String sessionId) {
        return null;
    }

    @Override
    public void refreshLastRequest(String sessionId) {
    }

    @Override
    public void registerNewSession(String sessionId, Object principal) {
    }

    @Override
    public void removeSessionInformation(String sessionId) {
    }
}
