package dev.myaccount.admin;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Organisation;
import dev.myaccount.people.OrganisationSize;
import dev.myaccount.people.Outcome.FirstCredential;
import dev.myaccount.people.Outcome;
import dev.myaccount.people.People;
import dev.myaccount.people.PersonChanges;

/**
 * The organisations the portal serves, for its operators (the UPNs in {@code myaccount.operators}): each with its
 * own domain, people, admins and settings. An operator adds one with its first admin, who signs in the first time
 * with a temporary access pass; the command line's {@code create-admin} does the same with a password.
 */
@Service
public class Organisations {

    /** A domain as DNS writes it: labels of letters, digits and hyphens, not at their ends, and a dot between. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int LONGEST_NAME = 200;

    /** The portal's operators, by UPN; none by default. */
    @ConfigurationProperties("myaccount")
    record OperatorProperties(@DefaultValue("") List<String> operators) {
    }

    private final OperatorProperties settings;
    private final DirectoryService directory;
    private final People people;
    private final PersonChanges changes;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    Organisations(OperatorProperties settings, DirectoryService directory, People people, PersonChanges changes,
            AuditLog audit, TransactionTemplate transaction) {
        this.settings = settings;
        this.directory = directory;
        this.people = people;
        this.changes = changes;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** Whether the person with this UPN operates the portal (and may add organisations). */
    public boolean operatedBy(String upn) {
        return settings.operators().stream().map(DirectoryService::canonical)
                .anyMatch(DirectoryService.canonical(upn)::equals);
    }

    List<OrganisationSize> all() {
        return directory.organisations();
    }

    /**
     * Adds the organisation with its first admin, whole or not at all: the admin's temporary access pass to show
     * once, or the message key of why not. Audited in the new organisation, with the operator who did it.
     */
    Outcome add(Actor operator, String name, String domain, String adminUpn, String adminName, RequestOrigin origin) {
        String canonicalDomain = DirectoryService.canonical(domain == null ? "" : domain);
        if (name == null || name.isBlank() || name.strip().length() > LONGEST_NAME
                || name.codePoints().anyMatch(Character::isISOControl)) {
            return Outcome.refused("admin.organisations.error.name");
        }
        if (!DOMAIN.matcher(canonicalDomain).matches()) {
            return Outcome.refused("admin.organisations.error.domain");
        }
        if (directory.findOrganisationByDomain(canonicalDomain).isPresent()) {
            return Outcome.refused("admin.organisations.error.domainTaken");
        }
        if (adminUpn != null && directory.findByUpn(DirectoryService.trackable(adminUpn)).isPresent()) {
            return Outcome.refused("admin.add.error.taken");
        }
        try {
            return transaction.execute(status -> {
                Organisation organisation = directory.createOrganisation(name.strip(), canonicalDomain);
                Actor inIt = new Actor(organisation.id(), operator.accountId(), operator.name());
                Outcome added = people.add(inIt, adminUpn == null ? "" : adminUpn, adminName, null, null,
                        FirstCredential.ACCESS_PASS, origin);
                Optional<Outcome.Secret> secret = added.secret();
                if (secret.isEmpty()) {
                    status.setRollbackOnly();
                    return added;
                }
                changes.setAdmin(inIt, secret.get().person(), true, origin);
                audit.record(new AuditEvent(AuditEventType.ORGANISATION_CREATED, organisation.id(), null, origin,
                        canonicalDomain.toLowerCase(Locale.ROOT), operator.accountId()));
                return added;
            });
        } catch (DuplicateKeyException takenMeanwhile) {
            return Outcome.refused("admin.organisations.error.domainTaken");
        }
    }
}
