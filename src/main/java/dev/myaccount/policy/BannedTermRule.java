package dev.myaccount.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Microsoft Entra's evaluation, with one step further: a password needs five points (a banned term
 * found is one, every other character one), and, whatever its points, it may not be made of the
 * person's or the organisation's names for half or more of its characters ("Contoso2026!" at Contoso). A
 * run of digits is one point (see {@link TermScan}), and sprayers' first words are banned terms.
 * A refusal says which kinds of terms it leaned on, never the terms.
 */
final class BannedTermRule {

    static final int POINTS_NEEDED = 5;

    record Result(List<PolicyReason> reasons, int points) {
    }

    /** The lists every organisation shares: sprayers' first words and leaked passwords. */
    record GlobalTerms(TermTrie sprayed, TermTrie leaked) {
    }

    Result evaluate(Candidate candidate, ContextTerms context, GlobalTerms global, TermTrie organisationTerms) {
        Map<TermKind, TermTrie> names = new EnumMap<>(TermKind.class);
        names.put(TermKind.PERSON_NAME, TermTrie.of(context.person()));
        names.put(TermKind.ORGANISATION_NAME, TermTrie.of(context.organisation()));
        Map<TermKind, TermTrie> all = new EnumMap<>(names);
        all.put(TermKind.ORGANISATION_TERM, organisationTerms);
        all.put(TermKind.SPRAYED_WORD, global.sprayed());
        all.put(TermKind.LEAKED_PASSWORD, global.leaked());

        TermScan scan = TermScan.of(candidate.lower(), candidate.folded(), all);
        List<PolicyReason> reasons = new ArrayList<>();
        if (scan.points() < POINTS_NEEDED) {
            Set<String> codes = new LinkedHashSet<>();
            scan.kindsFound().forEach(kind -> codes.add(kind.reasonCode()));
            // A sprayed word inside a longer leaked password ("welcome1") is still the reason to name.
            if (SprayedWords.occursIn(global.sprayed(), candidate.folded())) {
                codes.add(TermKind.SPRAYED_WORD.reasonCode());
            }
            if (scan.digitRunFound()) {
                codes.add("digits-one-token");
            }
            reasons.add(PolicyReason.of(PolicyCheck.PREDICTABLE, "predictable"));
            codes.forEach(code -> reasons.add(PolicyReason.of(PolicyCheck.PREDICTABLE, code)));
        }
        TermScan nameScan = TermScan.of(candidate.lower(), candidate.folded(), names);
        if (!candidate.folded().isEmpty() && nameScan.charactersInTerms() * 2 >= candidate.folded().length()) {
            reasons.add(PolicyReason.of(PolicyCheck.PREDICTABLE, "mostly-names"));
        }
        return new Result(reasons, scan.points());
    }
}
