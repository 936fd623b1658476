package dev.myaccount.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.myaccount.credential.PasswordNormalisation;

/**
 * The global banned list: the 30,000 most common passwords from data breaches that zxcvbn ships (most
 * common first), plus an organisation's own larger list from a file, folded and kept in one trie.
 */
final class LeakedPasswords {

    private static final String SHIPPED = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private final TermTrie terms;

    private LeakedPasswords(TermTrie terms) {
        this.terms = terms;
    }

    static LeakedPasswords load(Path extraList) {
        List<String> passwords = new ArrayList<>(32_000);
        try (InputStream shipped = LeakedPasswords.class.getResourceAsStream(SHIPPED)) {
            if (shipped == null) {
                throw new IllegalStateException("The leaked-password list " + SHIPPED + " is missing");
            }
            read(shipped, passwords);
            if (extraList != null) {
                try (InputStream extra = Files.newInputStream(extraList)) {
                    read(extra, passwords);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LeakedPasswords(TermTrie.of(passwords));
    }

    private static void read(InputStream in, List<String> into) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String password = line.strip();
            if (!password.isEmpty()) {
                into.add(LookAlikes.fold(PasswordNormalisation.normalise(password)));
            }
        }
    }

    /** Whether the folded candidate is itself a leaked password. */
    boolean isLeaked(String folded) {
        return terms.contains(folded);
    }

    TermTrie terms() {
        return terms;
    }
}
