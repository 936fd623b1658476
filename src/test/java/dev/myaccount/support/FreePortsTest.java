package dev.myaccount.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    /** Below the range Linux gives outgoing connections (32768-60999), where a connection could take it first. */
    @Test
    void portsComeFromBelowTheRangeOfOutgoingConnections() {
        for (int i = 0; i < 50; i++) {
            assertThat(FreePorts.take()).isBetween(20000, 32767);
        }
    }

    @Test
    void aPortIsFreeToListenOnAndNeverHandedOutTwice() throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = FreePorts.take();
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
            try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(server.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
