package dev.myaccount.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** What the tests' real servers (slapd, a Samba domain controller) share: their tools, their start and their end. */
final class ServerProcesses {

    private ServerProcesses() {
    }

    interface Start<T> {
        T run() throws IOException, InterruptedException;
    }

    /** The server {@code start} made, its checked failures made unchecked for a test's set-up. */
    static <T> T started(Start<T> start) {
        try {
            return start.run();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** What a command printed (both streams), whatever it exited with. */
    static String output(Path directory, String... command) {
        return started(() -> {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(120, TimeUnit.SECONDS);
            return output;
        });
    }

    /** Runs a command that must succeed. */
    static void run(Path directory, String... command) {
        started(() -> {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return null;
        });
    }

    /** Waits until {@code ready}; fails with the server's log when it stopped or took longer than {@code patience}. */
    static void awaitReady(Process server, Path log, Duration patience, BooleanSupplier ready)
            throws IOException, InterruptedException {
        Instant giveUp = Instant.now().plus(patience);
        while (!ready.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp) || !server.isAlive()) {
                throw new IllegalStateException(String.join(" ", server.info().command().orElse("The server"))
                        + " did not start:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    /** Stops the server with the processes it started, and removes its files. */
    static void stop(Process server, Path home) {
        server.descendants().forEach(ProcessHandle::destroy);
        server.destroy();
        try {
            server.waitFor(10, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException | InterruptedException ignored) {
            // A temporary directory left behind harms nothing.
        }
    }
}
