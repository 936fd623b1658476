package dev.myaccount.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database the integration tests run against, chosen by the system property
 * {@code myaccount.test.database}: {@code h2} (the embedded default, as a file database) or
 * {@code postgres} (a real PostgreSQL server started from a Maven dependency, once per test run).
 */
public final class TestDatabase {

    private static final String KIND = System.getProperty("myaccount.test.database", "h2");
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static String kind() {
        return KIND;
    }

    /** Settings for a new, empty database of the chosen kind. */
    public static Map<String, Object> freshDatabase() {
        return switch (KIND) {
            case "h2" -> Map.of("myaccount.data-dir", freshDataDirectory());
            case "postgres" -> Map.of(
                    "spring.datasource.url", freshPostgresDatabase(),
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "");
            default -> throw new IllegalArgumentException("Unknown test database " + KIND);
        };
    }

    /** A connection to a database made by {@link #freshDatabase()}, for a look into what a command stored. */
    public static Connection connect(Map<String, Object> database) throws SQLException {
        return database.containsKey("spring.datasource.url")
                ? DriverManager.getConnection(database.get("spring.datasource.url").toString(),
                        database.get("spring.datasource.username").toString(),
                        database.get("spring.datasource.password").toString())
                : DriverManager.getConnection("jdbc:h2:file:" + database.get("myaccount.data-dir")
                        + "/myaccount;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "myaccount", "");
    }

    public static String freshDataDirectory() {
        try {
            Path target = Files.createDirectories(Path.of("target", "test-data"));
            return Files.createTempDirectory(target, "h2-").toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String freshPostgresDatabase() {
        String name = "myaccount_" + UUID.randomUUID().toString().replace("-", "");
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                SpringApplication.getShutdownHandlers().add(TestDatabase::stopPostgres);
            }
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database " + name);
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the test PostgreSQL server", e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    /**
     * Stops the server after Spring Boot closed the test portals (the server's own hook is off): a portal that closes
     * against a stopped server waits for a connection (its event registry looks for unfinished events) until the
     * pool gives up, longer than Surefire lets a test JVM take to exit.
     */
    private static void stopPostgres() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
