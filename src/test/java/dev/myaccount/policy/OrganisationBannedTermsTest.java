package dev.myaccount.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.myaccount.people.DirectoryService;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;

/** Entra's limits on an organisation's own banned terms: up to 1000 terms of 4 to 16 characters. */
@PortalTest
class OrganisationBannedTermsTest extends PortalTestCase {

    @Autowired
    PolicySettingsStore policies;

    @Autowired
    DirectoryService directory;

    @Test
    void termsAreStoredInLowerCaseOnceEach() {
        UUID organisation = newOrganisation();

        policies.replaceBannedTerms(organisation, List.of("Tailspin", "tailspin", " wingtip "));

        assertThat(policies.bannedTerms(organisation)).containsExactly("tailspin", "wingtip");
    }

    @Test
    void termsOutsideTheLimitsAreRefusedAndNothingChanges() {
        UUID organisation = newOrganisation();
        policies.replaceBannedTerms(organisation, List.of("tailspin"));

        assertThatThrownBy(() -> policies.replaceBannedTerms(organisation, List.of("abc")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policies.replaceBannedTerms(organisation, List.of("a".repeat(17))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policies.replaceBannedTerms(organisation,
                IntStream.range(0, 1001).mapToObj(i -> "term" + i).toList()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(policies.bannedTerms(organisation)).containsExactly("tailspin");
        policies.replaceBannedTerms(organisation, IntStream.range(0, 1000).mapToObj(i -> "term" + i).toList());
        assertThat(policies.bannedTerms(organisation)).hasSize(1000);
    }

    @Test
    void anOrganisationWithoutItsOwnSettingsHasTheDefaults() {
        assertThat(policies.settings(newOrganisation())).isEqualTo(new PolicySettings(8, 256, false, false, 5, 0));
    }

    private UUID newOrganisation() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return directory.createOrganisation("Tailspin " + unique, "tailspin-" + unique + ".example").id();
    }
}
