package dev.myaccount.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Organisation;
import dev.myaccount.policy.PasswordPolicy;
import dev.myaccount.policy.PolicyContext;
import dev.myaccount.policy.PolicySettings;
import dev.myaccount.policy.PolicySettingsStore;
import dev.myaccount.policy.PolicyVerdict;
import dev.myaccount.signin.SignedInPerson;

/**
 * An organisation's password protection, as its admin sets it: the policy's numbers and the organisation's
 * own banned terms (up to 1,000 of 4 to 16 characters, as Entra allows), checked whole before anything is
 * stored, and a trial of a password against them that stores nothing.
 */
@Service
class PasswordProtection {

    static final int SHORTEST_MINIMUM = 8;
    static final int LONGEST_MINIMUM = 64;
    static final int LONGEST_MAXIMUM = 256;
    static final int MOST_HISTORY = 24;
    static final int STRONGEST = 4;

    /** The form: the numbers as typed, the terms one a line. */
    record Form(String minimumLength, String maximumLength, Boolean nistLengths, Boolean threeCharacterKinds,
            String historyCount, String minimumStrength, String bannedTerms) {

        /** An unticked box is not sent at all. */
        Form {
            nistLengths = Boolean.TRUE.equals(nistLengths);
            threeCharacterKinds = Boolean.TRUE.equals(threeCharacterKinds);
            bannedTerms = bannedTerms == null ? "" : bannedTerms;
        }

        static Form of(PolicySettings settings, List<String> terms) {
            return new Form(String.valueOf(settings.minimumLength()), String.valueOf(settings.maximumLength()),
                    settings.nistLengths(), settings.threeCharacterKinds(), String.valueOf(settings.historyCount()),
                    String.valueOf(settings.minimumStrength()), String.join("\n", terms));
        }
    }

    /** What is wrong with a field: its name and the message key with arguments. */
    record Problem(String field, String messageKey, Object... arguments) {
    }

    private final PolicySettingsStore store;
    private final PasswordPolicy policy;
    private final DirectoryService directory;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    PasswordProtection(PolicySettingsStore store, PasswordPolicy policy, DirectoryService directory, AuditLog audit,
            TransactionTemplate transaction) {
        this.store = store;
        this.policy = policy;
        this.directory = directory;
        this.audit = audit;
        this.transaction = transaction;
    }

    Form current(SignedInPerson admin) {
        return Form.of(store.settings(admin.organisationId()), store.bannedTerms(admin.organisationId()));
    }

    PolicySettings settings(SignedInPerson admin) {
        return store.settings(admin.organisationId());
    }

    /** Stores the form when all of it is right; otherwise the problems, and nothing changed. */
    List<Problem> save(SignedInPerson admin, Form form, RequestOrigin origin) {
        List<Problem> problems = new ArrayList<>();
        int minimum = number(form.minimumLength(), SHORTEST_MINIMUM, LONGEST_MINIMUM, "minimumLength", problems);
        int maximum = number(form.maximumLength(), LONGEST_MINIMUM, LONGEST_MAXIMUM,
                "maximumLength", problems);
        int history = number(form.historyCount(), 0, MOST_HISTORY, "historyCount", problems);
        int strength = number(form.minimumStrength(), 0, STRONGEST, "minimumStrength", problems);
        List<String> terms = Arrays.stream(form.bannedTerms().split("\\R")).map(String::strip)
                .filter(term -> !term.isEmpty()).map(term -> term.toLowerCase(Locale.ROOT)).distinct().toList();
        terms.stream().filter(term -> term.length() < PolicySettingsStore.SHORTEST_BANNED_TERM
                || term.length() > PolicySettingsStore.LONGEST_BANNED_TERM
                || term.codePoints().anyMatch(Character::isISOControl)).findFirst()
                .ifPresent(term -> problems.add(new Problem("bannedTerms", "admin.policy.error.term",
                        PolicySettingsStore.SHORTEST_BANNED_TERM, PolicySettingsStore.LONGEST_BANNED_TERM)));
        if (terms.size() > PolicySettingsStore.MOST_BANNED_TERMS) {
            problems.add(new Problem("bannedTerms", "admin.policy.error.terms", PolicySettingsStore.MOST_BANNED_TERMS));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        PolicySettings settings = new PolicySettings(minimum, maximum, form.nistLengths(), form.threeCharacterKinds(),
                history, strength);
        transaction.executeWithoutResult(status -> {
            store.save(admin.organisationId(), settings);
            store.replaceBannedTerms(admin.organisationId(), terms);
            audit.record(new AuditEvent(AuditEventType.PASSWORD_POLICY_CHANGED, admin.organisationId(), null, origin,
                    terms.size() + " terms", admin.accountId()));
        });
        return List.of();
    }

    /** What the organisation's policy says of a password for someone without a name yet; stores nothing. */
    PolicyVerdict trial(SignedInPerson admin, String password) {
        Organisation organisation = directory.findOrganisation(admin.organisationId()).orElseThrow();
        return policy.evaluate(password, PolicyContext.withoutHistory(null, null, null, null, organisation.name(),
                organisation.domain(), store.settings(organisation.id()), store.bannedTerms(organisation.id())));
    }

    private static int number(String typed, int lowest, int highest, String field, List<Problem> problems) {
        try {
            int value = Integer.parseInt(typed == null ? "" : typed.strip());
            if (value >= lowest && value <= highest) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, as a number out of range is
        }
        problems.add(new Problem(field, "admin.policy.error.range", lowest, highest));
        return lowest;
    }
}
