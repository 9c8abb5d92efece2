package org.duban.reminder;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.duban.localstack.ChildProcess;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local SMTP server (GreenMail) standing in for the users' mail server. The service talks to it through a
 * small relay in this JVM that passes bytes on, so that a test can play what a real relay does now and then:
 * {@link #failNextMail()} answers the next mail's {@code MAIL FROM} with {@code 421} and closes that connection,
 * as Postfix does with a connection that sat idle past its timeout — the mail client, which keeps connections
 * open between mails, meets that on its next mail.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;
    private static ServerSocket relay;
    private static final AtomicBoolean FAIL_NEXT = new AtomicBoolean();
    private static final AtomicInteger FAILED = new AtomicInteger();

    public static synchronized GreenMail mail() {
        return greenMail;
    }

    /** The next mail through the relay is answered 421 at its MAIL FROM, and its connection closed. */
    public static void failNextMail() {
        FAIL_NEXT.set(true);
    }

    /** How many mails were answered 421 so far. */
    public static int failed() {
        return FAILED.get();
    }

    @Override
    public synchronized Map<String, String> start() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(ChildProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            try {
                relay = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.ofPlatform().daemon().name("smtp-relay").start(SmtpServer::accept);
        }
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(relay.getLocalPort()),
                "quarkus.mailer.mock", "false",
                "duban.mail.poll-interval", "1s");
    }

    private static void accept() {
        while (!relay.isClosed()) {
            Socket client;
            try {
                client = relay.accept();
            } catch (IOException e) {
                return;
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), greenMail.getSmtp().getPort());
                Thread.ofVirtual().start(() -> pump(client, server, true));
                Thread.ofVirtual().start(() -> pump(server, client, false));
            } catch (IOException e) {
                close(client);
            }
        }
    }

    /** Copies {@code from} to {@code to} until either ends, then closes both; {@code commands}: the client's side. */
    private static void pump(Socket from, Socket to, boolean commands) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (commands && startsMail(buffer, n) && FAIL_NEXT.getAndSet(false)) {
                    from.getOutputStream().write("421 4.4.2 Error: timeout exceeded, closing transmission channel\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    from.getOutputStream().flush();
                    FAILED.incrementAndGet();
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side closed
        } finally {
            close(from);
            close(to);
        }
    }

    private static boolean startsMail(byte[] buffer, int n) {
        String text = new String(buffer, 0, Math.min(n, 64), StandardCharsets.US_ASCII);
        return text.regionMatches(true, 0, "MAIL FROM", 0, 9);
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closed already
        }
    }

    @Override
    public void stop() {
        // one server per test JVM
    }
}
