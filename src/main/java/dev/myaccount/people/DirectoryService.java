package dev.myaccount.people;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.myaccount.audit.AccountNames;

/** Who exists: organisations and their accounts. Other features go through here, never the tables. */
@Service
public class DirectoryService implements AccountNames {

    public static final int LONGEST_UPN = 320;
    private static final int REPLACEMENT = 0xFFFD;

    private final DirectoryRepository repository;
    private final OrganisationRepository organisations;
    private final Clock clock;

    DirectoryService(DirectoryRepository repository, OrganisationRepository organisations, Clock clock) {
        this.repository = repository;
        this.organisations = organisations;
        this.clock = clock;
    }

    public boolean isEmpty() {
        return !organisations.anyOrganisation();
    }

    @Transactional
    public Organisation createOrganisation(String name, String domain) {
        Organisation organisation = new Organisation(UUID.randomUUID(), name, canonical(domain));
        organisations.insertOrganisation(organisation, clock.instant());
        return organisation;
    }

    @Transactional
    public UUID createAccount(NewAccount account) {
        UUID id = UUID.randomUUID();
        NewAccount canonical = new NewAccount(account.organisationId(), canonical(account.upn()), account.displayName(),
                account.givenName(), account.surname(), account.passwordHash(), account.mustChangePassword(),
                account.role());
        repository.insertAccount(id, canonical, clock.instant());
        if (account.role() == Role.ADMIN) {
            organisations.adminsModified(account.organisationId(), clock.instant());
        }
        return id;
    }

    public Optional<Account> findByUpn(String upn) {
        return repository.findAccountByUpn(canonical(upn));
    }

    public Optional<Account> find(UUID accountId) {
        return repository.findAccount(accountId);
    }

    /** The person's home organisation first, then those they are a guest of. */
    public List<Membership> memberships(UUID accountId) {
        return repository.memberships(accountId);
    }

    /** Makes the person a guest of another organisation (and keeps an existing membership as it is). */
    @Transactional
    public void addGuest(UUID accountId, UUID organisationId, Role role) {
        repository.insertMembership(accountId, organisationId, role);
    }

    /** Ends the person's guest membership; false when it is their home organisation or they are no member. */
    @Transactional
    public boolean leave(UUID accountId, UUID organisationId) {
        return repository.deleteGuestMembership(accountId, organisationId) == 1;
    }

    public Optional<Organisation> findOrganisationByDomain(String domain) {
        return organisations.findOrganisationByDomain(canonical(domain));
    }

    /** Every organisation with how many people it has, by name. */
    public List<OrganisationSize> organisations() {
        return organisations.organisations();
    }

    public Optional<Organisation> findOrganisation(UUID organisationId) {
        return organisations.findOrganisation(organisationId);
    }

    /** Sets a new password: the hash, when it changed, and the must-change flag cleared. */
    public void setPassword(UUID accountId, String passwordHash) {
        if (repository.updatePassword(accountId, passwordHash, clock.instant()) != 1) {
            throw new IllegalStateException("No account " + accountId);
        }
    }

    /** The person's language (a tag such as "nl") and time zone (an IANA name); null means the portal's. */
    public void setPersonalSettings(UUID accountId, String language, String timeZone) {
        repository.updateSettings(accountId, language, timeZone);
    }

    public Optional<OrganisationProfile> profile(UUID organisationId) {
        return organisations.profile(organisationId);
    }

    @Transactional
    public void setProfile(UUID organisationId, OrganisationProfile profile) {
        organisations.upsertProfile(organisationId, profile);
    }

    /** Whether the person administers the organisation. */
    public boolean isAdmin(UUID accountId, UUID organisationId) {
        return repository.isAdmin(accountId, organisationId);
    }

    /** The account, when the organisation is its home: an admin reaches only their own organisation's people. */
    public Optional<Account> findInOrganisation(UUID accountId, UUID organisationId) {
        return repository.findAccount(accountId).filter(account -> account.organisationId().equals(organisationId));
    }

