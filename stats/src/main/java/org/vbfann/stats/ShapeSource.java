package org.vbfann.stats;

import java.nio.file.Path;
import org.vbfann.core.Histogram1D;

/** Where the histograms of a datacard's {@code shapes} lines come from (a ROOT file reader, or memory in tests). */
@FunctionalInterface
public interface ShapeSource {
    /**
     * The histogram at {@code path} inside {@code file}, or null if the file has no object there.
     *
     * @throws StatsException (or the reader's own exception) if the file cannot be read
     */
    Histogram1D histogram(Path file, String path);
}
