package dev.myaccount.credential;

import java.util.Base64;

/**
 * An Argon2id hash in the PHC string format that libargon2, libsodium, BouncyCastle through Spring Security,
 * and this portal all write: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, Base64 without padding.
 */
record PhcString(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

    private static final String PREFIX = "$argon2id$v=19$";
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    /** The parts of a stored hash; IllegalArgumentException when it is not an Argon2id PHC string. */
    static PhcString parse(String phc) {
        if (!phc.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not an Argon2id (version 19) PHC string");
        }
        String[] parts = phc.substring(PREFIX.length()).split("\\$");
        String[] parameters = parts.length == 3 ? parts[0].split(",") : new String[0];
        if (parameters.length != 3 || !parameters[0].startsWith("m=") || !parameters[1].startsWith("t=")
                || !parameters[2].startsWith("p=")) {
            throw new IllegalArgumentException("Malformed Argon2id PHC string");
        }
        return new PhcString(Integer.parseInt(parameters[0].substring(2)), Integer.parseInt(parameters[1].substring(2)),
                Integer.parseInt(parameters[2].substring(2)), DECODER.decode(parts[1]), DECODER.decode(parts[2]));
    }

    String format() {
        return PREFIX + "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + ENCODER.encodeToString(salt)
                + "$" + ENCODER.encodeToString(hash);
    }

    boolean weakerThan(HashingProperties current) {
        return memoryKib < current.memoryKib() || iterations < current.iterations()
                || parallelism < current.parallelism();
    }
}
