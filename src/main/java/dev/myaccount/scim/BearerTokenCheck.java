package dev.myaccount.scim;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.myaccount.scim.ScimTokens;

/** Finds the organisation whose token the request carries; without a live one, 401 in SCIM's error form. */
final class BearerTokenCheck extends OncePerRequestFilter {

    /** The request attribute that holds the {@link ScimTokens.Holder} of the request's token. */
    static final String HOLDER = "dev.myaccount.scim.holder";
    private static final String BEARER = "Bearer ";

    private final ScimTokens tokens;

    BearerTokenCheck(ScimTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<ScimTokens.Holder> holder = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? tokens.verify(header.substring(BEARER.length()).strip()) : Optional.empty();
        if (holder.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"SCIM\"");
            ScimJson.writeError(response, 401, null, "A live SCIM bearer token of the organisation is needed.");
            return;
        }
        request.setAttribute(HOLDER, holder.get());
        chain.doFilter(request, response);
    }
}
