package dev.myaccount.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import dev.myaccount.audit.RequestOrigin;

/**
 * The one place a sign-in finishes, whatever its door (a password alone, a password and its second step, a
 * passkey, a temporary access pass), once the person is in the security context: logs it at its door with its
 * method, renews the session id, keeps the facts an app is told of it, makes the browser familiar to the account and
 * describes the session for Devices.
 */
@Component
class SignInCompletion {

    private final SignInLog log;
    private final FamiliarDevices devices;
    private final SessionDescriptions descriptions;

    SignInCompletion(SignInLog log, FamiliarDevices devices, SessionDescriptions descriptions) {
        this.log = log;
        this.devices = devices;
        this.descriptions = descriptions;
    }

    void finish(SignedInPerson person, SignInDoor door, String method, HttpServletRequest request,
            HttpServletResponse response) {
        var device = devices.deviceId(request);
        boolean familiar = device.map(id -> devices.isFamiliar(person.accountId(), id)).orElse(false);
        log.record(new SignInLog.Attempt(door, person.upn(), person.accountId(), person.organisationId(),
                SignInOutcome.SUCCEEDED, RequestOrigin.of(request), familiar, method));
        request.changeSessionId();
        request.getSession().setAttribute(SignInFacts.ATTRIBUTE, new SignInFacts(SignInFacts.newId(), person.confirmedAt(),
                SignInFacts.methods(door, method)));
        devices.remember(person.accountId(), device, request, response);
        descriptions.describe(request, person);
    }
}
