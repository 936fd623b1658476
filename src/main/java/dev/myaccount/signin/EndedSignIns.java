package dev.myaccount.signin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.myaccount.people.DirectoryService;
import dev.myaccount.web.SignedInRequestCheck;

/**
 * Ends a session whose sign-in has ended since it was made. Ending every session of an account (a new password, a
 * reset, a disabled account, a new UPN) cannot reach a sign-in that read the account just before and saves its
 * session just after; that session ends here, at its first request, on whichever node it comes to. One read of the
 * account for each signed-in request.
 */
@Component
class EndedSignIns implements SignedInRequestCheck {

    private final DirectoryService directory;

    EndedSignIns(DirectoryService directory) {
        this.directory = directory;
    }

    @Override
    public void addTo(HttpSecurity http) {
        http.addFilterAfter(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (ended()) {
                    SecurityContextHolder.clearContext();
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    response.sendRedirect("/signin?expired");
                    return;
                }
                chain.doFilter(request, response);
            }
        }, SecurityContextHolderFilter.class);
    }

    private boolean ended() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn != null && signedIn.getPrincipal() instanceof SignedInPerson person
                && !directory.signInStands(person.accountId(), person.sessionGeneration());
    }
}
