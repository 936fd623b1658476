package dev.myaccount.scim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.PatchRequest;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Account;
import dev.myaccount.people.Actor;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Outcome;
import dev.myaccount.people.People;
import dev.myaccount.people.PersonChanges;
import dev.myaccount.people.PersonDescription;
import dev.myaccount.people.Provisioned;
import dev.myaccount.people.Roster.Criterion;
import dev.myaccount.people.Roster.Listed;
import dev.myaccount.people.Roster;
import dev.myaccount.scim.ScimTokens;

/**
 * SCIM Users over the organisation's people, through the admin side's own service: the same checks, audit
 * events and session ends as an admin's change. Attributes the portal does not keep (emails, titles,
 * addresses, the enterprise extension) are accepted and left alone, as Entra and Okta send them.
 */
@Service
class ScimUsers {

    static final int LARGEST_PAGE = 200;
    /** What a filter may compare, with the condition that compares it: displayName is not case-exact, as the schema says. */
    private static final Map<String, Roster.Field> FILTERABLE = Map.of("username", Roster.Field.UPN, "externalid",
            Roster.Field.EXTERNAL_ID, "displayname", Roster.Field.DISPLAY_NAME, "id", Roster.Field.ID);

    private final Roster directory;
    private final ScimResources resources;
    private final People people;
    private final PersonChanges changes;
    private final MessageSource messages;

    ScimUsers(Roster directory, ScimResources resources, People people, PersonChanges changes,
            MessageSource messages) {
        this.directory = directory;
        this.resources = resources;
        this.people = people;
        this.changes = changes;
        this.messages = messages;
    }

    ObjectNode list(ScimTokens.Holder client, String filter, int startIndex, int count, ScimProjection projection)
            throws ScimException {
        Criterion criterion = criterion(filter);
        int start = Math.max(1, startIndex);
        int size = Math.min(Math.max(0, count), LARGEST_PAGE);
        if (criterion == Criterion.NOTHING) {
            return resources.list(List.of(), 0, start);
        }
        List<ObjectNode> page = size == 0 ? List.of() : directory.page(client.organisationId(), criterion, start - 1,
                size).stream().map(person -> projection.apply(resources.user(person))).toList();
        return resources.list(page, directory.count(client.organisationId(), criterion), start);
    }

    ObjectNode get(ScimTokens.Holder client, String id, ScimProjection projection) throws ScimException {
        return projection.apply(resources.user(person(client, id)));
    }

    ObjectNode create(ScimTokens.Holder client, ObjectNode body, RequestOrigin origin) throws ScimException {
        Provisioned result = people.provision(actor(client), ScimUserBodies.person(body, null), "scim", origin);
        return resources.user(person(client, accepted(client, result).id()));
    }

    ObjectNode replace(ScimTokens.Holder client, String id, ObjectNode body, RequestOrigin origin)
            throws ScimException {
        Listed current = person(client, id);
        return updated(client, current, ScimUserBodies.person(body, current), origin);
    }

    /** Applies the operations to the person as SCIM shows them, and keeps what they change of the kept attributes. */
    ObjectNode patch(ScimTokens.Holder client, String id, ObjectNode body, RequestOrigin origin) throws ScimException {
        Listed current = person(client, id);
        PatchRequest patch = ScimJson.convert(ScimPatches.normalised(body, ScimSchema.USER), PatchRequest.class);
        GenericScimResource resource = new GenericScimResource(resources.user(current));
        patch.apply(resource);
        return updated(client, current, ScimUserBodies.person(resource.getObjectNode(), current), origin);
    }

    void delete(ScimTokens.Holder client, String id, RequestOrigin origin) throws ScimException {
        String refusal = changes.delete(actor(client), account(client, person(client, id)), origin).refusal();
        if (Outcome.GONE.equals(refusal)) {
            throw new ResourceNotFoundException("No user has the id " + id + ".");
        }
        if (refusal != null) {
            throw BadRequestException.mutability(messages.getMessage(refusal, null, Locale.ENGLISH));
        }
    }

