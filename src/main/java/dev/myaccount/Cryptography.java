package dev.myaccount;

import java.security.Security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

/**
 * Puts AWS-LC, through the Amazon Corretto Crypto Provider, first among the JCA providers where its native library
 * loads (Linux on x86-64), so that token signatures, sealed secrets and digests run as native code. The JDK's own
 * providers stay behind it for what it lacks, and carry everything where it does not load.
 */
@Configuration(proxyBeanMethods = false)
class Cryptography {

    private static final Logger log = LoggerFactory.getLogger(Cryptography.class);

    /** Why AWS-LC is not used here, or null when it is. */
    private static Throwable notLoaded;

    static void install() {
        try {
            notLoaded = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
            if (notLoaded == null) {
                AmazonCorrettoCryptoProvider.install();
            }
        } catch (LinkageError cannot) {
            notLoaded = cannot;
        }
    }

    /** The provider that signs tokens, in the health details of the management port, and once in the log. */
    @Bean
    HealthIndicator cryptographyHealthIndicator() {
        String signer = Security.getProviders()[0].getName();
        if (notLoaded == null) {
            log.info("Signing and sealing with {} {}", signer, AmazonCorrettoCryptoProvider.INSTANCE.getVersionStr());
        } else {
            log.warn("AWS-LC cannot be used here, so tokens are signed by the slower {} provider: {}", signer,
                    notLoaded.toString());
        }
        return () -> Health.up().withDetail("provider", signer).build();
    }
}
