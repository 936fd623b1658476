package dev.myaccount.policy;

import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A candidate password as the rules see it: NFKC-normalised {@code text}, the same in lower case
 * ({@code lower}), and {@code folded} with look-alikes replaced, for matching against banned terms; who it
 * is for; every list of banned terms that applies; and its two scores, each computed once, when a rule
 * or the verdict first asks.
 */
final class Candidate {

    private final String text;
    private final String lower;
    private final String folded;
    private final int length;
    private final PolicyContext context;
    private final ContextTerms names;
    private final Map<TermKind, TermTrie> terms;
    private final ToIntFunction<Candidate> strengthMeter;
    private TermScan scan;
    private int strength = -1;

    Candidate(String normalised, PolicyContext context, ContextTerms names, Map<TermKind, TermTrie> terms,
            ToIntFunction<Candidate> strengthMeter) {
        this.text = normalised;
        this.lower = normalised.toLowerCase(Locale.ROOT);
        this.folded = LookAlikes.fold(normalised);
        this.length = normalised.codePointCount(0, normalised.length());
        this.context = context;
        this.names = names;
        this.terms = terms;
        this.strengthMeter = strengthMeter;
    }

    String text() {
        return text;
    }

    String lower() {
        return lower;
    }

    String folded() {
        return folded;
    }

    /** In code points: an emoji is one character. */
    int length() {
        return length;
    }

    PolicyContext context() {
        return context;
    }

    ContextTerms names() {
        return names;
    }

    Map<TermKind, TermTrie> terms() {
        return terms;
    }

    /** Entra's scoring over every list of banned terms (see {@link TermScan}). */
    TermScan scan() {
        if (scan == null) {
            scan = TermScan.of(lower, folded, terms);
        }
        return scan;
    }

    /** zxcvbn's estimate, 0 to 4. */
    int strength() {
        if (strength < 0) {
            strength = strengthMeter.applyAsInt(this);
        }
        return strength;
    }
}
