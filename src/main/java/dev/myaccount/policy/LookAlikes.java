package dev.myaccount.policy;

import java.util.Locale;

/**
 * Folds a password the way attackers' guess lists do: lower case, and look-alike characters replaced by
 * the letters they stand for ("P@ssw0rd" → "password"), as Microsoft Entra Password Protection does.
 */
final class LookAlikes {

    // Read in pairs, column by column: 0→o, 1→l, 3→e, 4→a, 5→s, 7→t, 8→b, 9→g, $→s, @→a, !→i, |→l, +→t.
    private static final String FROM = "01345789$@!|+";
    private static final String TO = "oleastbgsailt";

    private LookAlikes() {
    }

    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int at = FROM.indexOf(c);
            folded.append(at < 0 ? c : TO.charAt(at));
        }
        return folded.toString();
    }
}
