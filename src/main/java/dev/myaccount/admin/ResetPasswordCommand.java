package dev.myaccount.admin;

import org.springframework.context.MessageSource;

import picocli.CommandLine.Command;

import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;

@Command(name = "reset-password", mixinStandardHelpOptions = true,
        description = "Gives a person a new temporary password and prints it once; they must change it at their next "
                + "sign-in, and every session of theirs ends.")
final class ResetPasswordCommand extends PersonCommand {

    private final PeopleAdministration people;

    ResetPasswordCommand(DirectoryService directory, MessageSource messages, PeopleAdministration people) {
        super(directory, messages);
        this.people = people;
    }

    @Override
    int call(Account person, Actor actor) {
        PeopleAdministration.Secret secret = people.resetPassword(actor, person, AdminCommands.COMMAND_LINE).secret()
                .orElseThrow();
        out().println("Temporary password for " + person.upn() + ": " + secret.value());
        out().println("They choose their own at the next sign-in. It is not shown again.");
        return 0;
    }
}
