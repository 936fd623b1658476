package dev.myaccount.signin;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Organisation;

/**
 * Signs a person in fully in this browser after they proved who they are at a door other than the sign-in
 * page (a temporary access pass, which stands for the password and the second step both): the sign-in is
 * logged at that door, the session gets a new id, and the browser becomes familiar to the account.
 */
@Service
public class DirectSignIn {

    private final DirectoryService directory;
    private final SignInLog log;
    private final FamiliarDevices devices;
    private final SessionDescriptions descriptions;
    private final SecurityContextRepository contexts;
    private final Clock clock;

    DirectSignIn(DirectoryService directory, SignInLog log, FamiliarDevices devices, SessionDescriptions descriptions,
            SecurityContextRepository contexts, Clock clock) {
        this.directory = directory;
        this.log = log;
        this.devices = devices;
        this.descriptions = descriptions;
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
        completed(person, door, null, request, response);
    }

    /**
     * What every finished sign-in does once the person is in the security context: logs it at its door with its
     * method, renews the session id, makes the browser familiar and describes the session for Devices.
     */
    void completed(SignedInPerson person, SignInDoor door, String method, HttpServletRequest request,
            HttpServletResponse response) {
        var device = devices.deviceId(request);
        boolean familiar = device.map(id -> devices.isFamiliar(person.accountId(), id)).orElse(false);
        log.record(new SignInLog.Attempt(door, person.upn(), person.accountId(), person.organisationId(),
                SignInOutcome.SUCCEEDED, RequestOrigin.of(request), familiar, method));
        request.changeSessionId();
        devices.remember(person.accountId(), device, request, response);
        descriptions.describe(request, person);
    }
}
