package dev.myaccount.securityinfo;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;

import dev.myaccount.notification.Notifier;

/** A kind of method whose codes are sent in a message to the method's address or number. */
public abstract class CodeByMessage implements MethodCheck {

    private final OneTimeCodes codes;
    private final MessageSource messages;
    private final long minutes;
    protected final Notifier notifier;

    protected CodeByMessage(OneTimeCodes codes, Notifier notifier, MessageSource messages,
            SecurityInfoProperties settings) {
        this.codes = codes;
        this.notifier = notifier;
        this.messages = messages;
        this.minutes = settings.codeLifetime().toMinutes();
    }

    /**
     * The address or number as it is stored, from what the person typed; empty when it is not one this kind
     * can send to (or is their work address itself).
     */
    public abstract Optional<String> destination(String typed, String workAddress);

    /** Puts {@code code} in a message to {@code destination}, in the person's language. */
    protected abstract void deliver(String destination, String code, Locale language);

    /** The message of {@code key} with the code and its lifetime in minutes. */
    protected String text(String key, String code, Locale language) {
        return messages.getMessage(key, new Object[] {code, minutes}, language);
    }

    @Override
    public Sending send(SignInMethod method, String purpose, OneTimeCodes.Budget budget, Locale language,
            String clientAddress) {
        return send(method.accountId(), method.secret(), purpose, budget, language, clientAddress);
    }

    /** Sends a code to {@code destination}: a method's, or one the person is adding. */
    public Sending send(UUID accountId, String destination, String purpose, OneTimeCodes.Budget budget,
            Locale language, String clientAddress) {
        return codes.send(accountId, purpose, budget, destination, clientAddress,
                code -> deliver(destination, code, language));
    }

    @Override
    public boolean check(SignInMethod method, String purpose, String code) {
        return check(method.accountId(), method.secret(), purpose, code);
    }

    public boolean check(UUID accountId, String destination, String purpose, String code) {
        return codes.check(accountId, purpose, destination, code);
    }
}
