package dev.myaccount;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A word that is no command, typed to the jar, says so and lists the commands rather than starting a portal. */
class MistypedCommandTest {

    @Test
    void aMistypedCommandListsTheCommandsAndExits2WithoutStartingThePortal() throws Exception {
        Process jar = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MyAccountApplication.class.getName(), "ap", "--list"))
                .redirectErrorStream(true).start();
        jar.getOutputStream().close();
        boolean ended = jar.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            jar.destroyForcibly();
        }
        String output = new String(jar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as(output).isTrue();
        assertThat(jar.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("There is no command 'ap'.")
                .contains("access-pass", "create-admin", "scim-token", "policy").doesNotContain("Tomcat");
    }
}
