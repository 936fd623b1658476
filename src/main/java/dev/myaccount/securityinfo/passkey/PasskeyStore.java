package dev.myaccount.securityinfo.passkey;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

import dev.myaccount.audit.AuditLog;
import dev.myaccount.signin.PasskeyProperties;
import dev.myaccount.web.PublicAddress;

/**
 * Where passkeys are kept (Spring Security's JDBC repositories, in the portal's database so that every node
 * knows them) and the checks of WebAuthn ceremonies for the portal's domain.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyStore {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyHolders(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    Passkeys passkeys(JdbcOperations jdbc, PublicKeyCredentialUserEntityRepository holders, AuditLog audit,
            JdbcClient queries, PasskeyProperties settings, PublicAddress portal, ApplicationEventPublisher events) {
        return new Passkeys(new JdbcUserCredentialRepository(jdbc), holders, audit, queries,
                settings.of(portal).rpId(), events);
    }

    @Bean
    WebAuthnRelyingPartyOperations passkeyCeremonies(PublicKeyCredentialUserEntityRepository holders,
            Passkeys passkeys, PasskeyProperties settings, PublicAddress portal) {
        PasskeyProperties party = settings.of(portal);
        return new Webauthn4JRelyingPartyOperations(holders, passkeys,
                PublicKeyCredentialRpEntity.builder().id(party.rpId()).name(party.rpName()).build(), party.origins());
    }
}
