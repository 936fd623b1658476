package dev.myaccount.policy;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The password policy of organisations that have not set their own, and the global banned list.
 *
 * @param extraBannedList a file with one banned password a line, added to the leaked-password list that
 *        ships with the portal
 */
@ConfigurationProperties("myaccount.policy")
public record PolicyProperties(
        @DefaultValue("8") int minimumLength,
        @DefaultValue("256") int maximumLength,
        @DefaultValue("false") boolean nistLengths,
        @DefaultValue("false") boolean threeCharacterKinds,
        @DefaultValue("5") int historyCount,
        @DefaultValue("0") int minimumStrength,
        Path extraBannedList) {

    public static PolicyProperties defaults() {
        return new PolicyProperties(8, 256, false, false, 5, 0, null);
    }

    public PolicySettings organisationDefaults() {
        return new PolicySettings(minimumLength, maximumLength, nistLengths, threeCharacterKinds, historyCount,
                minimumStrength);
    }
}
