package dev.myaccount.apps;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.web.PublicAddress;
import dev.myaccount.web.RateLimiter;
import dev.myaccount.web.RateLimits;

/**
 * The portal as a Shared Signals transmitter (OpenID SSF 1.0): its configuration for receivers, and the stream
 * management API (configuration, status, verification, subjects) that an app calls with an access token of its own
 * (client credentials). Each app has at most one stream, pushed (RFC 8935) to an address on a host the app
 * registered, so that a stream cannot aim the portal at anything else; every person of the app's organisation is in
 * it, unless the app took them out.
 */
@RestController
class SharedSignalsController {

    static final String DISCOVERY = "/.well-known/ssf-configuration";
    static final String ROOT = "/ssf";
    private static final String PUSH = "urn:ietf:rfc:8935";
    private static final int LONGEST_DESCRIPTION = 500;
    private static final int LONGEST_HEADER = 4000;
    private static final int LONGEST_BODY = 16_384;
    private static final int LONGEST_SUBJECT = 320;
    /** Ten at once, then one every six minutes. */
    private static final int VERIFICATIONS_AN_HOUR = 10;

    private final PublicAddress issuer;
    private final OAuth2AuthorizationService grants;
    private final RegisteredClientRepository clients;
    private final SignalStreams streams;
    private final SecurityEventTokens tokens;
    private final AppRepository apps;
    private final AuditLog audit;
    private final TransactionOperations transaction;
    private final JsonMapper json;
    private final JwtDecoder accessTokens;
    private final DirectoryService directory;
    /** Each verification is an event pushed and kept until acknowledged: an app may not queue them without end. */
    private final RateLimiter verifications;

    SharedSignalsController(PublicAddress issuer, OAuth2AuthorizationService grants,
            RegisteredClientRepository clients, SignalStreams streams, SecurityEventTokens tokens, AppRepository apps,
            AuditLog audit, TransactionOperations transaction, JsonMapper json, SigningKeys keys, RateLimits limits,
            DirectoryService directory) {
        this.verifications = limits.limiter("stream-verifications", VERIFICATIONS_AN_HOUR, Duration.ofHours(1));
        this.accessTokens = NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithms(algorithms -> algorithms.addAll(List.of(SignatureAlgorithm.ES256, SignatureAlgorithm.RS256)))
                .build();
        this.issuer = issuer;
        this.grants = grants;
        this.clients = clients;
        this.streams = streams;
        this.tokens = tokens;
        this.apps = apps;
        this.audit = audit;
        this.transaction = transaction;
        this.json = json;
        this.directory = directory;
    }

    /** A request the API refuses: its status and what is wrong, for the app's developer. */
    static final class Refused extends RuntimeException {

        private final HttpStatus status;

        Refused(HttpStatus status, String description) {
            super(description, null, false, false);
            this.status = status;
        }
    }

    @GetMapping(DISCOVERY)
    Map<String, Object> configuration() {
        String base = issuer.url();
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("spec_version", "1_0");
        configuration.put("issuer", base);
        configuration.put("jwks_uri", base + "/oauth2/jwks");
        configuration.put("delivery_methods_supported", List.of(PUSH));
        configuration.put("configuration_endpoint", base + ROOT + "/streams");
        configuration.put("status_endpoint", base + ROOT + "/status");
        configuration.put("verification_endpoint", base + ROOT + "/verify");
        configuration.put("add_subject_endpoint", base + ROOT + "/subjects:add");
        configuration.put("remove_subject_endpoint", base + ROOT + "/subjects:remove");
        configuration.put("authorization_schemes", List.of(Map.of("spec_urn", "urn:ietf:rfc:6749")));
        configuration.put("default_subjects", "ALL");
        return configuration;
    }

    @PostMapping(ROOT + "/streams")
    ResponseEntity<Object> create(HttpServletRequest request) {
        RegisteredClient app = receiver(request);
        JsonNode asked = object(request);
        SignalStreams.Stream stream = stream(app, UUID.randomUUID().toString(), asked, null);
        if (!streams.add(stream)) {
            throw new Refused(HttpStatus.CONFLICT, "The app has a stream already; change it or delete it.");
        }
        record(AuditEventType.SIGNAL_STREAM_CREATED, app, request);
        return ResponseEntity.status(HttpStatus.CREATED).body(config(streams.byId(stream.id()).orElseThrow()));
    }

