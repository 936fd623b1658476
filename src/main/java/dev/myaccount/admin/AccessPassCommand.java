package dev.myaccount.admin;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.boot.convert.DurationStyle;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.credential.AccessPasses;
import dev.myaccount.directory.Account;
import dev.myaccount.directory.DirectoryService;

@Command(name = "access-pass", mixinStandardHelpOptions = true,
        description = "Gives a person a temporary access pass to sign in with instead of a password, in place of "
                + "any pass they had, and prints it once; or revokes their pass.")
final class AccessPassCommand implements Callable<Integer> {

    @Option(names = "--upn", required = true, description = "The person's sign-in name, e.g. megan@contoso.example")
    String upn;

    @Option(names = "--lifetime", defaultValue = "1h", converter = DurationConverter.class,
            description = "How long the pass works, from 1h to 30d (default: ${DEFAULT-VALUE})")
    Duration lifetime;

    @Option(names = "--multi-use", description = "The pass works until it expires, not only once")
    boolean multiUse;

    @Option(names = "--revoke", description = "Revokes the person's pass instead of giving one")
    boolean revoke;

    @Spec
    CommandSpec spec;

    private final DirectoryService directory;
    private final AccessPasses passes;
    private final AuditLog audit;

    AccessPassCommand(DirectoryService directory, AccessPasses passes, AuditLog audit) {
        this.directory = directory;
        this.passes = passes;
        this.audit = audit;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Account> account = directory.findByUpn(DirectoryService.canonical(upn));
        if (account.isEmpty()) {
            err.println("No account has the UPN " + upn + ".");
            return 1;
        }
        Account person = account.get();
        if (revoke) {
            if (!passes.revoke(person.id())) {
                out.println(person.upn() + " had no temporary access pass.");
                return 0;
            }
            audit.record(AuditEvent.of(AuditEventType.ACCESS_PASS_REVOKED, person.organisationId(), person.id(),
                    AdminCommands.COMMAND_LINE));
            out.println("The temporary access pass of " + person.upn() + " was revoked.");
            return 0;
        }
        if (!person.enabled()) {
            err.println(person.upn() + " is disabled; a pass would not let them sign in.");
            return 1;
        }
        if (!AccessPasses.allowedLifetime(lifetime)) {
            err.println("A pass lives from 1h to 30d.");
            return 1;
        }
        AccessPasses.Issued issued = passes.issue(person.id(), lifetime, !multiUse,
                AdminCommands.COMMAND_LINE.clientAddress());
        audit.record(new AuditEvent(AuditEventType.ACCESS_PASS_ISSUED, person.organisationId(), person.id(),
                AdminCommands.COMMAND_LINE, (issued.oneTime() ? "one-time" : "multi-use") + " until "
                        + issued.expiresAt()));
        out.println("Temporary access pass for " + person.upn() + ": " + issued.pass());
        out.println("It works " + (issued.oneTime() ? "once" : "any number of times") + " until "
                + issued.expiresAt().truncatedTo(ChronoUnit.SECONDS) + " (UTC), at /access-pass. It is not shown again.");
        return 0;
    }

    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return DurationStyle.detectAndParse(value);
        }
    }
}
