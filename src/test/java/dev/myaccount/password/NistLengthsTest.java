package dev.myaccount.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/** With NIST lengths on, 15 characters are asked only of an account that signs in with its password alone. */
@PortalTest
class NistLengthsTest extends PortalTestCase {

    private static final String TWELVE_CHARACTERS = "Quiet:harbor";
    private static final String FIFTEEN_RULE = "Use at least 15 characters.";

    private Person person;
    private PortalClient browser;

    @BeforeEach
    void organisationWithNistLengths() {
        person = people.create();
        jdbc.sql("""
                insert into organisation_password_policy (organisation_id, minimum_length, maximum_length,
                    nist_lengths, three_character_kinds, history_count, minimum_strength)
                values (?, 8, 256, true, false, 0, 0)""").param(people.organisationOf(person)).update();
        browser = signedIn(person);
    }

    @Test
    void aPasswordOnlyAccountNeedsFifteenCharacters() {
        assertThat(lengthOnTheChecklist()).startsWith("15 to 256");
        assertThat(newPasswordErrors(TWELVE_CHARACTERS)).containsExactly(FIFTEEN_RULE);
    }

    @Test
    void anAccountWithASecondFactorNeedsOnlyTheOrganisationsMinimum() {
        methods.addAuthenticator(person.id());

        assertThat(lengthOnTheChecklist()).startsWith("8 to 256");
        assertThat(newPasswordErrors(TWELVE_CHARACTERS)).isEmpty();
        assertThat(new PortalClient(port).signIn(person.upn(), TWELVE_CHARACTERS).location()).isPresent()
                .get().asString().doesNotContain("error");
    }

    private String lengthOnTheChecklist() {
        return browser.get("/password").page().select("#policy [data-check=LENGTH] .rule").text();
    }

    private List<String> newPasswordErrors(String password) {
        return browser.submit(browser.get("/password").page(), "form[action=/password]",
                Map.of("currentPassword", person.password(), "newPassword", password, "confirmPassword", password))
                .page().select("#newPassword-errors li").eachText();
    }
}
