package dev.myaccount.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

import picocli.CommandLine.Option;

import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Organisation;

/** The {@code --domain} of a command that acts for one organisation, and the organisation it names. */
final class DomainOption {

    @Option(names = "--domain", required = true, description = "The organisation's domain, e.g. contoso.example")
    String domain;

    /** The organisation with this domain, or empty once {@code err} says that none has it. */
    Optional<Organisation> organisation(DirectoryService directory, PrintWriter err) {
        Optional<Organisation> found = directory.findOrganisationByDomain(domain.toLowerCase(Locale.ROOT));
        if (found.isEmpty()) {
            err.println("No organisation has the domain " + domain + ".");
        }
        return found;
    }
}
