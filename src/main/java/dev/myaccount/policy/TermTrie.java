package dev.myaccount.policy;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.TreeMap;

/**
 * Banned terms in a trie flattened into arrays (compact, and fast to walk), answering: is a text
 * exactly one of the terms, and what is the longest term at a position of a text, spelled exactly or
 * within one edit (a character changed, added or removed).
 *
 * <p>Matches shorter than four characters are not reported, and only terms of five or more characters
 * match with an edit: a one-edit match of a four-letter term would find one in almost any three or four
 * random characters, and refuse strong random passwords for it.
 */
final class TermTrie {

    static final int MINIMUM_MATCH = 4;
    static final int MINIMUM_FUZZY_TERM = 5;

    /** Edges of node n are edges[firstEdge[n] .. firstEdge[n + 1]), sorted by character. */
    private final int[] firstEdge;
    private final char[] edgeChar;
    private final int[] edgeTarget;
    private final boolean[] terminal;

    private TermTrie(int[] firstEdge, char[] edgeChar, int[] edgeTarget, boolean[] terminal) {
        this.firstEdge = firstEdge;
        this.edgeChar = edgeChar;
        this.edgeTarget = edgeTarget;
        this.terminal = terminal;
    }

    private static final class Node {
        final TreeMap<Character, Node> children = new TreeMap<>();
        boolean terminal;
        int id;
    }

    static TermTrie of(Collection<String> terms) {
        Node root = new Node();
        int nodes = 1;
        for (String term : terms) {
            Node node = root;
            for (int i = 0; i < term.length(); i++) {
                Node child = node.children.get(term.charAt(i));
                if (child == null) {
                    child = new Node();
                    node.children.put(term.charAt(i), child);
                    nodes++;
                }
                node = child;
            }
            node.terminal = true;
        }
        int[] firstEdge = new int[nodes + 1];
        char[] edgeChar = new char[nodes - 1];
        int[] edgeTarget = new int[nodes - 1];
        boolean[] terminal = new boolean[nodes];
        Deque<Node> queue = new ArrayDeque<>();
        queue.add(root);
        int nextId = 1;
        int edge = 0;
        for (int id = 0; !queue.isEmpty(); id++) {
            Node node = queue.poll();
            terminal[id] = node.terminal;
            firstEdge[id] = edge;
            for (var child : node.children.entrySet()) {
                child.getValue().id = nextId++;
                edgeChar[edge] = child.getKey();
                edgeTarget[edge++] = child.getValue().id;
                queue.add(child.getValue());
            }
        }
        firstEdge[nodes] = edge;
        return new TermTrie(firstEdge, edgeChar, edgeTarget, terminal);
    }

    int nodeCount() {
        return terminal.length;
    }

    boolean contains(String text) {
        int node = 0;
        for (int i = 0; i < text.length() && node >= 0; i++) {
            node = child(node, text.charAt(i));
        }
        return node >= 0 && terminal[node];
    }

    /** Length of the longest term that the text at {@code start} spells exactly, or 0 when none. */
    int longestExactMatch(String text, int start) {
        int longest = 0;
        int node = 0;
        for (int pos = start; pos < text.length(); pos++) {
            node = child(node, text.charAt(pos));
            if (node < 0) {
                break;
            }
            if (terminal[node] && pos + 1 - start >= MINIMUM_MATCH) {
                longest = pos + 1 - start;
            }
        }
        return longest;
    }

    /** Length of the longest match within one edit starting at {@code start}, or 0 when none. */
    int longestFuzzyMatch(String text, int start) {
        int end = search(text, start, start, 0, 0, false);
        return end < 0 ? 0 : end - start;
    }

    private int search(String text, int start, int pos, int node, int depth, boolean edited) {
        int best = -1;
        if (terminal[node] && pos - start >= MINIMUM_MATCH && (!edited || depth >= MINIMUM_FUZZY_TERM)) {
            best = pos;
        }
        if (pos < text.length()) {
            int next = child(node, text.charAt(pos));
            if (next >= 0) {
                best = Math.max(best, search(text, start, pos + 1, next, depth + 1, edited));
            }
        }
        if (edited) {
            return best;
        }
        for (int e = firstEdge[node]; e < firstEdge[node + 1]; e++) {
            // The term has a character the text lacks.
            best = Math.max(best, search(text, start, pos, edgeTarget[e], depth + 1, true));
            if (pos < text.length() && edgeChar[e] != text.charAt(pos)) {
                // One character changed.
                best = Math.max(best, search(text, start, pos + 1, edgeTarget[e], depth + 1, true));
            }
        }
        if (pos > start && pos + 1 < text.length()) {
            // The text has a character the term lacks, inside the term: skip it and go on matching.
            int next = child(node, text.charAt(pos + 1));
            if (next >= 0) {
                best = Math.max(best, search(text, start, pos + 2, next, depth + 1, true));
            }
        }
        return best;
    }

    private int child(int node, char c) {
        int low = firstEdge[node];
        int high = firstEdge[node + 1] - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            char found = edgeChar[mid];
            if (found < c) {
                low = mid + 1;
            } else if (found > c) {
                high = mid - 1;
            } else {
                return edgeTarget[mid];
            }
        }
        return -1;
    }
}
