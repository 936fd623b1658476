package dev.myaccount.support;

import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;

import dev.myaccount.directory.DirectoryService;
import dev.myaccount.directory.NewAccount;
import dev.myaccount.directory.Organisation;
import dev.myaccount.directory.Role;

/** Makes a new organisation and person for each test, so tests share a database without meeting. */
public class TestPeople {

    private final DirectoryService directory;
    private final PasswordEncoder passwords;

    TestPeople(DirectoryService directory, PasswordEncoder passwords) {
        this.directory = directory;
        this.passwords = passwords;
    }

    public record Person(UUID id, String upn, String password, String displayName) {
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
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Organisation organisation = directory.createOrganisation("Fabrikam " + unique, "fabrikam-" + unique + ".example");
        String upn = "pat.doe@" + organisation.domain();
        UUID id = directory.createAccount(new NewAccount(organisation.id(), upn, "Pat Doe", "Pat", "Doe", hash,
                mustChangePassword, Role.MEMBER));
        return new Person(id, upn, password, "Pat Doe");
    }
}
