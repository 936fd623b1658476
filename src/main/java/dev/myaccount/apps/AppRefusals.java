package dev.myaccount.apps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Answers an authorization request that cannot go on. When the app and its registered address are known, the app is
 * told with the error the specification names (RFC 6749 4.1.2.1). Otherwise (an unknown app, an address it did not
 * register, a person of another organisation) the person gets the portal's own page saying why, in their language,
 * and is never sent to an address the portal cannot vouch for.
 */
final class AppRefusals implements AuthenticationFailureHandler {

    static final String REFUSAL = AppRefusals.class.getName();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
        OAuth2AuthorizationCodeRequestAuthenticationToken asked =
                exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException refused
                        ? refused.getAuthorizationCodeRequestAuthentication() : null;
        if (asked == null || asked.getRedirectUri() == null || asked.getRedirectUri().isBlank()) {
            request.setAttribute(REFUSAL, AppRefusal.of(error));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            request.getRequestDispatcher(RefusedAppController.PATH).forward(request, response);
            return;
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromUriString(asked.getRedirectUri())
                .queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
        if (error.getDescription() != null) {
            back.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION,
                    UriUtils.encode(error.getDescription(), StandardCharsets.UTF_8));
        }
        if (asked.getState() != null) {
            back.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(asked.getState(), StandardCharsets.UTF_8));
        }
        response.sendRedirect(back.build(true).toUriString());
    }
}
