package dev.myaccount.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/**
 * IT's commands for people and provisioning tokens, run with the services of a running portal (a command in
 * a process of its own is {@link CommandsBesideThePortalTest}'s): what they print works, and they change only
 * the organisation of the UPN or domain they are given.
 */
@PortalTest
class PersonCommandsTest extends PortalTestCase {

    private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("Temporary password(?: for \\S+)?: (\\S+)");
    private static final Pattern PASS = Pattern.compile("(?:Temporary access pass for \\S+|One-time temporary access"
            + " pass): ([A-Z0-9-]{19})");

    @Autowired
    ApplicationContext context;

    private final PrintStream stdout = System.out;
    private final PrintStream stderr = System.err;

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    @Test
    void addPersonPrintsATemporaryPasswordThatMustBeChangedAtTheFirstSignInAndRefusesWhatItCannotAdd() {
        Person admin = people.createAdmin();
        String domain = admin.domain();
        String upn = "lee.gu@" + domain;

        String printed = run("add-person", "--upn", upn.toUpperCase(), "--display-name", "Lee Gu", "--given-name",
                "Lee", "--surname", "Gu");
        Matcher password = TEMPORARY_PASSWORD.matcher(printed);
        assertThat(password.find()).as(printed).isTrue();
        assertThat(printed).contains("exit 0");
        assertThat(new PortalClient(port).signIn(upn, password.group(1)).location()).hasValue("/password");
        assertThat(jdbc.sql("select given_name || ' ' || surname from account where upn = ?").param(upn)
                .query(String.class).single()).isEqualTo("Lee Gu");

        assertThat(run("add-person", "--upn", upn, "--display-name", "Lee Again"))
                .contains("That user principal name is taken.").contains("exit 1");
        assertThat(run("add-person", "--upn", "lee@nobody.example", "--display-name", "Lee"))
                .contains("No organisation has the domain").contains("exit 1");
        assertThat(run("add-person", "--upn", "..@" + domain, "--display-name", "Lee")).contains("exit 1");
        assertThat(jdbc.sql("select count(*) from account where organisation_id = ?")
                .param(people.organisationOf(admin)).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select client_address from audit_event where type = 'account.created' and detail = "
                + "'temporary_password' and organisation_id = ?").param(people.organisationOf(admin))
                .query(String.class).single()).isEqualTo("command line");

        Matcher pass = PASS.matcher(run("add-person", "--upn", "nestor@" + domain, "--display-name", "Nestor",
                "--access-pass"));
        assertThat(pass.find()).isTrue();
        assertThat(jdbc.sql("select password_hash from account where upn = ?").param("nestor@" + domain)
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void resetPasswordEndsEverySessionAndUnlockLetsALockedOutPersonSignInAgain() {
        Person person = people.create();
        PortalClient theirs = signedIn(person);

        Matcher password = TEMPORARY_PASSWORD.matcher(run("reset-password", "--upn", person.upn()));
        assertThat(password.find()).isTrue();
        assertThat(theirs.get("/").location()).contains("/signin");
        assertThat(new PortalClient(port).signIn(person.upn(), person.password()).location())
                .hasValue("/signin?error");
        for (int i = 0; i < 10; i++) {
            new PortalClient(port).signIn(person.upn(), "guess " + i);
        }
        assertThat(new PortalClient(port).signIn(person.upn(), password.group(1)).location())
                .hasValue("/signin?locked");

        assertThat(run("unlock", "--upn", person.upn())).contains("is unlocked").contains("exit 0");
        assertThat(new PortalClient(port).signIn(person.upn(), password.group(1)).location()).hasValue("/password");
        assertThat(run("unlock", "--upn", "nobody@nowhere.example")).contains("exit 1");
    }

    @Test
    void accessPassPrintsAPassOnceStoresOnlyItsKeyedHashRefusesWhatItCannotDoAndRevokes() throws Exception {
        Person person = people.create();

        String printed = run("access-pass", "--upn", person.upn().toUpperCase(), "--lifetime", "8h", "--multi-use");
        Matcher pass = PASS.matcher(printed);
        assertThat(pass.find()).as(printed).isTrue();
        assertThat(run("access-pass", "--upn", person.upn(), "--lifetime", "31d"))
                .contains("Choose how long the pass works").contains("exit 1");
        assertThat(run("access-pass", "--upn", "nobody@nowhere.example")).contains("exit 1");
        Map<String, Object> row = jdbc.sql("select pass_hash, one_time, revoked_at from access_pass where account_id = ?")
                .param(person.id()).query().singleRow();
        assertThat(row.get("pass_hash")).isEqualTo(keyedHash(person.id() + "\n" + pass.group(1).replace("-", "")));
        assertThat(row.get("one_time")).isEqualTo(false);
        assertThat(row.get("revoked_at")).isNull();

        assertThat(run("access-pass", "--upn", person.upn(), "--revoke")).contains("was revoked").contains("exit 0");
        assertThat(run("access-pass", "--upn", person.upn(), "--revoke"))
                .contains("There was no temporary access pass to revoke.").contains("exit 1");
        assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and type like 'access-pass.%'")
                .param(person.id()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void scimTokenPrintsATokenOnceListsItAndRevokesIt() {
        Person admin = people.createAdmin();
        String domain = admin.domain();

        String printed = run("scim-token", "--domain", domain, "--create", "Entra provisioning");
        Matcher token = Pattern.compile("SCIM token (\\S+) for .*: (scim_\\S+)").matcher(printed);
        assertThat(token.find()).as(printed).isTrue();
        assertThat(scimStatus(token.group(2))).isEqualTo(200);
        assertThat(run("scim-token", "--domain", domain, "--list")).contains(token.group(1) + "  Entra provisioning");
        assertThat(run("scim-token", "--domain", domain, "--create", " ")).contains("exit 1");
        assertThat(run("scim-token", "--domain", "nowhere.example", "--list")).contains("exit 1");

        assertThat(run("scim-token", "--domain", domain, "--revoke", token.group(1))).contains("exit 0");
        assertThat(scimStatus(token.group(2))).isEqualTo(401);
        assertThat(run("scim-token", "--domain", domain, "--list")).contains("revoked");
    }

    private int scimStatus(String token) {
        return new PortalClient(port).withHeader("Authorization", "Bearer " + token).get("/scim/v2/Users?count=1")
                .status();
    }

    /** What the command printed on either stream, and "exit N". */
    private String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
        System.setOut(printed);
        System.setErr(printed);
        int exit = AdminCommands.execute(context, args);
        restore();
        return out.toString(StandardCharsets.UTF_8) + "\nexit " + exit;
    }

    private String keyedHash(String message) throws Exception {
        String key = jdbc.sql("select key_value from portal_key where key_name = 'access-pass'").query(String.class)
                .single();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
