package dev.myaccount.policy;

import java.util.List;

import org.springframework.stereotype.Service;

import dev.myaccount.credential.PasswordNormalisation;

/**
 * The one password policy used wherever a password is set. Every rule is evaluated, so a refusal
 * lists all of its reasons at once.
 */
@Service
public class PasswordPolicy {

    private final PolicyProperties settings;
    private final List<PasswordRule> rules;

    public PasswordPolicy(PolicyProperties settings) {
        this.settings = settings;
        this.rules = List.of(new LengthRule(settings.minimumLength(), settings.maximumLength()));
    }

    public PolicyProperties settings() {
        return settings;
    }

    public PolicyVerdict evaluate(String candidate) {
        String normalised = PasswordNormalisation.normalise(candidate);
        return new PolicyVerdict(rules.stream().flatMap(rule -> rule.evaluate(normalised).stream()).toList());
    }
}
