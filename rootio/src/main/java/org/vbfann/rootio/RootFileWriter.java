package org.vbfann.rootio;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vbfann.core.Histogram1D;
import org.vbfann.core.Histogram2D;
import org.vbfann.rootio.internal.write.DirectoryState;
import org.vbfann.rootio.internal.write.ExistingFile;
import org.vbfann.rootio.internal.write.FileSink;
import org.vbfann.rootio.internal.write.FileStructure;
import org.vbfann.rootio.internal.write.HistogramStreamer;
import org.vbfann.rootio.internal.write.RecordWriter;

/**
 * Writes a new ROOT file: directories, histograms (TH1D/TH1F/TH2D/TH2F) and flat trees, readable by ROOT, uproot and
 * JSROOT, and reopenable by ROOT in UPDATE mode. The file is built under a temporary name in the same folder and
 * renamed to its final name by {@link #close()}; after any failure (or {@link #abort()}) the temporary file is
 * deleted and no file appears. Not thread-safe.
 *
 * <pre>{@code
 * try (RootFileWriter w = RootFileWriter.create(Path.of("out.root"), WriteOptions.defaults())) {
 *     w.put("shapes/ggH", histogram);
 *     try (TreeWriter t = w.tree("events", "selected events", specs)) {
 *         t.fill(chunk);
 *     }
 * }
 * }</pre>
 */
