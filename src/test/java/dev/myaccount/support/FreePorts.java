package dev.myaccount.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers the tests start a little after choosing them (a portal, an app, slapd). A port the kernel hands
 * out as free comes from the range it also gives outgoing connections (Linux: 32768-60999), so any connection opened
 * before the server binds it (a database pool filling up, for one) could take it and fail the start; these come from
 * below that range, and none twice in one test JVM.
 */
public final class FreePorts {

    private static final int LOWEST = 20000;
    private static final int BELOW = 32768;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A loopback port nothing listens on now, and not handed out before. */
    public static int take() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, BELOW);
            if (HANDED_OUT.add(port) && isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST + " and " + BELOW);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
