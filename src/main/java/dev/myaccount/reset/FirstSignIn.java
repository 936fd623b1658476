package dev.myaccount.reset;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.credential.AccessPasses;
import dev.myaccount.flow.Flows;
import dev.myaccount.people.Account;
import dev.myaccount.people.Passwords;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.PersonChanged.Way;
import dev.myaccount.signin.SecretDoors;
import dev.myaccount.signin.SignInDetails;
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

    FirstSignIn(AccessPasses passes, DirectoryService directory, SecretDoors doors, Flows flows,
            NewPasswords newPasswords) {
        this.passes = passes;
        this.directory = directory;
        this.doors = doors;
        this.flows = flows;
        this.newPasswords = newPasswords;
    }

    Checked check(String upn, String pass, SignInDetails from) {
        Optional<Account> account = directory.findByUpn(upn).filter(Account::enabled);
        SecretDoors.Answer answer = account.isEmpty()
                ? doors.wrongForUnknown(SignInDoor.ACCESS_PASS, METHOD, upn, pass, from,
                        () -> passes.use(SecretDoors.NO_ACCOUNT, pass))
                : doors.check(SignInDoor.ACCESS_PASS, METHOD, account.get(), pass, from,
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
        return (account.passwordHash() != null || account.inOwnDirectory()) && !account.mustChangePassword();
    }

    /** Sets the password (which ends the account's other sessions) and finishes the flow, or says why not. */
    Passwords.Stored setPassword(UUID flow, String password, RequestOrigin origin) {
        return newPasswords.set(flow, FLOW, account(flow), password, Way.FIRST_SIGN_IN, "access-pass", origin);
    }

    /** Finishes the flow with the password the person has; the account to sign in, or empty when it may not. */
    Optional<Account> keepPassword(UUID flow) {
        Account account = account(flow);
        return mayKeep(account) && flows.finish(flow, FLOW) ? Optional.of(account) : Optional.empty();
    }
}
