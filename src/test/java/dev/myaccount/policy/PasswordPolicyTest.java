package dev.myaccount.policy;

import static dev.myaccount.policy.PolicyFixtures.POLICY;
import static dev.myaccount.policy.PolicyFixtures.adele;
import static dev.myaccount.policy.PolicyFixtures.adeleWith;
import static dev.myaccount.policy.PolicyFixtures.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    @Test
    void microsoftsDocumentedExamplesAreRefusedAndAccepted() {
        // With the leaked list too, "blank1" (a leaked password) takes "Blank1" whole: 3 points, not Entra's 4
        // (TermScanTest has Entra's own count); and at Contoso, "contoso" is the organisation's name first.
        PolicyVerdict refused = POLICY.evaluate("C0ntos0Blank12", adele(List.of("contoso", "blank")));
        assertThat(refused.points()).isEqualTo(3);
        assertThat(codes(refused)).contains("predictable", "contains-organisation-name", "common-word");

        PolicyVerdict accepted = POLICY.evaluate("ContoS0Bl@nkf9!", adele(List.of("contoso", "blank")));
        assertThat(accepted.points()).isEqualTo(5);
        assertThat(codes(accepted)).doesNotContain("predictable");
    }

    @Test
    void aLeakedPasswordIsRefusedWhateverItsScore() {
        // Long enough and with enough points, but on the leaked list: Entra's score alone would let it through.
        PolicyVerdict verdict = POLICY.evaluate("iloveyou2", adele(List.of()));
        assertThat(codes(verdict)).contains("leaked");
        assertThat(codes(POLICY.evaluate("P@ssw0rd", adele()))).contains("leaked");
        assertThat(codes(POLICY.evaluate("QWERTYUIOP", adele()))).contains("leaked");
    }

    @Test
    void theOrganisationsNameMakingUpMostOfThePasswordIsRefused() {
        assertThat(codes(POLICY.evaluate("Contoso2026!", adele(List.of())))).contains("mostly-names");
        assertThat(codes(POLICY.evaluate("AdeleVance#1", adele(List.of())))).contains("mostly-names");
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Adele#12         | contains-name
            Vanc3-x7         | contains-name
            myaccount#1      | contains-organisation-name
            Bl4nk-k9         | banned-term
            bl@nks#2         | banned-term
            monkey#dragon    | common-word
            """)
    void aPredictableRefusalSaysWhatItLeanedOn(String password, String reason) {
        assertThat(codes(POLICY.evaluate(password, adele()))).contains("predictable", reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            aaaaaaaaaaaa
            12345678
            abcdefghij
            qwertyuiopas
            zyxwvutsrq
            xk3!xk3!xk3!
            98769876
            """)
    void repeatsAndSequencesAreRefused(String password) {
        assertThat(codes(POLICY.evaluate(password, adele()))).contains("repetitive");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            correct horse battery staple
            Mf7#qL2!vZ9p
            the quiet lighthouse keeper paints seagulls
            Ons kantoor aan de gracht heeft vijf katten
            Smørrebrød på fredag 🍞🧈
            """)
    void strongPasswordsAndPassphrasesAreAccepted(String password) {
        assertThat(codes(POLICY.evaluate(password, adele()))).isEmpty();
    }

    @Test
    void controlCharactersAreRefusedButSpacesAndEmojiAreNot() {
        assertThat(codes(POLICY.evaluate("tabs\tare not ok here", adele()))).contains("control-character");
        assertThat(codes(POLICY.evaluate("line\nbreaks are not either", adele()))).contains("control-character");
        assertThat(codes(POLICY.evaluate("spaces 🎉 are fine, juggling hippos", adele()))).isEmpty();
    }

    @Test
    void threeCharacterKindsOnlyWhenTheOrganisationAsks() {
        PolicySettings kinds = new PolicySettings(8, 256, false, true, 5, 0);
        assertThat(codes(POLICY.evaluate("purple hippos juggling", adeleWith(kinds)))).contains("character-kinds");
        assertThat(codes(POLICY.evaluate("Purple hippos juggling", adeleWith(kinds)))).doesNotContain("character-kinds");
        assertThat(codes(POLICY.evaluate("purple hippos juggling", adele()))).doesNotContain("character-kinds");
    }

    @Test
    void aMinimumStrengthIsAskedOnlyWhenTheOrganisationSetsOne() {
        PolicySettings strong = new PolicySettings(8, 256, false, false, 5, 4);
        assertThat(codes(POLICY.evaluate("tulip kayak", adeleWith(strong)))).contains("too-weak");
        assertThat(codes(POLICY.evaluate("tulip kayak", adele()))).doesNotContain("too-weak");
        assertThat(POLICY.evaluate("correct horse battery staple", adele()).strength()).isEqualTo(4);
    }

    @Test
    void earlierPasswordsAreAskedAboutOnlyWhenEverythingElsePasses() {
        PolicyContext base = adele();
        PolicyContext everythingUsed = new PolicyContext(base.upn(), base.displayName(), base.givenName(),
                base.surname(), base.organisationName(), base.organisationDomain(), false, base.settings(),
                base.bannedTerms(), candidate -> true);
        assertThat(codes(POLICY.evaluate("correct horse battery staple", everythingUsed))).containsExactly("used-before");
        assertThat(codes(POLICY.evaluate("short", everythingUsed))).doesNotContain("used-before");
    }

    @Test
    void reasonsNeverCarryThePasswordOrATerm() {
        PolicyVerdict verdict = POLICY.evaluate("C0ntos0Blank12", adele());
        assertThat(verdict.reasons()).allSatisfy(reason -> assertThat(reason.arguments().toString())
                .doesNotContainIgnoringCase("contoso").doesNotContainIgnoringCase("blank"));
    }

    @Test
    void aHugeInputIsRefusedForItsLengthWithoutBeingScanned() {
        char[] huge = new char[2_000_000];
        Arrays.fill(huge, 'x');
        long start = System.nanoTime();
        assertThat(codes(POLICY.evaluate(new String(huge), adele()))).containsExactly("too-long");
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }
}
