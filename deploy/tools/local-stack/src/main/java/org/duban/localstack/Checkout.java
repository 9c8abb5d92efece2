package org.duban.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Duban checkout: where the modules, their builds and {@code deploy/} are. */
public final class Checkout {

    private Checkout() {
    }

    /**
     * The checkout: {@code -Dduban.root} when set (the launcher's wrapper sets it), else the first folder
     * upwards from the working directory that has the parent pom and the services.
     */
    public static Path root() {
        String given = System.getProperty("duban.root");
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !isCheckout(dir)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the Duban checkout above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static boolean isCheckout(Path dir) {
        return Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("unit-service"));
    }
}
