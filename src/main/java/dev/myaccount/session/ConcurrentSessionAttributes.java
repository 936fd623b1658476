package dev.myaccount.session;

import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Requests of one session at once may each add the same attribute: the first pages after signing in, opened
 * in several tabs, each make the session's CSRF token. Spring Session's plain INSERT fails all but one of
 * them with a duplicate key, a 500; here the first one's value stays and the others' inserts do nothing, as
 * if they had come a moment earlier (a tab whose token lost gets the expired-form page, not an error).
 * ON CONFLICT is PostgreSQL's, and H2's in its PostgreSQL mode.
 */
@Component
class ConcurrentSessionAttributes implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

    private static final String CREATE_ATTRIBUTE = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING""";

    @Override
    public void customize(JdbcIndexedSessionRepository sessions) {
        sessions.setCreateSessionAttributeQuery(CREATE_ATTRIBUTE);
    }
}
