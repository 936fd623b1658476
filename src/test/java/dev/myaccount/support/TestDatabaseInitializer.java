package dev.myaccount.support;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context its own empty database, in demo mode with a known password, and no
 * practical limit of sign-ins per address unless the test class sets one (@TestPropertySource).
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DEMO_PASSWORD = "Demo passphrase for tests";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshDatabase());
        properties.put("myaccount.demo.enabled", "true");
        properties.put("myaccount.demo.password", DEMO_PASSWORD);
        // Every test signs in from 127.0.0.1; the limit per address has its own test.
        if (!context.getEnvironment().containsProperty("myaccount.signin.failures-per-address")) {
            properties.put("myaccount.signin.failures-per-address", "100000");
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-database", properties));
    }
}
