package dev.myaccount.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.myaccount.MyAccountApplication;
import dev.myaccount.support.TestDatabase;

/** {@code access-pass}: IT gives a person a temporary access pass from the command line, or revokes it. */
@Tag("database")
class AccessPassCommandTest {

    private static final String UPN = "it.admin@northwind.example";
    private static final Pattern PRINTED = Pattern.compile("Temporary access pass for \\S+: (\\S+)");

    private final PrintStream stdout = System.out;
    private final InputStream stdin = System.in;
    private Map<String, Object> database;

    @BeforeEach
    void freshDatabaseWithAnAdmin() {
        database = TestDatabase.freshDatabase();
        database.forEach((name, value) -> System.setProperty(name, value.toString()));
        System.setIn(new ByteArrayInputStream("first admin passphrase\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(AdminCommands.run(MyAccountApplication.class, new String[] {"create-admin", "--organisation",
            "Northwind", "--domain", "northwind.example", "--upn", UPN, "--display-name", "IT Admin"})).isZero();
    }

    @AfterEach
    void restore() {
        database.keySet().forEach(System::clearProperty);
        System.setOut(stdout);
        System.setIn(stdin);
    }

    @Test
    void printsAPassOnceStoresOnlyItsHashRefusesWhatItCannotDoAndRevokes() throws Exception {
        String printed = run("access-pass", "--upn", UPN.toUpperCase(), "--lifetime", "8h", "--multi-use");
        Matcher pass = PRINTED.matcher(printed);
        assertThat(pass.find()).as(printed).isTrue();

        assertThat(run("access-pass", "--upn", UPN, "--lifetime", "31d")).contains("exit 1");
        assertThat(run("access-pass", "--upn", "nobody@northwind.example")).contains("exit 1");
        try (Connection db = connect()) {
            ResultSet row = db.createStatement().executeQuery("""
                    select p.pass_hash, p.one_time, p.account_id, p.revoked_at, p.expires_at - p.created_at as lifetime
                    from access_pass p""");
            assertThat(row.next()).isTrue();
            assertThat(row.getString("pass_hash")).isEqualTo(keyedHash(db, row.getString("account_id"),
                    pass.group(1).replace("-", "")));
            assertThat(row.getBoolean("one_time")).isFalse();
            assertThat(row.getString("revoked_at")).isNull();
            assertThat(row.next()).isFalse();
        }

        assertThat(run("access-pass", "--upn", UPN, "--revoke")).contains("was revoked").contains("exit 0");
        try (Connection db = connect(); ResultSet rows = db.createStatement().executeQuery("""
                select (select count(*) from access_pass where revoked_at is not null) as revoked,
                       (select count(*) from audit_event where type = 'access-pass.issued') as issued,
                       (select count(*) from audit_event where type = 'access-pass.revoked') as revocations""")) {
            rows.next();
            assertThat(rows.getInt("revoked")).isEqualTo(1);
            assertThat(rows.getInt("issued")).isEqualTo(1);
            assertThat(rows.getInt("revocations")).isEqualTo(1);
        }
    }

    /** What the command printed, and "exit N". */
    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit = AdminCommands.run(MyAccountApplication.class, args);
        return out.toString(StandardCharsets.UTF_8) + "\nexit " + exit;
    }

    private static String keyedHash(Connection db, String accountId, String pass) throws Exception {
        ResultSet key = db.createStatement().executeQuery(
                "select key_value from portal_key where key_name = 'access-pass'");
        key.next();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(key.getString(1)), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((accountId + "\n" + pass)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private Connection connect() throws SQLException {
        return TestDatabase.connect(database);
    }
}
