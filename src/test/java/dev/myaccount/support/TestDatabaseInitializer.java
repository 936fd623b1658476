package dev.myaccount.support;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context its own empty database, in demo mode with a known password, email and
 * text messages going to the tests' own SMTP server and SMS webhook, no practical limit of sign-ins per
 * address and cheap password hashes unless the test class sets its own (@TestPropertySource).
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DEMO_PASSWORD = "Demo passphrase for tests";

    /** The key that seals authenticator secrets, the same for every node of a test (32 bytes in base64). */
    public static final String SECURITY_INFO_KEY = "dGVzdHMgb25seSwgbm90IGEga2V5IG9mIGFueSBwb3I=";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshDatabase());
        properties.put("myaccount.demo.enabled", "true");
        properties.put("myaccount.demo.password", DEMO_PASSWORD);
        properties.put("myaccount.security-info.key", SECURITY_INFO_KEY);
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(TestMail.port()));
        properties.put("myaccount.notification.sms-webhook", TestSms.url());
        // Passkeys and SCIM's locations are bound to the public address the browser opens, so the port is chosen
        // here rather than by the server.
        int port = FreePorts.take();
        properties.put("server.port", String.valueOf(port));
        properties.put("myaccount.public-address", "http://localhost:" + port);
        properties.put("myaccount.notification.sms-headers.Authorization", "Bearer test-gateway-token");
        // Every test signs in from 127.0.0.1; the limit per address has its own test.
        unlessSet(context, properties, "myaccount.signin.failures-per-address", "100000");
        unlessSet(context, properties, "myaccount.reset.starts-per-address", "100000");
        // Directory tests read a directory when they mean to (Read now, or the schedule's turn that they call): a
        // scheduled reading between their steps would race them (a person read before Read now, a reading busy).
        unlessSet(context, properties, "myaccount.directory.check-every", "PT1H");
        // A hash at the production cost takes 20-80 ms here, and every test person and sign-in needs one; the
        // tests about hashing cost set the production numbers.
        unlessSet(context, properties, "myaccount.password-hashing.memory-kib", "1024");
        unlessSet(context, properties, "myaccount.password-hashing.iterations", "1");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-database", properties));
    }

    private static void unlessSet(ConfigurableApplicationContext context, Map<String, Object> properties, String name,
            String value) {
        if (!context.getEnvironment().containsProperty(name)) {
            properties.put(name, value);
        }
    }
}
