package org.vbfann.rootio;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vbfann.core.NameSuggestions;

/**
 * A directory of a ROOT file (TDirectory): its keys, with all their cycles, and its subdirectories.
 * Obtained from {@link RootFile#directory(String)}; valid while the file is open.
 */
public final class RootDirectory {
    /** Deeper nesting than this is taken as a loop in a corrupted file. */
    static final int MAX_DEPTH = 64;

    private final RootFile file;
    private final String path;
    private final int depth;
    private final List<KeyInfo> keys;

    RootDirectory(RootFile file, String path, int depth, List<KeyInfo> keys) {
        this.file = file;
        this.path = path;
        this.depth = depth;
        this.keys = List.copyOf(keys);
    }

    /** Path from the top directory, e.g. {@code "one/two"}; {@code ""} for the top directory. */
    public String path() {
        return path;
    }

    /** The keys in file order, every cycle included. */
    public List<KeyInfo> keys() {
        return keys;
    }

    /** Names of the subdirectories (highest cycle of each), in key order. */
    public List<String> subdirectories() {
        Set<String> out = new LinkedHashSet<>();
        for (KeyInfo k : keys) {
            if (k.isDirectory()) {
                out.add(k.name());
            }
        }
        return List.copyOf(out);
    }

    /** Whether a key {@code name} or {@code name;cycle} exists here. */
    public boolean has(String nameCycle) {
        return find(nameCycle) != null;
    }

    /**
     * The key {@code name} (highest cycle) or {@code name;cycle}.
     *
     * @throws RootNotFoundException listing the closest key names
     */
    public KeyInfo key(String nameCycle) {
        KeyInfo k = find(nameCycle);
        if (k == null) {
            String name = baseName(nameCycle);
            Set<String> names = new LinkedHashSet<>();
            for (KeyInfo ki : keys) {
                names.add(ki.name().equals(name) ? ki.nameCycle() : ki.name());
            }
            List<String> close = NameSuggestions.closest(name, names, 5);
            throw new RootNotFoundException(file.name() + ": no key '" + nameCycle + "' in directory '"
                    + (path.isEmpty() ? "/" : path) + "'" + NameSuggestions.closestOrAvailable(close, names), close);
        }
        return k;
    }

    /** The subdirectory {@code name}. */
    public RootDirectory directory(String name) {
        KeyInfo k = key(name);
        if (!k.isDirectory()) {
            throw new RootNotFoundException(file.name() + ": '" + join(k.name()) + "' is a " + k.className()
                    + ", not a directory", List.of());
        }
        if (depth + 1 > MAX_DEPTH) {
            throw new RootFormatException(file.name() + ": directories nested deeper than " + MAX_DEPTH + " at '"
                    + join(k.name()) + "' (a loop in a corrupted file?)");
        }
        return file.readDirectory(k, join(k.name()), depth + 1);
    }

    private String join(String name) {
        return path.isEmpty() ? name : path + "/" + name;
    }

    private KeyInfo find(String nameCycle) {
        String name = baseName(nameCycle);
        int cycle = -1;
        int semi = nameCycle.lastIndexOf(';');
        if (semi >= 0) {
            try {
                cycle = Integer.parseInt(nameCycle.substring(semi + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + nameCycle + "': the cycle after ';' must be a number", e);
            }
        }
        KeyInfo best = null;
        for (KeyInfo k : keys) {
            if (!k.name().equals(name)) {
                continue;
            }
            if (cycle >= 0 ? k.cycle() == cycle : best == null || k.cycle() > best.cycle()) {
                best = k;
            }
        }
        return best;
    }

    private static String baseName(String nameCycle) {
        int semi = nameCycle.lastIndexOf(';');
        return semi >= 0 ? nameCycle.substring(0, semi) : nameCycle;
    }

    @Override
    public String toString() {
        return "RootDirectory(" + file.name() + ":" + path + ", " + keys.size() + " keys)";
    }
}
