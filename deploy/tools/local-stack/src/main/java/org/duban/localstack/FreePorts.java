package org.duban.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for processes a test or the launcher starts and binds a moment later. A port the kernel hands out for
 * {@code bind(0)} lies in its ephemeral range, the one outgoing connections take their local ports from: between
 * our probe and the child's bind, a client socket (to Kafka, PostgreSQL, Keycloak) could take it, and the child
 * then fails with "port in use" — seen in CI. So a port is picked outside that range, at random (two test JVMs
 * rarely pick the same), never twice in one JVM, and only when a bind to it succeeds now.
 */
final class FreePorts {

    /** Where the kernel's ephemeral range is read; Linux's default when it cannot be read. */
    static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    static final Range LINUX_DEFAULT = new Range(32768, 60999);
    /** Below this lie the well-known ports and the ones a developer's own servers (8080, 9092, 5432 …) use. */
    static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 200;

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    record Range(int low, int high) {
        int size() {
            return high - low + 1;
        }
    }

    private FreePorts() {
    }

    static int next() {
        Range pool = pool(ephemeral());
        if (pool != null) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < ATTEMPTS; i++) {
                int port = pool.low() + random.nextInt(pool.size());
                if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                    return port;
                }
            }
        }
        // no room outside the ephemeral range (or all of it taken): the kernel's choice, as before
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The larger stretch of ports outside {@code ephemeral} and at or above {@link #LOWEST}; null when none is worth it. */
    static Range pool(Range ephemeral) {
        Range below = new Range(LOWEST, ephemeral.low() - 1);
        Range above = new Range(ephemeral.high() + 1, 65535);
        Range larger = below.size() >= above.size() ? below : above;
        return larger.size() >= 1000 ? larger : null;
    }

    static Range ephemeral() {
        try {
            return parse(Files.readString(EPHEMERAL_RANGE));
        } catch (IOException | RuntimeException e) {
            return LINUX_DEFAULT;
        }
    }

    static Range parse(String text) {
        String[] parts = text.trim().split("\\s+");
        return new Range(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    /** Nothing listens on {@code port}, on the loopback or any address (a bind to the wildcard address succeeds). */
    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress((InetAddress) null, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
