package dev.myaccount.apps;

import java.net.URI;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import dev.myaccount.web.PortalPages;

/**
 * The page where a person lets an app that asks for consent see what it asked for, or not: Allow sends the
 * consent to the authorization server, Cancel sends none, and the app hears {@code access_denied}. Its form ends at
 * the app's registered address, which its form-action names.
 */
@Controller
class ConsentController {

    static final String PAGE = "/apps/consent";

    private final RegisteredClientRepository clients;

    ConsentController(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    @GetMapping(PAGE)
    String consent(@RequestParam(OAuth2ParameterNames.CLIENT_ID) String clientId,
            @RequestParam(OAuth2ParameterNames.STATE) String state,
            @RequestParam(name = OAuth2ParameterNames.SCOPE, defaultValue = "") String scope, Model model,
            HttpServletResponse response) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        URI address = URI.create(client.getRedirectUris().iterator().next());
        response.setHeader("Content-Security-Policy",
                PortalPages.contentSecurityPolicyWithFormsTo(address.getScheme() + "://" + address.getRawAuthority()));
        model.addAttribute("appName", client.getClientName());
        model.addAttribute("clientId", clientId);
        model.addAttribute("state", state);
        model.addAttribute("scopes", Arrays.stream(scope.split(" ")).filter(client.getScopes()::contains).toList());
        return "apps/consent";
    }
}
