package org.duban.task.evidence;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.duban.localstack.ChildProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real S3-compatible server for the evidence tests: S3Proxy serving a temporary folder through the
 * S3 API (jclouds' filesystem provider), run from its own jar (copied to target/s3proxy by the build)
 * as a process, so that its Jetty, Netty and Logback stay out of the Quarkus test classpath.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "duban-evidence";
    static final String ACCESS_KEY = "duban-test";
    static final String SECRET_KEY = "duban-test-secret";

    private static ChildProcess server;
    private static Path data;
    private static String endpoint;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                Path jar = Path.of("target/s3proxy/s3proxy.jar").toAbsolutePath();
                if (!Files.exists(jar)) {
                    throw new IllegalStateException(jar + " is missing: the build copies it (maven-dependency-plugin, copy-s3proxy)");
                }
                Path dir = Files.createTempDirectory("s3proxy-");
                data = Files.createDirectories(dir.resolve("data"));
                Files.createDirectories(data.resolve(BUCKET));
                int port = ChildProcess.freePort();
                endpoint = "http://127.0.0.1:" + port;
                Path properties = Files.writeString(dir.resolve("s3proxy.properties"), String.join("\n",
                        "s3proxy.endpoint=" + endpoint,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + ACCESS_KEY,
                        "s3proxy.credential=" + SECRET_KEY,
                        "jclouds.provider=filesystem",
                        "jclouds.filesystem.basedir=" + data), java.nio.charset.StandardCharsets.UTF_8);
                server = ChildProcess.builder("s3proxy")
                        .command(List.of(ChildProcess.java(), "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString()))
                        .workDir(dir)
                        .log(dir.resolve("s3proxy.log"))
                        .startTimeout(Duration.ofSeconds(60))
                        .readiness(ChildProcess.Readiness.listening(port))
                        .build();
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.of(
                "duban.evidence.storage", "s3",
                "duban.evidence.s3.endpoint", endpoint,
                "duban.evidence.s3.bucket", BUCKET,
                "duban.evidence.s3.access-key", ACCESS_KEY,
                "duban.evidence.s3.secret-key", SECRET_KEY);
    }

    /** The folder S3Proxy keeps the bucket's objects in. */
    static Path bucketFolder() {
        return data.resolve(BUCKET);
    }

    static String endpoint() {
        return endpoint;
    }

    @Override
    public void stop() {
        // the process stays for the JVM (ChildProcess stops it at exit): another profile may start Quarkus again
    }
}
