package dev.myaccount.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.context.MessageSource;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.directory.Directories;
import dev.myaccount.directory.DirectoryKind;
import dev.myaccount.directory.DirectorySettings;
import dev.myaccount.people.Actor;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Organisation;

@Command(name = "directory", mixinStandardHelpOptions = true,
        description = "Connects the organisation to its own OpenLDAP or Active Directory, or tests the settings, "
                + "reads its people now, or shows the settings. With --set or --test the service account's password "
                + "is read from standard input (an empty line keeps the stored one).")
final class DirectoryCommand implements Callable<Integer> {

    @Mixin
    DomainOption domain;

    @ArgGroup(multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--set", description = "Tests and keeps the settings given")
        boolean set;

        @Option(names = "--test", description = "Tests the settings given without keeping them")
        boolean test;

        @Option(names = "--read", description = "Reads the directory's people now")
        boolean read;

        @Option(names = "--show", description = "Shows the settings and the last reading")
        boolean show;
    }

    @Option(names = "--kind", description = "openldap or active-directory (default openldap)")
    String kind = "openldap";

    @Option(names = "--url", description = "ldaps://host:port, or ldap://host:port with --start-tls")
    String url;

    @Option(names = "--start-tls", description = "Encrypts an ldap:// connection with StartTLS")
    boolean startTls;

    @Option(names = "--plain-for-testing", description = "Allows an unencrypted ldap:// connection to a test directory")
    boolean plainForTesting;

    @Option(names = "--ca-certificate", paramLabel = "FILE", description = "The PEM file of the CA that signed the "
            + "directory's certificate")
    Path caCertificate;

    @Option(names = "--bind-dn", paramLabel = "DN", description = "The service account")
    String bindDn;

    @Option(names = "--people-base", paramLabel = "DN", description = "Where the people are")
    String peopleBase;

    @Option(names = "--people-filter", paramLabel = "FILTER", description = "Which entries are people "
            + "(default: the kind's usual one)")
    String peopleFilter;

    @Option(names = "--upn-attribute", paramLabel = "NAME", description = "Default: mail on OpenLDAP, "
            + "userPrincipalName on Active Directory")
    String upnAttribute;

    @Option(names = "--display-name-attribute", paramLabel = "NAME", description = "Default: cn on OpenLDAP, "
            + "displayName on Active Directory")
    String displayNameAttribute;

    @Option(names = "--email-attribute", paramLabel = "NAME", description = "Default: mail; empty for none")
    String emailAttribute;

    @Option(names = "--phone-attribute", paramLabel = "NAME", description = "Default: telephoneNumber; empty for none")
    String phoneAttribute;

    @Option(names = "--disabled-filter", paramLabel = "FILTER", description = "Which people are disabled (default: "
            + "locked for good by ppolicy on OpenLDAP, ACCOUNTDISABLE on Active Directory)")
    String disabledFilter;

    @Option(names = "--admin-group", paramLabel = "DN", description = "The group whose members administer the "
            + "organisation here")
    String adminGroup;

    @Spec
    CommandSpec spec;

    private final DirectoryService directory;
    private final Directories directories;
    private final MessageSource messages;
    private final BufferedReader stdin;

    DirectoryCommand(DirectoryService directory, Directories directories, MessageSource messages,
            BufferedReader stdin) {
        this.directory = directory;
        this.directories = directories;
        this.messages = messages;
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Organisation> organisation = domain.organisation(directory, err);
        if (organisation.isEmpty()) {
            return 1;
        }
        Actor actor = Actor.commandLine(organisation.get().id());
        if (what.show) {
            Optional<DirectorySettings> settings = directories.settings(actor);
            if (settings.isEmpty()) {
                out.println(organisation.get().name() + " keeps its people and passwords in the portal.");
                return 0;
            }
            DirectorySettings s = settings.get();
            out.println(s.kind() + " at " + s.url() + (s.startTls() ? " with StartTLS" : "")
                    + (s.plainForTesting() ? " (test directory, unencrypted)" : ""));
            out.println("Service account " + s.bindDn() + "; people " + s.peopleFilter() + " under " + s.peopleBase()
                    + (s.adminGroupDn() == null ? "" : "; admins are the members of " + s.adminGroupDn()));
            directories.lastReading(actor).ifPresent(last -> out.println("Last read " + last.at() + ": "
                    + text(last.answer())));
            return 0;
        }
        Directories.Answer answer;
        if (what.read) {
            answer = directories.syncNow(actor, RequestOrigin.COMMAND_LINE);
        } else {
            DirectorySettings typed = typed(stdin.readLine());
            answer = directories.test(actor, typed);
            if (what.set && answer.ok()) {
                answer = directories.save(actor, typed, RequestOrigin.COMMAND_LINE);
            }
        }
        (answer.ok() ? out : err).println(text(answer));
        return answer.ok() ? 0 : 1;
    }

    private DirectorySettings typed(String password) throws IOException {
        DirectoryKind chosen = kind.equalsIgnoreCase("active-directory") ? DirectoryKind.ACTIVE_DIRECTORY
                : DirectoryKind.OPENLDAP;
        DirectorySettings usual = DirectorySettings.startingWith(null, chosen);
        return new DirectorySettings(null, chosen, url, startTls, plainForTesting,
                caCertificate == null ? null : Files.readString(caCertificate), bindDn,
                password == null ? "" : password, peopleBase,
                peopleFilter == null ? usual.peopleFilter() : peopleFilter,
                upnAttribute == null ? usual.upnAttribute() : upnAttribute,
                displayNameAttribute == null ? usual.displayNameAttribute() : displayNameAttribute,
                usual.givenNameAttribute(), usual.surnameAttribute(),
                emailAttribute == null ? usual.emailAttribute() : emailAttribute,
                phoneAttribute == null ? usual.phoneAttribute() : phoneAttribute,
                disabledFilter == null ? usual.disabledFilter() : disabledFilter, adminGroup);
    }

    private String text(Directories.Answer answer) {
        return messages.getMessage(answer.messageKey(), answer.arguments().toArray(), Locale.ENGLISH);
    }
}
