package org.vbfann.stats;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.vbfann.core.Histogram1D;
import org.vbfann.rootio.RootFile;

/** Shape histograms from ROOT files, each file opened once; close it when the model is built. */
public final class RootShapeSource implements ShapeSource, AutoCloseable {
    private final Map<Path, RootFile> files = new HashMap<>();

    @Override
    public Histogram1D histogram(Path file, String path) {
        RootFile f = files.computeIfAbsent(file.toAbsolutePath().normalize(), RootFile::open);
        return f.has(path) ? f.histogram1D(path) : null;
    }

    @Override
    public void close() {
        for (RootFile f : files.values()) {
            f.close();
        }
        files.clear();
    }
}
