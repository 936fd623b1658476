package dev.myaccount.policy;

import static dev.myaccount.policy.PolicyFixtures.POLICY;
import static dev.myaccount.policy.PolicyFixtures.adele;
import static dev.myaccount.policy.PolicyFixtures.adeleWith;
import static dev.myaccount.policy.PolicyFixtures.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LengthRuleTest {

    private static List<String> lengthCodes(String candidate, PolicyContext context) {
        return POLICY.evaluate(candidate, context).reasons().stream()
                .filter(reason -> reason.check() == PolicyCheck.LENGTH).map(PolicyReason::code).toList();
    }

    // Each row repeats a unit: emoji are one character, the ﬃ ligature three, e + combining accent one (é).
    @ParameterizedTest(name = "{0} × \"{1}\" → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            7   | k                | too-short
            8   | k                | accepted
            256 | k                | accepted
            257 | k                | too-long
            40  | 'word '          | accepted
            52  | 'word '          | too-long
            7   | 🔑               | too-short
            8   | 🔑               | accepted
            256 | 🔑               | accepted
            257 | 🔑               | too-long
            4   | ﬃ                | accepted
            2   | ﬃ                | too-short
            8   | e\u0301          | accepted
            7   | e\u0301          | too-short
            """)
    void lengthIsCountedInCodePointsAfterNfkc(int times, String unit, String expected) {
        assertThat(lengthCodes(unit.repeat(times), adele()))
                .isEqualTo(expected.equals("accepted") ? List.of() : List.of(expected));
    }

    @Test
    void aRefusalCarriesTheLimitForItsMessage() {
        assertThat(POLICY.evaluate("short", adele()).reasons())
                .contains(new PolicyReason(PolicyCheck.LENGTH, "too-short", List.of(8)));
    }

    @Test
    void longPassphrasesAreAccepted() {
        String sixtyFour = "the quiet lighthouse keeper paints seagulls every tuesday at ten";
        assertThat(sixtyFour).hasSize(64);
        assertThat(codes(POLICY.evaluate(sixtyFour, adele()))).isEmpty();
        String twoHundred = ("amber walrus juggles " + "violet kettles near frosty docks; ").repeat(4).substring(0, 200);
        assertThat(codes(POLICY.evaluate(twoHundred, adele()))).isEmpty();
    }

    @Test
    void nistLengthsAsk15CharactersOfAPasswordOnlyAccount() {
        PolicySettings nist = new PolicySettings(8, 256, true, false, 5, 0);
        PolicyContext passwordOnly = adeleWith(nist);
        PolicyContext withSecondFactor = new PolicyContext(passwordOnly.upn(), passwordOnly.displayName(),
                passwordOnly.givenName(), passwordOnly.surname(), passwordOnly.organisationName(),
                passwordOnly.organisationDomain(), true, nist, passwordOnly.bannedTerms(), passwordOnly.usedBefore());

        assertThat(lengthCodes("fjord-kiwi-lamp", passwordOnly)).isEmpty();
        assertThat(lengthCodes("fjord-kiwi-lam", passwordOnly)).containsExactly("too-short");
        assertThat(lengthCodes("fjord-kiwi-lam", withSecondFactor)).isEmpty();
    }
}
