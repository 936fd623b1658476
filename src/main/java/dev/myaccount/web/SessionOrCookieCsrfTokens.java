package dev.myaccount.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens in the session once there is one, and before that in a cookie (HttpOnly, SameSite=Strict) that
 * the form must repeat: so the sign-in page, opened by anyone, writes nothing to the shared session store
 * (it did a session row and a token row for every visit). Both kinds of token are read from the same field
 * and header, and both are cleared at sign-in and sign-out. Over TLS the cookie's name has the {@code __Host-}
 * prefix, which browsers accept only from this host itself: a sibling subdomain cannot plant a token.
 */
final class SessionOrCookieCsrfTokens implements CsrfTokenRepository {

    static final String COOKIE = "XSRF-TOKEN";
    static final String TLS_COOKIE = "__Host-" + COOKIE;
    private static final String HEADER = "X-CSRF-TOKEN";

    private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository plainCookie = cookie(COOKIE);
    private final CookieCsrfTokenRepository tlsCookie = cookie(TLS_COOKIE);

    SessionOrCookieCsrfTokens() {
        session.setHeaderName(HEADER);
    }

    private static CookieCsrfTokenRepository cookie(String name) {
        CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();
        cookie.setHeaderName(HEADER);
        cookie.setCookieName(name);
        cookie.setCookiePath("/");
        cookie.setCookieCustomizer(builder -> builder.sameSite("Strict"));
        return cookie;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return session.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token == null) {
            session.saveToken(null, request, response);
            CookieCsrfTokenRepository cookie = cookie(request);
            if (cookie.loadToken(request) != null) {
                cookie.saveToken(null, request, response);
            }
        } else if (request.getSession(false) != null) {
            session.saveToken(token, request, response);
        } else {
            cookie(request).saveToken(token, request, response);
        }
    }

    /** A session made after the page was served (a passkey's challenge) has no token yet: the cookie's holds. */
    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        CsrfToken kept = request.getSession(false) == null ? null : session.loadToken(request);
        return kept != null ? kept : cookie(request).loadToken(request);
    }

    private CookieCsrfTokenRepository cookie(HttpServletRequest request) {
        return request.isSecure() ? tlsCookie : plainCookie;
    }
}
