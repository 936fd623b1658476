package dev.myaccount.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.myaccount.MyAccountApplication;
import dev.myaccount.support.TestDatabase;

/**
 * The command the log points to when the portal starts on an empty database outside demo mode, against
 * the database the settings name: H2, and PostgreSQL in the suite's second run.
 */
@Tag("database")
class CreateAdminCommandTest {

    private static final String[] CREATE = {"create-admin", "--organisation", "Northwind", "--domain",
        "northwind.example", "--upn", "it.admin@northwind.example", "--display-name", "IT Admin"};

    private final InputStream stdin = System.in;
    private Map<String, Object> database;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabase.freshDatabase();
        database.forEach((name, value) -> System.setProperty(name, value.toString()));
    }

    @AfterEach
    void restore() {
        database.keySet().forEach(System::clearProperty);
        System.setIn(stdin);
    }

    @Test
    void createsTheFirstOrganisationAndItsAdmin() throws SQLException {
        assertThat(runWithInput(CREATE, "first admin passphrase\n")).isZero();

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
    }

    @Test
    void refusesAWeakPasswordAndCreatesNothing() {
        assertThat(runWithInput(CREATE, "short\n")).isEqualTo(1);
        assertThat(runWithInput(CREATE, "a long enough passphrase\n")).isZero();
    }

    @Test
    void refusesASecondFirstAdmin() {
        assertThat(runWithInput(CREATE, "first admin passphrase\n")).isZero();
        assertThat(runWithInput(CREATE, "first admin passphrase\n")).isEqualTo(1);
    }

    @Test
    void refusesAUpnOutsideTheDomain() {
        String[] elsewhere = CREATE.clone();
        elsewhere[6] = "it.admin@elsewhere.example";
        assertThat(runWithInput(elsewhere, "first admin passphrase\n")).isEqualTo(1);
    }

    private Connection connect() throws SQLException {
        return TestDatabase.connect(database);
    }

    private static int runWithInput(String[] args, String input) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        return AdminCommands.run(MyAccountApplication.class, args);
    }
}
