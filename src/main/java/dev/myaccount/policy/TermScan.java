package dev.myaccount.policy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a folded password from left to right, taking at each place the longest banned term (within
 * one edit) of any list, as Microsoft Entra Password Protection scores a password: a term found is one
 * point, every other character one point. One step past Entra: a run of two to eight digits (a year, a
 * date, "123") is one point too, since guessers try those as one piece.
 */
final class TermScan {

    private static final int SHORTEST_DIGIT_RUN = 2;
    private static final int LONGEST_DIGIT_RUN = 8;

    private final int points;
    private final int charactersInTerms;
    private final Set<TermKind> kindsFound;
    private final boolean digitRunFound;

    private TermScan(int points, int charactersInTerms, Set<TermKind> kindsFound, boolean digitRunFound) {
        this.points = points;
        this.charactersInTerms = charactersInTerms;
        this.kindsFound = kindsFound;
        this.digitRunFound = digitRunFound;
    }

    /**
     * {@code lower} is the password in lower case and {@code folded} the same with look-alikes replaced
     * (so both are as long); {@code lists} in {@link TermKind} order, so that the first of equally long
     * matches wins.
     */
    static TermScan of(String lower, String folded, Map<TermKind, TermTrie> lists) {
        int points = 0;
        int inTerms = 0;
        boolean digitRuns = false;
        Set<TermKind> found = EnumSet.noneOf(TermKind.class);
        int pos = 0;
        while (pos < folded.length()) {
            int longest = 0;
            TermKind kind = null;
            for (var list : lists.entrySet()) {
                int length = list.getKey().longestMatch(list.getValue(), folded, pos);
                if (length > longest) {
                    longest = length;
                    kind = list.getKey();
                }
            }
            int digits = digitRun(lower, pos);
            if (digits > LONGEST_DIGIT_RUN) {
                // A long number is no date or year: each of its digits is a point.
                points += digits;
                pos += digits;
                continue;
            }
            points++;
            if (digits >= SHORTEST_DIGIT_RUN && digits > longest) {
                digitRuns = true;
                pos += digits;
            } else if (kind == null) {
                pos++;
            } else {
                found.add(kind);
                inTerms += longest;
                pos += longest;
            }
        }
        return new TermScan(points, inTerms, found, digitRuns);
    }

    /** The length of the run of digits at {@code start}. */
    private static int digitRun(String lower, int start) {
        int end = start;
        while (end < lower.length() && Character.isDigit(lower.charAt(end))) {
            end++;
        }
        return end - start;
    }

    int points() {
        return points;
    }

    int charactersInTerms() {
        return charactersInTerms;
    }

    Set<TermKind> kindsFound() {
        return kindsFound;
    }

    boolean digitRunFound() {
        return digitRunFound;
    }
}
