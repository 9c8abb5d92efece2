package org.duban.localstack;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreePortsTest {

    @Test
    void theKernelsRangeIsRead() {
        assertEquals(new FreePorts.Range(32768, 60999), FreePorts.parse("32768\t60999\n"));
        assertEquals(new FreePorts.Range(1024, 65000), FreePorts.parse(" 1024   65000"));
    }

    @Test
    void portsArePickedBelowOrAboveTheEphemeralRangeWhicheverIsLarger() {
        assertEquals(new FreePorts.Range(10_000, 32767), FreePorts.pool(new FreePorts.Range(32768, 60999)));
        assertEquals(new FreePorts.Range(50_001, 65535), FreePorts.pool(new FreePorts.Range(15000, 50000)));
        assertNull(FreePorts.pool(new FreePorts.Range(1024, 65000)), "no room worth the name: the kernel picks");
    }

    @Test
    void aPortHandedOutIsOutsideTheEphemeralRangeFreeAndNeverHandedOutAgain() throws Exception {
        FreePorts.Range ephemeral = FreePorts.ephemeral();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = ChildProcess.freePort();
            if (FreePorts.pool(ephemeral) != null) {
                assertTrue(port < ephemeral.low() || port > ephemeral.high(), port + " lies in " + ephemeral);
                assertTrue(port >= FreePorts.LOWEST, port + " is below " + FreePorts.LOWEST);
            }
            assertTrue(seen.add(port), port + " handed out twice");
            try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
                assertEquals(port, socket.getLocalPort());
            }
        }
        assertFalse(seen.isEmpty());
    }
}
