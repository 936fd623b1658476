package dev.myaccount.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHashingTest {

    private final PasswordEncoder owasp = PasswordHashingConfiguration.argon2id(owaspParameters());

    static HashingProperties owaspParameters() {
        return new HashingProperties(19456, 2, 1, 0, 64, java.time.Duration.ofSeconds(5));
    }

    @Test
    void hashesAreArgon2idPhcStringsWithOwaspParametersBehindAnId() {
        String hash = owasp.encode("correct horse battery staple");

        assertThat(hash).startsWith("{argon2id}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(owasp.matches("correct horse battery staple", hash)).isTrue();
        assertThat(owasp.matches("correct horse battery stapler", hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(owasp.encode("same password")).isNotEqualTo(owasp.encode("same password"));
    }

    @Test
    void aPasswordTypedInAnotherUnicodeFormIsTheSamePassword() {
        String composed = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e";
        String decomposed = "cafe\u0301 cre\u0300me bru\u0302le\u0301e";
        String fullWidthDigits = "pin \uff11\uff12\uff13\uff14";

        assertThat(owasp.matches(decomposed, owasp.encode(composed))).isTrue();
        assertThat(owasp.matches("pin 1234", owasp.encode(fullWidthDigits))).isTrue();
    }

    @Test
    void aHashWithWeakerParametersIsMarkedForUpgrade() {
        PasswordEncoder weaker = PasswordHashingConfiguration.argon2id(
                new HashingProperties(4096, 1, 1, 0, 64, java.time.Duration.ofSeconds(5)));

        assertThat(owasp.upgradeEncoding(weaker.encode("some password"))).isTrue();
        assertThat(owasp.upgradeEncoding(owasp.encode("some password"))).isFalse();
    }
}
