package org.duban.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Who holds a TCP port: {@code ss} on Linux, {@code lsof} on macOS, else whether anything answers. */
final class Ports {

    private static final Pattern SS_USER = Pattern.compile("\\(\\(\"([^\"]+)\",pid=(\\d+)");

    private Ports() {
    }

    /** "python3 (pid 1234)", "an unknown process" when the port is taken but its owner unknown; empty when free. */
    static Optional<String> owner(int port) {
        Optional<String> ss = run("ss", "-Hltnp", "sport = :" + port);
        if (ss.isPresent() && !ss.get().isBlank()) {
            return Optional.of(fromSs(ss.get()));
        }
        Optional<String> lsof = run("lsof", "-nP", "-iTCP:" + port, "-sTCP:LISTEN", "-Fpc");
        if (lsof.isPresent() && !lsof.get().isBlank()) {
            return Optional.of(fromLsof(lsof.get()));
        }
        return listening(port) ? Optional.of("an unknown process") : Optional.empty();
    }

    /** The owner in a line of {@code ss -Hltnp}: {@code users:(("java",pid=4553,fd=7))}. */
    static String fromSs(String output) {
        Matcher m = SS_USER.matcher(output);
        return m.find() ? m.group(1) + " (pid " + m.group(2) + ")" : "an unknown process";
    }

    /** The owner in {@code lsof -Fpc}: a line {@code p<pid>}, then {@code c<command>}. */
    static String fromLsof(String output) {
        String pid = null;
        String command = null;
        for (String line : output.split("\n")) {
            if (line.startsWith("p") && pid == null) {
                pid = line.substring(1).trim();
            } else if (line.startsWith("c") && command == null) {
                command = line.substring(1).trim();
            }
        }
        return pid == null ? "an unknown process" : (command == null ? "a process" : command) + " (pid " + pid + ")";
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The output of a tool, empty when it is not installed or fails. */
    private static Optional<String> run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
