package dev.myaccount.signin;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import dev.myaccount.web.Access;
import dev.myaccount.web.PathOnlyRedirects;

/**
 * Sends a person whose sign-in asks for a second step to that step. Once every step is done, makes the
 * browser familiar to the account (for smart lockout), then sends a person who must change their password
 * straight to that page, and anyone else where they were going.
 */
@Component
class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final FamiliarDevices devices;
    private final SessionDescriptions descriptions;

    SignInSuccessHandler(FamiliarDevices devices, SessionDescriptions descriptions) {
        this.devices = devices;
        this.descriptions = descriptions;
        setRedirectStrategy(new PathOnlyRedirects());
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        SignedInPerson person = (SignedInPerson) authentication.getPrincipal();
        if (person.secondFactorFlow().isPresent()) {
            getRedirectStrategy().sendRedirect(request, response, Access.SECOND_STEP);
            return;
        }
        SignInDetails details = (SignInDetails) authentication.getDetails();
        devices.remember(person.accountId(), details.device(), request, response);
        descriptions.describe(request, person);
        if (person.mustChangePassword()) {
            getRedirectStrategy().sendRedirect(request, response, "/password");
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
