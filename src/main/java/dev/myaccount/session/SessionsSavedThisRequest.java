package dev.myaccount.session;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.session.Session;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sessions saved during the request on this thread. Spring Session saves a session when the response is committed
 * early (a redirect, the answer to every signed-in form; a page larger than the response's buffer) and again when the
 * request ends, and in between reads it back from the database only to learn the id the browser sent
 * (spring-session#1731): a query and a transaction for nothing. The stored sessions hand back the one they saved in
 * this same request instead ({@link LastAccessByTheMinute}); outside a request nothing is kept, and nothing outlives
 * the request. A page that fits the buffer is committed once, at the end ({@code WholePages}).
 */
@Component
class SessionsSavedThisRequest extends OncePerRequestFilter implements Ordered {

    private static final ThreadLocal<Map<String, Session>> SAVED = new ThreadLocal<>();

    @Override
    public int getOrder() {
        return SessionRepositoryFilter.DEFAULT_ORDER - 1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SAVED.set(new HashMap<>());
        try {
            chain.doFilter(request, response);
        } finally {
            SAVED.remove();
        }
    }

    static void saved(Session session) {
        Map<String, Session> saved = SAVED.get();
        if (saved != null) {
            saved.put(session.getId(), session);
        }
    }

    static void deleted(String id) {
        Map<String, Session> saved = SAVED.get();
        if (saved != null) {
            saved.remove(id);
        }
    }

    /** The session saved under {@code id} earlier in this request, and still under it; null when there is none. */
    static Session savedEarlier(String id) {
        Map<String, Session> saved = SAVED.get();
        Session session = saved == null ? null : saved.get(id);
        return session != null && session.getId().equals(id) ? session : null;
    }
}
