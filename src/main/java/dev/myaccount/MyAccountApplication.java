package dev.myaccount;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.myaccount.cli.AdminCommands;
import dev.myaccount.cli.PolicyCheckCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class MyAccountApplication {

    static {
        // The embedded database's AUTO_SERVER port serves only this machine's commands, never the network.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        Cryptography.install();
    }

    public static void main(String[] args) {
        if (AdminCommands.handles(args)) {
            System.exit(AdminCommands.run(MyAccountApplication.class, args));
        }
        if (PolicyCheckCommand.handles(args)) {
            System.exit(PolicyCheckCommand.run(args, System.in, System.out));
        }
        if (args.length > 0 && !args[0].startsWith("-")) {
            System.err.println(noSuchCommand(args[0]));
            System.exit(2);
        }
        SpringApplication.run(MyAccountApplication.class, withDemoSwitch(args));
    }

    /** The answer to a first argument that is no command and no option: a typo must not start a whole portal. */
    static String noSuchCommand(String word) {
        List<String> commands = new ArrayList<>(AdminCommands.names());
        commands.add(PolicyCheckCommand.NAME);
        return "There is no command '" + word + "'. The commands are: " + String.join(", ", commands)
                + ". Without one (or with options only, such as --demo) the portal starts.";
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
