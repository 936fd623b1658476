package dev.myaccount.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;

@ExtendWith(OutputCaptureExtension.class)
class PasswordHashingTest {

    private static final HashingProperties OWASP = new HashingProperties(19456, 2, 1, 0, 64, Duration.ofSeconds(5), "auto");

    private final PasswordEncoder owasp = PasswordHashingConfiguration.argon2id(OWASP);
    private final Argon2idHasher libsodium = new SodiumArgon2id(OWASP);
    private final Argon2idHasher bouncyCastle = new BouncyCastleArgon2id(OWASP);
    /** libargon2, the reference C code, which hashed the portal's passwords until 2026-11-27. */
    private final Argon2 libargon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32);

    @Test
    void hashesAreArgon2idPhcStringsWithOwaspParametersBehindAnId() {
        String hash = owasp.encode("correct horse battery staple");

        assertThat(hash).startsWith("{argon2id}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(owasp.matches("correct horse battery staple", hash)).isTrue();
        assertThat(owasp.matches("correct horse battery stapler", hash)).isFalse();
    }

    @Test
    void thePortalHashesWithLibsodium() {
        assertThat(new Argon2idPasswordEncoder(libsodium, OWASP).encode("x")).startsWith("$argon2id$v=19$");
        assertThat(libsodium.implementation()).as("the libsodium lazysodium ships, not the system's")
                .isEqualTo("libsodium (bundled)");
    }

    @Test
    void eachImplementationVerifiesTheOthersHashesAndRefusesAWrongPassword() {
        byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        byte[] wrong = "correct horse battery stapler".getBytes(StandardCharsets.UTF_8);
        String bySodium = libsodium.hash(password);
        String byJava = bouncyCastle.hash(password);
        String byReference = libargon2.hash(2, 19456, 1, password);

        assertThat(bySodium).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(byJava).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(bouncyCastle.verify(password, bySodium)).isTrue();
        assertThat(libargon2.verify(bySodium, password)).isTrue();
        assertThat(libsodium.verify(password, byJava)).isTrue();
        assertThat(libsodium.verify(password, byReference)).as("a hash stored before libsodium").isTrue();
        assertThat(bouncyCastle.verify(wrong, bySodium)).isFalse();
        assertThat(libsodium.verify(wrong, byJava)).isFalse();
        assertThat(libsodium.verify(wrong, byReference)).isFalse();
    }

    @Test
    void libsodiumGivesTheReferenceTagsAndLeavesMoreLanesToBouncyCastle() {
        Argon2Advanced reference = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);
        byte[] password = "pässwörd ✓".getBytes(StandardCharsets.UTF_8);
        byte[] salt = filled(16, 0x5a);
        for (int[] mtl : new int[][] {{8, 1, 16}, {1024, 1, 32}, {19456, 2, 32}, {4096, 3, 64}}) {
            assertThat(libsodium.tag(password, salt, mtl[0], mtl[1], 1, mtl[2])).as("m=%d t=%d", mtl[0], mtl[1])
                    .isEqualTo(reference.rawHashAdvanced(mtl[1], mtl[0], 1, password, salt, null, null, mtl[2],
                            Argon2Version.V13));
        }
        String twoLanes = libargon2.hash(1, 1024, 2, password);
        assertThat(libsodium.verify(password, twoLanes)).isTrue();
        assertThat(libsodium.verify(filled(4, 0x61), twoLanes)).isFalse();
    }

    @Test
    void parametersLibsodiumCannotComputeGoToTheImplementationThatCanAndSaySo(CapturedOutput log) {
        HashingProperties twoLanes = new HashingProperties(1024, 1, 2, 0, 64, Duration.ofSeconds(5), "auto");

        Argon2idHasher chosen = FastestArgon2id.choose(twoLanes).hasher();

        assertThat(chosen.implementation()).isEqualTo("libargon2");
        assertThat(log.getAll()).contains("libsodium's Argon2id cannot be used here");
        byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        String hash = chosen.hash(password);
        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=2$");
        assertThat(libargon2.verify(hash, password)).isTrue();
    }

    @Test
    void atStartUpEachNativeImplementationIsMeasuredAndTheFastestChosenUnlessOneIsNamed(CapturedOutput log) {
        FastestArgon2id auto = FastestArgon2id.choose(OWASP);

        assertThat(auto.hashesPerSecond()).containsOnlyKeys("libsodium (bundled)", "libargon2")
                .allSatisfy((name, rate) -> assertThat(rate).isPositive());
        assertThat(auto.hashesPerSecond().get(auto.hasher().implementation()))
                .isEqualTo(auto.hashesPerSecond().values().stream().max(Double::compare).orElseThrow());
        assertThat(log.getAll()).contains("Hashing passwords with " + auto.hasher().implementation()
                + "'s Argon2id (m=19456 KiB, t=2, p=1), the fastest measured here");
        for (String[] named : new String[][] {{"libsodium", "libsodium (bundled)"}, {"LIBARGON2", "libargon2"},
                {"bouncycastle", "BouncyCastle"}}) {
            FastestArgon2id choice = FastestArgon2id.choose(new HashingProperties(19456, 2, 1, 0, 64,
                    Duration.ofSeconds(5), named[0]));
            assertThat(choice.hasher().implementation()).isEqualTo(named[1]);
            assertThat(choice.hashesPerSecond()).isEmpty();
        }
    }

    @Test
    void aClearLeadIsDecidedInThreeRoundsAndATieIsMeasuredForMoreRounds() {
        TimedHasher fast = new TimedHasher("fast", 10, 0);
        TimedHasher slow = new TimedHasher("slow", 30, 0);
        TimedHasher alike = new TimedHasher("alike", 10, 0);

        Map<String, Double> clear = FastestArgon2id.measured(List.of(fast, slow));
        assertThat(clear.get("fast")).isGreaterThan(clear.get("slow"));
        assertThat(fast.hashes).as("one to warm up and three rounds").isEqualTo(4);
        assertThat(slow.hashes).isEqualTo(4);

        fast.hashes = 0;
        FastestArgon2id.measured(List.of(fast, alike));
        assertThat(fast.hashes).as("one to warm up and the most rounds").isEqualTo(1 + FastestArgon2id.MOST_ROUNDS);
        assertThat(alike.hashes).isEqualTo(1 + FastestArgon2id.MOST_ROUNDS);
    }

    /** A hash that waits (for a processor another process holds) is no slower under load, where processors are busy. */
    @Test
    void implementationsAreMeasuredByTheProcessorTimeOfTheirHashesNotByTheirWaits() {
        TimedHasher working = new TimedHasher("working", 20, 0);
        TimedHasher waiting = new TimedHasher("waiting", 10, 40);

        Map<String, Double> rates = FastestArgon2id.measured(List.of(working, waiting));

        assertThat(rates.get("waiting")).isGreaterThan(rates.get("working") * 1.5);
    }

    @Test
    void aChoiceMeasuredInABadMomentIsTurnedAroundWhenMeasuredAgain() {
        TimedHasher disturbed = new TimedHasher("disturbed", 30, 0);
        TimedHasher steady = TimedHasher.holdingMemory("steady", 15);
        FastestArgon2id fastest = new FastestArgon2id(OWASP, List.of(disturbed, steady));
        assertThat(fastest.hasher().implementation()).isEqualTo("steady");

        disturbed.workMillis = 5;
        fastest.measureAgain();

        assertThat(fastest.hasher().implementation()).isEqualTo("disturbed");
        int before = disturbed.hashes;
        fastest.hasher().hash(new byte[] {1});
        assertThat(disturbed.hashes).as("the next hash by the one now fastest").isEqualTo(before + 1);
        assertThat(fastest.hashesPerSecond().get("disturbed")).isGreaterThan(fastest.hashesPerSecond().get("steady"));
        assertThat(steady.released).as("chosen once, it is measured again").isFalse();
    }

    @Test
    void oneMeasurementInABadMomentDoesNotTurnAChoiceAroundButALastingChangeDoes() {
        TimedHasher first = new TimedHasher("first", 10, 0);
        TimedHasher second = new TimedHasher("second", 20, 0);
        FastestArgon2id fastest = new FastestArgon2id(OWASP, List.of(first, second));

        first.workMillis = 40;
        fastest.measureAgain();
        assertThat(fastest.hasher().implementation()).as("after one bad measurement").isEqualTo("first");
        fastest.measureAgain();
        assertThat(fastest.hasher().implementation()).as("after two").isEqualTo("first");
        fastest.measureAgain();
        assertThat(fastest.hasher().implementation()).as("once the start-up's has gone from the last three")
                .isEqualTo("second");
    }

    @Test
    void anImplementationThatHoldsMemoryAndWasNotChosenIsReleasedAndNeverMeasuredAgain() {
        TimedHasher fast = new TimedHasher("fast", 10, 0);
        TimedHasher holding = TimedHasher.holdingMemory("holding", 20);
        FastestArgon2id fastest = new FastestArgon2id(OWASP, List.of(fast, holding));
        assertThat(holding.released).isTrue();
        assertThat(fastest.measuresAgain()).as("nothing left to compare the fast one with").isFalse();
        int measured = fast.hashes;

        holding.workMillis = 1;
        fastest.measureAgain();

        assertThat(holding.hashes).as("hashes of the released one").isEqualTo(4);
        assertThat(fast.hashes).as("nothing left to compare it with").isEqualTo(measured);
        assertThat(fastest.hasher().implementation()).isEqualTo("fast");
    }

    /** An implementation whose every hash takes {@code workMillis} of a processor, then waits {@code waitMillis}. */
    private static final class TimedHasher extends Argon2idHasher {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        private final String name;
        private final long waitMillis;
        private long workMillis;
        private int hashes;
        private boolean holdsMemory;
        private boolean released;

        TimedHasher(String name, long workMillis, long waitMillis) {
            super(OWASP);
            this.name = name;
            this.workMillis = workMillis;
            this.waitMillis = waitMillis;
        }

        /** One that holds memory between hashes, as libargon2's threads do. */
        static TimedHasher holdingMemory(String name, long workMillis) {
            TimedHasher holding = new TimedHasher(name, workMillis, 0);
            holding.holdsMemory = true;
            return holding;
        }

        @Override
        String implementation() {
            return name;
        }

        @Override
        boolean holdsMemory() {
            return holdsMemory;
        }

        @Override
        void release() {
            released = true;
        }

        @Override
        byte[] tag(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
            hashes++;
            long until = THREADS.getCurrentThreadCpuTime() + workMillis * 1_000_000;
            while (THREADS.getCurrentThreadCpuTime() < until) {
                Thread.onSpinWait();
            }
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new byte[length];
        }
    }

    @Test
    void libargon2GivesTheTagsOfLibsodium() {
        Argon2idHasher reference = new LibArgon2Argon2id(OWASP);
        byte[] password = "pässwörd ✓".getBytes(StandardCharsets.UTF_8);
        byte[] salt = filled(16, 0x33);

        assertThat(reference.tag(password, salt, 19456, 2, 1, 32)).isEqualTo(libsodium.tag(password, salt, 19456, 2, 1,
                32));
        assertThat(libsodium.verify(password, reference.hash(password))).isTrue();
    }

    @Test
    void hashesStoredBySpringSecuritysEncoderStillVerify() {
        String stored = "{argon2id}"
                + new Argon2PasswordEncoder(16, 32, 1, 19456, 2).encode("an older stored password");

        assertThat(owasp.matches("an older stored password", stored)).isTrue();
        assertThat(owasp.matches("another password", stored)).isFalse();
        assertThat(owasp.upgradeEncoding(stored)).isFalse();
    }

    @Test
    void bouncyCastleAndTheReferenceGiveRfc9106sArgon2idTestVector() {
        // RFC 9106, section 5.3: t=3, m=32 KiB, p=4, password 32 × 0x01, salt 16 × 0x02, secret 8 × 0x03,
        // associated data 12 × 0x04, a tag of 32 bytes.
        byte[] password = filled(32, 0x01);
        byte[] salt = filled(16, 0x02);
        byte[] secret = filled(8, 0x03);
        byte[] associated = filled(12, 0x04);
        byte[] expected = HexFormat.of().parseHex("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");

        Argon2BytesGenerator java = new Argon2BytesGenerator();
        java.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(3).withMemoryAsKB(32).withParallelism(4).withSalt(salt).withSecret(secret)
                .withAdditional(associated).build());
        byte[] byJava = new byte[32];
        java.generateBytes(password, byJava);
        Argon2Advanced library = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);
        byte[] byNative = library.rawHashAdvanced(3, 32, 4, password, salt, secret, associated, 32, Argon2Version.V13);

        assertThat(byJava).isEqualTo(expected);
        assertThat(byNative).isEqualTo(expected);
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(owasp.encode("same password")).isNotEqualTo(owasp.encode("same password"));
    }

    @Test
    void aPasswordTypedInAnotherUnicodeFormIsTheSamePassword() {
        String composed = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e";
        String decomposed = "cafe\u0301 cre\u0300me bru\u0302le\u0301e";
        String fullWidthDigits = "pin \uff11\uff12\uff13\uff14";

        assertThat(owasp.matches(decomposed, owasp.encode(composed))).isTrue();
        assertThat(owasp.matches("pin 1234", owasp.encode(fullWidthDigits))).isTrue();
    }

    @Test
    void aHashWithWeakerParametersIsMarkedForUpgrade() {
        PasswordEncoder weaker = PasswordHashingConfiguration.argon2id(
                new HashingProperties(4096, 1, 1, 0, 64, Duration.ofSeconds(5), "auto"));

        assertThat(owasp.upgradeEncoding(weaker.encode("some password"))).isTrue();
        assertThat(owasp.upgradeEncoding(owasp.encode("some password"))).isFalse();
    }

    @Test
    void aDamagedStoredHashIsAWrongPasswordNotAnError() {
        for (String damaged : new String[] {"{argon2id}", "{argon2id}$argon2id$v=19$m=19456", "{argon2id}garbage",
                "{argon2id}$argon2id$v=19$m=19456,t=2,p=1$!!$!!",
                "{argon2id}$argon2id$v=19$m=1,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA",
                "{argon2id}$argon2id$v=19$m=1024,t=0,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA"}) {
            assertThat(owasp.matches("any password", damaged)).as(damaged).isFalse();
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
