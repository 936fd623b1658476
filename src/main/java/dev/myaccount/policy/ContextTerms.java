package dev.myaccount.policy;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import dev.myaccount.credential.PasswordNormalisation;

/**
 * The words a person's password must not lean on: their own names and UPN, and the names of their
 * organisation, its domain and this product, folded like the password, four characters or more.
 */
record ContextTerms(Set<String> person, Set<String> organisation) {

    private static final String PRODUCT = "myaccount";
    private static final String WORD_SEPARATORS = "[\\s._@'-]+";

    static ContextTerms of(PolicyContext context) {
        String localPart = context.upn() == null ? null : context.upn().split("@", 2)[0];
        String domainLabel = context.organisationDomain() == null ? null : context.organisationDomain().split("\\.")[0];
        return new ContextTerms(
                terms(Stream.of(context.givenName(), context.surname(), context.displayName(), localPart)),
                terms(Stream.of(context.organisationName(), domainLabel, PRODUCT)));
    }

    /** Both kinds, as zxcvbn's user inputs. */
    List<String> all() {
        return Stream.concat(person.stream(), organisation.stream()).toList();
    }

    /** Each name whole (without its separators) and each of its words. */
    private static Set<String> terms(Stream<String> names) {
        Set<String> terms = new LinkedHashSet<>();
        names.filter(Objects::nonNull).map(name -> LookAlikes.fold(PasswordNormalisation.normalise(name)))
                .forEach(name -> {
                    List<String> words = Arrays.asList(name.split(WORD_SEPARATORS));
                    terms.add(String.join("", words));
                    terms.addAll(words);
                });
        terms.removeIf(term -> term.length() < TermTrie.MINIMUM_MATCH);
        return terms;
    }
}
