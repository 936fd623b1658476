package dev.myaccount.credential;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * Passwords the portal makes for a person (a new account, an admin's reset, the demo): 16 characters of 57
 * that are hard to mistake for each other, about 93 random bits, with a lower-case letter, a capital and a digit
 * each, so that a directory's complexity rule (Active Directory's asks three kinds of four) takes every one.
 */
@Component
public class TemporaryPasswords {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 16;

    private final SecureRandom random = new SecureRandom();

    public String make() {
        String password;
        do {
            StringBuilder made = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                made.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            password = made.toString();
        } while (!hasEveryKind(password));
        return password;
    }

    /** Drawn again rather than patched, so that every password with the three kinds is as likely as any other. */
    private static boolean hasEveryKind(String password) {
        return password.chars().anyMatch(Character::isLowerCase) && password.chars().anyMatch(Character::isUpperCase)
                && password.chars().anyMatch(Character::isDigit);
    }
}
