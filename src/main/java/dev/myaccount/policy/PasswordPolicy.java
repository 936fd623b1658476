package dev.myaccount.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.nulabinc.zxcvbn.Zxcvbn;

import dev.myaccount.credential.PasswordNormalisation;

/**
 * The one password policy used wherever a password is set: the Change password page, the live checklist,
 * the command line, and every flow that sets a password. It walks its list of rules, so a refusal lists
 * all of its reasons at once, and adding a rule is adding a class to the list. Two rules stand apart: a
 * password too long to be set is not scanned further, and the check against earlier passwords, which
 * costs a hash each, waits until every other rule passes.
 */
@Service
public class PasswordPolicy {

    private static final int[] STRENGTH_PREFIXES = {24, 48};
    private static final int MAXIMUM_STRENGTH = 4;
    private static final int CACHED_TERM_LISTS = 64;

    private final PolicyProperties properties;
    private final TermTrie leakedTerms;
    private final TermTrie sprayedWords = SprayedWords.load();
    private final Zxcvbn zxcvbn = new Zxcvbn();
    private final List<PasswordRule> basicRules = List.of(new LengthRule(), new CharacterRule());
    private final List<PasswordRule> rules;
    private final PasswordRule history = new HistoryRule();
    private final Map<List<String>, TermTrie> organisationTerms = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<String>, TermTrie> eldest) {
                    return size() > CACHED_TERM_LISTS;
                }
            });

    public PasswordPolicy(PolicyProperties properties) {
        this.properties = properties;
        LeakedPasswords leaked = LeakedPasswords.load(properties.extraBannedList());
        this.leakedTerms = leaked.terms();
        this.rules = List.of(new LeakedPasswordRule(leaked), new BannedTermRule(), new NameRule(), new PatternRule(),
                new StrengthRule());
    }

    /** The settings of an organisation that has not chosen its own. */
    public PolicySettings defaults() {
        return properties.organisationDefaults();
    }

    public PolicyVerdict evaluate(String password, PolicyContext context) {
        ContextTerms names = ContextTerms.of(context);
        Candidate candidate = new Candidate(PasswordNormalisation.normalise(password), context, names,
                terms(names, context.bannedTerms()), this::strength);
        List<PolicyReason> reasons = walk(basicRules, candidate);
        if (candidate.length() > context.settings().maximumLength()) {
            // Too long to be set anyway: no need to spend time scanning it.
            return new PolicyVerdict(reasons, 0, 0);
        }
        reasons.addAll(walk(rules, candidate));
        if (reasons.isEmpty()) {
            reasons.addAll(history.evaluate(candidate));
        }
        return new PolicyVerdict(reasons, candidate.strength(), candidate.scan().points());
    }

    private static List<PolicyReason> walk(List<PasswordRule> rules, Candidate candidate) {
        List<PolicyReason> reasons = new ArrayList<>();
        rules.forEach(rule -> reasons.addAll(rule.evaluate(candidate)));
        return reasons;
    }

    /** Every list of banned terms for this candidate, in {@link TermKind} order. */
    private Map<TermKind, TermTrie> terms(ContextTerms names, List<String> bannedTerms) {
        Map<TermKind, TermTrie> terms = new EnumMap<>(TermKind.class);
        terms.put(TermKind.PERSON_NAME, TermTrie.of(names.person()));
        terms.put(TermKind.ORGANISATION_NAME, TermTrie.of(names.organisation()));
        terms.put(TermKind.ORGANISATION_TERM, organisationTerms.computeIfAbsent(List.copyOf(bannedTerms),
                PasswordPolicy::trie));
        terms.put(TermKind.SPRAYED_WORD, sprayedWords);
        terms.put(TermKind.LEAKED_PASSWORD, leakedTerms);
        return terms;
    }

    /**
     * zxcvbn's time grows much faster than the length of what it reads (here about 0.4 ms for 24
     * characters, 2.5 ms for 48, 20 ms for 100), and its score stops at 4. So it reads the first 24
     * characters, and the first 48 only when 24 do not already score 4; the other rules read everything.
     */
    private int strength(Candidate candidate) {
        String text = candidate.text();
        int score = 0;
        for (int limit : STRENGTH_PREFIXES) {
            int length = Math.min(candidate.length(), limit);
            score = zxcvbn.measure(text.substring(0, text.offsetByCodePoints(0, length)), candidate.names().all())
                    .getScore();
            if (score == MAXIMUM_STRENGTH || length == candidate.length()) {
                break;
            }
        }
        return score;
    }

    private static TermTrie trie(List<String> terms) {
        return TermTrie.of(terms.stream().map(term -> LookAlikes.fold(PasswordNormalisation.normalise(term))).toList());
    }
}
