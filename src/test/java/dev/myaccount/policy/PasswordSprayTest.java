package dev.myaccount.policy;

import static dev.myaccount.policy.PolicyFixtures.POLICY;
import static dev.myaccount.policy.PolicyFixtures.adele;
import static dev.myaccount.policy.PolicyFixtures.codes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guesses a password sprayer tries first, in English and Dutch: a season, month, weekday, "welcome"
 * or "password" with a year, a date or a few digits and symbols. Entra's five points let most through
 * (a year alone is four); here a run of digits is one token, and those words are on the shipped list.
 */
class PasswordSprayTest {

    @ParameterizedTest(name = "\"{0}\" is refused")
    @CsvSource(delimiter = '|', textBlock = """
            Welcome2025#      | sprayed-word digits-one-token
            Winter2026!       | sprayed-word digits-one-token
            Zomer2025!        | sprayed-word digits-one-token
            Welkom123!!       | sprayed-word digits-one-token
            W3lk0m2025!       | sprayed-word digits-one-token
            Wachtwoord1!      | sprayed-word
            Password2025!     | sprayed-word digits-one-token
            Maandag2024?      | sprayed-word digits-one-token
            Januari2026!      | sprayed-word digits-one-token
            Herfst24!!        | sprayed-word digits-one-token
            Summer@2025       | sprayed-word digits-one-token
            September01012025 | sprayed-word digits-one-token
            Vrijdag#13        | sprayed-word digits-one-token
            Vr1jdag2026!      | sprayed-word digits-one-token
            Apr1l2026!        | sprayed-word digits-one-token
            W1nter2026!       | sprayed-word digits-one-token
            """)
    void aSeasonMonthDayOrGreetingWithAYearOrDigitsIsRefusedWithItsReasons(String password, String reasons) {
        assertThat(codes(POLICY.evaluate(password, adele()))).contains("predictable")
                .contains(reasons.split(" "));
    }

    @ParameterizedTest(name = "\"{0}\" is accepted")
    @ValueSource(strings = {
            "winter walks along the quiet canal",
            "Zomer in Zeeland met de fiets, 2025",
            "Welkom thuis, zei de oude kat",
            "password managers beat sticky notes",
            "Mf7#qL2!vZ9p",
    })
    void aLongPassphraseThatMerelyContainsSuchAWordIsAccepted(String password) {
        assertThat(codes(POLICY.evaluate(password, adele()))).isEmpty();
    }
}
