package dev.myaccount.people;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Whether a password is a person's, from every door that asks (sign-in, the current password on Change password,
 * confirming who one is): the portal's hash, or a bind to the organisation's own directory. An unknown or unusable
 * account costs the same work as a known one, so neither the answer nor its time tells them apart.
 */
@Service
public class PasswordChecks {

    private final PasswordEncoder encoder;
    private final OwnDirectories directories;
    private final String dummyHash;

    PasswordChecks(PasswordEncoder encoder, OwnDirectories directories) {
        this.encoder = encoder;
        this.directories = directories;
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    /** Whether the person can sign in with a password at all: enabled, and with one kept somewhere. */
    public static boolean usable(Account account) {
        return account.enabled() && (account.passwordHash() != null || account.inOwnDirectory());
    }

    /** Whether {@code password} is the person's. DirectoryUnreachableException when their directory cannot say. */
    public boolean matches(Account account, String password) {
        if (account.inOwnDirectory()) {
            return directories.passwordRight(account, password);
        }
        return account.passwordHash() != null && encoder.matches(password, account.passwordHash());
    }

    /** The sign-in's check of {@code upn}, whose usable account, if any, is {@code usable}. */
    public boolean signIn(Optional<Account> usable, String upn, String password) {
        if (usable.isPresent()) {
            return matches(usable.get(), password);
        }
        if (!directories.boundAsNoOne(upn, password)) {
            encoder.matches(password, dummyHash);
        }
        return false;
    }

    /** Whether a hash made with weaker settings than today's should be made again while the password is at hand. */
    public boolean rehash(Account account) {
        return account.passwordHash() != null && encoder.upgradeEncoding(account.passwordHash());
    }
}
