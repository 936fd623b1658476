package dev.myaccount.signin;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import dev.myaccount.web.PathOnlyRedirects;

/**
 * Back to the sign-in page with one generic message for a wrong UPN or password, another for a locked
 * UPN (known or not); a busy portal or too many attempts from one address get their error page with
 * Retry-After.
 */
@Component
class SignInFailureHandler implements AuthenticationFailureHandler {

    private final RedirectStrategy redirects = new PathOnlyRedirects();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        if (!(failure instanceof SignInRefusedException refused)) {
            SignInController.rememberTypedUpn(request);
            redirects.sendRedirect(request, response, "/signin?error");
            return;
        }
        switch (refused.why()) {
            case LOCKED -> {
                SignInController.rememberTypedUpn(request);
                redirects.sendRedirect(request, response, "/signin?locked");
            }
            case DIRECTORY_UNREACHABLE -> {
                SignInController.rememberTypedUpn(request);
                redirects.sendRedirect(request, response, "/signin?unreachable");
            }
            case BUSY -> refuse(response, HttpStatus.SERVICE_UNAVAILABLE, refused);
            case THROTTLED -> refuse(response, HttpStatus.TOO_MANY_REQUESTS, refused);
        }
    }

    private static void refuse(HttpServletResponse response, HttpStatus status, SignInRefusedException refused)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfter().toSeconds()));
        response.sendError(status.value());
    }
}
