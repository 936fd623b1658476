package dev.myaccount.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import picocli.CommandLine;

import dev.myaccount.apps.Apps;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.directory.Directories;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Passwords;
import dev.myaccount.people.People;
import dev.myaccount.scim.ScimClients;

/**
 * Commands of the application's jar for IT, run against the configured database (set with the same
 * {@code MYACCOUNT_*} and {@code SPRING_DATASOURCE_*} variables as the portal) without serving pages.
 */
public final class AdminCommands {

    private static final Set<String> COMMANDS = Set.of("create-admin", "add-person", "reset-password", "unlock",
            "access-pass", "scim-token", "app", "directory");

    private AdminCommands() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** The commands' names, in order, for the answer to a word that is none of them. */
    public static List<String> names() {
        return COMMANDS.stream().sorted().toList();
    }

    /** Runs the command in {@code args} against the database of {@code application}, the portal's own class. */
    public static int run(Class<?> application, String[] args) {
        // Port -1 builds the whole application, migrations included, but opens no port (the portal may be
        // running beside it); only errors are logged, so that the command's own words stand out.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .run("--server.port=-1", "--management.server.port=-1", "--spring.main.banner-mode=off",
                        "--logging.level.root=error")) {
            return execute(context, args);
        }
    }

    /** Runs the command in {@code args} with the services of a built application, reading standard input. */
    static int execute(ApplicationContext context, String[] args) {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        DirectoryService directory = context.getBean(DirectoryService.class);
        People people = context.getBean(People.class);
        Object command = switch (args[0]) {
            case "create-admin" -> new CreateAdminCommand(directory, context.getBean(Passwords.class),
                    context.getBean(PasswordEncoder.class), context.getBean(TransactionTemplate.class),
                    context.getBean(AuditLog.class), context, stdin);
            case "add-person" -> new AddPersonCommand(directory, people, context);
            case "reset-password" -> new ResetPasswordCommand(directory, context, people);
            case "unlock" -> new UnlockCommand(directory, context, people);
            case "scim-token" -> new ScimTokenCommand(directory, context.getBean(ScimClients.class), context);
            case "app" -> new AppCommand(directory, context.getBean(Apps.class), context);
            case "directory" -> new DirectoryCommand(directory, context.getBean(Directories.class), context, stdin);
            default -> new AccessPassCommand(directory, context, people);
        };
        return new CommandLine(command).execute(Arrays.copyOfRange(args, 1, args.length));
    }
}
