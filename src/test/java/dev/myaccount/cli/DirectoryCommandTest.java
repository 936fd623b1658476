package dev.myaccount.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestDirectory;
import dev.myaccount.support.TestPeople.Person;

/** IT connects an organisation to its directory from the command line, the service account's password on stdin. */
@PortalTest
class DirectoryCommandTest extends PortalTestCase {

    @Autowired
    ApplicationContext context;

    private final PrintStream stdout = System.out;
    private final PrintStream stderr = System.err;
    private final InputStream stdin = System.in;

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
        System.setIn(stdin);
    }

    @Test
    void itConnectsTheDirectoryReadsItsPeopleAndTheySignIn() {
        Person admin = people.createAdmin();
        String ada = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@" + admin.domain();
        try (TestDirectory ldap = TestDirectory.start()) {
            ldap.addPerson("ada", ada, "Ada Lovelace", "analytical engine 1843");
            String[] settings = {"directory", "--domain", admin.domain(), "--url", ldap.url(), "--plain-for-testing",
                "--bind-dn", TestDirectory.SERVICE, "--people-base", TestDirectory.PEOPLE, "--set"};

            assertThat(run("wrong password\n", settings))
                    .contains("refused the service account's name or password").endsWith("exit 1");
            assertThat(run("", "directory", "--domain", admin.domain(), "--show"))
                    .contains("keeps its people and passwords in the portal");
            assertThat(run(TestDirectory.SERVICE_PASSWORD + "\n", settings))
                    .contains("The directory settings were saved.").endsWith("exit 0");
            assertThat(run("", "directory", "--domain", admin.domain(), "--read"))
                    .contains("People added: 1, changed: 0, disabled: 0, not taken over: 0.").endsWith("exit 0");
            assertThat(run("", "directory", "--domain", admin.domain(), "--show"))
                    .contains("OPENLDAP at " + ldap.url()).contains("People added: 1");

            assertThat(new PortalClient(port).signIn(ada, "analytical engine 1843").location()).hasValue("/");
        }
    }

    /** What the command printed on either stream, and "exit N". */
    private String run(String input, String... args) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
        System.setOut(printed);
        System.setErr(printed);
        int exit = AdminCommands.execute(context, args);
        restore();
        return out.toString(StandardCharsets.UTF_8) + "\nexit " + exit;
    }
}
