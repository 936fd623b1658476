package dev.myaccount.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.DelegatingAuthenticationConverter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionOperations;

import dev.myaccount.credential.PortalKeys;
import dev.myaccount.signin.SignInFacts;
import dev.myaccount.signin.SignedInPerson;
import dev.myaccount.web.Access;
import dev.myaccount.web.PortalPages;
import dev.myaccount.web.PublicAddress;
import dev.myaccount.web.SignedInRequestCheck;

/**
 * The portal as an OpenID Provider (Spring Authorization Server): its endpoints in a chain of their own, before the
 * portal's pages, with its clients, grants and consents in the portal's database. People sign in on the portal's
 * own sign-in page, with its lockout, second step and policy, and come back to the app.
 */
@Configuration(proxyBeanMethods = false)
class AppsSecurity {

    static final String AUTHORIZE = "/oauth2/authorize";

    @Bean
    ClientRows clientRows() {
        return new ClientRows(new JdbcRegisteredClientRepository.JsonMapperRegisteredClientRowMapper());
    }

    @Bean
    JdbcRegisteredClientRepository allClients(JdbcOperations jdbc, ClientRows rows) {
        var clients = new JdbcRegisteredClientRepository(jdbc);
        clients.setRegisteredClientRowMapper(rows);
        return clients;
    }

    /** The clients the authorization server serves; admins see every one of theirs (the bean above). */
    @Bean
    @Primary
    RegisteredClientRepository registeredClients(JdbcRegisteredClientRepository allClients, JdbcOperations jdbc,
            ClientRows rows) {
        return new EnabledApps(allClients, jdbc, rows);
    }

    /**
     * Grants kept as JSON, the person as {@link AppSignIn}: the one type of ours the JSON may name; refresh tokens
     * rotate, and one spent twice ends its grant.
     */
    @Bean
    RefreshTokens refreshTokens(PortalKeys keys) {
        return new RefreshTokens(data -> keys.sign("refresh-tokens", data));
    }

    /** Spring's tokens (JWTs with the portal's claims, opaque access tokens where an app asks), our refresh tokens. */
    @Bean
    OAuth2TokenGenerator<OAuth2Token> tokenGenerator(JWKSource<SecurityContext> keys, TokenClaims claims,
            RefreshTokens refreshTokens) {
        JwtGenerator jwts = new JwtGenerator(new NimbusJwtEncoder(keys));
        jwts.setJwtCustomizer(claims);
        OAuth2TokenGenerator<OAuth2RefreshToken> refresh = refreshTokens::generate;
        return new DelegatingOAuth2TokenGenerator(jwts, new OAuth2AccessTokenGenerator(), refresh);
    }

    @Bean
    OAuth2AuthorizationService authorizations(JdbcOperations jdbc, RegisteredClientRepository registeredClients,
            TransactionOperations transaction, RefreshTokens refreshTokens) {
        var types = BasicPolymorphicTypeValidator.builder().allowIfSubType(AppSignIn.class);
        JsonMapper json = new GrantJson(JsonMapper.builder()
                .addModules(SecurityJacksonModules.getModules(AppsSecurity.class.getClassLoader(), types)));
        var grants = new JdbcGrants(jdbc, registeredClients);
        grants.setAuthorizationRowMapper(
                new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationRowMapper(registeredClients, json));
        grants.setAuthorizationParametersMapper(
                new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationParametersMapper(json));
        return new RotatedRefreshTokens(grants, refreshTokens, transaction);
    }

    @Bean
    OAuth2AuthorizationConsentService consents(JdbcOperations jdbc, RegisteredClientRepository registeredClients,
            TransactionOperations transaction) {
        return new TransactionalConsents(new JdbcOAuth2AuthorizationConsentService(jdbc, registeredClients), transaction);
    }

    @Bean
    SessionRegistry noSessionRegistry() {
        return new NoSessionRegistry();
    }

    /** The issuer is the portal's public address, never the Host header of a request. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(PublicAddress address) {
        return AuthorizationServerSettings.builder().issuer(address.url()).build();
    }

    @Bean
    @Order(0)
    SecurityFilterChain authorizationServer(HttpSecurity http, AppRepository apps, ClientSecrets secrets,
            SecurityContextRepository signedInContexts, List<SignedInRequestCheck> checks, FreshSignIns fresh,
            OAuth2AuthorizationService grants, TransactionOperations transaction, ApplicationEventPublisher events)
            throws Exception {
        AppRefusals refusals = new AppRefusals();
        RequestMatcher authorize = PathPatternRequestMatcher.pathPattern(AUTHORIZE);
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.clientAuthentication(clients -> clients.authenticationProviders(providers -> providers.stream()
                            .filter(ClientSecretAuthenticationProvider.class::isInstance)
                            .forEach(provider -> ((ClientSecretAuthenticationProvider) provider)
                                    .setPasswordEncoder(secrets.checker()))))
                    .authorizationEndpoint(endpoint -> endpoint
                            .authorizationRequestConverters(converters -> {
                                var asked = new DelegatingAuthenticationConverter(new ArrayList<>(converters));
                                converters.clear();
                                converters.add(new AppPrincipals(asked, apps));
                            })
                            .consentPage(ConsentController.PAGE)
                            .errorResponseHandler(refusals))
                    .tokenRevocationEndpoint(revocation -> revocation
                            .revocationResponseHandler(new RevokedTokens(grants, transaction, events)))
                    .oidc(oidc -> oidc.providerConfigurationEndpoint(discovery -> discovery
                            .providerConfigurationCustomizer(provider -> provider
                                    .claim("backchannel_logout_supported", true)
                                    .claim("backchannel_logout_session_supported", true))));
        });
        PortalPages.apply(http, signedInContexts);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(authorize).access(mayAuthorize(fresh))
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resources -> resources.jwt(jwt -> { }))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/signin"), pages())
                        .accessDeniedHandler(fresh));
        for (SignedInRequestCheck check : checks) {
            check.addTo(http);
        }
        return http.build();
    }

    /**
     * A person who has done every step of a sign-in that is what the app asked for (fresh, multi-factor) goes on to
     * the app; so does a request with {@code prompt=none}, which the authorization server answers with
     * {@code login_required} rather than a page. Anyone else is sent to sign in, to the step they have not done, or to
     * confirm who they are ({@link FreshSignIns}).
     */
    private static AuthorizationManager<RequestAuthorizationContext> mayAuthorize(FreshSignIns fresh) {
        return (authentication, context) -> {
            HttpServletRequest request = context.getRequest();
            String prompt = request.getParameter("prompt");
            if (prompt != null && List.of(prompt.split(" ")).contains("none")) {
                return new AuthorizationDecision(true);
            }
            var signedIn = authentication.get();
            var facts = SignInFacts.of(request);
            if (signedIn == null || !(signedIn.getPrincipal() instanceof SignedInPerson person)
                    || person.mustChangePassword() || facts.isEmpty() || signedIn.getAuthorities().stream()
                            .noneMatch(authority -> Access.SIGNED_IN.equals(authority.getAuthority()))) {
                fresh.noteAsked(request);
                return new AuthorizationDecision(false);
            }
            return new AuthorizationDecision(fresh.satisfied(request, person, facts.get()));
        };
    }

    private static RequestMatcher pages() {
        var html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }
}
