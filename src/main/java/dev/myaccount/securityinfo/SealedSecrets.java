package dev.myaccount.securityinfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals secrets the portal must read back (authenticator secrets) with AES-256-GCM: a random 96-bit nonce
 * per secret, stored before the ciphertext. The key is configured, or on the embedded default made once into
 * the data directory; it is never in the database, so a copy of the database alone reveals no secret.
 */
@Component
public class SealedSecrets {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String KEY_FILE = "security-info.key";

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SealedSecrets(SecurityInfoProperties settings, @Value("${myaccount.data-dir}") Path dataDirectory) {
        String configured = settings.key() == null || settings.key().isBlank() ? keyFile(dataDirectory)
                : settings.key();
        byte[] bytes = Base64.getDecoder().decode(configured.strip());
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("myaccount.security-info.key must be 32 bytes in base64");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, secret.getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
        return Base64.getEncoder().encodeToString(stored);
    }

    public String open(String stored) {
        byte[] bytes = Base64.getDecoder().decode(stored);
        byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return new String(run(Cipher.DECRYPT_MODE, nonce, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed secret did not open: is myaccount.security-info.key the one"
                    + " it was sealed with?", e);
        }
    }

    /** The key in the data directory, made on first start with a fresh random key readable by its owner only. */
    private String keyFile(Path dataDirectory) {
        Path file = dataDirectory.resolve(KEY_FILE);
        try {
            if (Files.notExists(file)) {
                Files.createDirectories(dataDirectory);
                byte[] fresh = new byte[KEY_BYTES];
                random.nextBytes(fresh);
                // Readable by its owner only from the moment it exists; on Windows it keeps the directory's rights.
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make " + file, e);
        }
    }
}
