package dev.myaccount.securityinfo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import dev.myaccount.notification.Notifier;
import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;

/**
 * Tells a person by email, at every address they sign in with, that their account's security changed: a new
 * password, a reset (their own or an admin's), a sign-in method added or deleted. Whoever did not make the change
 * learns of it at once. An address that the change itself added is left out, since whoever made the change may have
 * added their own; an address it deleted is told too. In the person's language, else the one of the request.
 */
@Service
public class SecurityNotices {

    private final DirectoryService directory;
    private final SignInMethods methods;
    private final Notifier notifier;
    private final MessageSource messages;

    SecurityNotices(DirectoryService directory, SignInMethods methods, Notifier notifier, MessageSource messages) {
        this.directory = directory;
        this.methods = methods;
        this.notifier = notifier;
        this.messages = messages;
    }

    /** A method added where no one calls the notices directly (Spring's passkey endpoint). */
    public record MethodAdded(UUID accountId, MethodKind kind, UUID methodId) {
    }

    @EventListener
    void methodAdded(MethodAdded added) {
        methodAdded(added.accountId(), added.kind(), added.methodId());
    }

    public void passwordChanged(UUID accountId) {
        tell(accountId, "notice.passwordChanged", null, null, List.of());
    }

    public void passwordReset(UUID accountId) {
        tell(accountId, "notice.passwordReset", null, null, List.of());
    }

    public void passwordResetByAdmin(UUID accountId) {
        tell(accountId, "notice.passwordResetByAdmin", null, null, List.of());
    }

    /**
     * A method of {@code kind} was added, {@code methodId}: not told, even when it is an email address (null for a
     * passkey).
     */
    public void methodAdded(UUID accountId, MethodKind kind, UUID methodId) {
        tell(accountId, "notice.methodAdded", kind, methodId, List.of());
    }

    /** A method of {@code kind} was deleted; when it was an email {@code address}, that address is told as well. */
    public void methodDeleted(UUID accountId, MethodKind kind, Optional<String> address) {
        tell(accountId, "notice.methodDeleted", kind, null, address.stream().toList());
    }

    private void tell(UUID accountId, String notice, MethodKind kind, UUID except, List<String> alsoTo) {
        directory.find(accountId).ifPresent(account -> {
            Locale language = language(account);
            String method = kind == null ? null : messages.getMessage("method." + kind.slug(), null, language);
            String subject = messages.getMessage(notice + ".subject", null, language);
            String text = messages.getMessage(notice + ".text", new Object[] {account.upn(), method}, language);
            Stream.concat(methods.of(accountId).stream()
                    .filter(found -> found.kind() == MethodKind.EMAIL && !found.id().equals(except))
                    .map(SignInMethod::secret), alsoTo.stream())
                    .forEach(address -> notifier.email(address, subject, text));
        });
    }

    private static Locale language(Account account) {
        return account.preferredLanguage() == null ? LocaleContextHolder.getLocale()
                : Locale.forLanguageTag(account.preferredLanguage());
    }
}
