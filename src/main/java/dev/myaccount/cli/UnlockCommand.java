package dev.myaccount.cli;

import org.springframework.context.MessageSource;

import picocli.CommandLine.Command;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Account;
import dev.myaccount.people.Actor;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.People;

@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = "Ends a person's lockout, for wrong passwords and wrong codes alike, on every device.")
final class UnlockCommand extends PersonCommand {

    private final People people;

    UnlockCommand(DirectoryService directory, MessageSource messages, People people) {
        super(directory, messages);
        this.people = people;
    }

    @Override
    int call(Account person, Actor actor) {
        return done(people.unlock(actor, person, RequestOrigin.COMMAND_LINE), person.upn() + " is unlocked.");
    }
}
