package dev.myaccount.reset;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.flow.Flows;
import dev.myaccount.people.Account;
import dev.myaccount.people.Passwords;
import dev.myaccount.people.PersonChanged.Way;
import dev.myaccount.policy.PolicySettings;
import dev.myaccount.policy.PolicyVerdict;

/**
 * A password set without the current one, at the end of a flow that proved who the person is (a reset, a first
 * sign-in with a temporary access pass): the people core checks and stores it, with the flow finished in the same
 * transaction; these pages show its refusals in the person's language.
 */
@Component
class NewPasswords {

    private final Passwords passwords;
    private final Flows flows;
    private final MessageSource messages;

    NewPasswords(Passwords passwords, Flows flows, MessageSource messages) {
        this.passwords = passwords;
        this.flows = flows;
        this.messages = messages;
    }

    PolicySettings rules(Account account) {
        return passwords.rulesFor(account);
    }

    PolicyVerdict preview(Account account, String candidate) {
        return passwords.preview(account, candidate);
    }

    /** Everything wrong with the two fields, in the person's language; empty when the password may be set. */
    List<String> problems(Account account, String password, String confirmation, Locale language) {
        return passwords.refusals(account, null, password, confirmation, true).stream()
                .map(refusal -> messages.getMessage(refusal.messageKey(), refusal.arguments().toArray(), language))
                .toList();
    }

    /**
     * Sets the password and finishes the flow. Nothing changed when the flow was finished or expired meanwhile, or
     * when the person's own directory refused the password (then the flow stays open, to try another).
     */
    Passwords.Stored set(UUID flow, String flowKind, Account account, String password, Way way, String how,
            RequestOrigin origin) {
        return passwords.store(account, null, password, way, origin, how, () -> flows.finish(flow, flowKind));
    }

    /** A refusal of the person's own directory, in their language. */
    String refusal(Passwords.Stored stored, Locale language) {
        return messages.getMessage(stored.refusal(), null, language);
    }
}
