package dev.myaccount.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.myaccount.scim.ScimTokens;
import dev.myaccount.support.AtOnce;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.RawHttp;
import dev.myaccount.support.TestClock;
import dev.myaccount.support.TestClockConfiguration;
import dev.myaccount.support.TestPeople.Person;

/**
 * The request sequences Microsoft Entra ID and Okta document for their provisioning services, byte for byte, in
 * both columns of Entra's feature flag (aadOptscim062020 off and on): each asserts what is stored afterwards, not
 * only the status.
 */
@PortalTest
@Import(TestClockConfiguration.class)
class ScimAsEntraAndOktaSendItTest extends PortalTestCase {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ScimTokens tokens;

    @Autowired
    TestClock clock;

    private ScimRequests scim;
    private Person admin;
    private String token;
    private String groupId;

    @BeforeEach
    void anOrganisationWithAnAdminAndAToken() throws Exception {
        scim = new ScimRequests(port);
        admin = people.createAdmin();
        token = tokens.create(people.organisationOf(admin), "Entra provisioning", admin.upn()).token();
        groupId = json(scim.send("GET", "/Groups?filter=displayName%20eq%20%22Admins%22&excludedAttributes=members",
                token, null)).path("Resources").path(0).path("id").asText();
    }

    @Test
    void entrasMemberRemovalWithAListOfValuesTakesTheAdminRoleInEveryFormItSends() throws Exception {
        Person lee = admin("Lee Gu");
        Person megan = admin("Megan Bowen");
        Person diego = admin("Diego Siciliani");

        HttpResponse<String> withoutFlag = scim.patch("/Groups/" + groupId, token, """
                {"op": "Remove", "path": "members", "value": [{"$ref": null, "value": "%s"}]}""".formatted(lee.id()));
        HttpResponse<String> withFlag = scim.patch("/Groups/" + groupId, token, """
                {"op": "remove", "path": "members", "value": [{"value": "%s"}]}""".formatted(megan.id()));
        HttpResponse<String> filtered = scim.patch("/Groups/" + groupId, token, """
                {"op": "remove", "path": "members[value eq \\"%s\\"]"}""".formatted(diego.id()));
        HttpResponse<String> noMember = scim.patch("/Groups/" + groupId, token, """
                {"op": "Remove", "path": "members", "value": [{"value": "%s"}]}""".formatted(lee.id()));

        for (HttpResponse<String> answer : List.of(withoutFlag, withFlag, filtered, noMember)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
        assertThat(role(lee)).isEqualTo("MEMBER");
        assertThat(role(megan)).isEqualTo("MEMBER");
        assertThat(role(diego)).isEqualTo("MEMBER");
        assertThat(role(admin)).isEqualTo("ADMIN");
        assertThat(signedIn(lee).get("/admin/people").status()).isEqualTo(404);
        assertThat(json(withFlag).path("members").toString()).doesNotContain(megan.id().toString())
                .contains(admin.id().toString());
    }

    @Test
    void entrasMultiAttributeReplaceKeepsEveryKeptAttributeAndLeavesTheRestAlone() throws Exception {
        Person lee = people.createBeside(admin, "Lee Gu");

        HttpResponse<String> replaced = scim.patch("/Users/" + lee.id(), token, """
                {"op": "replace", "value": {"displayName": "Lee Gu (R&D)", "name.givenName": "Leon",
                  "name.familyName": "Gu-Wong", "urn:ietf:params:scim:schemas:core:2.0:User:externalId": "entra-7",
                  "active": false, "title": "Engineer", "%s:employeeNumber": "701"}}""".formatted(ENTERPRISE));

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(stored(lee)).isEqualTo("Lee Gu (R&D)|Leon|Gu-Wong|entra-7|false");
        assertThat(json(replaced).path("name").path("givenName").asText()).isEqualTo("Leon");

        HttpResponse<String> leftAlone = scim.patch("/Users/" + lee.id(), token, """
                {"op": "replace", "value": {"title": "Lead", "%s": {"employeeNumber": "702"},
                  "%s:department": "R&D"}}""".formatted(ENTERPRISE, ENTERPRISE));
        assertThat(leftAlone.statusCode()).as(leftAlone.body()).isEqualTo(200);
        assertThat(stored(lee)).isEqualTo("Lee Gu (R&D)|Leon|Gu-Wong|entra-7|false");
    }

    @Test
    void entrasUserUpdateWithoutTheFlagCapitalisedWithStringBooleansIsStoredWhole() throws Exception {
        Person lee = people.createBeside(admin, "Lee Gu");

        HttpResponse<String> updated = scim.patch("/Users/" + lee.id(), token, """
                {"op": "Replace", "path": "displayName", "value": "Lee Gu"}""", """
                {"op": "Replace", "path": "name.givenName", "value": "Lee"}""", """
                {"op": "Replace", "path": "name.familyName", "value": "Gu Wong"}""", """
                {"op": "Replace", "path": "emails[type eq \\"work\\"].value", "value": "lee@elsewhere.example"}""", """
                {"op": "Add", "path": "%s:employeeNumber", "value": "701"}""".formatted(ENTERPRISE), """
                {"op": "Replace", "path": "externalId", "value": "entra-object-9"}""", """
                {"op": "Replace", "path": "active", "value": "False"}""");

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(stored(lee)).isEqualTo("Lee Gu|Lee|Gu Wong|entra-object-9|false");
        assertThat(json(updated).path("emails").path(0).path("value").asText()).isEqualTo(lee.upn());
    }

    @Test
    void oktasPutOfTheWholeResourceItReadAndItsNoPathActiveAreStored() throws Exception {
        Person lee = people.createBeside(admin, "Lee Gu");
        ObjectNode read = (ObjectNode) json(scim.send("GET", "/Users/" + lee.id(), token, null));
        read.put("displayName", "Lee Gu (Okta)");
        ((ObjectNode) read.path("name")).put("familyName", "Wong");

        HttpResponse<String> put = scim.send("PUT", "/Users/" + lee.id(), token, read.toString());
        HttpResponse<String> deactivated = scim.patch("/Users/" + lee.id(), token, """
                {"op": "replace", "value": {"active": false}}""");

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
        assertThat(stored(lee)).isEqualTo("Lee Gu (Okta)|Lee|Wong|null|false");
    }

    @Test
    void oktasGroupPushAddsAndRemovesAdminsByPutAndPatch() throws Exception {
        Person lee = people.createBeside(admin, "Lee Gu");
        Person megan = people.createBeside(admin, "Megan Bowen");

        HttpResponse<String> pushed = scim.send("PUT", "/Groups/" + groupId, token, """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "%s", "displayName": "Admins",
                 "members": [{"value": "%s", "display": "%s"}, {"value": "%s", "display": "%s"}]}"""
                .formatted(groupId, admin.id(), admin.upn(), lee.id(), lee.upn()));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
        assertThat(role(lee)).isEqualTo("ADMIN");

        HttpResponse<String> patched = scim.patch("/Groups/" + groupId, token, """
                {"op": "add", "path": "members", "value": [{"value": "%s", "display": "%s"}]}"""
                .formatted(megan.id(), megan.upn()), """
                {"op": "remove", "path": "members[value eq \\"%s\\"]"}""".formatted(lee.id()));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(role(megan)).isEqualTo("ADMIN");
        assertThat(role(lee)).isEqualTo("MEMBER");
        assertThat(scim.send("POST", "/Groups", token, "{\"displayName\": \"Sales\"}").statusCode()).isEqualTo(405);
    }

    @Test
    void theLastEnabledAdminCannotBeDeletedDeactivatedOrRemovedThroughAnyScimRequest() throws Exception {
        Person disabledAdmin = admin("Former Admin");
        jdbc.sql("update account set enabled = false where id = ?").param(disabledAdmin.id()).update();

        List<HttpResponse<String>> refused = List.of(
                scim.send("DELETE", "/Users/" + admin.id(), token, null),
                scim.patch("/Users/" + admin.id(), token, "{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"False\"}"),
                scim.patch("/Users/" + admin.id(), token, "{\"op\": \"replace\", \"value\": {\"active\": false}}"),
                scim.patch("/Groups/" + groupId, token, """
                        {"op": "Remove", "path": "members", "value": [{"value": "%s"}]}""".formatted(admin.id())));

        for (HttpResponse<String> answer : refused) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("mutability").contains("keeps at least one enabled admin");
        }
        assertThat(stored(admin)).endsWith("|true");
        assertThat(role(admin)).isEqualTo("ADMIN");
        assertThat(signedIn(admin).get("/admin/people").status()).isEqualTo(200);
    }

