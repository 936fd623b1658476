package dev.myaccount.securityinfo.passkey;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.myaccount.web.Access;
import dev.myaccount.web.SecurityPart;

/**
 * Spring Security's own passkey endpoints, kept to what Security info uses: the options of a new passkey only for
 * a complete sign-in (not a password whose second step is still to come), and no deleting through Spring's
 * {@code DELETE /webauthn/register/{id}}, so that a passkey is deleted only on Security info, with its recent
 * sign-in check, its rule for the last method and its notice.
 */
@Component
class PasskeyEndpoints implements SecurityPart {

    private static final RequestMatcher OPTIONS = PathPatternRequestMatcher.pathPattern(HttpMethod.POST,
            "/webauthn/register/options");
    private static final RequestMatcher DELETE = PathPatternRequestMatcher.pathPattern(HttpMethod.DELETE,
            "/webauthn/register/**");

    /** Before Spring's options filter, which answers ahead of the portal's authorization rules. */
    @Override
    public void addTo(HttpSecurity http) {
        http.addFilterBefore(new Guard(), AuthorizationFilter.class);
    }

    private static final class Guard extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (DELETE.matches(request)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            if (OPTIONS.matches(request) && !signedInFully()) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            chain.doFilter(request, response);
        }

        private static boolean signedInFully() {
            Authentication current = SecurityContextHolder.getContext().getAuthentication();
            return current != null && current.getAuthorities().stream()
                    .anyMatch(authority -> Access.SIGNED_IN.equals(authority.getAuthority()));
        }
    }
}