    @GetMapping(ROOT + "/streams")
    ResponseEntity<Object> read(@RequestParam(name = "stream_id", required = false) String streamId,
            HttpServletRequest request) {
        RegisteredClient app = receiver(request);
        if (streamId == null) {
            return ResponseEntity.ok(streams.ofApp(app.getId()).map(this::config).stream().toList());
        }
        return ResponseEntity.ok(config(own(app, streamId)));
    }

    @PatchMapping(ROOT + "/streams")
    ResponseEntity<Object> change(HttpServletRequest request) {
        return replaceOrChange(request, false);
    }

    @PutMapping(ROOT + "/streams")
    ResponseEntity<Object> replace(HttpServletRequest request) {
        return replaceOrChange(request, true);
    }

    @DeleteMapping(ROOT + "/streams")
    ResponseEntity<Object> delete(@RequestParam(name = "stream_id", required = false) String streamId,
            HttpServletRequest request) {
        RegisteredClient app = receiver(request);
        streams.delete(own(app, streamId).id());
        record(AuditEventType.SIGNAL_STREAM_DELETED, app, request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(ROOT + "/status")
    ResponseEntity<Object> status(@RequestParam(name = "stream_id", required = false) String streamId,
            HttpServletRequest request) {
        return ResponseEntity.ok(status(own(receiver(request), streamId)));
    }

    @PostMapping(ROOT + "/status")
    ResponseEntity<Object> setStatus(HttpServletRequest request) {
        RegisteredClient app = receiver(request);
        JsonNode asked = object(request);
        SignalStreams.Stream stream = own(app, text(asked, "stream_id"));
        SignalStreams.Status status = statusIn(asked);
        String reason = bounded(text(asked, "reason"), LONGEST_DESCRIPTION, "reason");
        transaction.executeWithoutResult(done -> streams.setStatus(stream.id(), status, reason));
        record(AuditEventType.SIGNAL_STREAM_CHANGED, app, request);
        return ResponseEntity.ok(status(streams.byId(stream.id()).orElseThrow()));
    }

    @PostMapping(ROOT + "/verify")
    ResponseEntity<Object> verify(HttpServletRequest request) {
        RegisteredClient app = receiver(request);
        JsonNode asked = object(request);
        SignalStreams.Stream stream = own(app, text(asked, "stream_id"));
        String state = bounded(text(asked, "state"), LONGEST_DESCRIPTION, "state");
        if (stream.status() == SignalStreams.Status.DISABLED) {
            throw new Refused(HttpStatus.CONFLICT, "The stream is disabled; enable it first.");
        }
        if (!verifications.tryTake(stream.id())) {
            throw new Refused(HttpStatus.TOO_MANY_REQUESTS,
                    "At most " + VERIFICATIONS_AN_HOUR + " verifications an hour a stream; try again later.");
        }
        streams.queue(stream.id(), tokens.verification(app.getClientId(), stream.id(), state));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(ROOT + "/subjects:add")
    ResponseEntity<Object> addSubject(HttpServletRequest request) {
        return subject(request, true);
    }

    @PostMapping(ROOT + "/subjects:remove")
    ResponseEntity<Object> removeSubject(HttpServletRequest request) {
        return subject(request, false);
    }

    /**
     * Puts a person back in the stream, or takes them out. A subject that is no one of the app's organisation gets
     * the same answer and changes nothing, so that no app learns from it which accounts exist.
     */
    private ResponseEntity<Object> subject(HttpServletRequest request, boolean add) {
        RegisteredClient app = receiver(request);
        JsonNode asked = object(request);
        SignalStreams.Stream stream = own(app, text(asked, "stream_id"));
        JsonNode subject = asked.get("subject");
        if (subject == null || !subject.isObject()) {
            throw new Refused(HttpStatus.BAD_REQUEST, "subject must be an object, of format iss_sub or email.");
        }
        Optional<Account> person = person(subject).filter(account -> apps.organisationOf(app.getId())
                .filter(account.organisationId()::equals).isPresent());
        person.ifPresent(account -> transaction.executeWithoutResult(done -> {
            if (add) {
                streams.addSubject(stream.id(), account.id());
            } else {
                streams.removeSubject(stream.id(), account.id());
            }
        }));
        record(AuditEventType.SIGNAL_STREAM_CHANGED, app, request);
        return ResponseEntity.ok().build();
    }

    /** The account a subject names: {@code iss_sub} as the portal's tokens name it, or {@code email}, the UPN. */
    private Optional<Account> person(JsonNode subject) {
        String format = text(subject, "format");
        if ("iss_sub".equals(format)) {
            String sub = bounded(text(subject, "sub"), LONGEST_SUBJECT, "subject.sub");
            if (!issuer.url().equals(text(subject, "iss")) || sub == null) {
                return Optional.empty();
            }
            try {
                return directory.find(UUID.fromString(sub));
            } catch (IllegalArgumentException notAnAccountId) {
                return Optional.empty();
            }
        }
        if ("email".equals(format)) {
            String email = bounded(text(subject, "email"), LONGEST_SUBJECT, "subject.email");
            return email == null ? Optional.empty() : directory.findByUpn(email);
        }
        throw new Refused(HttpStatus.BAD_REQUEST, "subject.format must be iss_sub or email.");
    }

    private ResponseEntity<Object> replaceOrChange(HttpServletRequest request, boolean replace) {
        RegisteredClient app = receiver(request);
        JsonNode asked = object(request);
        SignalStreams.Stream before = own(app, text(asked, "stream_id"));
        SignalStreams.Stream after = stream(app, before.id(), asked, replace ? null : before);
        streams.update(after);
        record(AuditEventType.SIGNAL_STREAM_CHANGED, app, request);
        return ResponseEntity.ok(config(streams.byId(before.id()).orElseThrow()));
    }

    /** The stream {@code asked} describes, each field not given taken from {@code before} (none: a new stream). */
    private SignalStreams.Stream stream(RegisteredClient app, String id, JsonNode asked, SignalStreams.Stream before) {
        JsonNode delivery = asked.get("delivery");
        if (delivery != null && !delivery.isObject()) {
            throw new Refused(HttpStatus.BAD_REQUEST, "delivery must be an object.");
        }
        String method = delivery == null ? null : text(delivery, "method");
        if (method != null && !PUSH.equals(method) || delivery == null && before == null) {
            throw new Refused(HttpStatus.BAD_REQUEST, "delivery.method must be " + PUSH + " (push).");
        }
        String endpoint = delivery == null || text(delivery, "endpoint_url") == null
                ? before == null ? null : before.endpointUrl() : text(delivery, "endpoint_url");
        if (endpoint == null || !onTheAppsHost(app, endpoint)) {
            throw new Refused(HttpStatus.BAD_REQUEST, "delivery.endpoint_url must be an https address (or http on"
                    + " this machine) on a host of the app's redirect URI or back-channel logout URI.");
        }
        String header = delivery == null || !delivery.has("authorization_header")
                ? before == null ? null : before.authorizationHeader()
                : bounded(text(delivery, "authorization_header"), LONGEST_HEADER, "delivery.authorization_header");
        List<String> requested = asked.has("events_requested") ? events(asked.get("events_requested"))
                : before == null ? List.of() : before.eventsRequested();
        String description = asked.has("description")
                ? bounded(text(asked, "description"), LONGEST_DESCRIPTION, "description")
                : before == null ? null : before.description();
        return new SignalStreams.Stream(id, app.getId(), app.getClientId(), endpoint, header, requested, description,
                before == null ? SignalStreams.Status.ENABLED : before.status(),
                before == null ? null : before.statusReason());
    }

    /**
     * The app whose client-credentials token the request carries, live and of an app that is on. The token's
     * signature is checked before it is looked up, so that made-up tokens cost no search through the grants.
     */
    private RegisteredClient receiver(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String token = header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) ? null
                : header.substring(7).strip();
        OAuth2Authorization grant = token == null || !signedHere(token) ? null
                : grants.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
        RegisteredClient app = grant == null || grant.getAccessToken() == null || !grant.getAccessToken().isActive()
                || !AuthorizationGrantType.CLIENT_CREDENTIALS.equals(grant.getAuthorizationGrantType()) ? null
                : clients.findById(grant.getRegisteredClientId());
        if (app == null) {
            throw new Refused(HttpStatus.UNAUTHORIZED, "An access token of the app's own (client credentials) is"
                    + " needed.");
        }
        return app;
    }

    private boolean signedHere(String token) {
        try {
            accessTokens.decode(token);
            return true;
        } catch (JwtException notOurs) {
            return false;
        }
    }

    /** The app's stream with this id; another app's, or none, is not found, whichever it is. */
    private SignalStreams.Stream own(RegisteredClient app, String streamId) {
        return streams.ofApp(app.getId()).filter(stream -> stream.id().equals(streamId))
                .orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "The app has no stream with this stream_id."));
    }

