package dev.myaccount.credential;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id of the password's NFKC form as UTF-8 bytes, which are wiped once hashed; hashes with weaker
 * parameters than the configured ones are marked for upgrade at the next sign-in.
 */
final class Argon2idPasswordEncoder implements PasswordEncoder {

    private final Argon2idHasher hasher;
    private final HashingProperties parameters;

    Argon2idPasswordEncoder(Argon2idHasher hasher, HashingProperties parameters) {
        this.hasher = hasher;
        this.parameters = parameters;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        byte[] password = bytes(rawPassword);
        try {
            return hasher.hash(password);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (encodedPassword == null) {
            return false;
        }
        byte[] password = bytes(rawPassword);
        try {
            return hasher.verify(password, encodedPassword);
        } catch (IllegalArgumentException notAnArgon2idHash) {
            return false;
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        try {
            return PhcString.parse(encodedPassword).weakerThan(parameters);
        } catch (IllegalArgumentException notAnArgon2idHash) {
            return false;
        }
    }

    private static byte[] bytes(CharSequence rawPassword) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(
                CharBuffer.wrap(PasswordNormalisation.normalise(rawPassword)));
        byte[] password = new byte[encoded.remaining()];
        encoded.get(password);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return password;
    }
}
