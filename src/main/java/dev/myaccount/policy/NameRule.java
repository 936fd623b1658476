package dev.myaccount.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Whatever its points, a password may not be made of the person's or the organisation's names for half
 * or more of its characters ("Contoso2026!" at Contoso), where Entra's score alone would let it through.
 */
final class NameRule implements PasswordRule {

    @Override
    public List<PolicyReason> evaluate(Candidate candidate) {
        Map<TermKind, TermTrie> names = new EnumMap<>(TermKind.class);
        names.put(TermKind.PERSON_NAME, candidate.terms().get(TermKind.PERSON_NAME));
        names.put(TermKind.ORGANISATION_NAME, candidate.terms().get(TermKind.ORGANISATION_NAME));
        TermScan scan = TermScan.of(candidate.lower(), candidate.folded(), names);
        boolean mostlyNames = !candidate.folded().isEmpty()
                && scan.charactersInTerms() * 2 >= candidate.folded().length();
        return mostlyNames ? List.of(PolicyReason.of(PolicyCheck.PREDICTABLE, "mostly-names")) : List.of();
    }
}
