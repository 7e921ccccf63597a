package org.vbfann.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Expands command-line file arguments that are globs ({@code histos*_25ns/output_*.root}, {@code data/**.root}). */
final class FileGlobs {
    private FileGlobs() {
    }

    /**
     * Each argument as a path, or the files its glob matches (sorted); duplicates are dropped.
     *
     * @throws CommandFailedException if a plain path does not exist or a glob matches nothing
     */
    static List<Path> expand(List<String> args) {
        Set<Path> out = new LinkedHashSet<>();
        for (String a : args) {
            int glob = firstGlobChar(a);
            if (glob < 0) {
                Path p = Path.of(a);
                if (!Files.isRegularFile(p)) {
                    throw new CommandFailedException(a + ": no such file", ExitCodes.IO);
                }
                out.add(p);
                continue;
            }
            int slash = a.lastIndexOf('/', glob);
            Path base = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : a.substring(0, slash));
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + a);
            List<Path> hits = new ArrayList<>();
            if (Files.isDirectory(base)) {
                try (Stream<Path> s = Files.walk(base)) {
                    s.filter(Files::isRegularFile).forEach(p -> {
                        Path q = slash < 0 ? base.relativize(p) : p;
                        if (m.matches(q)) {
                            hits.add(q);
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(base + ": cannot list: " + e.getMessage(), e);
                }
            }
            if (hits.isEmpty()) {
                throw new CommandFailedException("no file matches '" + a + "'", ExitCodes.IO);
            }
            hits.sort(null);
            out.addAll(hits);
        }
        return new ArrayList<>(out);
    }

    private static int firstGlobChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }
}
