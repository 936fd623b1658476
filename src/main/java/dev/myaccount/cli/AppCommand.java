package dev.myaccount.cli;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.context.MessageSource;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.myaccount.apps.Apps;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Organisation;

@Command(name = "app", mixinStandardHelpOptions = true,
        description = "Registers an app that signs the organisation's people in through the portal (OpenID Connect) "
                + "and prints its client id and secret (the secret once); or lists, rotates the secret of, or "
                + "deletes one.")
final class AppCommand implements Callable<Integer> {

    @Mixin
    DomainOption domain;

    @ArgGroup(multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--create", paramLabel = "NAME", description = "Registers an app with this name")
        String create;

        @Option(names = "--list", description = "Lists the organisation's apps")
        boolean list;

        @Option(names = "--rotate-secret", paramLabel = "CLIENT_ID",
                description = "Gives the app a new secret; the old one stops working")
        String rotateSecret;

        @Option(names = "--delete", paramLabel = "CLIENT_ID",
                description = "Deletes the app with every grant it holds")
        String delete;
    }

    @Option(names = "--redirect-uri", paramLabel = "URI",
            description = "With --create: the address the app receives sign-ins at, matched exactly")
    String redirectUri;

    @Option(names = "--public", description = "With --create: an app that cannot keep a secret (single-page, "
            + "native); it signs in with PKCE alone")
    boolean publicClient;

    @Option(names = "--backchannel-logout-uri", paramLabel = "URI", description = "With --create: where the app "
            + "takes back-channel logout tokens, sent when a person's access ends (a new password, signed out "
            + "everywhere)")
    String backChannelLogoutUri;

    @Option(names = "--consent", description = "With --create: people are asked to consent before the app is told "
            + "who they are")
    boolean consent;

    @Spec
    CommandSpec spec;

    private final DirectoryService directory;
    private final Apps apps;
    private final MessageSource messages;

    AppCommand(DirectoryService directory, Apps apps, MessageSource messages) {
        this.directory = directory;
        this.apps = apps;
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
            for (Apps.App app : apps.of(actor)) {
                out.println(app.clientId() + "  " + app.name() + "  " + app.redirectUri()
                        + (app.publicClient() ? ", public" : "") + (app.consent() ? ", asks consent" : "")
                        + (app.backChannelLogoutUri() == null ? "" : ", logout to " + app.backChannelLogoutUri())
                        + ", registered " + app.createdAt().truncatedTo(ChronoUnit.SECONDS)
                        + (app.disabled() ? ", turned off" : ""));
            }
            return 0;
        }
        if (what.rotateSecret != null) {
            Optional<String> secret = apps.rotateSecret(actor, what.rotateSecret, RequestOrigin.COMMAND_LINE);
            if (secret.isEmpty()) {
                err.println(organisation.get().name() + " has no app with a secret and the client id "
                        + what.rotateSecret + ".");
                return 1;
            }
            out.println("New secret of " + what.rotateSecret + ": " + secret.get());
            out.println("It is not shown again; the old secret no longer works.");
            return 0;
        }
        if (what.delete != null) {
            if (!apps.delete(actor, what.delete, RequestOrigin.COMMAND_LINE)) {
                err.println(organisation.get().name() + " has no app with the client id " + what.delete + ".");
                return 1;
            }
            out.println("The app " + what.delete + " was deleted.");
            return 0;
        }
        Apps.Created created = apps.create(actor, new Apps.NewApp(what.create, redirectUri, publicClient, consent,
                backChannelLogoutUri), RequestOrigin.COMMAND_LINE);
        if (created.refusal() != null) {
            return Refusals.print(err, messages, created.refusal(), Apps.LONGEST_NAME);
        }
        out.println("App " + created.app().name() + " for " + organisation.get().name());
        out.println("Client id:     " + created.app().clientId());
        if (created.secret() != null) {
            out.println("Client secret: " + created.secret());
            out.println("The secret is not shown again.");
        }
        out.println("Issuer:        <portal>, discovery at <portal>/.well-known/openid-configuration");
        return 0;
    }
}
