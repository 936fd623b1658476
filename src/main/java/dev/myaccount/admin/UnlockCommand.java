package dev.myaccount.admin;

import org.springframework.context.MessageSource;

import picocli.CommandLine.Command;

import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;

@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = "Ends a person's lockout, for wrong passwords and wrong codes alike, on every device.")
final class UnlockCommand extends PersonCommand {

    private final PeopleAdministration people;

    UnlockCommand(DirectoryService directory, MessageSource messages, PeopleAdministration people) {
        super(directory, messages);
        this.people = people;
    }

    @Override
    int call(Account person, Actor actor) {
        return done(people.unlock(actor, person, AdminCommands.COMMAND_LINE), person.upn() + " is unlocked.");
    }
}
