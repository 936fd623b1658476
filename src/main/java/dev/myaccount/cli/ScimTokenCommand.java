package dev.myaccount.cli;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.springframework.context.MessageSource;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Organisation;
import dev.myaccount.scim.ScimClients;
import dev.myaccount.scim.ScimTokens;

@Command(name = "scim-token", mixinStandardHelpOptions = true,
        description = "Creates a bearer token for the organisation's SCIM provisioning client and prints it once; "
                + "or revokes one; or lists them.")
final class ScimTokenCommand implements Callable<Integer> {

    @Mixin
    DomainOption domain;

    @ArgGroup(multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--create", paramLabel = "NAME", description = "Creates a token with this name")
        String create;

        @Option(names = "--revoke", paramLabel = "ID", description = "Revokes the token with this id")
        UUID revoke;

        @Option(names = "--list", description = "Lists the organisation's tokens")
        boolean list;
    }

    @Spec
    CommandSpec spec;

    private final DirectoryService directory;
    private final ScimClients provisioning;
    private final MessageSource messages;

    ScimTokenCommand(DirectoryService directory, ScimClients provisioning, MessageSource messages) {
        this.directory = directory;
        this.provisioning = provisioning;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Organisation> organisation = domain.organisation(directory, err);
        if (organisation.isEmpty()) {
            return 1;
        }
        Actor actor = Actor.commandLine(organisation.get().id());
        if (what.list) {
            for (ScimTokens.Listed token : provisioning.tokens(actor)) {
                out.println(token.id() + "  " + token.name() + "  created " + token.createdAt().truncatedTo(ChronoUnit.SECONDS)
                        + (token.lastUsedAt() == null ? ", never used" : ", last used " + token.lastUsedAt()
                        .truncatedTo(ChronoUnit.SECONDS)) + (token.revokedAt() == null ? "" : ", revoked"));
            }
            return 0;
        }
        if (what.revoke != null) {
            if (!provisioning.revokeToken(actor, what.revoke, RequestOrigin.COMMAND_LINE)) {
                err.println(organisation.get().name() + " has no live token with the id " + what.revoke + ".");
                return 1;
            }
            out.println("The token " + what.revoke + " was revoked.");
            return 0;
        }
        ScimClients.Created created = provisioning.createToken(actor, what.create, RequestOrigin.COMMAND_LINE);
        if (created.refusal() != null) {
            return Refusals.print(err, messages, created.refusal(), ScimTokens.LONGEST_NAME);
        }
        out.println("SCIM token " + created.issued().id() + " for " + organisation.get().name() + ": "
                + created.issued().token());
        out.println("Give it to the provisioning client with the address <portal>/scim/v2. It is not shown again.");
        return 0;
    }
}
