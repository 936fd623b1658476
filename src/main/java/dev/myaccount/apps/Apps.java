package dev.myaccount.apps;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;

/**
 * An organisation's apps, registered, changed and removed by its admins or from the command line, audited. Every app
 * signs in with the authorization code and PKCE; a confidential one also holds a secret (shown once) and may ask
 * for tokens of its own (client credentials); a public one (a single-page or a native app) holds none.
 */
@Service
public class Apps {

    public static final int LONGEST_NAME = 100;
    private static final int LONGEST_REDIRECT_URI = 1000;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    /** An app as its organisation's admins see it; {@code signals} is its Shared Signals stream, if it made one. */
    public record App(String clientId, String name, String redirectUri, boolean publicClient, boolean consent,
            String backChannelLogoutUri, Instant createdAt, String createdBy, boolean disabled, Signals signals) {
    }

    /** Where an app's security events go, whether they are sent ({@code enabled}, {@code paused}, {@code disabled}),
     * and how many wait for its receiver. */
    public record Signals(String endpointUrl, String status, int waiting) {
    }

    /**
     * An app to register: its name, the address it receives sign-ins at, whether it can keep a secret, whether people
     * consent before it is told who they are, and where it takes back-channel logout tokens (none: null).
     */
    public record NewApp(String name, String redirectUri, boolean publicClient, boolean consent,
            String backChannelLogoutUri) {
    }

    /** An app just registered with its secret (none for a public app), or the message key of why not. */
    public record Created(App app, String secret, String refusal) {
    }

    private final JdbcRegisteredClientRepository clients;
    private final AppRepository apps;
    private final ClientSecrets secrets;
    private final SignalStreams streams;
    private final AppsProperties settings;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Apps(JdbcRegisteredClientRepository clients, AppRepository apps, ClientSecrets secrets, SignalStreams streams,
            AppsProperties settings, AuditLog audit, TransactionTemplate transaction, Clock clock) {
        this.streams = streams;
        this.clients = clients;
        this.apps = apps;
        this.secrets = secrets;
        this.settings = settings;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    public List<App> of(Actor admin) {
        Map<String, Signals> signals = streams.signalsOf(admin.organisationId());
        return apps.of(admin.organisationId()).stream().map(row -> app(clients.findById(row.registeredClientId()),
                row, signals.get(row.registeredClientId()))).toList();
    }

    public Created create(Actor admin, NewApp app, RequestOrigin origin) {
        String stripped = app.name() == null ? "" : app.name().strip();
        if (stripped.isEmpty() || stripped.length() > LONGEST_NAME
                || stripped.codePoints().anyMatch(Character::isISOControl)) {
            return new Created(null, null, "apps.error.name");
        }
        if (!isAppAddress(app.redirectUri())) {
            return new Created(null, null, "apps.error.redirect-uri");
        }
        if (app.backChannelLogoutUri() != null && !isAppAddress(app.backChannelLogoutUri())) {
            return new Created(null, null, "apps.error.logout-uri");
        }
        Instant now = clock.instant();
        String secret = app.publicClient() ? null : secrets.fresh();
        ClientSettings.Builder clientSettings = ClientSettings.builder().requireProofKey(true)
                .requireAuthorizationConsent(app.consent());
        if (app.backChannelLogoutUri() != null) {
            clientSettings.setting(AppSettings.BACK_CHANNEL_LOGOUT_URI, app.backChannelLogoutUri());
        }
        RegisteredClient.Builder client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(UUID.randomUUID().toString()).clientIdIssuedAt(now).clientName(stripped)
                .redirectUri(app.redirectUri())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(clientSettings.build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(settings.accessTokenLife())
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                        .refreshTokenTimeToLive(settings.refreshTokenLife()).reuseRefreshTokens(false).build());
        if (app.publicClient()) {
            client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            client.clientSecret(secrets.hash(secret))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
        }
        RegisteredClient registered = client.build();
        transaction.executeWithoutResult(status -> {
            clients.save(registered);
            apps.add(registered.getId(), admin.organisationId(), now, admin.name());
            audit.record(new AuditEvent(AuditEventType.APP_REGISTERED, admin.organisationId(), null, origin,
                    stripped + " (" + registered.getClientId() + ")", admin.accountId()));
        });
        return new Created(app(registered, new AppRepository.Row(registered.getId(), now, admin.name(), false), null),
                secret, null);
    }

    /** A new secret for one of the organisation's confidential apps, the old one refused from now; empty when none. */
    public Optional<String> rotateSecret(Actor admin, String clientId, RequestOrigin origin) {
        return transaction.execute(status -> registered(admin, clientId)
                .filter(client -> client.getClientSecret() != null).map(client -> {
                    String secret = secrets.fresh();
                    clients.save(RegisteredClient.from(client).clientSecret(secrets.hash(secret)).build());
                    audit.record(new AuditEvent(AuditEventType.APP_SECRET_ROTATED, admin.organisationId(), null,
                            origin, client.getClientName() + " (" + clientId + ")", admin.accountId()));
                    return secret;
                }));
    }

    /** Turns one of the organisation's apps off (it signs no one in, its tokens are refused) or on again. */
    public boolean setEnabled(Actor admin, String clientId, boolean enabled, RequestOrigin origin) {
        return Boolean.TRUE.equals(transaction.execute(status -> registered(admin, clientId).map(client -> {
            apps.setDisabled(client.getId(), enabled ? null : clock.instant());
            audit.record(new AuditEvent(enabled ? AuditEventType.APP_ENABLED : AuditEventType.APP_DISABLED,
                    admin.organisationId(), null, origin, client.getClientName() + " (" + clientId + ")",
                    admin.accountId()));
            return true;
        }).orElse(false)));
    }

    /** Removes one of the organisation's apps with every grant and consent it held. */
    public boolean delete(Actor admin, String clientId, RequestOrigin origin) {
        return Boolean.TRUE.equals(transaction.execute(status -> registered(admin, clientId).map(client -> {
            apps.delete(client.getId());
            audit.record(new AuditEvent(AuditEventType.APP_DELETED, admin.organisationId(), null, origin,
                    client.getClientName() + " (" + clientId + ")", admin.accountId()));
            return true;
        }).orElse(false)));
    }

    private Optional<RegisteredClient> registered(Actor admin, String clientId) {
        return apps.registeredClientIdIn(admin.organisationId(), clientId == null ? "" : clientId.strip())
                .map(clients::findById);
    }

    private App app(RegisteredClient client, AppRepository.Row row, Signals signals) {
        return new App(client.getClientId(), client.getClientName(), client.getRedirectUris().iterator().next(),
                client.getClientSecret() == null, client.getClientSettings().isRequireAuthorizationConsent(),
                AppSettings.backChannelLogoutUri(client), row.createdAt(), row.createdBy(), row.disabled(), signals);
    }

    /** An absolute https address without a fragment, or http on the device itself (RFC 8252's loopback). */
    static boolean isAppAddress(String value) {
        if (value == null || value.isBlank() || value.length() > LONGEST_REDIRECT_URI) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.getHost() != null && uri.getRawFragment() == null && uri.getRawUserInfo() == null
                    && (scheme.equals("https") || scheme.equals("http") && LOOPBACK.contains(uri.getHost()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
