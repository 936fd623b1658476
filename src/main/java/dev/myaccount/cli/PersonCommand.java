package dev.myaccount.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.context.MessageSource;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.myaccount.people.Account;
import dev.myaccount.people.Actor;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Outcome;

/** A command about one person, named by their UPN; changes are made as the command line of their organisation. */
abstract class PersonCommand implements Callable<Integer> {

    @Option(names = "--upn", required = true, description = "The person's sign-in name, e.g. megan@contoso.example")
    String upn;

    @Spec
    CommandSpec spec;

    private final DirectoryService directory;
    private final MessageSource messages;

    PersonCommand(DirectoryService directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    @Override
    public final Integer call() {
        Optional<Account> account = directory.findByUpn(DirectoryService.canonical(upn));
        if (account.isEmpty()) {
            err().println("No account has the UPN " + upn + ".");
            return 1;
        }
        Account person = account.get();
        return call(person, Actor.commandLine(person.organisationId()));
    }

    abstract int call(Account person, Actor actor);

    /** Prints {@code done} (when there is one) and exits 0, or prints why not, in the admin pages' words, and exits 1. */
    int done(Outcome outcome, String done) {
        if (outcome.refusal() != null) {
            return Refusals.print(err(), messages, outcome.refusal());
        }
        if (done != null) {
            out().println(done);
        }
        return 0;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
