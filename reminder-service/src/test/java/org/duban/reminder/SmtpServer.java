package org.duban.reminder;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** A local SMTP server (GreenMail) standing in for the users' mail server. */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;

    public static synchronized GreenMail mail() {
        return greenMail;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (greenMail == null) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(greenMail.getSmtp().getPort()),
                "quarkus.mailer.mock", "false",
                "duban.mail.poll-interval", "1s");
    }

    @Override
    public void stop() {
        // one server per test JVM
    }
}
