package dev.myaccount.securityinfo.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.MapUserCredentialRepository;

/**
 * The name a browser gives a new passkey reaches Spring's registration endpoint, not the portal's rename form:
 * it is kept as one that pages show as it is, without control characters, and not longer than a rename allows.
 */
class PasskeyNamesTest {

    @Test
    void aNewPasskeysNameIsKeptWithoutControlCharactersAndCut() {
        MapUserCredentialRepository store = new MapUserCredentialRepository();
        Passkeys passkeys = new Passkeys(store, null, null, null, "localhost", null);
        Bytes id = Bytes.random();

        passkeys.save(ImmutableCredentialRecord.builder().credentialId(id).userEntityUserId(Bytes.random())
                .publicKey(new ImmutablePublicKeyCose(new byte[] {1})).signatureCount(0).uvInitialized(true)
                .backupEligible(false).backupState(false).credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .created(Instant.now()).lastUsed(Instant.now()).label("  Lap\u0000top\u001b[31m " + "x".repeat(80))
                .build());

        assertThat(store.findByCredentialId(id).getLabel()).isEqualTo("Lap\uFFFDtop\uFFFD[31m " + "x".repeat(51));
        assertThat(Passkeys.shown("🔑".repeat(70))).isEqualTo("🔑".repeat(64));
    }
}
