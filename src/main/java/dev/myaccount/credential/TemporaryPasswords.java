package dev.myaccount.credential;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * Passwords the portal makes for a person (a new account, an admin's reset, the demo): 16 characters of 57
 * that are hard to mistake for each other, about 93 random bits.
 */
@Component
public class TemporaryPasswords {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 16;

    private final SecureRandom random = new SecureRandom();

    public String make() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
