package dev.myaccount.directory;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SimpleBindRequest;

import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.DirectoryUnreachableException;
import dev.myaccount.people.OwnDirectories;
import dev.myaccount.running.RunningRequests;

/**
 * The people core's way into the organisations' own directories: a password is right when a bind as the person with
 * it succeeds; a person changes theirs on a connection bound as themselves (so the directory applies its own rules
 * for them), and a reset or an unlock is the service account's. A directory that cannot be asked is said to be so,
 * never taken for a wrong password. A request lets its turn to run go while the directory answers.
 */
@Component
class LdapDirectories implements OwnDirectories {

    private final DirectorySettingsStore store;
    private final DirectoryConnections connections;
    private final DirectoryService directory;
    private final RunningRequests running;

    LdapDirectories(DirectorySettingsStore store, DirectoryConnections connections, DirectoryService directory,
            RunningRequests running) {
        this.store = store;
        this.connections = connections;
        this.directory = directory;
        this.running = running;
    }

    @Override
    public boolean passwordRight(Account person, String password) {
        Optional<DirectorySettingsStore.Stored> stored = store.find(person.organisationId());
        return stored.isPresent() && bind(stored.get(), person.directoryDn(), password);
    }

    @Override
    public boolean boundAsNoOne(String upn, String password) {
        int at = upn.lastIndexOf('@');
        Optional<DirectorySettingsStore.Stored> stored = at < 0 ? Optional.empty()
                : directory.findOrganisationByDomain(upn.substring(at + 1)).flatMap(found -> store.find(found.id()));
        stored.ifPresent(found -> bind(found, "cn=" + UUID.randomUUID() + "," + found.settings().peopleBase(),
                password));
        return stored.isPresent();
    }

    @Override
    public Optional<String> change(Account person, String current, String password) {
        DirectorySettings settings = settings(person);
        try (RunningRequests.Wait waiting = running.waiting();
                LDAPConnection connection = connections.connect(settings)) {
            connection.bind(new SimpleBindRequest(person.directoryDn(), current));
            return settings.kind().dialect().change(connection, person.directoryDn(), current, password);
        } catch (LDAPException failed) {
            return refusal(failed);
        }
    }

    @Override
    public Optional<String> reset(Account person, String password) {
        DirectorySettingsStore.Stored stored = stored(person);
        try (RunningRequests.Wait waiting = running.waiting()) {
            return stored.settings().kind().dialect().reset(connections.pools(stored).service(),
                    person.directoryDn(), password);
        } catch (LDAPException failed) {
            return refusal(failed);
        }
    }

    @Override
    public Optional<String> unlock(Account person) {
        DirectorySettingsStore.Stored stored = stored(person);
        try (RunningRequests.Wait waiting = running.waiting()) {
            stored.settings().kind().dialect().unlock(connections.pools(stored).service(), person.directoryDn());
            return Optional.empty();
        } catch (LDAPException failed) {
            return refusal(failed);
        }
    }

    /** Whether a bind as {@code dn} with {@code password} succeeds; an empty password is never sent (it binds as no one). */
    private boolean bind(DirectorySettingsStore.Stored stored, String dn, String password) {
        try (RunningRequests.Wait waiting = running.waiting()) {
            connections.pools(stored).binds().bind(new SimpleBindRequest(dn, password.isEmpty() ? "\u0000" : password));
            return !password.isEmpty();
        } catch (LDAPException failed) {
            if (DirectoryConnections.unreachable(failed)) {
                throw new DirectoryUnreachableException("The directory of organisation "
                        + stored.settings().organisationId() + " did not answer: " + failed.getResultCode(), failed);
            }
            return false;
        }
    }

    private static Optional<String> refusal(LDAPException failed) {
        return Optional.of(DirectoryConnections.unreachable(failed) ? "directory.error.unreachable"
                : Refusals.of(failed.getResultCode()));
    }

    private DirectorySettings settings(Account person) {
        return stored(person).settings();
    }

    private DirectorySettingsStore.Stored stored(Account person) {
        return store.find(person.organisationId()).orElseThrow(() -> new IllegalStateException(
                "Organisation " + person.organisationId() + " has people of a directory it no longer has"));
    }
}
