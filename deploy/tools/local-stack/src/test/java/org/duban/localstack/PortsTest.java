package org.duban.localstack;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortsTest {

    @Test
    void readsTheOwnerFromSs() {
        assertEquals("python3 (pid 1234)", Ports.fromSs(
                "LISTEN 0      5            0.0.0.0:8080      0.0.0.0:*    users:((\"python3\",pid=1234,fd=3))\n"));
        assertEquals("an unknown process", Ports.fromSs("LISTEN 0 5 0.0.0.0:8080 0.0.0.0:*\n"));
    }

    @Test
    void readsTheOwnerFromLsof() {
        assertEquals("java (pid 4553)", Ports.fromLsof("p4553\ncjava\nf1103\n"));
        assertEquals("an unknown process", Ports.fromLsof("\n"));
    }

    @Test
    void aPortInUseHasAnOwnerAndAFreeOneNone() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
            Optional<String> owner = Ports.owner(port);
            assertTrue(owner.isPresent(), "a listening port is taken");
            // this JVM holds it; where ss or lsof can tell, they name it
            assertTrue(owner.get().contains("java") || owner.get().equals("an unknown process"), owner.get());
        }
        assertEquals(Optional.empty(), Ports.owner(port));
    }
}
