package dev.myaccount.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * A signed-in page reads its session from the store once, though Spring Session saves it twice when the page is
 * flushed; what a request saved is never handed to another request.
 */
class SessionsSavedThisRequestTest {

    private final MapSessionRepository map = new MapSessionRepository(new ConcurrentHashMap<>());
    private final CountingReads stored = new CountingReads(map);
    private final LastAccessByTheMinute.Sessions sessions = new LastAccessByTheMinute.Sessions(stored);

    @Test
    void aFlushedPageReadsItsSessionOnce() throws Exception {
        MapSession session = storedSession();

        MockHttpServletResponse response = page(session.getId());

        assertThat(response.getContentAsString()).isEqualTo("signed in");
        assertThat(stored.reads).hasValue(1);
    }

    @Test
    void aSessionEndedElsewhereBetweenTwoRequestsIsNotFoundByTheSecond() throws Exception {
        MapSession session = storedSession();
        page(session.getId());

        map.deleteById(session.getId());

        assertThat(page(session.getId()).getContentAsString()).isEqualTo("no session");
    }

    @Test
    void outsideARequestASavedSessionIsReadFromTheStore() throws Exception {
        String id = storedSession().getId();
        page(id);
        int before = stored.reads.get();

        sessions.save(sessions.findById(id));
        sessions.findById(id);

        assertThat(stored.reads.get() - before).isEqualTo(2);
    }

    private MapSession storedSession() {
        MapSession session = map.createSession();
        session.setAttribute("person", "megan.bowen@contoso.example");
        map.save(session);
        return session;
    }

    /** A page with the session cookie, through the portal's order of filters, committed early by a flush. */
    private MockHttpServletResponse page(String sessionId) throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setCookies(new Cookie("SESSION",
                Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8))));
        MockHttpServletResponse response = new MockHttpServletResponse();
        HttpServlet signedInPage = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                HttpSession current = req.getSession(false);
                resp.getWriter().write(current == null ? "no session" : "signed in");
                resp.getWriter().flush();
            }
        };
        new MockFilterChain(signedInPage, new SessionsSavedThisRequest(), new SessionRepositoryFilter<>(sessions))
                .doFilter(request, response);
        return response;
    }

    /** A store that counts its reads by id. */
    private record CountingReads(MapSessionRepository map, AtomicInteger reads)
            implements FindByIndexNameSessionRepository<Session> {

        CountingReads(MapSessionRepository map) {
            this(map, new AtomicInteger());
        }

        @Override
        public Session createSession() {
            return map.createSession();
        }

        @Override
        public void save(Session session) {
            map.save((MapSession) session);
        }

        @Override
        public Session findById(String id) {
            reads.incrementAndGet();
            return map.findById(id);
        }

        @Override
        public void deleteById(String id) {
            map.deleteById(id);
        }

        @Override
        public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }
}
