package dev.myaccount.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import dev.myaccount.MyAccountApplication;
import dev.myaccount.credential.AccessPasses;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/**
 * IT runs a command of the jar, in a process of its own, while the portal runs on the embedded default,
 * whose file lock once refused it. (PostgreSQL serves any number of clients; the test runs on H2 only.)
 */
@PortalTest
@EnabledIfSystemProperty(named = "myaccount.test.database", matches = "h2")
class CommandsBesideThePortalTest extends PortalTestCase {

    @Autowired
    Environment environment;

    @Autowired
    AccessPasses passes;

    @Test
    void anAccessPassIssuedByAnotherProcessWhileThePortalRunsIsLiveInThePortal() throws Exception {
        Person person = people.create(null, null, false);

        ProcessBuilder process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), MyAccountApplication.class.getName(), "access-pass", "--upn",
                person.upn())).redirectErrorStream(true);
        // The portal's own database, as an operator's environment names it.
        process.environment().put("SPRING_DATASOURCE_URL", environment.getProperty("spring.datasource.url"));
        process.environment().put("SPRING_DATASOURCE_USERNAME", environment.getProperty("spring.datasource.username"));
        process.environment().put("SPRING_DATASOURCE_PASSWORD", environment.getProperty("spring.datasource.password"));
        Process command = process.start();
        String output = waitFor(command);

        assertThat(command.exitValue()).as(output).isZero();
        assertThat(output).contains("Temporary access pass for " + person.upn());
        assertThat(passes.live(person.id())).isPresent();
    }

    private String waitFor(Process command) throws IOException, InterruptedException {
        command.getOutputStream().close();
        byte[] output = command.getInputStream().readAllBytes();
        if (!command.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)) {
            command.destroyForcibly();
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
