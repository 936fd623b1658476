package dev.myaccount.directory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;

/**
 * Connections to the organisations' own directories: for each, a pool bound as the service account (reads, resets)
 * and a pool that only binds as people (sign-in checks), made again when the settings change; and single
 * connections for a person's own change and for testing settings. Encrypted (LDAPS or StartTLS, the server's name
 * checked against its certificate) unless the settings say plain LDAP is a test's.
 */
@Component
class DirectoryConnections implements DisposableBean {

    private static final int MOST_CONNECTIONS = 8;

    /** An organisation's two pools, made from its settings as they were at {@code madeFor}. */
    record Pools(Instant madeFor, LDAPConnectionPool service, LDAPConnectionPool binds) {

        void close() {
            service.close();
            binds.close();
        }
    }

    private final DirectoryProperties properties;
    private final Map<UUID, Pools> pools = new ConcurrentHashMap<>();

    DirectoryConnections(DirectoryProperties properties) {
        this.properties = properties;
    }

    /** Whether a directory's failure means it could not be asked at all (down, unreachable, too slow, busy). */
    static boolean unreachable(LDAPException failure) {
        ResultCode code = failure.getResultCode();
        return !ResultCode.isConnectionUsable(code) || code == ResultCode.UNAVAILABLE || code == ResultCode.BUSY
                || code == ResultCode.CONNECT_ERROR || code == ResultCode.TIMEOUT;
    }

    /** The organisation's pools for these settings; LDAPException when the directory cannot be reached. */
    Pools pools(DirectorySettingsStore.Stored stored) throws LDAPException {
        UUID organisation = stored.settings().organisationId();
        Pools current = pools.get(organisation);
        if (current != null && current.madeFor().equals(stored.modifiedAt())) {
            return current;
        }
        synchronized (this) {
            current = pools.get(organisation);
            if (current != null && current.madeFor().equals(stored.modifiedAt())) {
                return current;
            }
            Pools made = make(stored);
            Pools replaced = pools.put(organisation, made);
            if (replaced != null) {
                replaced.close();
            }
            return made;
        }
    }

    /** A new connection, encrypted as the settings say and not yet bound; the caller closes it. */
    LDAPConnection connect(DirectorySettings settings) throws LDAPException {
        LDAPURL url = new LDAPURL(settings.url());
        SSLContext tls = tls(settings);
        LDAPConnection connection = new LDAPConnection(socketFactory(url, tls), options(), url.getHost(),
                url.getPort());
        if (!url.getScheme().equals("ldaps") && settings.startTls()) {
            try {
                var result = connection.processExtendedOperation(new StartTLSExtendedRequest(tls));
                if (result.getResultCode() != ResultCode.SUCCESS) {
                    throw new LDAPException(result);
                }
            } catch (LDAPException failed) {
                connection.close();
                throw failed;
            }
        }
        return connection;
    }

    @Override
    public void destroy() {
        pools.values().forEach(Pools::close);
        pools.clear();
    }

    private Pools make(DirectorySettingsStore.Stored stored) throws LDAPException {
        DirectorySettings settings = stored.settings();
        LDAPURL url = new LDAPURL(settings.url());
        SSLContext tls = tls(settings);
        SingleServerSet server = new SingleServerSet(url.getHost(), url.getPort(), socketFactory(url, tls),
                options());
        StartTLSPostConnectProcessor startTls = !url.getScheme().equals("ldaps") && settings.startTls()
                ? new StartTLSPostConnectProcessor(tls) : null;
        LDAPConnectionPool service = new LDAPConnectionPool(server,
                new SimpleBindRequest(settings.bindDn(), settings.bindPassword()), 1, MOST_CONNECTIONS, startTls);
        try {
            LDAPConnectionPool binds = new LDAPConnectionPool(server, null, 1, MOST_CONNECTIONS, startTls);
            // A connection the directory (or a firewall between) dropped silently is replaced, not taken for a
            // directory that is down.
            service.setRetryFailedOperationsDueToInvalidConnections(true);
            binds.setRetryFailedOperationsDueToInvalidConnections(true);
            return new Pools(stored.modifiedAt(), service, binds);
        } catch (LDAPException failed) {
            service.close();
            throw failed;
        }
    }

    private LDAPConnectionOptions options() {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) properties.connectTimeout().toMillis());
        options.setResponseTimeoutMillis(properties.responseTimeout().toMillis());
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        // A bind with a name and no password is an anonymous one, which succeeds: never send one.
        options.setBindWithDNRequiresPassword(true);
        return options;
    }

    private static SocketFactory socketFactory(LDAPURL url, SSLContext tls) {
        return url.getScheme().equals("ldaps") ? tls.getSocketFactory() : SocketFactory.getDefault();
    }

    /** TLS that trusts the settings' CA certificate, or else the JVM's trusted ones. */
    private static SSLContext tls(DirectorySettings settings) throws LDAPException {
        try {
            TrustManager trust = settings.caCertificate() == null || settings.caCertificate().isBlank()
                    ? JVMDefaultTrustManager.getInstance() : trusting(settings.caCertificate());
            return new SSLUtil(trust).createSSLContext();
        } catch (GeneralSecurityException | IllegalArgumentException bad) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "The CA certificate cannot be used: " + bad.getMessage(),
                    bad);
        }
    }

    static TrustManager trusting(String pem) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException impossible) {
            throw new GeneralSecurityException(impossible);
        }
        int n = 0;
        for (Certificate certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)))) {
            store.setCertificateEntry("ca" + n++, certificate);
        }
        if (n == 0) {
            throw new GeneralSecurityException("no certificate");
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers()[0];
    }
}
