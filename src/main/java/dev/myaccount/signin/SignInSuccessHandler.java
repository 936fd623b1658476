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
 * Sends a person whose sign-in asks for a second step to that step. A sign-in with its password alone is finished
 * here; then a person who must change their password goes straight to that page, and anyone else where they were
 * going.
 */
@Component
class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final SignInCompletion completion;

    SignInSuccessHandler(SignInCompletion completion) {
        this.completion = completion;
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
        completion.finish(person, SignInDoor.SIGN_IN, null, request, response);
        sendOn(request, response, authentication);
    }

    /** Where a person goes once every step of their sign-in is done. */
    void sendOn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        if (((SignedInPerson) authentication.getPrincipal()).mustChangePassword()) {
            getRedirectStrategy().sendRedirect(request, response, "/password");
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
