package dev.myaccount.support;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import dev.myaccount.MyAccountApplication;

/** Another portal node on the same database as a test's portal, as a second node of a cluster would run. */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a node sharing the database of the portal whose settings are {@code first}. */
    public static SecondNode beside(Environment first, String... extraArguments) {
        String[] arguments = {"--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + first.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + first.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + first.getProperty("spring.datasource.password", ""),
                "--myaccount.signin.failures-per-address="
                        + first.getProperty("myaccount.signin.failures-per-address"),
                "--myaccount.security-info.key=" + first.getProperty("myaccount.security-info.key"),
                "--myaccount.password-hashing.memory-kib=" + first.getProperty("myaccount.password-hashing.memory-kib"),
                "--myaccount.password-hashing.iterations=" + first.getProperty("myaccount.password-hashing.iterations")};
        String[] all = java.util.Arrays.copyOf(arguments, arguments.length + extraArguments.length);
        System.arraycopy(extraArguments, 0, all, arguments.length, extraArguments.length);
        return new SecondNode(new SpringApplicationBuilder(MyAccountApplication.class).run(all));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }
}
