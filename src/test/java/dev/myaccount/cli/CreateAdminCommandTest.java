package dev.myaccount.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.myaccount.MyAccountApplication;
import dev.myaccount.support.TestDatabase;

/**
 * The command the log points to when the portal starts on an empty database outside demo mode, against
 * the database the settings name: H2, and PostgreSQL in the suite's second run. (A command in a process of
 * its own, through the jar's main, is {@link CommandsBesideThePortalTest}'s.)
 */
@Tag("database")
class CreateAdminCommandTest {

    private static final String[] CREATE = {"create-admin", "--organisation", "Northwind", "--domain",
        "northwind.example", "--upn", "it.admin@northwind.example", "--display-name", "IT Admin"};

    private final InputStream stdin = System.in;
    private final PrintStream stderr = System.err;
    private Map<String, Object> database;
    private ConfigurableApplicationContext application;

    @BeforeEach
    void applicationOnAnEmptyDatabase() {
        database = TestDatabase.freshDatabase();
        application = new SpringApplicationBuilder(MyAccountApplication.class).run(Stream.concat(
                Stream.of("--server.port=-1", "--management.server.port=-1", "--spring.main.banner-mode=off"),
                database.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue()))
                .toArray(String[]::new));
    }

    @AfterEach
    void restore() {
        application.close();
        System.setIn(stdin);
        System.setErr(stderr);
    }

    @Test
    void createsTheFirstOrganisationAndItsAdminOnceWithAGoodPasswordAndAUpnInTheDomain() throws SQLException {
        assertThat(run(CREATE, "short\n")).contains("exit 1").contains("at least");
        String[] elsewhere = CREATE.clone();
        elsewhere[6] = "it.admin@elsewhere.example";
        assertThat(run(elsewhere, "first admin passphrase\n")).contains("The UPN must end in @northwind.example.")
                .contains("exit 1");
        try (Connection db = connect(); ResultSet none = db.createStatement().executeQuery(
                "select (select count(*) from organisation) + (select count(*) from account)")) {
            none.next();
            assertThat(none.getInt(1)).isZero();
        }

        assertThat(run(CREATE, "first admin passphrase\n")).contains("exit 0");

        try (Connection db = connect();
                ResultSet row = db.createStatement().executeQuery("""
                        select a.upn, a.password_hash, o.name, m.role from account a
                        join organisation o on o.id = a.organisation_id
                        join membership m on m.account_id = a.id""")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("upn")).isEqualTo("it.admin@northwind.example");
            assertThat(row.getString("name")).isEqualTo("Northwind");
            assertThat(row.getString("role")).isEqualTo("ADMIN");
            assertThat(row.getString("password_hash")).startsWith("{argon2id}$argon2id$");
            ResultSet audit = db.createStatement().executeQuery("select type, client_address from audit_event");
            assertThat(audit.next()).isTrue();
            assertThat(audit.getString("type")).isEqualTo("account.created");
            assertThat(audit.getString("client_address")).isEqualTo("command line");
        }
        assertThat(run(CREATE, "first admin passphrase\n"))
                .contains("An organisation has the domain northwind.example already").contains("exit 1");
    }

    @Test
    void createsAFurtherOrganisationWithItsOwnAdminBesideTheFirst() throws SQLException {
        assertThat(run(CREATE, "first admin passphrase\n")).contains("exit 0");
        String[] fabrikam = {"create-admin", "--organisation", "Fabrikam", "--domain", "fabrikam.example", "--upn",
            "it@fabrikam.example", "--display-name", "Fabrikam IT"};

        assertThat(run(fabrikam, "second admin passphrase\n")).contains("exit 0");

        try (Connection db = connect(); ResultSet rows = db.createStatement().executeQuery("""
                select o.domain, a.upn from organisation o join membership m on m.organisation_id = o.id
                join account a on a.id = m.account_id where m.role = 'ADMIN' order by o.domain""")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("upn")).isEqualTo("it@fabrikam.example");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("upn")).isEqualTo("it.admin@northwind.example");
            assertThat(rows.next()).isFalse();
        }
    }

    private Connection connect() throws SQLException {
        return TestDatabase.connect(database);
    }

    /** What the command printed on its error stream, and "exit N". */
    private String run(String[] args, String input) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = AdminCommands.execute(application, args);
        System.setErr(stderr);
        return err.toString(StandardCharsets.UTF_8) + "\nexit " + exit;
    }
}
