package org.vbfann.rootio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.vbfann.core.Column;
import org.vbfann.core.EventTable;
import org.vbfann.rootio.internal.Columns;

/**
 * The same tree in several files read as one, like ROOT's TChain: entries are numbered across the files in
 * the order given. Every file must have the requested columns with the same type and shape. Opens all files
 * at once (to know the entry counts); close the chain to close them.
 */
public final class TreeChain implements AutoCloseable {
    private final List<RootFile> files;
    private final List<TreeReader> trees;
    private final long[] firstEntry;   // entry number of each file's first entry, plus the total at the end

    private TreeChain(List<RootFile> files, List<TreeReader> trees) {
        this.files = files;
        this.trees = trees;
        this.firstEntry = new long[trees.size() + 1];
        for (int i = 0; i < trees.size(); i++) {
            firstEntry[i + 1] = firstEntry[i] + trees.get(i).entries();
        }
    }

    /**
     * Opens {@code treePath} in each file.
     *
     * @throws IllegalArgumentException if no file is given
     * @throws RootIoException          naming the file that cannot be read or lacks the tree
     */
    public static TreeChain of(List<Path> files, String treePath) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one file");
        }
        List<RootFile> opened = new ArrayList<>();
        List<TreeReader> trees = new ArrayList<>();
        try {
            for (Path p : files) {
                RootFile f = RootFile.open(p);
                opened.add(f);
                trees.add(f.tree(treePath));
            }
        } catch (RuntimeException e) {
            for (RootFile f : opened) {
                f.close();
            }
            throw e;
        }
        return new TreeChain(List.copyOf(opened), List.copyOf(trees));
    }

    /** This chain with each file's tree read in parallel branch by branch (see {@link TreeReader#parallel}). */
    public TreeChain parallel(boolean inParallel) {
        List<TreeReader> ts = new ArrayList<>();
        for (TreeReader t : trees) {
            ts.add(t.parallel(inParallel));
        }
        return new TreeChain(files, List.copyOf(ts));
    }

    /** Total entries over all files. */
    public long entries() {
        return firstEntry[trees.size()];
    }

    /** The tree of each file, in chain order. */
    public List<TreeReader> trees() {
        return trees;
    }

    /** The columns of the first file's tree. */
    public List<BranchInfo> branches() {
        return trees.get(0).branches();
    }

    /** All entries of the given columns. */
    public EventTable read(List<String> branches) {
        return read(branches, 0, entries());
    }

    /**
     * Chain entries {@code [start, stop)} of the given columns (all readable columns of the first file if the
     * list is empty), reading from each file only its part of the range.
     */
    public EventTable read(List<String> branches, long start, long stop) {
        if (start < 0 || stop < start || stop > entries()) {
            throw new IllegalArgumentException("chain entry range [" + start + ", " + stop + ") is not inside [0, "
                    + entries() + ")");
        }
        List<String> names = branches == null || branches.isEmpty() ? readableNames() : branches;
        List<EventTable> parts = new ArrayList<>();
        List<Integer> fileOf = new ArrayList<>();
        for (int i = 0; i < trees.size(); i++) {
            long from = Math.max(start, firstEntry[i]);
            long to = Math.min(stop, firstEntry[i + 1]);
            if (from < to || parts.isEmpty() && i == trees.size() - 1) {
                parts.add(readPart(i, names, from - firstEntry[i], Math.max(from, to) - firstEntry[i]));
                fileOf.add(i);
            }
        }
        return join(parts, fileOf, (int) (stop - start));
    }

    private EventTable readPart(int i, List<String> names, long from, long to) {
        try {
            return trees.get(i).read(names, from, to);
        } catch (RootNotFoundException e) {
            throw new RootNotFoundException(files.get(i).name() + " (file " + (i + 1) + " of the chain): "
                    + e.getMessage(), e.candidates());
        }
    }

    private List<String> readableNames() {
        List<String> out = new ArrayList<>();
        for (BranchInfo b : branches()) {
            if (b.kind() != BranchInfo.Kind.UNSUPPORTED) {
                out.add(b.name());
            }
        }
        return out;
    }

    private EventTable join(List<EventTable> parts, List<Integer> fileOf, int entries) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<Column> cols = new ArrayList<>();
        for (String name : parts.get(0).names()) {
            List<Column> pieces = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                Column c = parts.get(i).column(name);
                Column first = parts.get(0).column(name);
                if (!Columns.describe(c).equals(Columns.describe(first))) {
                    throw new RootIoException("chain: column '" + name + "' is " + Columns.describe(first) + " in "
                            + files.get(fileOf.get(0)).name() + " but " + Columns.describe(c) + " in "
                            + files.get(fileOf.get(i)).name());
                }
                pieces.add(c);
            }
            cols.add(Columns.concat(pieces));
        }
        return EventTable.of(entries, cols);
    }

    /** The entries in chunks of at most {@code entriesPerChunk}; a chunk never spans two files. */
    public Iterable<EventTable> chunks(List<String> branches, int entriesPerChunk) {
        if (entriesPerChunk < 1) {
            throw new IllegalArgumentException("entries per chunk must be >= 1, got " + entriesPerChunk);
        }
        List<String> names = branches == null || branches.isEmpty() ? readableNames() : branches;
        return () -> new Iterator<>() {
            private int file = 0;
            private Iterator<EventTable> current = null;

            @Override
            public boolean hasNext() {
                while ((current == null || !current.hasNext()) && file < trees.size()) {
                    current = trees.get(file++).chunks(names, entriesPerChunk).iterator();
                }
                return current != null && current.hasNext();
            }

            @Override
            public EventTable next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** Closes every file of the chain (also for chains made by {@link #parallel}, which share them). */
    @Override
    public void close() {
        RootIoException first = null;
        for (RootFile f : files) {
            try {
                f.close();
            } catch (RootIoException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
