package dev.myaccount.securityinfo.email;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.myaccount.notification.Notifier;
import dev.myaccount.securityinfo.CodeByMessage;
import dev.myaccount.securityinfo.MethodKind;
import dev.myaccount.securityinfo.OneTimeCodes;
import dev.myaccount.securityinfo.SecurityInfoProperties;

/** Codes sent to a person's email address (one other than their work address). */
@Component
class EmailCodes extends CodeByMessage {

    private static final Pattern ADDRESS = Pattern.compile(
            "[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");
    private static final int LONGEST = 254;

    EmailCodes(OneTimeCodes codes, Notifier notifier, MessageSource messages, SecurityInfoProperties settings) {
        super(codes, notifier, messages, settings);
    }

    @Override
    public MethodKind kind() {
        return MethodKind.EMAIL;
    }

    /** An address of 254 characters at most, with one @ and a dot in its domain, other than the work address. */
    @Override
    public Optional<String> destination(String typed, String workAddress) {
        String address = typed.strip().toLowerCase(Locale.ROOT);
        return ADDRESS.matcher(address).matches() && address.length() <= LONGEST && !address.equals(workAddress)
                ? Optional.of(address) : Optional.empty();
    }

    @Override
    protected void deliver(String address, String code, Locale language) {
        notifier.email(address, text("email.code.subject", code, language), text("email.code.text", code, language));
    }
}
