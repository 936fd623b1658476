package dev.myaccount.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;

/** A refresh token names its grant, and only one the portal made with its key names one. */
class RefreshTokensTest {

    private final RefreshTokens tokens = under("the portal's key of thirty-two bytes");
    private final RegisteredClient app = RegisteredClient.withId("app").clientId("wiki").clientSecret("hashed")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN).redirectUri("https://wiki.example/in")
            .build();

    private static RefreshTokens under(String key) {
        return new RefreshTokens(data -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return mac.doFinal(data);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String madeFor(RefreshTokens maker, String grantId) {
        OAuth2Authorization grant = OAuth2Authorization.withRegisteredClient(app).id(grantId).principalName("ada")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).build();
        return maker.generate(DefaultOAuth2TokenContext.builder().registeredClient(app).authorization(grant)
                .tokenType(OAuth2TokenType.REFRESH_TOKEN).authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .build()).getTokenValue();
    }

    @Test
    void aTokenNamesTheGrantItWasMadeForAndEachIsNew() {
        String token = madeFor(tokens, "4f1c7c1e-9b0a-4d8e-a6a2-0e6f1f3b2c11");

        assertThat(tokens.grantOf(token)).contains("4f1c7c1e-9b0a-4d8e-a6a2-0e6f1f3b2c11");
        assertThat(madeFor(tokens, "4f1c7c1e-9b0a-4d8e-a6a2-0e6f1f3b2c11")).isNotEqualTo(token);
    }

    @Test
    void aTokenNotMadeByThePortalNamesNoGrant() {
        String token = madeFor(tokens, "grant-one");
        int mac = token.lastIndexOf('.');
        char other = token.charAt(mac + 1) == 'A' ? 'B' : 'A';

        assertThat(tokens.grantOf(token.replace(".grant-one.", ".grant-two."))).isEmpty();
        assertThat(tokens.grantOf(token.substring(0, mac + 1) + other + token.substring(mac + 2))).isEmpty();
        assertThat(tokens.grantOf(madeFor(under("another portal's key, 32 bytes.."), "grant-one")))
                .isEmpty();
        assertThat(tokens.grantOf("grant-one")).isEmpty();
        assertThat(tokens.grantOf(".grant-one.")).isEmpty();
        assertThat(tokens.grantOf("..")).isEmpty();
    }
}
