package dev.myaccount.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The block a client address is limited as: an IPv4 address alone, an IPv6 address by its /64, the
 * smallest network a provider hands out, within which one person can make up any number of addresses.
 */
public final class AddressBlock {

    private static final int IPV6_NETWORK_BYTES = 8;

    private AddressBlock() {
    }

    public static String of(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal is parsed, never looked up: the servlet container gives the connection's address.
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                return HexFormat.of().formatHex(parsed.getAddress(), 0, IPV6_NETWORK_BYTES) + "::/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }
}
