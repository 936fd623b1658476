package dev.myaccount.apps;

import java.net.URI;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.myaccount.web.PortalPages;

/**
 * Lets the pages of a sign-in that an app asked for (sign-in, second step) send their form on to that app: the
 * form's redirects end at the app's registered address, which the page's form-action must name. Only the address
 * the app registered, matched exactly, is named; any other page keeps forms to the portal alone.
 */
@Component
class AppSignInPages implements HandlerInterceptor, WebMvcConfigurer {

    private final HttpSessionRequestCache pagesBeforeSignIn = new HttpSessionRequestCache();
    private final RegisteredClientRepository clients;

    AppSignInPages(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getSession(false) != null) {
            appAddress(pagesBeforeSignIn.getRequest(request, response)).ifPresent(origin -> response.setHeader(
                    "Content-Security-Policy", PortalPages.contentSecurityPolicyWithFormsTo(origin)));
        }
        return true;
    }

    private Optional<String> appAddress(SavedRequest asked) {
        if (asked == null || !URI.create(asked.getRedirectUrl()).getPath().equals(AppsSecurity.AUTHORIZE)) {
            return Optional.empty();
        }
        String[] clientId = asked.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
        String[] redirectUri = asked.getParameterValues(OAuth2ParameterNames.REDIRECT_URI);
        if (clientId == null || redirectUri == null || clientId.length != 1 || redirectUri.length != 1) {
            return Optional.empty();
        }
        RegisteredClient client = clients.findByClientId(clientId[0]);
        if (client == null || !client.getRedirectUris().contains(redirectUri[0])) {
            return Optional.empty();
        }
        URI address = URI.create(redirectUri[0]);
        return Optional.of(address.getScheme() + "://" + address.getRawAuthority());
    }
}
