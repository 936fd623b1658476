package dev.myaccount.scim;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.utils.JsonUtils;

import dev.myaccount.people.Roster.GroupTimes;
import dev.myaccount.people.Roster.Listed;
import dev.myaccount.web.PublicAddress;

/**
 * People and the Admins group as SCIM resources. Their locations are absolute, under the portal's public
 * address (never the request's Host header).
 */
@Component
class ScimResources {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String ADMINS = "Admins";

    private final String base;

    ScimResources(PublicAddress portal) {
        this.base = portal.url() + ScimSecurity.ROOT;
    }

    /** The id of an organisation's Admins group: the same on every node, and different for each organisation. */
    static UUID adminsGroupId(UUID organisationId) {
        return UUID.nameUUIDFromBytes(("admins:" + organisationId).getBytes(StandardCharsets.UTF_8));
    }

    ObjectNode user(Listed person) {
        ObjectNode user = ScimJson.object();
        user.putArray("schemas").add(USER_SCHEMA);
        user.put("id", person.id().toString());
        if (person.externalId() != null) {
            user.put("externalId", person.externalId());
        }
        user.put("userName", person.upn());
        ObjectNode name = user.putObject("name");
        name.put("formatted", person.displayName());
        if (person.givenName() != null) {
            name.put("givenName", person.givenName());
        }
        if (person.surname() != null) {
            name.put("familyName", person.surname());
        }
        user.put("displayName", person.displayName());
        user.put("active", person.enabled());
        ArrayNode emails = user.putArray("emails");
        emails.addObject().put("value", person.upn()).put("type", "work").put("primary", true);
        if (person.admin()) {
            user.putArray("groups").addObject().put("value", adminsGroupId(person.organisationId()).toString())
                    .put("display", ADMINS).put("$ref", groupLocation(person.organisationId()).toString());
        }
        user.set("meta", meta("User", userLocation(person.id()), person.createdAt(), person.modifiedAt()));
        return user;
    }

    ObjectNode admins(UUID organisationId, List<Listed> members, boolean withMembers, GroupTimes times) {
        ObjectNode group = ScimJson.object();
        group.putArray("schemas").add(GROUP_SCHEMA);
        group.put("id", adminsGroupId(organisationId).toString());
        group.put("displayName", ADMINS);
        if (withMembers) {
            ArrayNode list = group.putArray("members");
            for (Listed member : members) {
                list.addObject().put("value", member.id().toString()).put("display", member.upn())
                        .put("type", "User").put("$ref", userLocation(member.id()).toString());
            }
        }
        group.set("meta", meta("Group", groupLocation(organisationId), times.createdAt(), times.modifiedAt()));
        return group;
    }

    ObjectNode list(List<ObjectNode> resources, int total, int startIndex) {
        ObjectNode list = ScimJson.object();
        list.putArray("schemas").add(LIST_SCHEMA);
        list.put("totalResults", total);
        list.put("startIndex", startIndex);
        list.put("itemsPerPage", resources.size());
        list.putArray("Resources").addAll(resources);
        return list;
    }

    URI userLocation(UUID id) {
        return URI.create(base + "/Users/" + id);
    }

    private URI groupLocation(UUID organisationId) {
        return URI.create(base + "/Groups/" + adminsGroupId(organisationId));
    }

    private static ObjectNode meta(String type, URI location, Instant created, Instant modified) {
        Meta meta = new Meta();
        meta.setResourceType(type);
        meta.setLocation(location);
        meta.setCreated(calendar(created));
        meta.setLastModified(calendar(modified));
        return JsonUtils.valueToNode(meta);
    }

    private static Calendar calendar(Instant instant) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTime(Date.from(instant));
        return calendar;
    }
}
