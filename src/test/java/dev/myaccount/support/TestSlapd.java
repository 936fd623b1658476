package dev.myaccount.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;

/**
 * A real OpenLDAP server (Debian's slapd, which bin/test installs) in a temporary directory on a free port of
 * 127.0.0.1, with the ppolicy overlay: passwords of at least 24 characters, five remembered, a lockout after 20
 * failures. The portal's service account may manage people's passwords and lock times and read any number of people
 * (slapd's default stops a search at 500 entries, paged or not); people may change their own.
 */
public final class TestSlapd implements AutoCloseable {

    public static final String BASE = "dc=example,dc=org";
    public static final String PEOPLE = "ou=people," + BASE;
    public static final String SERVICE = "cn=portal," + BASE;
    public static final String SERVICE_PASSWORD = "service account secret";
    public static final int MOST_FAILURES = 20;
    private static final String ROOT = "cn=admin," + BASE;
    private static final String ROOT_PASSWORD = "root secret";

    private final Path home;
    private final int port;
    private final Process slapd;

    private TestSlapd() throws IOException, InterruptedException {
        home = Files.createTempDirectory("slapd");
        port = FreePorts.take();
        Files.createDirectories(home.resolve("slapd.d"));
        Files.createDirectories(home.resolve("db"));
        Files.writeString(home.resolve("config.ldif"), config());
        Files.writeString(home.resolve("data.ldif"), data());
        ServerProcesses.run(home, "/usr/sbin/slapadd", "-n", "0", "-F", home.resolve("slapd.d").toString(), "-l",
                home.resolve("config.ldif").toString());
        ServerProcesses.run(home, "/usr/sbin/slapadd", "-n", "1", "-F", home.resolve("slapd.d").toString(), "-l",
                home.resolve("data.ldif").toString());
        slapd = new ProcessBuilder("/usr/sbin/slapd", "-h", url() + "/", "-F", home.resolve("slapd.d").toString(),
                "-d", "0").redirectErrorStream(true).redirectOutput(home.resolve("slapd.log").toFile()).start();
        ServerProcesses.awaitReady(slapd, home.resolve("slapd.log"), Duration.ofSeconds(20), this::answers);
    }

    public static TestSlapd start() {
        return ServerProcesses.started(TestSlapd::new);
    }

    public String url() {
        return "ldap://127.0.0.1:" + port;
    }

    /** Adds a person as OpenLDAP keeps one (inetOrgPerson), and returns their entry's name. */
    public String addPerson(String uid, String mail, String name, String password) {
        String dn = "uid=" + uid + "," + PEOPLE;
        String[] names = name.split(" ", 2);
        asRoot(connection -> connection.add("dn: " + dn, "objectClass: inetOrgPerson", "uid: " + uid,
                "cn: " + name, "givenName: " + names[0], "sn: " + names[1], "mail: " + mail,
                "userPassword: " + password));
        return dn;
    }

    /** Adds {@code count} people, mailed person0 to person(count - 1) at {@code domain}, all with {@code password}. */
    public void addPeople(String domain, int count, String password) {
        asRoot(connection -> {
            for (int i = 0; i < count; i++) {
                String uid = "person" + i + "-" + domain;
                connection.add("dn: uid=" + uid + "," + PEOPLE, "objectClass: inetOrgPerson", "uid: " + uid,
                        "cn: Person " + i, "givenName: Person", "sn: " + i, "mail: person" + i + "@" + domain,
                        "userPassword: " + password);
            }
            return null;
        });
    }

    /** Replaces an attribute of the entry, as its root. */
    public void modify(String dn, String attribute, String value) {
        asRoot(connection -> connection.modify(dn, new Modification(ModificationType.REPLACE, attribute, value)));
    }

    /** What {@code ldapwhoami} says for {@code dn} with {@code password}: the name it is bound as, or its error. */
    public String whoAmI(String dn, String password) {
        return ServerProcesses.output(home, "/usr/bin/ldapwhoami", "-x", "-H", url(), "-D", dn, "-w", password);
    }

