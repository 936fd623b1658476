package dev.myaccount.session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Spring Session writes a session's last access to its row on every request: an UPDATE and a commit for every page,
 * on every node. Here the time is written once it moved by a minute, so a session left alone may end up to a minute
 * before its idle timeout, and the Devices page's "last active" may be a minute old. Attributes are written as before.
 */
@Component
class LastAccessByTheMinute implements BeanPostProcessor {

    static final Duration STEP = Duration.ofMinutes(1);

    @Override
    @SuppressWarnings("unchecked")
    public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof JdbcIndexedSessionRepository stored
                ? new Sessions((FindByIndexNameSessionRepository<Session>) (Object) stored) : bean;
    }

    /** The stored sessions, each handed out as a {@link Visit}; one saved earlier in the request is not read again. */
    record Sessions(FindByIndexNameSessionRepository<Session> stored)
            implements FindByIndexNameSessionRepository<Visit> {

        @Override
        public Visit createSession() {
            return new Visit(stored.createSession());
        }

        @Override
        public void save(Visit session) {
            stored.save(session.stored());
            SessionsSavedThisRequest.saved(session);
        }

        @Override
        public Visit findById(String id) {
            if (SessionsSavedThisRequest.savedEarlier(id) instanceof Visit saved) {
                return saved;
            }
            Session found = stored.findById(id);
            return found == null ? null : new Visit(found);
        }

        @Override
        public void deleteById(String id) {
            stored.deleteById(id);
            SessionsSavedThisRequest.deleted(id);
        }

        @Override
        public Map<String, Visit> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            Map<String, Visit> found = new LinkedHashMap<>();
            stored.findByIndexNameAndIndexValue(indexName, indexValue)
                    .forEach((id, session) -> found.put(id, new Visit(session)));
            return found;
        }
    }

    /** A stored session during one request: its last access moves only by whole steps. */
    private record Visit(Session stored) implements Session {

        @Override
        public void setLastAccessedTime(Instant at) {
            if (!at.isBefore(stored.getLastAccessedTime().plus(STEP))) {
                stored.setLastAccessedTime(at);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return stored.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            stored.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            stored.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
