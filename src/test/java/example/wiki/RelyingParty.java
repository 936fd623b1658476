package example.wiki;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organisation's app, as a team would build it with Spring Security's OAuth 2.0 client: it signs its people in
 * through the portal (authorization code, PKCE, state and nonce checked by the library) and shows what the ID
 * token told it; a back-channel logout from the portal ends its session. Outside the portal's packages, so that the
 * portal does not take it for its own; started by a test beside the portal, on 127.0.0.1, so that its cookies are
 * not the portal's.
 */
public final class RelyingParty implements AutoCloseable {

    public static final String REGISTRATION = "myaccount";

    private final ConfigurableApplicationContext context;
    private final int port;

    private RelyingParty(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    /** The address the app receives sign-ins at, on the port it will listen on. */
    public static String redirectUri(int port) {
        return "http://127.0.0.1:" + port + "/login/oauth2/code/" + REGISTRATION;
    }

    /** Where the app takes back-channel logout tokens (Spring Security's endpoint for them). */
    public static String backChannelLogoutUri(int port) {
        return "http://127.0.0.1:" + port + "/logout/connect/back-channel/" + REGISTRATION;
    }

    public static RelyingParty start(int port, String issuer, String clientId, String clientSecret) {
        return startCalling(issuer, port, issuer, clientId, clientSecret);
    }

    /**
     * An app that sends people to {@code issuer} to sign in but calls another node of the same portal, at {@code
     * node}, for its tokens, keys and userinfo: as two nodes behind a load balancer would serve it.
     */
    public static RelyingParty startCalling(String node, int port, String issuer, String clientId,
            String clientSecret) {
        String prefix = "--spring.security.oauth2.client.registration." + REGISTRATION + ".";
        String provider = "--spring.security.oauth2.client.provider." + REGISTRATION + ".";
        ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .properties("spring.main.banner-mode=off", "spring.config.name=relying-party")
                .run("--server.port=" + port, "--server.address=127.0.0.1",
                        prefix + "client-id=" + clientId, prefix + "client-secret=" + clientSecret,
                        prefix + "scope=openid,profile,email",
                        prefix + "redirect-uri=" + redirectUri(port),
                        provider + "issuer-uri=" + issuer, provider + "token-uri=" + node + "/oauth2/token",
                        provider + "jwk-set-uri=" + node + "/oauth2/jwks",
                        provider + "user-info-uri=" + node + "/userinfo");
        return new RelyingParty(context, port);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        context.close();
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
        SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class, OAuth2ClientAutoConfiguration.class})
    static class App {

        @Bean
        SecurityFilterChain signIn(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
            var requests = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
            requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            return http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                    .oauth2Login(login -> login.authorizationEndpoint(endpoint -> endpoint
                            .authorizationRequestResolver(requests)))
                    .oidcLogout(logout -> logout.backChannel(Customizer.withDefaults()))
                    .build();
        }

        @Bean
        Claims claims() {
            return new Claims();
        }
    }

    /** The app's one page: the claims of the ID token it was given, one per line, in order. */
    @RestController
    static class Claims {

        @GetMapping(value = "/", produces = "text/plain")
        String claims(@AuthenticationPrincipal OidcUser person) {
            StringBuilder page = new StringBuilder();
            Map<String, Object> sorted = new TreeMap<>(person.getIdToken().getClaims());
            sorted.forEach((name, value) -> page.append(name).append('=').append(value).append('\n'));
            return page.toString();
        }
    }
}
