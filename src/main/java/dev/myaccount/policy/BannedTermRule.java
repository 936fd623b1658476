package dev.myaccount.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Microsoft Entra's evaluation, one step further: a password needs five points, where a banned term
 * found is one point, a run of digits is one point (see {@link TermScan}) and every other character one.
 * A refusal says which kinds of terms it leaned on, never the terms.
 */
final class BannedTermRule implements PasswordRule {

    static final int POINTS_NEEDED = 5;

    @Override
    public List<PolicyReason> evaluate(Candidate candidate) {
        TermScan scan = candidate.scan();
        if (scan.points() >= POINTS_NEEDED) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        scan.kindsFound().forEach(kind -> codes.add(kind.reasonCode()));
        // A sprayed word inside a longer leaked password ("welcome1") is still the reason to name.
        if (SprayedWords.occursIn(candidate.terms().get(TermKind.SPRAYED_WORD), candidate.folded())) {
            codes.add(TermKind.SPRAYED_WORD.reasonCode());
        }
        if (scan.digitRunFound()) {
            codes.add("digits-one-token");
        }
        List<PolicyReason> reasons = new ArrayList<>();
        reasons.add(PolicyReason.of(PolicyCheck.PREDICTABLE, "predictable"));
        codes.forEach(code -> reasons.add(PolicyReason.of(PolicyCheck.PREDICTABLE, code)));
        return reasons;
    }
}
