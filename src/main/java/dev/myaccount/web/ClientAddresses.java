package dev.myaccount.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Optional;

import org.apache.tomcat.util.net.IPv6Utils;

/**
 * A client's address as the portal counts and shows it. It comes from the connection, or from a trusted proxy's
 * X-Forwarded-For, which may carry anything: what is not an IP address is kept as it came.
 */
public final class ClientAddresses {

    private static final int IPV6_NETWORK_BYTES = 8;

    private ClientAddresses() {
    }

    /**
     * The block the address is limited as: an IPv4 address alone, an IPv6 address by its /64, the smallest network
     * a provider hands out, within which one person can make up any number of addresses.
     */
    static String block(String address) {
        return literal(address).map(parsed -> parsed instanceof Inet6Address
                ? HexFormat.of().formatHex(parsed.getAddress(), 0, IPV6_NETWORK_BYTES) + "::/64"
                : parsed.getHostAddress()).orElse(address);
    }

    /** An IPv6 address in its short form (RFC 5952: {@code ::1}, where Java writes {@code 0:0:0:0:0:0:0:1}). */
    static String shortForm(String address) {
        return literal(address).filter(Inet6Address.class::isInstance).map(parsed -> IPv6Utils.canonize(address))
                .orElse(address);
    }

    /**
     * The address parsed when it is an IPv6 literal (or an IPv4 one written as IPv6). The JDK looks up in the DNS a
     * name that does not begin as a literal does, so such a name is not handed to it.
     */
    private static Optional<InetAddress> literal(String address) {
        if (address == null || address.indexOf(':') < 0
                || Character.digit(address.charAt(0), 16) < 0 && address.charAt(0) != ':') {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }
}