public final class RootFileWriter implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final String fileName;
    private final WriteOptions options;
    private final FileSink sink;
    private final RecordWriter records;
    private final FileStructure structure;
    private final Set<TreeWriter> openTrees = new LinkedHashSet<>();
    private boolean finished;

    private RootFileWriter(Path target, WriteOptions options, boolean update) {
        this.target = target.toAbsolutePath();
        this.fileName = target.getFileName().toString();
        this.options = options;
        this.temp = this.target.resolveSibling("." + fileName + "." + Long.toHexString(new SecureRandom().nextLong())
                + ".tmp");
        ExistingFile existing = null;
        if (update) {
            try (RootFile in = RootFile.open(target)) {
                existing = FileUpdate.load(in);
            }
            copy(this.target, temp);
        }
        try {
            this.sink = new FileSink(temp, fileName, existing == null ? 0 : existing.end());
        } catch (RootIoException e) {
            deleteTemp();
            throw e;
        }
        this.records = new RecordWriter(sink, options.compression(),
                options.isReproducible() ? WriteOptions.REPRODUCIBLE_TIME : LocalDateTime.now());
        // ROOT gives each directory a random (version 4) UUID; reproducible mode draws them from the seed and name
        RandomGenerator uuids = options.isReproducible()
                ? new SplittableRandom(options.reproducibleSeed() * 31 + fileName.hashCode()) : new SecureRandom();
        FileStructure s;
        try {
            s = existing == null ? new FileStructure(records, fileName, uuids)
                    : new FileStructure(records, fileName, existing, uuids);
        } catch (RuntimeException e) {
            discard();
            throw e;
        }
        this.structure = s;
    }

    private void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RootIoException(fileName + ": cannot copy " + from + " to " + to + " to update it: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Starts writing {@code file} (replacing it at {@link #close()} if it exists).
     *
     * @throws RootIoException if the temporary file cannot be created in the target's folder
     */
    public static RootFileWriter create(Path file, WriteOptions o) {
        return new RootFileWriter(file, o, false);
    }

    /**
     * Opens an existing ROOT file to add objects, like ROOT's UPDATE mode: what it holds stays as stored, new
     * objects are appended (a name already present gets the next cycle), and its key lists, StreamerInfo list and
     * free-segment record are rewritten at {@link #close()}. The work is done on a copy that replaces the file at
     * close, so a failure leaves the original untouched.
     *
     * @throws RootIoException if the file cannot be read or copied, or is not a ROOT file
     */
    public static RootFileWriter update(Path file, WriteOptions o) {
        return new RootFileWriter(file, o, true);
    }

    /** The options this file is written with. */
    public WriteOptions options() {
        return options;
    }

    /** The final path of the file. */
    public Path path() {
        return target;
    }

    /** Creates directory {@code dirPath} ("a/b/c") and any missing parents; existing ones are kept. */
    public void mkdirs(String dirPath) {
        checkOpen();
        run(() -> structure.directory(dirPath));
    }

    /** Writes {@code h} as a TH1D at {@code path} ("dir/name"; missing directories are created). */
    public void put(String path, Histogram1D h) {
        put(path, h, false);
    }

    /** Writes {@code h} as a TH1F if {@code asFloat} (bin contents rounded to float; sumw2 stays double), else TH1D. */
    public void put(String path, Histogram1D h, boolean asFloat) {
        putHistogram(path, HistogramStreamer.className1D(asFloat), h.title(),
                (name, keyLength) -> HistogramStreamer.serialize(h, name, asFloat, keyLength));
    }

    /** Serializes a histogram under a key name for a key of a given length. */
    private interface Serializer {
        byte[] serialize(String name, int keyLength);
    }

    private void putHistogram(String path, String cls, String title, Serializer serializer) {
        checkOpen();
        run(() -> {
            DirectoryState dir = structure.parentOf(path);
            String name = FileStructure.leafName(path);
            int keyLength = records.keyLengthAtEnd(cls, name, title, dir);
            records.writeObject(dir, cls, name, title, serializer.serialize(name, keyLength));
        });
    }

    /** Writes {@code h} as a TH2D at {@code path}. */
    public void put(String path, Histogram2D h) {
        put(path, h, false);
    }

    /** Writes {@code h} as a TH2F if {@code asFloat}, else TH2D. */
    public void put(String path, Histogram2D h, boolean asFloat) {
        putHistogram(path, HistogramStreamer.className2D(asFloat), h.title(),
                (name, keyLength) -> HistogramStreamer.serialize(h, name, asFloat, keyLength));
    }

    /**
     * Starts a tree at {@code path} ("dir/name") with these branches, in this order; a jagged branch's counter
     * must come before it. Close the returned writer (or this file) to write the tree.
     *
     * @throws IllegalArgumentException if branch names repeat or a counter is missing, later or not int32
     */
    public TreeWriter tree(String path, String title, List<BranchSpec> branches) {
        checkOpen();
        DirectoryState[] dir = new DirectoryState[1];
        run(() -> dir[0] = structure.parentOf(path));
        TreeWriter t = new TreeWriter(this, records, dir[0], FileStructure.leafName(path), title, branches,
                options.basketSize());
        openTrees.add(t);
        return t;
    }

    /**
     * Finishes the file: closes open trees, writes the streamer infos, every directory's key list, the free-segment
     * record and the header, then renames the temporary file to the final name. Does nothing after
     * {@link #abort()} or a failure (which already reported and deleted the file).
     */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        for (TreeWriter t : new ArrayList<>(openTrees)) {
            t.close();
        }
        if (finished) {
            return;
        }
        run(() -> {
            structure.finish();
            sink.force();
            sink.close();
            moveIntoPlace();
        });
        finished = true;
    }

    /** Stops writing and deletes the temporary file; the target is left as it was. Idempotent. */
    public void abort() {
        if (!finished) {
            discard();
        }
    }

    private void moveIntoPlace() {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new RootIoException(fileName + ": cannot rename " + temp + " to " + target + ": " + e.getMessage(),
                    e);
        }
    }

    private void discard() {
        finished = true;
        try {
            sink.close();
        } catch (RootIoException ignored) {
            // the channel is unusable either way; deleting the file is what matters
        }
        deleteTemp();
    }

    private void deleteTemp() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more can be done; the message of the original failure names the temporary file
        }
    }

    /** Runs a writing step; on failure deletes the temporary file and reports that nothing was written. */
    void run(Runnable step) {
        try {
            step.run();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            discard();
            throw new RootIoException(e.getMessage() + " (" + target + " was not written; temporary file " + temp
                    + " deleted)", e);
        }
    }

    void checkOpen() {
        if (finished) {
            throw new IllegalStateException(fileName + ": the writer is closed or was aborted");
        }
    }

    boolean isFinished() {
        return finished;
    }

    void treeClosed(TreeWriter t) {
        openTrees.remove(t);
    }
}
