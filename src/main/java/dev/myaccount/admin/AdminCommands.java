package dev.myaccount.admin;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import picocli.CommandLine;

import dev.myaccount.audit.AuditLog;
import dev.myaccount.directory.DirectoryService;
import dev.myaccount.policy.PasswordPolicy;

/**
 * Commands of the application's jar for IT, run against the configured database (set with the same
 * {@code MYACCOUNT_*} and {@code SPRING_DATASOURCE_*} variables as the portal) without serving pages.
 */
public final class AdminCommands {

    private static final String CREATE_ADMIN = "create-admin";

    private AdminCommands() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals(CREATE_ADMIN);
    }

    /** Runs the command in {@code args} against the database of {@code application}, the portal's own class. */
    public static int run(Class<?> application, String[] args) {
        // server.port=-1 builds the whole application, migrations included, but opens no port; only errors
        // are logged, so that the command's own words stand out.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .run("--server.port=-1", "--spring.main.banner-mode=off", "--logging.level.root=error")) {
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            CreateAdminCommand command = new CreateAdminCommand(context.getBean(DirectoryService.class),
                    context.getBean(PasswordPolicy.class), context.getBean(PasswordEncoder.class),
                    context.getBean(TransactionTemplate.class), context.getBean(AuditLog.class), context, stdin);
            return new CommandLine(command).execute(Arrays.copyOfRange(args, 1, args.length));
        }
    }
}