    /** A page of the organisation's people whose UPN or name contains {@code text}, in any case, by name. */
    public List<Person> people(UUID organisationId, String text, int offset, int limit) {
        return repository.people(organisationId, text.strip().toLowerCase(Locale.ROOT), offset, limit);
    }

    public void setEnabled(UUID accountId, boolean enabled) {
        repository.updateEnabled(accountId, enabled, clock.instant());
    }

    /** A password an admin set, which the person must change when they next sign in. */
    public void setTemporaryPassword(UUID accountId, String passwordHash) {
        repository.updateTemporaryPassword(accountId, passwordHash, clock.instant());
    }

    /** Gives the member the role in the organisation; false when they are not its member. */
    public boolean setRole(UUID accountId, UUID organisationId, Role role) {
        Instant now = clock.instant();
        boolean updated = repository.updateRole(accountId, organisationId, role, now) == 1;
        organisations.adminsModified(organisationId, now);
        return updated;
    }

    /** Who the account is now, as the audit log keeps it. */
    @Override
    public Optional<AccountNames.Named> of(UUID accountId) {
        return find(accountId).map(account -> new AccountNames.Named(account.upn(), account.displayName()));
    }

    /** Holds the person's row until the transaction ends, so that changes of theirs elsewhere happen one at a time. */
    public void lockAccount(UUID accountId) {
        repository.lockAccount(accountId);
    }

    /** Holds the organisation's row until the transaction ends, so that changes to it happen one at a time. */
    public void lockOrganisation(UUID organisationId) {
        organisations.lockOrganisation(organisationId);
    }

    /** Whether the account is the organisation's one enabled admin; ask it with the organisation locked. */
    public boolean isLastEnabledAdmin(UUID accountId, UUID organisationId) {
        return repository.enabledAdmins(organisationId, 2).equals(List.of(accountId));
    }

    /** The account's id in the directory of the client that provisions it (SCIM's externalId); null for none. */
    public void setExternalId(UUID accountId, String externalId) {
        repository.updateExternalId(accountId, externalId, clock.instant());
    }

    /**
     * Deletes the account; what refers to it goes with it, but for the audit log, which outlives it. False when
     * it was gone already.
     */
    public boolean delete(UUID accountId) {
        return repository.delete(accountId, clock.instant()) == 1;
    }

    /**
     * Gives the account the UPN {@code to} (canonical) if its UPN is still {@code from}; false when it is not (changed
     * or deleted meanwhile). DuplicateKeyException when another account has {@code to}.
     */
    public boolean changeUpn(UUID accountId, String from, String to) {
        return repository.updateUpn(accountId, from, to, clock.instant()) == 1;
    }

    public void rename(UUID accountId, String displayName, String givenName, String surname) {
        repository.updateNames(accountId, displayName, givenName, surname, clock.instant());
    }

    /**
     * Marks every sign-in of the account until now as ended, those still on their way included, whose sessions
     * are saved after any list of sessions could find them.
     */
    public void endSignInsSoFar(UUID accountId) {
        repository.raiseSessionGeneration(accountId);
    }

    /**
     * Whether a sign-in that read {@code sessionGeneration} stands: the account is there, enabled, and no change
     * ended its sign-ins since.
     */
    public boolean signInStands(UUID accountId, int sessionGeneration) {
        return repository.signInStands(accountId, sessionGeneration);
    }

    public void upgradePasswordHash(UUID accountId, String passwordHash) {
        repository.updatePasswordHash(accountId, passwordHash);
    }

    /**
     * A UPN as typed, made safe to look up and to track (lockouts): canonical, cut to 320 characters (no account
     * has a longer one), control characters replaced (PostgreSQL stores no NUL). No account has such a UPN, so
     * a made-up one is tracked like any other unknown UPN.
     */
    public static String trackable(String typed) {
        String upn = canonical(typed);
        String cut = upn.length() > LONGEST_UPN ? upn.substring(0, LONGEST_UPN) : upn;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? REPLACEMENT : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** UPNs and domains compare without regard to case, as in every directory people know. */
    public static String canonical(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
