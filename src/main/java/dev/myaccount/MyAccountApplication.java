package dev.myaccount;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import dev.myaccount.admin.AdminCommands;
import dev.myaccount.policy.PolicyCheckCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MyAccountApplication {

    static {
        // The embedded database's AUTO_SERVER port serves only this machine's commands, never the network.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    public static void main(String[] args) {
        if (AdminCommands.handles(args)) {
            System.exit(AdminCommands.run(MyAccountApplication.class, args));
        }
        if (PolicyCheckCommand.handles(args)) {
            System.exit(PolicyCheckCommand.run(args, System.in, System.out));
        }
        SpringApplication.run(MyAccountApplication.class, withDemoSwitch(args));
    }

    /** {@code --demo} is the short form of {@code --myaccount.demo.enabled=true}. */
    static String[] withDemoSwitch(String[] args) {
        return Arrays.stream(args).map(arg -> arg.equals("--demo") ? "--myaccount.demo.enabled=true" : arg)
                .toArray(String[]::new);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
