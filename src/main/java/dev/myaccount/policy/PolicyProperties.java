package dev.myaccount.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Defaults of the password policy, as NIST SP 800-63B allows them. */
@ConfigurationProperties("myaccount.policy")
public record PolicyProperties(
        @DefaultValue("8") int minimumLength,
        @DefaultValue("256") int maximumLength) {
}
