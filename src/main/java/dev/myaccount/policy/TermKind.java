package dev.myaccount.policy;

/**
 * Where a banned term comes from, in the order that wins when two match equally long at one place.
 * Names, the organisation's terms and the few dozen words sprayers try first match within one edit, as in Entra,
 * so that a digit for a letter that folding reads otherwise ("Vr1jdag", "Apr1l") does not hide them. Leaked
 * passwords match only as spelled (after folding look-alikes): one edit from any of 30,000 of them covers most
 * short runs of letters, and would take points from random passwords that nobody would guess.
 */
enum TermKind {
    PERSON_NAME("contains-name", true),
    ORGANISATION_NAME("contains-organisation-name", true),
    ORGANISATION_TERM("banned-term", true),
    SPRAYED_WORD("sprayed-word", true),
    LEAKED_PASSWORD("common-word", false);

    private final String reasonCode;
    private final boolean fuzzy;

    TermKind(String reasonCode, boolean fuzzy) {
        this.reasonCode = reasonCode;
        this.fuzzy = fuzzy;
    }

    String reasonCode() {
        return reasonCode;
    }

    int longestMatch(TermTrie terms, String text, int start) {
        return fuzzy ? terms.longestFuzzyMatch(text, start) : terms.longestExactMatch(text, start);
    }
}