    private boolean onTheAppsHost(RegisteredClient app, String endpoint) {
        if (!Apps.isAppAddress(endpoint)) {
            return false;
        }
        List<String> registered = new ArrayList<>(app.getRedirectUris());
        Optional.ofNullable(AppSettings.backChannelLogoutUri(app)).ifPresent(registered::add);
        String host = URI.create(endpoint).getHost().toLowerCase(Locale.ROOT);
        return registered.stream().map(uri -> URI.create(uri).getHost())
                .anyMatch(other -> other != null && other.toLowerCase(Locale.ROOT).equals(host));
    }

    private Map<String, Object> config(SignalStreams.Stream stream) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("stream_id", stream.id());
        config.put("iss", issuer.url());
        config.put("aud", stream.clientId());
        config.put("delivery", Map.of("method", PUSH, "endpoint_url", stream.endpointUrl()));
        config.put("events_supported", SignalEvent.supported());
        config.put("events_requested", stream.eventsRequested());
        config.put("events_delivered", stream.eventsDelivered());
        if (stream.description() != null) {
            config.put("description", stream.description());
        }
        return config;
    }

    private static Map<String, Object> status(SignalStreams.Stream stream) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("stream_id", stream.id());
        status.put("status", stream.status().value());
        if (stream.statusReason() != null) {
            status.put("reason", stream.statusReason());
        }
        return status;
    }

    private static SignalStreams.Status statusIn(JsonNode asked) {
        String status = text(asked, "status");
        for (SignalStreams.Status known : SignalStreams.Status.values()) {
            if (known.value().equals(status)) {
                return known;
            }
        }
        throw new Refused(HttpStatus.BAD_REQUEST, "status must be enabled, paused or disabled.");
    }

    /**
     * The request's body as a JSON object, read only after the token was checked and no further than
     * {@link #LONGEST_BODY}, so that no one can make the portal hold a large body in memory.
     */
    private JsonNode object(HttpServletRequest request) {
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(LONGEST_BODY + 1);
        } catch (IOException unreadable) {
            throw new Refused(HttpStatus.BAD_REQUEST, "The body could not be read.");
        }
        if (body.length > LONGEST_BODY) {
            throw new Refused(HttpStatus.CONTENT_TOO_LARGE, "The body is longer than " + LONGEST_BODY + " bytes.");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JacksonException malformed) {
            // answered below, as a body that is no JSON object
        }
        throw new Refused(HttpStatus.BAD_REQUEST, "The body must be a JSON object.");
    }

    private static List<String> events(JsonNode requested) {
        if (!requested.isArray() || requested.size() > 20) {
            throw new Refused(HttpStatus.BAD_REQUEST, "events_requested must be an array of event type URIs.");
        }
        List<String> events = new ArrayList<>();
        for (JsonNode event : requested) {
            if (!event.isString() || event.asString().length() > 200 || event.asString().contains(" ")) {
                throw new Refused(HttpStatus.BAD_REQUEST, "events_requested must be an array of event type URIs.");
            }
            events.add(event.asString());
        }
        return events.stream().distinct().toList();
    }

    /** A string field's value, or null when it is absent or null; anything else is refused. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new Refused(HttpStatus.BAD_REQUEST, field + " must be a string.");
        }
        return value.asString();
    }

    private static String bounded(String value, int longest, String field) {
        if (value != null && value.length() > longest) {
            throw new Refused(HttpStatus.BAD_REQUEST, field + " is longer than " + longest + " characters.");
        }
        return value;
    }

    private void record(AuditEventType type, RegisteredClient app, HttpServletRequest request) {
        UUID organisation = apps.organisationOf(app.getId()).orElse(null);
        audit.record(new AuditEvent(type, organisation, null, RequestOrigin.of(request),
                app.getClientName() + " (" + app.getClientId() + ")"));
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<Map<String, String>> refused(Refused refused) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refused.status);
        if (refused.status == HttpStatus.UNAUTHORIZED) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return answer.body(Map.of("error", refused.getMessage()));
    }
}
