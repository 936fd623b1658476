package dev.myaccount.support;

import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;

import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.NewAccount;
import dev.myaccount.people.Organisation;
import dev.myaccount.people.Role;

/** Makes a new organisation and person for each test, so tests share a database without meeting. */
public class TestPeople {

    private final DirectoryService directory;
    private final PasswordEncoder passwords;

    TestPeople(DirectoryService directory, PasswordEncoder passwords) {
        this.directory = directory;
        this.passwords = passwords;
    }

    public record Person(UUID id, String upn, String password, String displayName) {

        /** The domain of the person's organisation, as their UPN ends. */
        public String domain() {
            return upn.substring(upn.indexOf('@') + 1);
        }
    }

    public Person create() {
        return create(false);
    }

    public Person create(boolean mustChangePassword) {
        String password = "Initial passphrase " + UUID.randomUUID().toString().substring(0, 8);
        return create(password, passwords.encode(password), mustChangePassword);
    }

    /** A person whose password is stored as {@code hash}, made by the caller (an older scheme, say). */
    public Person create(String password, String hash, boolean mustChangePassword) {
        return inNewOrganisation(password, hash, mustChangePassword, Role.MEMBER);
    }

    /** The admin of a new organisation of their own. */
    public Person createAdmin() {
        String password = "Initial passphrase " + UUID.randomUUID().toString().substring(0, 8);
        return inNewOrganisation(password, passwords.encode(password), false, Role.ADMIN);
    }

    private Person inNewOrganisation(String password, String hash, boolean mustChangePassword, Role role) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Organisation organisation = directory.createOrganisation("Fabrikam " + unique, "fabrikam-" + unique + ".example");
        return add(organisation.id(), "pat.doe@" + organisation.domain(), "Pat Doe", password, hash,
                mustChangePassword, role);
    }

    /** Another person of {@code colleague}'s organisation, named {@code name}. */
    public Person createBeside(Person colleague, String name) {
        String password = "Initial passphrase " + UUID.randomUUID().toString().substring(0, 8);
        String upn = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@" + colleague.domain();
        return add(organisationOf(colleague), upn, name, password, passwords.encode(password), false, Role.MEMBER);
    }

    public UUID organisationOf(Person person) {
        return directory.find(person.id()).orElseThrow().organisationId();
    }

    private Person add(UUID organisation, String upn, String name, String password, String hash,
            boolean mustChangePassword, Role role) {
        String[] names = name.split(" ", 2);
        UUID id = directory.createAccount(new NewAccount(organisation, upn, name, names[0],
                names.length > 1 ? names[1] : null, hash, mustChangePassword, role));
        return new Person(id, upn, password, name);
    }
}
