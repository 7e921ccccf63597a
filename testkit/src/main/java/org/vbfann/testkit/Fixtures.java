package org.vbfann.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the shared fixtures, {@code ../shared/fixtures} relative to the repository root. Tests never copy
 * fixtures into the repository; they read them through {@link #path(String)}.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** The fixtures folder. */
    public static Path root() {
        String prop = System.getProperty("vbfann.repo.root");
        Path start = prop != null && !prop.isEmpty() ? Paths.get(prop) : Paths.get("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("fixtures");
            if (Files.isDirectory(candidate) && Files.isDirectory(p.resolve(".ci"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find ../shared/fixtures beside the repository (searched upwards from "
                + start.toAbsolutePath() + ")");
    }

    /**
     * A fixture file, e.g. {@code path("root/uproot-simple.root")}.
     *
     * @throws IllegalStateException naming the path if it does not exist
     */
    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("fixture not found: " + p);
        }
        return p;
    }
}
