package dev.myaccount.support;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ResponseControl;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import com.unboundid.ldif.LDIFException;

/**
 * An OpenLDAP-like directory in memory (UnboundID's server, with RFC 3062 Password Modify) on a free port of
 * 127.0.0.1: a service account, people under ou=people, an admin group; it counts the binds it receives for each
 * name and can refuse new passwords with a ppolicy error, as OpenLDAP's ppolicy overlay does.
 */
public final class TestDirectory implements AutoCloseable {

    public static final String BASE = "dc=example,dc=org";
    public static final String PEOPLE = "ou=people," + BASE;
    public static final String ADMINS = "cn=portal-admins,ou=groups," + BASE;
    public static final String SERVICE = "cn=portal," + BASE;
    public static final String SERVICE_PASSWORD = "service account secret";

    private final InMemoryDirectoryServer server;
    private final Map<DN, AtomicInteger> binds = new ConcurrentHashMap<>();
    private volatile DraftBeheraLDAPPasswordPolicy10ErrorType refusal;

    private TestDirectory() throws LDAPException, LDIFException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials(SERVICE, SERVICE_PASSWORD);
        config.setSchema(null);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0,
                null));
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
                binds.computeIfAbsent(new DN(request.getRequest().getBindDN()), dn -> new AtomicInteger())
                        .incrementAndGet();
            }

            @Override
            public void processExtendedRequest(InMemoryInterceptedExtendedRequest request) throws LDAPException {
                DraftBeheraLDAPPasswordPolicy10ErrorType refused = refusal;
                if (refused != null && request.getRequest().getOID()
                        .equals(PasswordModifyExtendedRequest.PASSWORD_MODIFY_REQUEST_OID)) {
                    throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION, "Password fails quality checking policy",
                            null, null, new Control[] {new DraftBeheraLDAPPasswordPolicy10ResponseControl(null, -1,
                                    refused)});
                }
            }
        });
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: domain", "dc: example");
        server.add("dn: " + PEOPLE, "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
        server.add("dn: " + ADMINS, "objectClass: groupOfNames", "cn: portal-admins", "member: " + SERVICE);
        server.startListening();
    }

    public static TestDirectory start() {
        try {
            return new TestDirectory();
        } catch (LDAPException | LDIFException failed) {
            throw new IllegalStateException(failed);
        }
    }

    public String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    /** Adds a person as OpenLDAP keeps one (inetOrgPerson), and returns their entry's name. */
    public String addPerson(String uid, String mail, String name, String password) {
        String dn = "uid=" + uid + "," + PEOPLE;
        String[] names = name.split(" ", 2);
        run(() -> server.add("dn: " + dn, "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + name,
                "givenName: " + names[0], "sn: " + names[1], "mail: " + mail, "userPassword: " + password));
        return dn;
    }

    public void makeAdmin(String dn) {
        modify(ADMINS, new Modification(ModificationType.ADD, "member", dn));
    }

    public void delete(String dn) {
        run(() -> server.delete(dn));
    }

    public void modify(String dn, Modification... modifications) {
        run(() -> server.modify(dn, modifications));
    }

    /** Whether a bind as {@code dn} with {@code password} succeeds, as Windows or ldapwhoami would find. */
    public boolean binds(String dn, String password) {
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", server.getListenPort())) {
            connection.bind(dn, password);
            return true;
        } catch (LDAPException refused) {
            return false;
        }
    }

    /** The binds received for {@code dn} so far. */
    public int bindsAs(String dn) {
        try {
            AtomicInteger count = binds.get(new DN(dn));
            return count == null ? 0 : count.get();
        } catch (LDAPException bad) {
            throw new IllegalArgumentException(bad);
        }
    }

    /** Refuses every new password from now on with ppolicy's {@code error}; null accepts them again. */
    public void refusePasswords(DraftBeheraLDAPPasswordPolicy10ErrorType error) {
        refusal = error;
    }

    public String attribute(String dn, String name) {
        try {
            return server.getEntry(dn).getAttributeValue(name);
        } catch (LDAPException failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** Drops every open connection, as a directory restarted (or a firewall that forgot them) does. */
    public void dropConnections() {
        server.closeAllConnections(true);
    }

    /** Stops answering, as a directory that went down. */
    @Override
    public void close() {
        server.shutDown(true);
    }

    private interface Change {
        void run() throws LDAPException, LDIFException;
    }

    private static void run(Change change) {
        try {
            change.run();
        } catch (LDAPException | LDIFException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
