package dev.myaccount.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LengthRuleTest {

    private final PasswordPolicy policy = new PasswordPolicy(new PolicyProperties(8, 256));

    @ParameterizedTest(name = "{0} × \"{1}\" → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            7   | a                | too-short
            8   | a                | accepted
            256 | a                | accepted
            257 | a                | too-long
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
    // Each row repeats a unit: emoji are one character, the ﬃ ligature three, e + combining accent one (é).
    void lengthIsCountedInCodePointsAfterNfkc(int times, String unit, String expected) {
        List<String> codes = policy.evaluate(unit.repeat(times)).reasons().stream().map(PolicyReason::code).toList();

        assertThat(codes).isEqualTo(expected.equals("accepted") ? List.of() : List.of(expected));
    }

    @Test
    void aRefusalCarriesTheLimitForItsMessage() {
        assertThat(policy.evaluate("short").reasons())
                .containsExactly(new PolicyReason("too-short", List.of(8)));
    }
}
