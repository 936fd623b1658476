package dev.myaccount.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Microsoft Entra's scoring, on its documented example (banned terms "contoso" and "blank"), with one
 * difference: a run of digits is one point, so "C0ntos0Blank12" scores 3 here where Entra counts 4.
 */
class TermScanTest {

    private static final Map<TermKind, TermTrie> CONTOSO = Map.of(TermKind.ORGANISATION_TERM,
            TermTrie.of(List.of("contoso", "blank")));

    @ParameterizedTest(name = "\"{0}\" → {1} points")
    @CsvSource(delimiter = '|', textBlock = """
            C0ntos0Blank12    | 3 | 12
            ContoS0Bl@nkf9!   | 5 | 12
            contosoblank      | 2 | 12
            kontosoblanc      | 2 | 12
            contoooso         | 3 | 7
            cntoso12          | 2 | 6
            xyz2026           | 4 | 0
            a123456789b       | 11 | 0
            xyz               | 3 | 0
            """)
    void aTermFoundIsOnePointAndEveryOtherCharacterOne(String password, int points, int inTerms) {
        TermScan scan = TermScan.of(password.toLowerCase(Locale.ROOT), LookAlikes.fold(password), CONTOSO);

        assertThat(scan.points()).isEqualTo(points);
        assertThat(scan.charactersInTerms()).isEqualTo(inTerms);
    }
}
