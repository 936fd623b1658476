package dev.myaccount.scim;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.util.AntPathMatcher;

import com.unboundid.scim2.common.BaseScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;

/**
 * What a SCIM client reads to learn the service (RFC 7644, 4): PATCH and filters, no bulk, sort or ETags,
 * bearer tokens; Users and Groups with only the attributes the portal keeps; and SCIM's 405 for a method an
 * address does not take, SCIM's 404 for any other address under the API.
 */
@RestController
@RequestMapping(ScimSecurity.ROOT)
class ScimDiscoveryController {

    /** The API's addresses (under its root) with the methods each takes. */
    private static final Map<String, Set<HttpMethod>> ADDRESSES = Map.of(
            "/ServiceProviderConfig", Set.of(HttpMethod.GET),
            "/Schemas", Set.of(HttpMethod.GET), "/Schemas/*", Set.of(HttpMethod.GET),
            "/ResourceTypes", Set.of(HttpMethod.GET), "/ResourceTypes/*", Set.of(HttpMethod.GET),
            "/Users", Set.of(HttpMethod.GET, HttpMethod.POST),
            "/Users/*", Set.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE),
            "/Groups", Set.of(HttpMethod.GET),
            "/Groups/*", Set.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.PATCH));
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final ServiceProviderConfigResource config = new ServiceProviderConfigResource(null, new PatchConfig(true),
            new BulkConfig(false, 0, 0), new FilterConfig(true, ScimUsers.LARGEST_PAGE), new ChangePasswordConfig(true),
            new SortConfig(false), new ETagConfig(false), List.of(new AuthenticationScheme("OAuth Bearer Token",
                    "A token an admin of the organisation creates on the admin side (SCIM provisioning).",
                    URI.create("https://www.rfc-editor.org/rfc/rfc6750"), null, "oauthbearertoken", true)));
    private final List<SchemaResource> schemas = List.of(ScimSchema.USER.served(), ScimSchema.GROUP.served());
    private final List<ResourceTypeResource> resourceTypes = List.of(
            new ResourceTypeResource("User", "User", "A work or school account", URI.create("/Users"),
                    URI.create(ScimResources.USER_SCHEMA), List.of()),
            new ResourceTypeResource("Group", "Group", "The organisation's admins", URI.create("/Groups"),
                    URI.create(ScimResources.GROUP_SCHEMA), List.of()));

    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<byte[]> serviceProviderConfig() {
        return ScimJson.respond(200, config);
    }

    @GetMapping("/Schemas")
    ResponseEntity<byte[]> schemas() {
        return ScimJson.respond(200, new ListResponse<>(schemas));
    }

    @GetMapping("/Schemas/{id}")
    ResponseEntity<byte[]> schema(@PathVariable String id) throws ScimException {
        return ScimJson.respond(200, one(schemas, id));
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<byte[]> resourceTypes() {
        return ScimJson.respond(200, new ListResponse<>(resourceTypes));
    }

    @GetMapping("/ResourceTypes/{id}")
    ResponseEntity<byte[]> resourceType(@PathVariable String id) throws ScimException {
        return ScimJson.respond(200, one(resourceTypes, id));
    }

    /** Any other address, or a method an address does not take, such as creating or deleting a group. */
    @RequestMapping("/**")
    ResponseEntity<byte[]> nothingHere(HttpServletRequest request) throws ScimException {
        String address = request.getRequestURI().substring(request.getContextPath().length() + ScimSecurity.ROOT.length());
        Set<HttpMethod> allowed = ADDRESSES.entrySet().stream().filter(entry -> PATHS.match(entry.getKey(), address))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (allowed == null) {
            throw new ResourceNotFoundException("The SCIM API has no such resource.");
        }
        ResponseEntity<byte[]> refused = ScimJson.error(new ScimException(405, null, "This address takes "
                + allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", ")) + " only."));
        return ResponseEntity.status(405).headers(refused.getHeaders())
                .header(HttpHeaders.ALLOW, allowed.stream().map(HttpMethod::name).sorted()
                        .collect(Collectors.joining(", ")))
                .body(refused.getBody());
    }

    private static <T extends BaseScimResource> T one(List<T> resources, String id) throws ResourceNotFoundException {
        return resources.stream().filter(resource -> resource.getId().equals(id)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("No such resource: " + id + "."));
    }
}
