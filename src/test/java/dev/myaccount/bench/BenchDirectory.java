package dev.myaccount.bench;

import java.io.IOException;

import dev.myaccount.support.TestSlapd;

/**
 * A real OpenLDAP (the tests' slapd) for bench/directory.sh, with people person0 to person(N-1) at a domain, all with
 * one password: prints its address and the time the adds took, then serves until its standard input closes.
 *
 * <p>Arguments: domain, number of people, password.
 */
public final class BenchDirectory {

    private BenchDirectory() {
    }

    public static void main(String[] args) throws IOException {
        try (TestSlapd slapd = TestSlapd.start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(slapd::close));
            long start = System.nanoTime();
            slapd.addPeople(args[0], Integer.parseInt(args[1]), args[2]);
            System.out.printf("url %s%npeople %s added in %d ms%n", slapd.url(), args[1],
                    (System.nanoTime() - start) / 1_000_000);
            System.out.flush();
            while (System.in.read() >= 0) {
                // Serves until the script that started it ends.
            }
        }
    }
}
