package dev.myaccount.cli;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.MessageSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.credential.AccessPasses;
import dev.myaccount.people.Account;
import dev.myaccount.people.Actor;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Outcome;
import dev.myaccount.people.People;

@Command(name = "access-pass", mixinStandardHelpOptions = true,
        description = "Gives a person a temporary access pass to sign in with instead of a password, in place of "
                + "any pass they had, and prints it once; or revokes their pass.")
final class AccessPassCommand extends PersonCommand {

    @Option(names = "--lifetime", defaultValue = "1h", converter = DurationConverter.class,
            description = "How long the pass works, from 1h to 30d (default: ${DEFAULT-VALUE})")
    Duration lifetime;

    @Option(names = "--multi-use", description = "The pass works until it expires, not only once")
    boolean multiUse;

    @Option(names = "--revoke", description = "Revokes the person's pass instead of giving one")
    boolean revoke;

    private final People people;

    AccessPassCommand(DirectoryService directory, MessageSource messages, People people) {
        super(directory, messages);
        this.people = people;
    }

    @Override
    int call(Account person, Actor actor) {
        if (revoke) {
            return done(people.revokePass(actor, person, RequestOrigin.COMMAND_LINE),
                    "The temporary access pass of " + person.upn() + " was revoked.");
        }
        Outcome outcome = people.issuePass(actor, person, lifetime, !multiUse,
                RequestOrigin.COMMAND_LINE);
        return outcome.secret().map(secret -> {
            AccessPasses.Issued issued = secret.pass();
            out().println("Temporary access pass for " + person.upn() + ": " + issued.pass());
            out().println("It works " + (issued.oneTime() ? "once" : "any number of times") + " until "
                    + issued.expiresAt().truncatedTo(ChronoUnit.SECONDS) + " (UTC), at /access-pass. It is not shown "
                    + "again.");
            return 0;
        }).orElseGet(() -> done(outcome, null));
    }

    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return DurationStyle.detectAndParse(value);
        }
    }
}
