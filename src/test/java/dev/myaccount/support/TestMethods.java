package dev.myaccount.support;

import java.time.Clock;
import java.util.UUID;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;

import dev.myaccount.securityinfo.MethodKind;
import dev.myaccount.securityinfo.SealedSecrets;
import dev.myaccount.securityinfo.SignInMethods;

/** Gives test people sign-in methods, and plays their authenticator app. */
public class TestMethods {

    private final SignInMethods methods;
    private final SealedSecrets sealed;
    private final Clock clock;

    TestMethods(SignInMethods methods, SealedSecrets sealed, Clock clock) {
        this.methods = methods;
        this.sealed = sealed;
        this.clock = clock;
    }

    /** Adds an authenticator app to the person's methods; returns its secret, as the app keeps it. */
    public String addAuthenticator(UUID accountId) {
        String secret = new DefaultSecretGenerator(32).generate();
        methods.add(accountId, MethodKind.AUTHENTICATOR, sealed.seal(secret)).orElseThrow();
        return secret;
    }

    public UUID addEmail(UUID accountId, String address) {
        return methods.add(accountId, MethodKind.EMAIL, address).orElseThrow().id();
    }

    /** The code an authenticator app with {@code secret} shows now, or {@code stepsLater} steps of 30 s later. */
    public String code(String secret, int stepsLater) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret,
                    clock.instant().getEpochSecond() / 30 + stepsLater);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    public String code(String secret) {
        return code(secret, 0);
    }
}
