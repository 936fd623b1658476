package dev.myaccount.policy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a folded password from left to right, taking at each place the longest banned term (within
 * one edit) of any list, as Microsoft Entra Password Protection scores a password: a term found is one
 * point, every other character one point.
 */
final class TermScan {

    private final int points;
    private final int charactersInTerms;
    private final Set<TermKind> kindsFound;

    private TermScan(int points, int charactersInTerms, Set<TermKind> kindsFound) {
        this.points = points;
        this.charactersInTerms = charactersInTerms;
        this.kindsFound = kindsFound;
    }

    /** {@code lists} in {@link TermKind} order, so that the first of equally long matches wins. */
    static TermScan of(String folded, Map<TermKind, TermTrie> lists) {
        int points = 0;
        int inTerms = 0;
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
            points++;
            if (kind == null) {
                pos++;
            } else {
                found.add(kind);
                inTerms += longest;
                pos += longest;
            }
        }
        return new TermScan(points, inTerms, found);
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
}
