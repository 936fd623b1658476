package dev.myaccount.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.myaccount.credential.PasswordNormalisation;

/**
 * The words password sprayers build their first guesses on (seasons, months, weekdays, "welcome",
 * "password", in English and Dutch), shipped with the portal and folded like passwords.
 */
final class SprayedWords {

    private static final String SHIPPED = "/policy/sprayed-words.txt";

    private SprayedWords() {
    }

    static TermTrie load() {
        try (InputStream in = SprayedWords.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("The sprayed-word list " + SHIPPED + " is missing");
            }
            List<String> words = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(word -> LookAlikes.fold(PasswordNormalisation.normalise(word))).toList();
            return TermTrie.of(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether any of the words stands anywhere in the folded text, within one edit. */
    static boolean occursIn(TermTrie words, String folded) {
        for (int start = 0; start < folded.length(); start++) {
            if (TermKind.SPRAYED_WORD.longestMatch(words, folded, start) > 0) {
                return true;
            }
        }
        return false;
    }
}
