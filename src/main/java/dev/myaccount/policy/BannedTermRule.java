package dev.myaccount.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Microsoft Entra's evaluation, with one step further: a password needs five points (a banned term
 * found is one, every other character one), and, whatever its points, it may not be made of the
 * person's or the organisation's names for half or more of its characters ("Contoso2026!" at Contoso).
 * A refusal says which kinds of terms it leaned on, never the terms.
 */
final class BannedTermRule {

    static final int POINTS_NEEDED = 5;

    record Result(List<PolicyReason> reasons, int points) {
    }

    Result evaluate(Candidate candidate, ContextTerms context, TermTrie leaked, TermTrie organisationTerms) {
        Map<TermKind, TermTrie> names = new EnumMap<>(TermKind.class);
        names.put(TermKind.PERSON_NAME, TermTrie.of(context.person()));
        names.put(TermKind.ORGANISATION_NAME, TermTrie.of(context.organisation()));
        Map<TermKind, TermTrie> all = new EnumMap<>(names);
        all.put(TermKind.ORGANISATION_TERM, organisationTerms);
        all.put(TermKind.LEAKED_PASSWORD, leaked);

        TermScan scan = TermScan.of(candidate.folded(), all);
        List<PolicyReason> reasons = new ArrayList<>();
        if (scan.points() < POINTS_NEEDED) {
            reasons.add(PolicyReason.of(PolicyCheck.PREDICTABLE, "predictable"));
            scan.kindsFound().forEach(kind -> reasons.add(PolicyReason.of(PolicyCheck.PREDICTABLE, kind.reasonCode())));
        }
        TermScan nameScan = TermScan.of(candidate.folded(), names);
        if (!candidate.folded().isEmpty() && nameScan.charactersInTerms() * 2 >= candidate.folded().length()) {
            reasons.add(PolicyReason.of(PolicyCheck.PREDICTABLE, "mostly-names"));
        }
        return new Result(reasons, scan.points());
    }
}
