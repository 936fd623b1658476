package dev.myaccount.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;

import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;

import dev.myaccount.scim.ScimTokens;
import dev.myaccount.support.AtOnce;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestMail;
import dev.myaccount.support.TestPeople.Person;

/**
 * SCIM provisioning driven by a real SCIM client (UnboundID's), and by the JSON Entra sends where it differs:
 * people are created, found, changed, disabled and deleted in the token's organisation only, admins through
 * the Admins group, and every refusal is SCIM's error and changes nothing.
 */
@PortalTest
class ScimProvisioningTest extends PortalTestCase {

    @Autowired
    ScimTokens tokens;

    private final List<Client> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(Client::close);
    }

    @Test
    void aPersonCreatedByScimSignsInWithTheTemporaryPasswordAndMustChangeIt() throws ScimException {
        Person admin = people.createAdmin();
        ScimService scim = client(tokenOf(admin));
        UserResource lee = new UserResource().setUserName("Lee.Gu@" + admin.domain()).setDisplayName("Lee Gu")
                .setName(new Name().setGivenName("Lee").setFamilyName("Gu")).setPassword("a first passphrase for Lee");
        lee.setExternalId("entra-object-1");

        UserResource created = scim.create("Users", lee);

        assertThat(created.getId()).isNotNull();
        assertThat(created.getUserName()).isEqualTo("lee.gu@" + admin.domain());
        assertThat(created.getActive()).isTrue();
        assertThat(created.getExternalId()).isEqualTo("entra-object-1");
        assertThat(created.getPassword()).isNull();
        assertThat(created.getMeta().getLocation().toString()).endsWith("/scim/v2/Users/" + created.getId());
        assertThat(scim.retrieve("Users", created.getId(), UserResource.class).getName().getFamilyName())
                .isEqualTo("Gu");
        assertThat(new PortalClient(port).signIn("lee.gu@" + admin.domain(), "a first passphrase for Lee")
                .location()).hasValue("/password");
        assertThat(jdbc.sql("select detail from audit_event where account_id = ? and type = 'account.created'")
                .param(UUID.fromString(created.getId())).query(String.class).single()).isEqualTo("scim");
    }

    @Test
    void deactivatingAPersonEndsTheirOpenSessionAtOnceAsTheClientOrEntraSendsIt() throws Exception {
        Person admin = people.createAdmin();
        Person megan = people.createBeside(admin, "Megan Bowen");
        Person lynne = people.createBeside(admin, "Lynne Robbins");
        PortalClient megansBrowser = signedIn(megan);
        PortalClient lynnesBrowser = signedIn(lynne);
        String token = tokenOf(admin);

        UserResource patched = client(token).modifyRequest("Users", megan.id().toString()).replaceValue("active", false)
                .invoke(UserResource.class);
        HttpResponse<String> entra = send("PATCH", "/Users/" + lynne.id(), token, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Replace", "path": "active", "value": "False"},
                                {"op": "Add", "path": "title", "value": "Engineer"},
                                {"op": "Replace", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "value": "R&D"}]}""");

        assertThat(patched.getActive()).isFalse();
        assertThat(entra.statusCode()).as(entra.body()).isEqualTo(200);
        assertThat(entra.body()).contains("\"active\":false");
        assertThat(megansBrowser.get("/").location()).contains("/signin");
        assertThat(lynnesBrowser.get("/").location()).contains("/signin");
        assertThat(new PortalClient(port).signIn(megan.upn(), megan.password()).location()).hasValue("/signin?error");

        send("PATCH", "/Users/" + megan.id(), token, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"active": true, "displayName": "Megan B."}}]}""");
        assertThat(new PortalClient(port).signIn(megan.upn(), megan.password()).location()).hasValue("/");
        assertThat(jdbc.sql("select display_name from account where id = ?").param(megan.id()).query(String.class)
                .single()).isEqualTo("Megan B.");
    }

    @Test
    void aUpnChangedAsEntraSendsItSignsInWithItsPasskeysAndEndsTheSessionsOfTheOldOne() throws Exception {
        Person admin = people.createAdmin();
        Person lee = people.createBeside(admin, "Lee Gu");
        PortalClient leesBrowser = signedIn(lee);
        jdbc.sql("insert into user_entities (id, name, display_name) values (?, ?, 'Lee Gu')")
                .params(lee.id().toString(), lee.upn()).update();
        String token = tokenOf(admin);
        String newUpn = "lee.wong@" + admin.domain();

        HttpResponse<String> renamed = send("PATCH", "/Users/" + lee.id(), token, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Replace", "path": "userName", "value": "Lee.Wong@%s"}]}"""
                .formatted(admin.domain()));

        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.body()).contains("\"userName\":\"" + newUpn + "\"");
        assertThat(leesBrowser.get("/").location()).contains("/signin");
        assertThat(new PortalClient(port).signIn(lee.upn(), lee.password()).location()).hasValue("/signin?error");
        assertThat(new PortalClient(port).signIn(newUpn, lee.password()).location()).hasValue("/");
        assertThat(jdbc.sql("select name from user_entities where id = ?").param(lee.id().toString())
                .query(String.class).single())
                .isEqualTo(newUpn);
        assertThat(jdbc.sql("select detail from audit_event where account_id = ? and type = 'account.upn-changed'")
                .param(lee.id()).query(String.class).single()).isEqualTo(lee.upn());

        HttpResponse<String> taken = send("PATCH", "/Users/" + lee.id(), token, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "path": "userName", "value": "%s"},
                                {"op": "replace", "path": "displayName", "value": "Changed"}]}"""
                .formatted(admin.upn()));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("uniqueness");
        assertThat(jdbc.sql("select upn || ' ' || display_name from account where id = ?").param(lee.id())
                .query(String.class).single()).isEqualTo(newUpn + " Lee Gu");
    }

    @Test
    void aPasswordSetByTheClientIsToldToThePersonAndEndsTheirSessions() throws Exception {
        Person admin = people.createAdmin();
        Person lee = people.createBeside(admin, "Lee Gu");
        PortalClient leesBrowser = signedIn(lee);
        String address = "lee." + lee.id() + "@example.net";
        methods.addEmail(lee.id(), address);
        assertThat(leesBrowser.get("/").status()).isEqualTo(200);

        HttpResponse<String> patched = send("PATCH", "/Users/" + lee.id(), tokenOf(admin), """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "path": "password", "value": "a new passphrase for Lee"}]}""");

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(leesBrowser.get("/").location()).hasValue("/signin");
        assertThat(TestMail.lastSubject(address)).isEqualTo("Your My Account password was reset by an administrator");
        assertThat(TestMail.lastText(address)).doesNotContain("a new passphrase for Lee");
        assertThat(new PortalClient(port).signIn(lee.upn(), lee.password()).location()).hasValue("/signin?error");
    }

    @Test
    void peopleAreFoundByUserNameAndPagedWithinTheTokensOrganisationOnly() throws Exception {
        Person admin = people.createAdmin();
        for (int i = 0; i < 4; i++) {
            people.createBeside(admin, "Colleague " + i);
        }
        Person stranger = people.create();
        ScimService scim = client(tokenOf(admin));

        ListResponse<UserResource> found = scim.searchRequest("Users")
                .filter("userName eq \"" + admin.upn().toUpperCase() + "\"").invoke(UserResource.class);
        assertThat(found.getTotalResults()).isEqualTo(1);
        assertThat(found.getResources().get(0).getId()).isEqualTo(admin.id().toString());
        assertThat(scim.searchRequest("Users").filter("userName eq \"" + stranger.upn() + "\"")
                .invoke(UserResource.class).getTotalResults()).isZero();

        ListResponse<UserResource> second = scim.searchRequest("Users").page(3, 2).invoke(UserResource.class);
        ListResponse<UserResource> first = scim.searchRequest("Users").page(1, 2).invoke(UserResource.class);
        assertThat(second.getTotalResults()).isEqualTo(5);
        assertThat(second.getStartIndex()).isEqualTo(3);
        assertThat(second.getResources()).hasSize(2);
        assertThat(second.getResources()).extracting(UserResource::getId)
                .doesNotContainAnyElementsOf(first.getResources().stream().map(UserResource::getId).toList());
        assertThat(scim.searchRequest("Users").page(5, 10).invoke(UserResource.class).getResources()).hasSize(1);

        for (String route : List.of("GET", "PUT", "PATCH", "DELETE")) {
            HttpResponse<String> answer = send(route, "/Users/" + stranger.id(), tokenOf(admin), route.equals("GET")
                    || route.equals("DELETE") ? null : """
                    {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "userName": "x",
                     "Operations": [{"op": "replace", "path": "active", "value": false}]}""");
            assertThat(answer.statusCode()).as(route).isEqualTo(404);
            assertThat(answer.body()).as(route).contains("urn:ietf:params:scim:api:messages:2.0:Error");
        }
        assertThat(signedIn(stranger).get("/").status()).isEqualTo(200);
        assertThat(send("GET", "/Users?filter=" + java.net.URLEncoder.encode("title sw \"a\"",
                java.nio.charset.StandardCharsets.UTF_8), tokenOf(admin), null).body()).contains("invalidFilter");
    }

    @Test
    void aRevokedTokenAndAMissingOneAreRefusedWith401() throws Exception {
        Person admin = people.createAdmin();
        UUID organisation = people.organisationOf(admin);
        ScimTokens.Issued issued = tokens.create(organisation, "Okta", "test");
        assertThat(send("GET", "/Users", issued.token(), null).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select last_used_at from scim_token where id = ?").param(issued.id()).query(Object.class)
                .optional()).isPresent();

        assertThat(tokens.revoke(organisation, issued.id())).isTrue();

        for (String token : new String[] {issued.token(), null, "scim_not-a-token", issued.token() + "x"}) {
            HttpResponse<String> refused = send("GET", "/Users", token, null);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"SCIM\"");
            assertThat(refused.body()).contains("\"status\":\"401\"");
        }
        assertThatThrownBy(() -> client(issued.token()).retrieve("Users", admin.id().toString(), UserResource.class))
                .isInstanceOf(ScimException.class).extracting(e -> ((ScimException) e).getScimError().getStatus())
                .isEqualTo(401);
    }

    @Test
    void badInputGetsScimsErrorAndChangesNothing() throws Exception {
        Person admin = people.createAdmin();
        String token = tokenOf(admin);
        UUID organisation = people.organisationOf(admin);
        int before = count(organisation);

        assertThat(create(token, "{\"userName\": \"lee@elsewhere.example\", \"displayName\": \"Lee\"}"))
                .contains("\"status\":\"400\"").contains("must end in @" + admin.domain());
        assertThat(create(token, "{\"userName\": \"" + admin.upn() + "\", \"displayName\": \"Again\"}"))
                .contains("\"status\":\"409\"").contains("uniqueness");
        assertThat(create(token, "{\"userName\": \"lee@" + admin.domain() + "\", \"password\": \"short\"}"))
                .contains("\"status\":\"400\"").contains("does not meet the organisation's password policy");
        assertThat(create(token, "{\"userName\": \"lee@" + admin.domain() + "\", \"active\": \"maybe\"}"))
                .contains("invalidValue");
        assertThat(create(token, "{\"userName\": \"lee@" + admin.domain() + "\", \"externalId\": \""
                + "x".repeat(300) + "\"}")).contains("external id");
        assertThat(create(token, "{\"userName\": ")).contains("invalidSyntax");
        assertThat(create(token, "[1, 2]")).contains("invalidSyntax");
        // 1.5 MiB: over the limit, and under what Tomcat reads past a refused body (2 MiB) before it answers; with
        // more it may close the connection while the client still writes, and the client sees a broken pipe.
        String overTheLimit = "{\"userName\": \"lee@" + admin.domain() + "\", \"displayName\": \""
                + "x".repeat(3 << 19) + "\"}";
        HttpResponse<String> large = send("POST", "/Users", token, overTheLimit);
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.body()).contains("larger than 1024 KiB");
        HttpResponse<String> rename = send("PATCH", "/Users/" + admin.id(), token, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "path": "userName", "value": "someone.else@x.example"},
                                {"op": "replace", "path": "displayName", "value": "Changed"}]}""");
        assertThat(rename.statusCode()).isEqualTo(400);
        assertThat(rename.body()).contains("invalidValue").contains("must end in @" + admin.domain());

        assertThat(count(organisation)).isEqualTo(before);
        assertThat(jdbc.sql("select display_name from account where id = ?").param(admin.id()).query(String.class)
                .single()).isEqualTo(admin.displayName());
    }

    @Test
    void theAdminsGroupGivesAndTakesTheAdminRoleAndTheOrganisationKeepsOneAdmin() throws Exception {
        Person admin = people.createAdmin();
        Person lee = people.createBeside(admin, "Lee Gu");
        String token = tokenOf(admin);
        String groups = send("GET", "/Groups?filter=displayName%20eq%20%22Admins%22&excludedAttributes=members",
                token, null).body();
        String id = groups.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(groups).contains("\"totalResults\":1").doesNotContain("members");

        HttpResponse<String> added = send("PATCH", "/Groups/" + id, token, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Add", "path": "members", "value": [{"value": "%s"}]}]}""".formatted(lee.id()));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(signedIn(lee).get("/admin/people").status()).isEqualTo(200);

        send("PATCH", "/Groups/" + id, token, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Remove", "path": "members[value eq \\"%s\\"]"}]}""".formatted(admin.id()));
        assertThat(signedIn(admin).get("/admin/people").status()).isEqualTo(404);
        HttpResponse<String> last = send("PATCH", "/Groups/" + id, token, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "remove", "path": "members"}]}""");
        assertThat(last.statusCode()).isEqualTo(400);
        assertThat(last.body()).contains("mutability").contains("keeps at least one enabled admin");
        assertThat(signedIn(lee).get("/admin/people").status()).isEqualTo(200);
        assertThat(send("GET", "/Users/" + lee.id(), token, null).body()).contains("\"display\":\"Admins\"");
        for (String members : new String[] {"\"x\"", "[{}]", "[{\"value\": \"" + UUID.randomUUID() + "\"}]"}) {
            HttpResponse<String> refused = send("PATCH", "/Groups/" + id, token, """
                    {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations": [{"op": "add", "path": "members", "value": %s}]}""".formatted(members));
            assertThat(refused.body()).as(members).contains("\"status\":\"400\"").contains("invalidValue");
        }
        assertThat(signedIn(lee).get("/admin/people").status()).isEqualTo(200);
        assertThat(send("POST", "/Groups", token, "{\"displayName\": \"Sales\"}").statusCode()).isEqualTo(405);
        assertThat(send("GET", "/Groups/" + UUID.randomUUID(), token, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aClientReadsTheServiceProviderConfigSchemasAndResourceTypesAndReplacesAndDeletes() throws Exception {
        Person admin = people.createAdmin();
        Person lee = people.createBeside(admin, "Lee Gu");
        ScimService scim = client(tokenOf(admin));

        assertThat(scim.getServiceProviderConfig().getPatch().isSupported()).isTrue();
        assertThat(scim.getServiceProviderConfig().getBulk().isSupported()).isFalse();
        assertThat(scim.getResourceTypes().getResources()).extracting("name").containsExactly("User", "Group");
        assertThat(scim.getSchema(ScimResources.USER_SCHEMA).getAttributes()).extracting("name")
                .contains("userName", "active").doesNotContain("addresses");
        assertThat(scim.getSchemas().getResources()).extracting("id")
                .containsExactly(ScimResources.USER_SCHEMA, ScimResources.GROUP_SCHEMA);
        assertThat(scim.getSchema(ScimResources.USER_SCHEMA).getAttributes()).filteredOn("name", "emails")
                .extracting("mutability").containsExactly(AttributeDefinition.Mutability.READ_ONLY);
        assertThat(scim.getSchema(ScimResources.GROUP_SCHEMA).getAttributes()).filteredOn("name", "displayName")
                .extracting("mutability").containsExactly(AttributeDefinition.Mutability.READ_ONLY);

        UserResource current = scim.retrieve("Users", lee.id().toString(), UserResource.class);
        current.setDisplayName("Lee Gu (Sales)").setName(new Name().setGivenName("Lee"));
        UserResource replaced = scim.replace(current);
        assertThat(replaced.getDisplayName()).isEqualTo("Lee Gu (Sales)");
        assertThat(replaced.getName().getFamilyName()).isNull();

        scim.delete("Users", lee.id().toString());
        assertThatThrownBy(() -> scim.retrieve("Users", lee.id().toString(), GenericScimResource.class))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(new PortalClient(port).signIn(lee.upn(), lee.password()).location()).hasValue("/signin?error");
        assertThat(send("GET", "/NoSuchThing", tokenOf(admin), null).body()).contains("\"status\":\"404\"");
    }

    @Test
    void onePersonDeletedTwentyTimesAtOnceIsDeletedAndAuditedOnce() throws Exception {
        Person admin = people.createAdmin();
        Person lee = people.createBeside(admin, "Lee Gu");
        String token = tokenOf(admin);
        List<Integer> answers = AtOnce.send(20, i -> send("DELETE", "/Users/" + lee.id(), token, null).statusCode());

        assertThat(answers).containsOnly(204, 404).containsOnlyOnce(204);
        assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and type = 'account.deleted'")
                .param(lee.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void twentyUpnChangesOfOnePersonAtOnceLeaveTheirPasskeysWithTheUpnTheyEndWith() throws Exception {
        Person admin = people.createAdmin();
        Person lee = people.createBeside(admin, "Lee Gu");
        jdbc.sql("insert into user_entities (id, name, display_name) values (?, ?, 'Lee Gu')")
                .params(lee.id().toString(), lee.upn()).update();
        String token = tokenOf(admin);

        List<Integer> answers = AtOnce.send(20, i -> send("PATCH", "/Users/" + lee.id(), token, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "path": "userName", "value": "lee.%d@%s"}]}"""
                .formatted(i, lee.domain())).statusCode());

        String upn = jdbc.sql("select upn from account where id = ?").param(lee.id()).query(String.class).single();
        List<String> before = jdbc.sql("""
                select detail from audit_event where account_id = ? and type = 'account.upn-changed'""")
                .param(lee.id()).query(String.class).list();
        assertThat(answers).isSubsetOf(200, 400).contains(200);
        assertThat(before).hasSize((int) answers.stream().filter(status -> status == 200).count())
                .doesNotHaveDuplicates().contains(lee.upn());
        assertThat(jdbc.sql("select name from user_entities where id = ?").param(lee.id().toString())
                .query(String.class).single())
                .isEqualTo(upn);
    }

    private String tokenOf(Person admin) {
        return tokens.create(people.organisationOf(admin), "Entra provisioning", admin.upn()).token();
    }

    private ScimService client(String token) {
        // Jersey's default connector (HttpURLConnection) cannot send PATCH; Apache's HttpClient can.
        Client client = ClientBuilder.newClient(new ClientConfig().connectorProvider(new Apache5ConnectorProvider()))
                .register((jakarta.ws.rs.client.ClientRequestFilter) request -> request.getHeaders()
                        .add("Authorization", "Bearer " + token));
        clients.add(client);
        return new ScimService(client.target("http://localhost:" + port + "/scim/v2"));
    }

    private String create(String token, String body) throws IOException, InterruptedException {
        return send("POST", "/Users", token, body).body();
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return new ScimRequests(port).send(method, path, token, body);
    }

    private int count(UUID organisation) {
        return jdbc.sql("select count(*) from account where organisation_id = ?").param(organisation)
                .query(Integer.class).single();
    }
}