    @Test
    void twoAdminsDeactivatedAtOnceLeaveOneEnabled() throws Exception {
        Person lee = admin("Lee Gu");
        List<Person> both = List.of(admin, lee);

        List<Integer> answers = AtOnce.send(2, i -> scim.patch("/Users/" + both.get(i).id(), token,
                "{\"op\": \"replace\", \"path\": \"active\", \"value\": false}").statusCode());

        assertThat(answers).containsExactlyInAnyOrder(200, 400);
        assertThat(jdbc.sql("""
                select count(*) from membership m join account a on a.id = m.account_id
                where m.organisation_id = ? and m.role = 'ADMIN' and a.enabled""")
                .param(people.organisationOf(admin)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void everyResourceSaysWhenItWasCreatedAndLastModified() throws Exception {
        Person lee = people.createBeside(admin, "Lee Gu");
        JsonNode before = json(scim.send("GET", "/Users/" + lee.id(), token, null)).path("meta");
        JsonNode groupBefore = json(scim.send("GET", "/Groups/" + groupId, token, null)).path("meta");
        clock.advance(Duration.ofMinutes(5));

        scim.patch("/Users/" + lee.id(), token, "{\"op\": \"replace\", \"path\": \"displayName\", \"value\": \"Lee\"}");
        scim.patch("/Groups/" + groupId, token, "{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \""
                + lee.id() + "\"}]}");

        JsonNode after = json(scim.send("GET", "/Users/" + lee.id(), token, null)).path("meta");
        JsonNode groupAfter = json(scim.send("GET", "/Groups/" + groupId, token, null)).path("meta");
        assertThat(instant(before, "lastModified")).isEqualTo(instant(before, "created"));
        assertThat(instant(after, "created")).isEqualTo(instant(before, "created"));
        assertThat(instant(after, "lastModified")).isAfter(instant(before, "lastModified"));
        assertThat(groupBefore.path("created").isTextual()).isTrue();
        assertThat(instant(groupAfter, "lastModified")).isAfter(instant(groupBefore, "lastModified"));
        assertThat(json(scim.send("GET", "/Users", token, null)).path("Resources").path(0).path("meta")
                .path("lastModified").isTextual()).isTrue();
    }

    @Test
    void attributesAndExcludedAttributesShapeUsersAndTheGroup() throws Exception {
        Person lee = people.createBeside(admin, "Lee Gu");

        JsonNode only = json(scim.send("GET", "/Users/" + lee.id() + "?attributes=userName,name.familyName", token,
                null));
        JsonNode without = json(scim.send("GET", "/Users?filter=userName%20eq%20%22" + lee.upn()
                + "%22&excludedAttributes=emails,name.givenName,meta,id", token, null)).path("Resources").path(0);
        JsonNode group = json(scim.send("GET", "/Groups/" + groupId + "?attributes=displayName", token, null));

        assertThat(fieldNames(only)).containsExactlyInAnyOrder("schemas", "id", "userName", "name");
        assertThat(fieldNames(only.path("name"))).containsExactly("familyName");
        assertThat(fieldNames(without)).contains("id", "userName", "name", "active")
                .doesNotContain("emails", "meta");
        assertThat(fieldNames(without.path("name"))).doesNotContain("givenName").contains("familyName");
        assertThat(fieldNames(group)).containsExactlyInAnyOrder("schemas", "id", "displayName");
        assertThat(scim.send("GET", "/Users?attributes=members%5B", token, null).body()).contains("invalidValue");
    }

    @Test
    void discoveryShowsOnlyWhatIsKeptAndMarksWhatIsDerivedReadOnly() throws Exception {
        Person lee = people.createBeside(admin, "Lee Gu");
        JsonNode user = json(scim.send("GET", "/Schemas/" + ScimResources.USER_SCHEMA, token, null));
        JsonNode group = json(scim.send("GET", "/Schemas/" + ScimResources.GROUP_SCHEMA, token, null));

        assertThat(attribute(user, "emails").path("mutability").asText()).isEqualTo("readOnly");
        JsonNode name = attribute(user, "name");
        assertThat(fieldValues(name.path("subAttributes"), "name")).containsExactlyInAnyOrder("formatted", "givenName",
                "familyName");
        assertThat(attribute(name, "formatted").path("mutability").asText()).isEqualTo("readOnly");
        assertThat(attribute(group, "displayName").path("mutability").asText()).isEqualTo("readOnly");

        JsonNode found = json(scim.send("GET", "/Users?filter=displayName%20eq%20%22LEE%20gu%22", token, null));
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.path("Resources").path(0).path("id").asText()).isEqualTo(lee.id().toString());
        for (String attribute : new String[] {"displayName", "userName", "externalId"}) {
            // A SCIM filter's value is a JSON string: \u0000 in it is a NUL, which PostgreSQL refuses in a query.
            HttpResponse<String> nul = scim.send("GET", "/Users?filter=" + attribute + "%20eq%20%22Lee%5Cu0000%22",
                    token, null);
            assertThat(nul.statusCode()).as(attribute).isEqualTo(200);
            assertThat(json(nul).path("totalResults").asInt()).as(attribute).isZero();
        }
    }

    @Test
    void changesTheServiceCannotMakeAreRefusedWithTheScimTypeTheRfcNamesAndChangeNothing() throws Exception {
        Person lee = people.createBeside(admin, "Lee Gu");
        String user = "/Users/" + lee.id();
        Object[][] refusals = {
                {"{\"op\": \"remove\", \"path\": \"displayName\"}", "mutability"},
                {"{\"op\": \"Remove\", \"path\": \"active\"}", "mutability"},
                {"{\"op\": \"remove\", \"path\": \"userName\"}", "mutability"},
                {"{\"op\": \"replace\", \"path\": \"id\", \"value\": \"" + UUID.randomUUID() + "\"}", "mutability"},
                {"{\"op\": \"replace\", \"path\": \"meta.lastModified\", \"value\": \"2020-01-01T00:00:00Z\"}",
                        "mutability"},
                {"{\"op\": \"replace\", \"value\": {\"id\": \"x\", \"displayName\": \"Changed\"}}", "mutability"},
                {"{\"op\": \"replace\", \"path\": \"favouriteColour\", \"value\": \"blue\"}", "invalidPath"},
                {"{\"op\": \"replace\", \"path\": \"urn:example:params:scim:schemas:Custom:colour\", \"value\": \"b\"}",
                        "invalidPath"},
                {"{\"op\": \"replace\", \"path\": \"members[value eq\", \"value\": \"b\"}", "invalidPath"},
                {"{\"op\": \"remove\"}", "noTarget"},
                {"{\"op\": \"move\", \"path\": \"displayName\", \"value\": \"Changed\"}", "invalidValue"},
        };
        String before = stored(lee);

        for (Object[] refusal : refusals) {
            HttpResponse<String> answer = scim.patch(user, token, "{\"op\": \"replace\", \"path\": \"displayName\","
                    + " \"value\": \"Changed\"}", (String) refusal[0]);
            assertThat(answer.statusCode()).as((String) refusal[0]).isEqualTo(400);
            assertThat(json(answer).path("scimType").asText()).as((String) refusal[0]).isEqualTo(refusal[1]);
            assertThat(answer.body()).as((String) refusal[0]).doesNotContain("position").doesNotContain("Source");
        }
        HttpResponse<String> empty = scim.send("PATCH", user, token, "{\"schemas\": [\"" + ScimRequests.PATCH_OP
                + "\"], \"Operations\": []}");
        assertThat(json(empty).path("scimType").asText()).isEqualTo("invalidValue");
        HttpResponse<String> badFilter = scim.send("GET", "/Users?filter=userName%20eq%20%22x", token, null);
        assertThat(json(badFilter).path("scimType").asText()).isEqualTo("invalidFilter");
        assertThat(badFilter.body()).doesNotContain("position").doesNotContain("Unexpected");
        assertThat(stored(lee)).isEqualTo(before);
    }

    @Test
    void aMethodAnAddressDoesNotTakeGets405WithWhatItTakesAndAnyOtherAddressScims404() throws Exception {
        for (String[] request : new String[][] {{"POST", "/Schemas"}, {"DELETE", "/ServiceProviderConfig"},
                {"PUT", "/ResourceTypes/User"}, {"DELETE", "/Groups/" + groupId}, {"PUT", "/Users"}}) {
            HttpResponse<String> answer = scim.send(request[0], request[1], token, "{}");
            assertThat(answer.statusCode()).as(request[0] + " " + request[1]).isEqualTo(405);
            assertThat(answer.headers().firstValue("Allow")).as(request[1]).isPresent();
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/scim+json"));
            assertThat(json(answer).path("status").asText()).isEqualTo("405");
        }
        assertThat(scim.send("POST", "/Schemas", token, "{}").headers().firstValue("Allow")).hasValue("GET");
        assertThat(json(scim.send("GET", "/Bulk", token, null)).path("status").asText()).isEqualTo("404");
    }

    @Test
    void everyAddressUnderTheApiAnswersScimJsonEvenWhenRefusedBeforeThePortal() {
        for (String path : new String[] {"/Users%00", "/Users/%2e%2e/x", "/Users;x=1", "/Users%25", "//Users"}) {
            RawHttp.Answer answer = RawHttp.send(port, "GET /scim/v2" + path
                    + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token, new byte[0]);
            assertThat(answer.status()).as(path).isBetween(400, 404);
            assertThat(answer.header("Content-Type")).as(path).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/scim+json"));
            assertThat(answer.body()).as(path).contains("urn:ietf:params:scim:api:messages:2.0:Error");
        }
        RawHttp.Answer trace = RawHttp.send(port, "TRACE /scim/v2/Users HTTP/1.1\r\nHost: localhost", new byte[0]);
        assertThat(trace.status()).isEqualTo(405);
        assertThat(trace.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
    }

    @Test
    void locationsAreBuiltOnThePublicAddressNeverOnTheHostHeader() {
        String body = "{\"userName\": \"lee.gu@" + admin.domain() + "\", \"displayName\": \"Lee Gu\"}";
        RawHttp.Answer created = RawHttp.send(port,
                "POST /scim/v2/Users HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/scim+json\r\n"
                        + "Authorization: Bearer " + token, body.getBytes(StandardCharsets.UTF_8));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("http://localhost:" + port + "/scim/v2/Users/"));
        assertThat(created.body()).doesNotContain("evil.example");
    }

    private Person admin(String name) {
        Person person = people.createBeside(admin, name);
        jdbc.sql("update membership set role = 'ADMIN' where account_id = ?").param(person.id()).update();
        return person;
    }

    private String role(Person person) {
        return jdbc.sql("select role from membership where account_id = ?").param(person.id()).query(String.class)
                .single();
    }

    /** Display name, given name, surname, external id and enabled, as stored. */
    private String stored(Person person) {
        return jdbc.sql("select display_name, given_name, surname, external_id, enabled from account where id = ?")
                .param(person.id()).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)
                        + "|" + rs.getString(4) + "|" + rs.getBoolean(5)).single();
    }

    private static JsonNode json(HttpResponse<String> answer) throws IOException {
        return JSON.readTree(answer.body());
    }

    private static Instant instant(JsonNode meta, String field) {
        return Instant.parse(meta.path(field).asText());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> fieldValues(JsonNode list, String field) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }

    private static JsonNode attribute(JsonNode schema, String name) {
        JsonNode attributes = schema.has("attributes") ? schema.path("attributes") : schema.path("subAttributes");
        for (JsonNode attribute : attributes) {
            if (attribute.path("name").asText().equals(name)) {
                return attribute;
            }
        }
        throw new AssertionError("No attribute " + name + " in " + schema);
    }
}
