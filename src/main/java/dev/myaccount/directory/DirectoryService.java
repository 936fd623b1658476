package dev.myaccount.directory;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who exists: organisations and their accounts. Other features go through here, never the tables. */
@Service
public class DirectoryService {

    private final DirectoryRepository repository;
    private final Clock clock;

    DirectoryService(DirectoryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public boolean isEmpty() {
        return !repository.anyOrganisation();
    }

    @Transactional
    public Organisation createOrganisation(String name, String domain) {
        Organisation organisation = new Organisation(UUID.randomUUID(), name, canonical(domain));
        repository.insertOrganisation(organisation, clock.instant());
        return organisation;
    }

    @Transactional
    public UUID createAccount(NewAccount account) {
        UUID id = UUID.randomUUID();
        NewAccount canonical = new NewAccount(account.organisationId(), canonical(account.upn()), account.displayName(),
                account.givenName(), account.surname(), account.passwordHash(), account.mustChangePassword(),
                account.role());
        repository.insertAccount(id, canonical, clock.instant());
        return id;
    }

    public Optional<Account> findByUpn(String upn) {
        return repository.findAccountByUpn(canonical(upn));
    }

    public Optional<Account> find(UUID accountId) {
        return repository.findAccount(accountId);
    }

    public Optional<Organisation> findOrganisation(UUID organisationId) {
        return repository.findOrganisation(organisationId);
    }

    /** Sets a new password: the hash, when it changed, and the must-change flag cleared. */
    public void setPassword(UUID accountId, String passwordHash) {
        if (repository.updatePassword(accountId, passwordHash, clock.instant()) != 1) {
            throw new IllegalStateException("No account " + accountId);
        }
    }

    public void upgradePasswordHash(UUID accountId, String passwordHash) {
        repository.updatePasswordHash(accountId, passwordHash);
    }

    /** UPNs and domains compare without regard to case, as in every directory people know. */
    public static String canonical(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
