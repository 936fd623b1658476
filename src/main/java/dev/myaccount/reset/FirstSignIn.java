package dev.myaccount.reset;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Service;

import dev.myaccount.credential.AccessPasses;
import dev.myaccount.flow.Flows;
import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.PersonChanged.Way;
import dev.myaccount.signin.DirectSignIn;
import dev.myaccount.signin.SecretDoors;
import dev.myaccount.signin.SignInDoor;

/**
 * Sign-in with a temporary access pass instead of a password: the pass takes its place in the account's
 * lockout like a code, and a right one starts a flow (15 minutes, finished once) in which the person sets a
 * password under the whole policy, or keeps the one they have, and is then signed in; the pass stands for
 * the second step too. A UPN without an account, or without a live pass, gets the same answer as a wrong pass.
 */
@Service
class FirstSignIn {

    static final String FLOW = "first-sign-in";
    private static final String METHOD = "ACCESS_PASS";
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    enum Outcome { RIGHT, WRONG, LOCKED }

    /** What a pass typed for a UPN opened: the flow when it was right. */
    record Checked(Outcome outcome, Optional<UUID> flow) {
    }

    private final AccessPasses passes;
    private final DirectoryService directory;
    private final SecretDoors doors;
    private final Flows flows;
    private final NewPasswords newPasswords;
    private final DirectSignIn signIn;

    FirstSignIn(AccessPasses passes, DirectoryService directory, SecretDoors doors, Flows flows,
            NewPasswords newPasswords, DirectSignIn signIn) {
        this.passes = passes;
        this.directory = directory;
        this.doors = doors;
        this.flows = flows;
        this.newPasswords = newPasswords;
        this.signIn = signIn;
    }

    Checked check(String upn, String pass, HttpServletRequest request) {
        Optional<Account> account = directory.findByUpn(upn).filter(Account::enabled);
        SecretDoors.Answer answer = account.isEmpty()
                ? doors.wrongForUnknown(SignInDoor.ACCESS_PASS, METHOD, upn, pass, request,
                        () -> passes.use(SecretDoors.NO_ACCOUNT, pass))
                : doors.check(SignInDoor.ACCESS_PASS, METHOD, account.get(), pass, request,
                        () -> passes.use(account.get().id(), pass));
        return switch (answer) {
            case RIGHT -> new Checked(Outcome.RIGHT, Optional.of(flows.start(FLOW, account.get().id(), LIFETIME)));
            case WRONG -> new Checked(Outcome.WRONG, Optional.empty());
            case LOCKED -> new Checked(Outcome.LOCKED, Optional.empty());
        };
    }

    /** Whether the flow goes on: not finished or expired, and its person still enabled, with their pass unrevoked. */
    boolean isOpen(UUID flow) {
        return flow != null && flows.isOpen(flow, FLOW) && flows.accountOf(flow).flatMap(directory::find)
                .filter(account -> account.enabled() && passes.newestStands(account.id())).isPresent();
    }

    Account account(UUID flow) {
        return flows.accountOf(flow).flatMap(directory::find).orElseThrow();
    }

    /** Whether the person may keep the password they have: one they chose themselves. */
    static boolean mayKeep(Account account) {
        return account.passwordHash() != null && !account.mustChangePassword();
    }

    /** Sets the password, ends the account's other sessions and signs the person in here; false when too late. */
    boolean setPassword(UUID flow, String password, HttpServletRequest request, HttpServletResponse response) {
        Account account = account(flow);
        if (!newPasswords.set(flow, FLOW, account, password, Way.FIRST_SIGN_IN, "access-pass", request)) {
            return false;
        }
        signIn.signIn(account, SignInDoor.ACCESS_PASS, request, response);
        return true;
    }

    /** Signs the person in with the password they have; false when they have none of their own or too late. */
    boolean keepPassword(UUID flow, HttpServletRequest request, HttpServletResponse response) {
        Account account = account(flow);
        if (!mayKeep(account) || !flows.finish(flow, FLOW)) {
            return false;
        }
        signIn.signIn(account, SignInDoor.ACCESS_PASS, request, response);
        return true;
    }
}
