package dev.myaccount.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A temporary password passes a directory's complexity rule (three kinds of characters) every time. */
class TemporaryPasswordsTest {

    @Test
    void everyTemporaryPasswordHasALowerCaseLetterACapitalAndADigit() {
        TemporaryPasswords passwords = new TemporaryPasswords();
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String password = passwords.make();
            made.add(password);
            assertThat(password).hasSize(16).containsPattern("[a-z]").containsPattern("[A-Z]").containsPattern("[0-9]");
        }
        assertThat(made).hasSize(2000);
    }
}
