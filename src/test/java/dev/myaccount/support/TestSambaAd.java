package dev.myaccount.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;

/**
 * A real Active Directory domain controller (Debian's samba, which bin/test installs), provisioned into a temporary
 * directory and serving LDAP and LDAPS on 127.0.0.1 (ports 389 and 636, which Samba does not let one change), with a
 * certificate for 127.0.0.1 signed by a CA of its own: complexity on, five passwords remembered, no minimum age, a
 * lockout after 20 failures, the old password refused at once after a change. The domain's Administrator is the
 * portal's service account.
 */
public final class TestSambaAd implements AutoCloseable {

    public static final String BASE = "DC=ad,DC=example,DC=org";
    public static final String USERS = "CN=Users," + BASE;
    public static final String SERVICE = "CN=Administrator," + USERS;
    public static final String SERVICE_PASSWORD = "Service account 1!";
    public static final String URL = "ldaps://127.0.0.1:636";
    public static final int MOST_FAILURES = 20;

    private final Path home;
    private final Process samba;

    private TestSambaAd() throws IOException, InterruptedException {
        home = Files.createTempDirectory("samba-ad");
        Path tls = Files.createDirectories(home.resolve("tls"));
        ServerProcesses.run(home, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "2", "-subj", "/CN=Test directory CA");
        ServerProcesses.run(home, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "tls/key.pem", "-out", "server.csr",
                "-subj", "/CN=localhost");
        Files.writeString(home.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        ServerProcesses.run(home, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "tls/cert.pem", "-days", "2", "-extfile", "san.ext");
        Files.setPosixFilePermissions(tls.resolve("key.pem"), PosixFilePermissions.fromString("rw-------"));
        Path target = Files.createDirectories(home.resolve("dc"));
        ServerProcesses.run(home, "samba-tool", "domain", "provision", "--realm=AD.EXAMPLE.ORG", "--domain=ADEXAMPLE",
                "--adminpass=" + SERVICE_PASSWORD, "--server-role=dc", "--dns-backend=NONE", "--use-rfc2307",
                "--targetdir=" + target, "--option=interfaces=127.0.0.1", "--option=bind interfaces only=yes",
                "--option=server services=ldap", "--option=tls enabled=yes",
                "--option=tls keyfile=" + tls.resolve("key.pem"), "--option=tls certfile=" + tls.resolve("cert.pem"),
                "--option=tls cafile=" + home.resolve("ca.pem"));
        Path smbConf = target.resolve("etc/smb.conf");
        // Samba, like AD over NTLM, accepts the old password for an hour after a change unless told otherwise;
        // provision does not write this option, so it goes in by hand.
        Files.writeString(smbConf, Files.readString(smbConf).replace("[global]",
                "[global]\n\told password allowed period = 0"));
        String config = smbConf.toString();
        ServerProcesses.run(home, "samba-tool", "domain", "passwordsettings", "set", "-s", config, "--complexity=on",
                "--history-length=5", "--min-pwd-age=0", "--account-lockout-threshold=" + MOST_FAILURES);
        samba = new ProcessBuilder("samba", "-i", "-s", config).redirectErrorStream(true)
                .redirectOutput(home.resolve("samba.log").toFile()).start();
        ServerProcesses.awaitReady(samba, home.resolve("samba.log"), Duration.ofSeconds(60), TestSambaAd::answers);
    }

    public static TestSambaAd start() {
        return ServerProcesses.started(TestSambaAd::new);
    }

    /** The certificate (PEM) of the authority that signed the controller's, for the portal to trust. */
    public String caCertificate() {
        try {
            return Files.readString(home.resolve("ca.pem"));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Adds an enabled user with a UPN of the caller's choosing, as an admin would in Active Directory Users. */
    public String addPerson(String account, String upn, String name, String password) {
        String dn = "CN=" + name + "," + USERS;
        String[] names = name.split(" ", 2);
        asAdministrator(connection -> connection.add("dn: " + dn, "objectClass: user", "sAMAccountName: " + account,
                "userPrincipalName: " + upn, "displayName: " + name, "givenName: " + names[0], "sn: " + names[1],
                "mail: " + account + "@mail.example", "telephoneNumber: +31 20 555 0100", "userAccountControl: 512", "unicodePwd:: " + Base64.getEncoder().encodeToString(
                        ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE))));
        return dn;
    }

    /** Whether a bind as {@code dn} with {@code password} over LDAPS succeeds, as Windows would find. */
    public boolean binds(String dn, String password) {
        try (LDAPConnection connection = connect()) {
            connection.bind(dn, password);
            return true;
        } catch (LDAPException refused) {
            return false;
        }
    }

    /** An attribute of the entry as the Administrator reads it (null when absent). */
    public String attribute(String dn, String name) {
        return asAdministrator(connection -> connection.getEntry(dn, name).getAttributeValue(name));
    }

    public void disable(String dn) {
        asAdministrator(connection -> connection.modify(dn,
                new Modification(ModificationType.REPLACE, "userAccountControl", "514")));
    }

    /** Binds wrongly as {@code dn} until the controller locks them out. */
    public void lockOut(String dn) {
        for (int i = 0; i < MOST_FAILURES; i++) {
            binds(dn, "Wrong guess " + i + "!");
        }
    }

    /** Stops the domain controller (its worker processes first) and removes its files. */
    @Override
    public void close() {
        ServerProcesses.stop(samba, home);
    }

    private static boolean answers() {
        try (Socket socket = new Socket("127.0.0.1", 636)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static LDAPConnection connect() throws LDAPException {
        try {
            return new LDAPConnection(new SSLUtil(new TrustAllTrustManager()).createSSLSocketFactory(), "127.0.0.1",
                    636);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private interface AsAdministrator<T> {
        T run(LDAPConnection connection) throws Exception;
    }

    private static <T> T asAdministrator(AsAdministrator<T> work) {
        try (LDAPConnection connection = connect()) {
            connection.bind(SERVICE, SERVICE_PASSWORD);
            return work.run(connection);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }
}
