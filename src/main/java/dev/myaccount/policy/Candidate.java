package dev.myaccount.policy;

import java.util.Locale;

/**
 * A candidate password as the rules see it: NFKC-normalised {@code text}, the same in lower case
 * ({@code lower}), and {@code folded} with look-alikes replaced, for matching against banned terms.
 */
record Candidate(String text, String lower, String folded, int length, PolicyContext context) {

    static Candidate of(String normalised, PolicyContext context) {
        return new Candidate(normalised, normalised.toLowerCase(Locale.ROOT), LookAlikes.fold(normalised),
                normalised.codePointCount(0, normalised.length()), context);
    }
}
