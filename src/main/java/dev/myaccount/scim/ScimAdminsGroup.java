package dev.myaccount.scim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.PatchRequest;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Outcome;
import dev.myaccount.people.PersonChanges;
import dev.myaccount.people.Roster.Listed;
import dev.myaccount.people.Roster;
import dev.myaccount.scim.ScimTokens;

/**
 * The organisation's one SCIM Group, Admins: its members are the people with the admin role, and adding or
 * removing a member gives or takes the role. The organisation keeps at least one admin.
 */
@Service
class ScimAdminsGroup {

    private static final String MEMBERS = "members is a list of objects whose value is a user's id.";

    private final Roster directory;
    private final ScimResources resources;
    private final ScimUsers users;
    private final PersonChanges changes;
    private final MessageSource messages;

    ScimAdminsGroup(Roster directory, ScimResources resources, ScimUsers users, PersonChanges changes,
            MessageSource messages) {
        this.directory = directory;
        this.resources = resources;
        this.users = users;
        this.changes = changes;
        this.messages = messages;
    }

    /** The group in a list: all groups, or those whose displayName equals the filter's. */
    ObjectNode list(ScimTokens.Holder client, String filter, ScimProjection projection) throws ScimException {
        boolean matches = filter == null || filter.isBlank() || ScimResources.ADMINS.equalsIgnoreCase(
                displayNameOf(ScimUsers.filter(filter)));
        List<ObjectNode> found = matches ? List.of(group(client, projection)) : List.of();
        return resources.list(found, found.size(), 1);
    }

    ObjectNode get(ScimTokens.Holder client, String id, ScimProjection projection) throws ScimException {
        check(client, id);
        return group(client, projection);
    }

    ObjectNode patch(ScimTokens.Holder client, String id, ObjectNode body, RequestOrigin origin) throws ScimException {
        check(client, id);
        PatchRequest patch = ScimJson.convert(ScimPatches.normalised(body, ScimSchema.GROUP), PatchRequest.class);
        GenericScimResource group = new GenericScimResource(group(client, ScimProjection.ALL));
        patch.apply(group);
        return membersBecome(client, group.getObjectNode(), origin);
    }

    ObjectNode replace(ScimTokens.Holder client, String id, ObjectNode body, RequestOrigin origin)
            throws ScimException {
        check(client, id);
        return membersBecome(client, body, origin);
    }

    /** Gives the role to the group's new members, then takes it from those no longer in it. */
    private ObjectNode membersBecome(ScimTokens.Holder client, ObjectNode group, RequestOrigin origin)
            throws ScimException {
        JsonNode name = ScimPatches.field(group, "displayName");
        if (name.isTextual() && !ScimResources.ADMINS.equals(name.textValue())) {
            throw BadRequestException.mutability("The Admins group keeps its name.");
        }
        JsonNode members = ScimPatches.field(group, "members");
        if (!members.isMissingNode() && !members.isNull() && !members.isArray()) {
            throw BadRequestException.invalidValue(MEMBERS);
        }
        Map<UUID, Listed> wanted = new LinkedHashMap<>();
        for (JsonNode member : members) {
            JsonNode value = member instanceof ObjectNode object ? ScimPatches.field(object, "value") : member;
            if (!value.isTextual()) {
                throw BadRequestException.invalidValue(MEMBERS);
            }
            try {
                Listed person = users.person(client, value.textValue());
                wanted.put(person.id(), person);
            } catch (ResourceNotFoundException noOne) {
                throw BadRequestException.invalidValue("No user of the organisation has the id " + value.textValue()
                        + ".");
            }
        }
        List<Listed> admins = directory.admins(client.organisationId());
        for (Listed added : wanted.values()) {
            if (!added.admin()) {
                changes.setAdmin(ScimUsers.actor(client), users.account(client, added), true, origin);
            }
        }
        for (Listed removed : admins) {
            if (!wanted.containsKey(removed.id())) {
                Outcome outcome = changes.setAdmin(ScimUsers.actor(client),
                        users.account(client, removed), false, origin);
                if (outcome.refusal() != null) {
                    throw BadRequestException.mutability(messages.getMessage(outcome.refusal(), null, Locale.ENGLISH));
                }
            }
        }
        return group(client, ScimProjection.ALL);
    }

    /** The group as the client asks for it; Entra asks without members (excludedAttributes=members) for the id. */
    private ObjectNode group(ScimTokens.Holder client, ScimProjection projection) {
        boolean withMembers = projection.wants("members");
        return projection.apply(resources.admins(client.organisationId(),
                withMembers ? directory.admins(client.organisationId()) : List.of(), withMembers,
                directory.adminsTimes(client.organisationId())));
    }

    private static void check(ScimTokens.Holder client, String id) throws ResourceNotFoundException {
        if (!ScimResources.adminsGroupId(client.organisationId()).toString().equalsIgnoreCase(id)) {
            throw new ResourceNotFoundException("No group has the id " + id + ".");
        }
    }

    private static String displayNameOf(Filter filter) throws BadRequestException {
        if (filter.getFilterType() != FilterType.EQUAL || filter.getAttributePath().size() != 1
                || !"displayName".equalsIgnoreCase(filter.getAttributePath().getElement(0).getAttribute())
                || !filter.getComparisonValue().isTextual()) {
            throw BadRequestException.invalidFilter("Groups are filtered by displayName eq.");
        }
        return filter.getComparisonValue().textValue();
    }
}
