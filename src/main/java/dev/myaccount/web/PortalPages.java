package dev.myaccount.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * What every chain that serves people's pages shares, the portal's and the apps' sign-in endpoints: where the
 * signed-in person is kept, the page asked for before sign-in, the answer to a person half-way through signing in,
 * and the security headers.
 */
public final class PortalPages {

    /** Only the portal's own scripts, styles and images; no inline script or style; never in a frame. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private PortalPages() {
    }

    /**
     * The policy of a page whose form may end, through the portal's redirects, at another site: a sign-in for an
     * app ends at the app's registered address, and browsers hold every redirect after a form to its form-action.
     */
    public static String contentSecurityPolicyWithFormsTo(String origin) {
        return CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + origin);
    }

    public static void apply(HttpSecurity http, SecurityContextRepository signedInContexts) throws Exception {
        // Back to the page asked for before sign-in, without Spring's "?continue" marker in the address bar. The
        // Overview, where a sign-in lands anyway, is not kept: opening the portal writes no session before sign-in.
        HttpSessionRequestCache pageBeforeSignIn = new HttpSessionRequestCache();
        pageBeforeSignIn.setMatchingRequestParameterName(null);
        pageBeforeSignIn.setRequestMatcher(new AndRequestMatcher(
                PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(PathPatternRequestMatcher.pathPattern("/"))));
        http.requestCache(cache -> cache.requestCache(pageBeforeSignIn))
                .securityContext(context -> context.securityContextRepository(signedInContexts))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new ExpiredFormHandler()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny()));
    }
}
