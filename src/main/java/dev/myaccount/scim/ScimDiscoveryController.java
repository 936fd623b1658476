package dev.myaccount.scim;

import java.beans.IntrospectionException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.unboundid.scim2.common.BaseScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.SchemaUtils;

/**
 * What a SCIM client reads to learn the service (RFC 7644, 4): PATCH and filters, no bulk, sort or ETags,
 * bearer tokens; Users and Groups with only the attributes the portal keeps; and SCIM's 404 for any other
 * address under the API.
 */
@RestController
@RequestMapping(ScimSecurity.ROOT)
class ScimDiscoveryController {

    private static final Set<String> USER_ATTRIBUTES = Set.of("username", "name", "displayname", "active",
            "password", "emails", "groups");
    private static final Set<String> GROUP_ATTRIBUTES = Set.of("displayname", "members");

    private final ServiceProviderConfigResource config = new ServiceProviderConfigResource(null, new PatchConfig(true),
            new BulkConfig(false, 0, 0), new FilterConfig(true, ScimUsers.LARGEST_PAGE), new ChangePasswordConfig(true),
            new SortConfig(false), new ETagConfig(false), List.of(new AuthenticationScheme("OAuth Bearer Token",
                    "A token an admin of the organisation creates on the admin side (SCIM provisioning).",
                    URI.create("https://www.rfc-editor.org/rfc/rfc6750"), null, "oauthbearertoken", true)));
    private final List<SchemaResource> schemas;
    private final List<ResourceTypeResource> resourceTypes = List.of(
            new ResourceTypeResource("User", "User", "A work or school account", URI.create("/Users"),
                    URI.create(ScimResources.USER_SCHEMA), List.of()),
            new ResourceTypeResource("Group", "Group", "The organisation's admins", URI.create("/Groups"),
                    URI.create(ScimResources.GROUP_SCHEMA), List.of()));

    ScimDiscoveryController() throws IntrospectionException {
        this.schemas = List.of(kept(SchemaUtils.getSchema(UserResource.class), USER_ATTRIBUTES),
                kept(SchemaUtils.getSchema(GroupResource.class), GROUP_ATTRIBUTES));
    }

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

    /** Any other address or method under the API, such as creating or deleting a group. */
    @RequestMapping("/**")
    ResponseEntity<byte[]> nothingHere() throws ScimException {
        throw new ResourceNotFoundException("The SCIM API has no such resource or operation.");
    }

    private static SchemaResource kept(SchemaResource full, Set<String> attributes) {
        return new SchemaResource(full.getId(), full.getName(), full.getDescription(), full.getAttributes().stream()
                .filter(attribute -> attributes.contains(attribute.getName().toLowerCase(Locale.ROOT))).toList());
    }

    private static <T extends BaseScimResource> T one(List<T> resources, String id) throws ResourceNotFoundException {
        return resources.stream().filter(resource -> resource.getId().equals(id)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("No such resource: " + id + "."));
    }
}
