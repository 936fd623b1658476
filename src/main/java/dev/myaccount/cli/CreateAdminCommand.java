package dev.myaccount.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.NewAccount;
import dev.myaccount.people.Organisation;
import dev.myaccount.people.Passwords;
import dev.myaccount.people.Role;
import dev.myaccount.policy.PolicyReason;
import dev.myaccount.policy.PolicyVerdict;

@Command(name = "create-admin", mixinStandardHelpOptions = true,
        description = "Creates an organisation (the first, or one more) and its first admin. The password is read "
                + "from standard input.")
final class CreateAdminCommand implements Callable<Integer> {

    @Option(names = "--organisation", required = true, description = "Organisation name, e.g. Contoso")
    String organisationName;

    @Option(names = "--domain", required = true, description = "Verified domain, e.g. contoso.example")
    String domain;

    @Option(names = "--upn", required = true, description = "The admin's sign-in name, e.g. alex@contoso.example")
    String upn;

    @Option(names = "--display-name", required = true, description = "The admin's name as people see it")
    String displayName;

    @Spec
    CommandSpec spec;

    private final DirectoryService directory;
    private final Passwords passwords;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final MessageSource messages;
    private final BufferedReader stdin;

    CreateAdminCommand(DirectoryService directory, Passwords passwords, PasswordEncoder encoder,
            TransactionTemplate transaction, AuditLog audit, MessageSource messages, BufferedReader stdin) {
        this.directory = directory;
        this.passwords = passwords;
        this.encoder = encoder;
        this.transaction = transaction;
        this.audit = audit;
        this.messages = messages;
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (directory.findOrganisationByDomain(domain).isPresent()) {
            err.println("An organisation has the domain " + domain + " already; its admins add people on the admin"
                    + " side.");
            return 1;
        }
        if (directory.findByUpn(upn).isPresent()) {
            err.println("An account has the UPN " + upn + " already.");
            return 1;
        }
        if (!upn.toLowerCase(Locale.ROOT).endsWith("@" + domain.toLowerCase(Locale.ROOT))) {
            err.println("The UPN must end in @" + domain + ".");
            return 1;
        }
        String password = stdin.readLine();
        PolicyVerdict verdict = passwords.verdictForNewPerson(organisationName, domain, passwords.defaults(), List.of(),
                upn, displayName, null, null, password == null ? "" : password);
        if (!verdict.accepted()) {
            for (PolicyReason reason : verdict.reasons()) {
                err.println(messages.getMessage(reason.messageKey(), reason.arguments().toArray(), Locale.ENGLISH));
            }
            return 1;
        }
        String hash = encoder.encode(password);
        try {
            transaction.executeWithoutResult(status -> {
                Organisation organisation = directory.createOrganisation(organisationName, domain);
                UUID admin = directory.createAccount(new NewAccount(organisation.id(), upn, displayName, null, null,
                        hash, false, Role.ADMIN));
                audit.record(new AuditEvent(AuditEventType.ACCOUNT_CREATED, organisation.id(), admin,
                        RequestOrigin.COMMAND_LINE, null, null, RequestOrigin.COMMAND_LINE.clientAddress()));
            });
        } catch (DuplicateKeyException takenMeanwhile) {
            err.println("The domain " + domain + " or the UPN " + upn + " was taken meanwhile.");
            return 1;
        }
        spec.commandLine().getOut().println("Created " + upn + ", admin of " + organisationName + ".");
        return 0;
    }
}
