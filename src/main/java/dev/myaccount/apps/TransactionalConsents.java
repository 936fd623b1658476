package dev.myaccount.apps;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Consents read and written in a transaction: Spring Authorization Server reads a consent's app while the consent's
 * row is still open, which outside one takes a second database connection (see {@link RotatedRefreshTokens}).
 */
final class TransactionalConsents implements OAuth2AuthorizationConsentService {

    private final OAuth2AuthorizationConsentService consents;
    private final TransactionOperations transaction;

    TransactionalConsents(OAuth2AuthorizationConsentService consents, TransactionOperations transaction) {
        this.consents = consents;
        this.transaction = transaction;
    }

    @Override
    public void save(OAuth2AuthorizationConsent consent) {
        transaction.executeWithoutResult(status -> consents.save(consent));
    }

    @Override
    public void remove(OAuth2AuthorizationConsent consent) {
        transaction.executeWithoutResult(status -> consents.remove(consent));
    }

    @Override
    public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        return transaction.execute(status -> consents.findById(registeredClientId, principalName));
    }
}
