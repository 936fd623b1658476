package dev.myaccount.cli;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.context.MessageSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Organisation;
import dev.myaccount.people.Outcome;
import dev.myaccount.people.People;

@Command(name = "add-person", mixinStandardHelpOptions = true,
        description = "Adds a person to the organisation that owns the domain of their UPN, and prints once the "
                + "temporary password (to be changed at the first sign-in) or one-time access pass they sign in with.")
final class AddPersonCommand implements Callable<Integer> {

    @Option(names = "--upn", required = true, description = "The person's sign-in name, e.g. megan@contoso.example")
    String upn;

    @Option(names = "--display-name", required = true, description = "The person's name as people see it")
    String displayName;

    @Option(names = "--given-name", description = "First name")
    String givenName;

    @Option(names = "--surname", description = "Last name")
    String surname;

    @Option(names = "--access-pass", description = "A one-time temporary access pass for a day, not a password")
    boolean accessPass;

    @Spec
    CommandSpec spec;

    private final DirectoryService directory;
    private final People people;
    private final MessageSource messages;

    AddPersonCommand(DirectoryService directory, People people, MessageSource messages) {
        this.directory = directory;
        this.people = people;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String domain = DirectoryService.canonical(upn).replaceFirst("^[^@]*@?", "");
        Optional<Organisation> organisation = directory.findOrganisationByDomain(domain);
        if (organisation.isEmpty()) {
            err.println("No organisation has the domain of " + upn + ".");
            return 1;
        }
        Outcome outcome = people.add(Actor.commandLine(organisation.get().id()),
                upn, displayName, givenName, surname, accessPass ? Outcome.FirstCredential.ACCESS_PASS
                        : Outcome.FirstCredential.TEMPORARY_PASSWORD, RequestOrigin.COMMAND_LINE);
        if (outcome.refusal() != null) {
            return Refusals.print(err, messages, outcome.refusal(), organisation.get().domain());
        }
        Outcome.Secret secret = outcome.secret().orElseThrow();
        out.println("Added " + secret.person().upn() + " to " + organisation.get().name() + ".");
        if (secret.pass() != null) {
            out.println("One-time temporary access pass: " + secret.value() + ", until "
                    + secret.pass().expiresAt().truncatedTo(ChronoUnit.SECONDS) + " (UTC), at /access-pass.");
        } else {
            out.println("Temporary password: " + secret.value() + " (to be changed at the first sign-in).");
        }
        out.println("It is not shown again.");
        return 0;
    }
}
