package dev.myaccount.cli;

import org.springframework.context.MessageSource;

import picocli.CommandLine.Command;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Account;
import dev.myaccount.people.Actor;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Outcome;
import dev.myaccount.people.People;

@Command(name = "reset-password", mixinStandardHelpOptions = true,
        description = "Gives a person a new temporary password and prints it once; they must change it at their next "
                + "sign-in, and every session of theirs ends.")
final class ResetPasswordCommand extends PersonCommand {

    private final People people;

    ResetPasswordCommand(DirectoryService directory, MessageSource messages, People people) {
        super(directory, messages);
        this.people = people;
    }

    @Override
    int call(Account person, Actor actor) {
        Outcome.Secret secret = people.resetPassword(actor, person, RequestOrigin.COMMAND_LINE).secret()
                .orElseThrow();
        out().println("Temporary password for " + person.upn() + ": " + secret.value());
        out().println("They choose their own at the next sign-in. It is not shown again.");
        return 0;
    }
}
