package org.duban.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an embedded PostgreSQL for the local stack until the process is stopped.
 *
 * <p>Usage: {@code LocalPostgres <dataDir> <port> <database>...}. The data directory is kept across
 * restarts; each named database is created when it does not exist yet. Prints {@code READY} once
 * every database is there, so a launcher script can wait for it.
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LocalPostgres <dataDir> <port> <database>...");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        List<String> databases = List.of(args).subList(2, args.length);

        Files.createDirectories(dataDir);
        Path workDir = dataDir.resolveSibling(dataDir.getFileName() + "-binaries");
        Files.createDirectories(workDir);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir.toFile())
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                // The embedded server's own defaults trade durability for speed (fsync and synchronous_commit
                // off: a power cut may lose or corrupt committed work). The local stack keeps real data, so it
                // flushes like any PostgreSQL; the tests' throwaway servers keep the fast defaults.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "postgres-shutdown"));

        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String database : databases) {
                createIfMissing(connection, database);
            }
        }
        System.out.println("PostgreSQL listening on 127.0.0.1:" + port + ", data in " + dataDir);
        System.out.println("READY");
        System.out.flush();
        stopped.await();
    }

    private static void createIfMissing(Connection connection, String database) throws SQLException {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            if (rs.next()) {
                return;
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
            System.out.println("created database " + database);
        }
    }
}
