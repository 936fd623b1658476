package dev.myaccount.signin;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Organisation;

/**
 * Signs a person in fully in this browser after they proved who they are at a door other than the sign-in
 * page (a temporary access pass, which stands for the password and the second step both), finished as every
 * sign-in is.
 */
@Component
public class DirectSignIn {

    private final DirectoryService directory;
    private final SignInCompletion completion;
    private final SecurityContextRepository contexts;
    private final Clock clock;

    DirectSignIn(DirectoryService directory, SignInCompletion completion, SecurityContextRepository contexts,
            Clock clock) {
        this.directory = directory;
        this.completion = completion;
        this.contexts = contexts;
        this.clock = clock;
    }

    public void signIn(Account account, SignInDoor door, HttpServletRequest request, HttpServletResponse response) {
        Account now = directory.find(account.id()).orElseThrow();
        String organisation = directory.findOrganisation(now.organisationId()).map(Organisation::name).orElseThrow();
        SignedInPerson person = new SignedInPerson(now, organisation, null, clock.instant());
        request.getSession();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null,
                person.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        completion.finish(person, door, null, request, response);
    }
}
