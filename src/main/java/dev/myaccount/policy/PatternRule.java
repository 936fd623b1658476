package dev.myaccount.policy;

import java.util.List;

/**
 * Refuses a password that is mostly repeats or sequences: runs of one character (aaaa), short units
 * repeated (abab, xk3!xk3!), and runs along the alphabet, the digits or a keyboard row (abcd, 4321,
 * qwerty). Half or more of its characters in such runs is too many.
 */
final class PatternRule implements PasswordRule {

    private static final List<String> LINES = List.of("abcdefghijklmnopqrstuvwxyz", "0123456789",
            "qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890");
    /** Where each ASCII character stands on each line, -1 where it does not. */
    private static final int[][] PLACES = new int[LINES.size()][128];

    static {
        for (int line = 0; line < LINES.size(); line++) {
            for (char c = 0; c < 128; c++) {
                PLACES[line][c] = LINES.get(line).indexOf(c);
            }
        }
    }
    private static final int SHORTEST_RUN = 3;
    private static final int LONGEST_UNIT = 4;

    @Override
    public List<PolicyReason> evaluate(Candidate candidate) {
        String text = candidate.lower();
        boolean[] covered = new boolean[text.length()];
        markRepeatedUnits(text, covered);
        for (int[] line : PLACES) {
            markSequences(text, line, covered);
        }
        int count = 0;
        for (boolean c : covered) {
            count += c ? 1 : 0;
        }
        return text.isEmpty() || count * 2 < text.length() ? List.of()
                : List.of(PolicyReason.of(PolicyCheck.PATTERNS, "repetitive"));
    }

    /** A unit of 1 to 4 characters followed by itself, character for character, at least once. */
    private static void markRepeatedUnits(String text, boolean[] covered) {
        for (int unit = 1; unit <= LONGEST_UNIT; unit++) {
            int runStart = -1;
            for (int i = unit; i <= text.length(); i++) {
                boolean repeats = i < text.length() && text.charAt(i) == text.charAt(i - unit);
                if (repeats && runStart < 0) {
                    runStart = i - unit;
                } else if (!repeats && runStart >= 0) {
                    if (i - runStart >= Math.max(2 * unit, SHORTEST_RUN)) {
                        mark(covered, runStart, i);
                    }
                    runStart = -1;
                }
            }
        }
    }

    /** Neighbours on the line, in one direction, for at least three characters. */
    private static void markSequences(String text, int[] line, boolean[] covered) {
        int runStart = 0;
        int direction = 0;
        for (int i = 1; i <= text.length(); i++) {
            int step = i < text.length() ? step(line, text.charAt(i - 1), text.charAt(i)) : 0;
            if (step != 0 && (direction == 0 || step == direction)) {
                direction = step;
                continue;
            }
            if (direction != 0 && i - runStart >= SHORTEST_RUN) {
                mark(covered, runStart, i);
            }
            runStart = step != 0 ? i - 1 : i;
            direction = step;
        }
    }

    private static int step(int[] line, char from, char to) {
        int a = from < line.length ? line[from] : -1;
        int b = to < line.length ? line[to] : -1;
        return a < 0 || b < 0 || Math.abs(a - b) != 1 ? 0 : b - a;
    }

    private static void mark(boolean[] covered, int from, int to) {
        for (int i = from; i < to; i++) {
            covered[i] = true;
        }
    }
}
