package dev.myaccount.scim;

import java.beans.IntrospectionException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.SchemaUtils;

/**
 * A resource type's schema as the portal keeps it: what discovery serves (only what is kept, derived attributes
 * read-only), and how a PATCH path is treated. SCIM names are case-insensitive, so every set holds lower case.
 *
 * @param served     the schema /Schemas shows
 * @param known      the attributes of the standard schema and those every resource has: a path outside them is invalid
 * @param kept       the attributes the portal stores; a known one that is not kept is accepted and left alone
 * @param needed     kept attributes that cannot be removed
 * @param extension  the URN of the extension whose attributes are accepted and left alone; null for none
 * @param extensionAttributes that extension's attributes
 */
record ScimSchema(SchemaResource served, Set<String> known, Set<String> kept, Set<String> needed, String extension,
        Set<String> extensionAttributes) {

    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final Set<String> COMMON = Set.of("id", "externalid", "meta", "schemas");
    private static final Set<String> IMMUTABLE = Set.of("id", "meta");
    /** The parts of a name the portal keeps; formatted is the display name, the rest are not kept. */
    private static final Set<String> NAME_PARTS = Set.of("givenname", "familyname");

    static final ScimSchema USER = user();
    static final ScimSchema GROUP = group();

    /** What a PATCH does with an attribute path. */
    enum Treatment { KEEP, LEAVE_ALONE, IMMUTABLE, UNKNOWN }

    Treatment treatment(Path path) {
        String urn = path.getSchemaUrn();
        if (urn != null && !urn.equalsIgnoreCase(served.getId())) {
            return urn.equalsIgnoreCase(extension) && path.size() > 0
                    && extensionAttributes.contains(lower(path.getElement(0).getAttribute()))
                    ? Treatment.LEAVE_ALONE : Treatment.UNKNOWN;
        }
        if (path.size() == 0) {
            return Treatment.UNKNOWN;
        }
        String attribute = lower(path.getElement(0).getAttribute());
        if (IMMUTABLE.contains(attribute)) {
            return Treatment.IMMUTABLE;
        }
        if (!known.contains(attribute)) {
            return Treatment.UNKNOWN;
        }
        if (!kept.contains(attribute) || attribute.equals("name") && path.size() > 1
                && !NAME_PARTS.contains(lower(path.getElement(1).getAttribute()))) {
            return Treatment.LEAVE_ALONE;
        }
        return Treatment.KEEP;
    }

    /** Whether the text is the extension's URN alone, as a no-path PATCH value's key for the extension's object. */
    boolean isExtension(String text) {
        return text.equalsIgnoreCase(extension);
    }

    private static ScimSchema user() {
        SchemaResource full = schema(UserResource.class);
        Collection<AttributeDefinition> served = full.getAttributes().stream()
                .filter(attribute -> Set.of("username", "name", "displayname", "active", "password", "emails", "groups")
                        .contains(lower(attribute.getName())))
                .map(attribute -> switch (lower(attribute.getName())) {
                    case "name" -> copy(attribute, attribute.getMutability(), attribute.getSubAttributes().stream()
                            .filter(part -> NAME_PARTS.contains(lower(part.getName()))
                                    || part.getName().equals("formatted"))
                            .map(part -> part.getName().equals("formatted") ? readOnly(part) : part).toList());
                    case "emails" -> readOnly(attribute);
                    default -> attribute;
                }).toList();
        return new ScimSchema(new SchemaResource(full.getId(), full.getName(), full.getDescription(), served),
                withCommon(full.getAttributes()), Set.of("username", "name", "displayname", "active", "externalid",
                        "password"), Set.of("username", "displayname", "active"), ENTERPRISE,
                names(schema(EnterpriseUserExtension.class).getAttributes()));
    }

    private static ScimSchema group() {
        SchemaResource full = schema(GroupResource.class);
        Collection<AttributeDefinition> served = full.getAttributes().stream()
                .map(attribute -> attribute.getName().equals("displayName") ? readOnly(attribute) : attribute).toList();
        return new ScimSchema(new SchemaResource(full.getId(), full.getName(), full.getDescription(), served),
                withCommon(full.getAttributes()), Set.of("displayname", "members"), Set.of("displayname"), null, Set.of());
    }

    /** The attribute, read-only: derived from another (the UPN, the display name) or fixed (the group's name). */
    private static AttributeDefinition readOnly(AttributeDefinition attribute) {
        return copy(attribute, Mutability.READ_ONLY, attribute.getSubAttributes() == null ? null
                : attribute.getSubAttributes().stream().map(ScimSchema::readOnly).toList());
    }

    private static AttributeDefinition copy(AttributeDefinition attribute, Mutability mutability,
            Collection<AttributeDefinition> subAttributes) {
        AttributeDefinition.Builder copy = new AttributeDefinition.Builder().setName(attribute.getName())
                .setType(attribute.getType()).setMultiValued(attribute.isMultiValued())
                .setDescription(attribute.getDescription()).setRequired(attribute.isRequired())
                .setCaseExact(attribute.isCaseExact()).setMutability(mutability).setReturned(attribute.getReturned())
                .setUniqueness(attribute.getUniqueness());
        if (attribute.getCanonicalValues() != null) {
            copy.addCanonicalValues(attribute.getCanonicalValues().toArray(String[]::new));
        }
        if (attribute.getReferenceTypes() != null) {
            copy.addReferenceTypes(attribute.getReferenceTypes().toArray(String[]::new));
        }
        if (subAttributes != null) {
            copy.addSubAttributes(subAttributes.toArray(AttributeDefinition[]::new));
        }
        return copy.build();
    }

    private static Set<String> names(Collection<AttributeDefinition> attributes) {
        return attributes.stream().map(attribute -> lower(attribute.getName())).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> withCommon(Collection<AttributeDefinition> attributes) {
        return Stream.concat(names(attributes).stream(), COMMON.stream()).collect(Collectors.toUnmodifiableSet());
    }

    private static SchemaResource schema(Class<?> type) {
        try {
            return SchemaUtils.getSchema(type);
        } catch (IntrospectionException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