    /** The person of the client's organisation with this id, for the Admins group too. */
    Listed person(ScimTokens.Holder client, String id) throws ScimException {
        if (!isUuid(id)) {
            throw new ResourceNotFoundException("No user has the id " + id + ".");
        }
        return directory.find(client.organisationId(), UUID.fromString(id))
                .orElseThrow(() -> new ResourceNotFoundException("No user has the id " + id + "."));
    }

    Account account(ScimTokens.Holder client, Listed person) throws ScimException {
        return people.find(actor(client), person.id())
                .orElseThrow(() -> new ResourceNotFoundException("No user has the id " + person.id() + "."));
    }

    static Actor actor(ScimTokens.Holder client) {
        return Actor.provisioningClient(client.organisationId(), client.name());
    }

    private ObjectNode updated(ScimTokens.Holder client, Listed current, PersonDescription wanted,
            RequestOrigin origin) throws ScimException {
        Provisioned result = changes.update(actor(client), account(client, current), wanted, origin);
        return resources.user(person(client, accepted(client, result).id().toString()));
    }

    private Listed person(ScimTokens.Holder client, UUID id) throws ScimException {
        return person(client, id.toString());
    }

    /** The account provisioned, or the refusal as SCIM's error, in the admin pages' words. */
    private Account accepted(ScimTokens.Holder client, Provisioned result) throws ScimException {
        if (result.refusal() == null) {
            return result.person();
        }
        String domain = people.organisation(actor(client)).domain();
        StringBuilder detail = new StringBuilder(messages.getMessage(result.refusal(), new Object[] {domain},
                Locale.ENGLISH));
        result.passwordReasons().forEach(reason -> detail.append(' ').append(messages.getMessage(reason.messageKey(),
                reason.arguments().toArray(), Locale.ENGLISH)));
        throw switch (result.refusal()) {
            case "admin.add.error.taken" -> new ResourceConflictException(detail.toString(),
                    BadRequestException.UNIQUENESS, null);
            case "admin.person.error.lastAdmin" -> BadRequestException.mutability(detail.toString());
            case Outcome.GONE -> new ResourceNotFoundException(detail.toString());
            default -> BadRequestException.invalidValue(detail.toString());
        };
    }

    private static Criterion criterion(String filter) throws BadRequestException {
        if (filter == null || filter.isBlank()) {
            return Criterion.NONE;
        }
        Filter parsed = filter(filter);
        String attribute = parsed.getFilterType() == FilterType.EQUAL && parsed.getAttributePath().size() == 1
                && parsed.getComparisonValue().isTextual()
                ? parsed.getAttributePath().getElement(0).getAttribute().toLowerCase(Locale.ROOT) : "";
        Roster.Field field = FILTERABLE.get(attribute);
        if (field == null) {
            throw BadRequestException.invalidFilter("Filters are eq on userName, externalId, displayName or id.");
        }
        String value = parsed.getComparisonValue().textValue();
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            // No one's name or id holds a control character, and PostgreSQL takes no NUL in a query.
            return Criterion.NOTHING;
        }
        return switch (attribute) {
            case "username" -> new Criterion(field, DirectoryService.canonical(value));
            case "displayname" -> new Criterion(field, value.toLowerCase(Locale.ROOT));
            case "id" -> isUuid(value) ? new Criterion(field, UUID.fromString(value)) : Criterion.NOTHING;
            default -> new Criterion(field, value);
        };
    }

    /** The filter, or SCIM's invalidFilter without the parser's words, which quote the request. */
    static Filter filter(String text) throws BadRequestException {
        try {
            return Filter.fromString(text);
        } catch (BadRequestException | RuntimeException unreadable) {
            throw BadRequestException.invalidFilter("The filter is not a SCIM filter.");
        }
    }

    private static boolean isUuid(String id) {
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }
}
