package dev.myaccount.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import dev.myaccount.credential.HashingProperties;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/** A hash made with weaker parameters than today's is replaced at the next successful sign-in. */
@PortalTest
class HashUpgradeTest extends PortalTestCase {

    @Autowired
    HashingProperties hashing;

    @Test
    void aWeakerArgon2HashIsReplacedWhenThePersonSignsIn() {
        String password = "an old but good passphrase";
        String weak = "{argon2id}" + new Argon2PasswordEncoder(16, 32, 1, 512, 1).encode(password);
        Person person = people.create(password, weak, false);

        assertThat(new PortalClient(port).signIn(person.upn(), "not the password").location()).contains("/signin?error");
        assertThat(hash(person)).isEqualTo(weak);
        assertThat(new PortalClient(port).signIn(person.upn(), password).location()).contains("/");

        assertThat(hash(person)).startsWith("{argon2id}$argon2id$v=19$m=" + hashing.memoryKib() + ",t="
                + hashing.iterations() + ",p=1$");
        assertThat(new PortalClient(port).signIn(person.upn(), password).location()).contains("/");
    }

    private String hash(Person person) {
        return jdbc.sql("select password_hash from account where id = ?").param(person.id()).query(String.class).single();
    }
}