    /** An operational attribute of the entry, as the directory's root sees it (null when absent). */
    public List<String> operational(String dn, String attribute) {
        return asRoot(connection -> {
            SearchResultEntry entry = connection.getEntry(dn, attribute);
            String[] values = entry.getAttributeValues(attribute);
            return values == null ? List.of() : List.of(values);
        });
    }

    /** Binds wrongly as {@code dn} until ppolicy locks them, as an attacker at the directory itself would. */
    public void lockOut(String dn) {
        for (int i = 0; i < MOST_FAILURES; i++) {
            try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port)) {
                connection.bind(dn, "wrong " + i);
            } catch (LDAPException expected) {
                // Each failure is counted by ppolicy.
            }
        }
    }

    /** Stops the server, as a directory that went down, and removes its files. */
    @Override
    public void close() {
        ServerProcesses.stop(slapd, home);
    }

    private boolean answers() {
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port)) {
            return true;
        } catch (LDAPException notYet) {
            return false;
        }
    }

    private interface AsRoot<T> {
        T run(LDAPConnection connection) throws Exception;
    }

    private <T> T asRoot(AsRoot<T> work) {
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port, ROOT, ROOT_PASSWORD)) {
            return work.run(connection);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    private String config() {
        return """
                dn: cn=config
                objectClass: olcGlobal
                cn: config
                olcPidFile: %1$s/slapd.pid

                dn: cn=module{0},cn=config
                objectClass: olcModuleList
                cn: module{0}
                olcModulePath: /usr/lib/ldap
                olcModuleLoad: back_mdb
                olcModuleLoad: ppolicy

                dn: cn=schema,cn=config
                objectClass: olcSchemaConfig
                cn: schema

                include: file:///etc/ldap/schema/core.ldif
                include: file:///etc/ldap/schema/cosine.ldif
                include: file:///etc/ldap/schema/inetorgperson.ldif

                dn: olcDatabase={-1}frontend,cn=config
                objectClass: olcDatabaseConfig
                objectClass: olcFrontendConfig
                olcDatabase: {-1}frontend

                dn: olcDatabase={0}config,cn=config
                objectClass: olcDatabaseConfig
                olcDatabase: {0}config
                olcAccess: {0}to * by * none

                dn: olcDatabase={1}mdb,cn=config
                objectClass: olcDatabaseConfig
                objectClass: olcMdbConfig
                olcDatabase: {1}mdb
                olcDbDirectory: %1$s/db
                olcSuffix: %2$s
                olcRootDN: %3$s
                olcRootPW: %4$s
                olcDbMaxSize: 104857600
                olcLimits: {0}dn.exact="%5$s" size=unlimited
                olcAccess: {0}to attrs=userPassword by dn.exact="%5$s" manage by self write by anonymous auth by * none
                olcAccess: {1}to * by dn.exact="%5$s" manage by self read by * none

                dn: olcOverlay={0}ppolicy,olcDatabase={1}mdb,cn=config
                objectClass: olcOverlayConfig
                objectClass: olcPPolicyConfig
                olcOverlay: {0}ppolicy
                olcPPolicyDefault: cn=default,ou=policies,%2$s
                olcPPolicyUseLockout: TRUE
                """.formatted(home, BASE, ROOT, ROOT_PASSWORD, SERVICE);
    }

    private static String data() {
        return """
                dn: %1$s
                objectClass: domain
                dc: example

                dn: %2$s
                objectClass: organizationalUnit
                ou: people

                dn: ou=policies,%1$s
                objectClass: organizationalUnit
                ou: policies

                dn: cn=default,ou=policies,%1$s
                objectClass: device
                objectClass: pwdPolicy
                cn: default
                pwdAttribute: userPassword
                pwdMinLength: 24
                pwdCheckQuality: 2
                pwdInHistory: 5
                pwdMaxFailure: %5$d
                pwdLockout: TRUE
                pwdAllowUserChange: TRUE

                dn: %3$s
                objectClass: organizationalRole
                objectClass: simpleSecurityObject
                cn: portal
                userPassword: %4$s
                """.formatted(BASE, PEOPLE, SERVICE, SERVICE_PASSWORD, MOST_FAILURES);
    }
}
