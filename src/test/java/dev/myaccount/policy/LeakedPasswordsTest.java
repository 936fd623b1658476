package dev.myaccount.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeakedPasswordsTest {

    @Test
    void theShippedListIsTheRealLeakedPasswordList() {
        LeakedPasswords shipped = LeakedPasswords.load(null);

        assertThat(shipped.isLeaked("password")).isTrue();
        assertThat(shipped.isLeaked(LookAlikes.fold("P@ssw0rd"))).isTrue();
        assertThat(shipped.isLeaked("qwerty")).isTrue();
        assertThat(shipped.isLeaked("seven sleepy otters in a canoe")).isFalse();
        assertThat(shipped.terms().nodeCount()).isGreaterThan(50_000);
    }

    @Test
    void anOrganisationsOwnListFromAFileIsAddedAtStartUp(@TempDir Path directory) throws IOException {
        Path extra = directory.resolve("banned.txt");
        Files.write(extra, List.of("Northwind-Traders-2026", "", "  tailspin toys  "));

        LeakedPasswords withExtra = LeakedPasswords.load(extra);

        assertThat(withExtra.isLeaked(LookAlikes.fold("northwind-traders-2026"))).isTrue();
        assertThat(withExtra.isLeaked(LookAlikes.fold("tailspin toys"))).isTrue();
        assertThat(withExtra.isLeaked("password")).isTrue();
        assertThat(LeakedPasswords.load(null).isLeaked(LookAlikes.fold("tailspin toys"))).isFalse();
    }
}
