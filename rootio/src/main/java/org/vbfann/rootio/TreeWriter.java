package org.vbfann.rootio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vbfann.core.Column;
import org.vbfann.core.EventTable;
import org.vbfann.rootio.internal.write.BranchState;
import org.vbfann.rootio.internal.write.DirectoryState;
import org.vbfann.rootio.internal.write.KeyHeader;
import org.vbfann.rootio.internal.write.RecordWriter;
import org.vbfann.rootio.internal.write.TreeStreamer;

/**
 * Writes one flat TTree: fill it with chunks of entries ({@link #fill}); baskets go to the file as they fill up;
 * {@link #close} writes the tree's metadata. Made by {@link RootFileWriter#tree}. Not thread-safe.
 */
public final class TreeWriter implements AutoCloseable {
    private final RootFileWriter owner;
    private final RecordWriter records;
    private final DirectoryState dir;
    private final String name;
    private final String title;
    private final int basketSize;
    private final List<BranchState> branches = new ArrayList<>();
    private final Map<String, BranchState> byName = new HashMap<>();
    private final BranchState.BasketOutput output;
    private long entries;
    private boolean closed;

    TreeWriter(RootFileWriter owner, RecordWriter records, DirectoryState dir, String name, String title,
               List<BranchSpec> specs, int basketSize) {
        this.owner = owner;
        this.records = records;
        this.dir = dir;
        this.name = name;
        this.title = title == null ? "" : title;
        this.basketSize = basketSize;
        for (BranchSpec s : specs) {
            if (byName.containsKey(s.name())) {
                throw new IllegalArgumentException(where() + ": two branches named '" + s.name() + "'");
            }
            BranchState b = new BranchState(s, basketSize);
            if (s.isJagged()) {
                BranchState c = byName.get(s.counter());
                if (c == null) {
                    throw new IllegalArgumentException(where() + ": branch '" + s.name() + "' counts its items with '"
                            + s.counter() + "', which must be an earlier branch of the tree");
                }
                if (c.spec().type() != org.vbfann.core.ElementType.INT32 || c.spec().isJagged()
                        || c.spec().itemSize() != 1 || c.spec().fixedShape().length != 0) {
                    throw new IllegalArgumentException(where() + ": counter '" + c.name() + "' of branch '" + s.name()
                            + "' must be an int32 scalar branch, found " + c.spec());
                }
                b.setCounter(c);
            }
            branches.add(b);
            byName.put(s.name(), b);
        }
        this.output = new BranchState.BasketOutput() {
            @Override
            public int basketSize() {
                return TreeWriter.this.basketSize;
            }

            @Override
            public int keyLength(String branch) {
                return records.basketKeyLength(dir, branch, name);
            }

            @Override
            public KeyHeader write(String branch, byte[] payload, int length, int dataBytes, int nevBufSize,
                                   int nevBuf) {
                return records.writeBasket(dir, branch, name, payload, length, dataBytes, basketSize, nevBufSize,
                        nevBuf);
            }
        };
    }

    private String where() {
        String d = dir.path();
        return "tree '" + (d.isEmpty() ? name : d + "/" + name) + "'";
    }

    /** The tree's name. */
    public String name() {
        return name;
    }

    /** The branches, in order. */
    public List<BranchSpec> branches() {
        List<BranchSpec> out = new ArrayList<>();
        for (BranchState b : branches) {
            out.add(b.spec());
        }
        return out;
    }

    /**
     * Appends the entries of {@code chunk}: one column per branch, matched by name, of the branch's type and shape.
     * The column of a counter branch may be left out; its values are then the item counts of the jagged column
     * it counts. Columns that are no branch are ignored.
     *
     * @throws RootIoException naming the branch if a column is missing, of another type or shape, or if a given
     *                         counter disagrees with its jagged column; nothing of the chunk is written then
     */
    public void fill(EventTable chunk) {
        checkOpen();
        Column[] cols = new Column[branches.size()];
        for (int i = 0; i < branches.size(); i++) {
            BranchState b = branches.get(i);
            if (chunk.has(b.name())) {
                cols[i] = chunk.column(b.name());
                checkColumn(b.spec(), cols[i]);
            }
        }
        int[][] derived = new int[branches.size()][];
        for (int i = 0; i < branches.size(); i++) {
            BranchState b = branches.get(i);
            if (!b.spec().isJagged()) {
                continue;
            }
            if (cols[i] == null) {
                throw missing(b, chunk);
            }
            int c = branches.indexOf(byName.get(b.spec().counter()));
            int[] offsets = cols[i].offsets();
            if (cols[c] != null) {
                checkCounts(b, cols[c], offsets);
            } else if (derived[c] != null) {
                checkCounts(b, Column.ofInts(b.spec().counter(), counts(derived[c])), offsets);
            } else {
                derived[c] = offsets;
            }
        }
        for (int i = 0; i < branches.size(); i++) {
            if (cols[i] == null && derived[i] == null) {
                throw missing(branches.get(i), chunk);
            }
        }
        int n = chunk.entries();
        owner.run(() -> append(cols, derived, n));
        entries += n;
    }

    private void append(Column[] cols, int[][] derived, int n) {
        for (int i = 0; i < branches.size(); i++) {
            BranchState b = branches.get(i);
            if (cols[i] == null) {
                b.appendCounts(derived[i], 0, n, output);
            } else if (b.spec().isJagged()) {
                b.appendJagged(cols[i], 0, n, output);
            } else if (b.spec().type() == org.vbfann.core.ElementType.STRING) {
                b.appendStrings(cols[i], 0, n, output);
            } else {
                if (b.isCounterBranch()) {
                    int[] v = cols[i].ints();
                    for (int e = 0; e < n; e++) {
                        b.noteCount(v[e]);
                    }
                }
                b.appendFixed(cols[i], 0, n, output);
            }
        }
    }

    private static int[] counts(int[] offsets) {
        int[] c = new int[offsets.length - 1];
        for (int i = 0; i < c.length; i++) {
            c[i] = offsets[i + 1] - offsets[i];
        }
        return c;
    }

    private RootIoException missing(BranchState b, EventTable chunk) {
        return new RootIoException(where() + ": the chunk has no column for branch '" + b.name() + "'; columns are "
                + chunk.names());
    }

    private void checkColumn(BranchSpec s, Column c) {
        if (c.type() != s.type()) {
            throw new RootIoException(where() + ": branch '" + s.name() + "' holds " + s.type().label()
                    + ", the column holds " + c.type().label());
        }
        if (c.isJagged() != s.isJagged() || !java.util.Arrays.equals(c.fixedShape(), s.fixedShape())) {
            throw new RootIoException(where() + ": branch '" + s.name() + "' is " + s + ", the column is " + c);
        }
    }

    private void checkCounts(BranchState b, Column counter, int[] offsets) {
        int[] v = counter.ints();
        for (int e = 0; e < counter.entries(); e++) {
            int items = offsets[e + 1] - offsets[e];
            if (v[e] != items) {
                throw new RootIoException(where() + ": entry " + e + " of the chunk: counter '" + counter.name()
                        + "' says " + v[e] + " items, branch '" + b.name() + "' has " + items);
            }
        }
    }

    /** Entries written so far. */
    public long entries() {
        return entries;
    }

    /** Writes the remaining baskets and the tree itself. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (owner.isFinished()) {
            return;   // the file was aborted or failed: nothing more to write
        }
        owner.run(() -> {
            for (BranchState b : branches) {
                b.flush(output);
            }
            records.usedClass("TBranch");
            for (BranchState b : branches) {
                records.usedClass(b.leafClassName());
            }
            int keyLength = records.keyLengthAtEnd("TTree", name, title, dir);
            byte[] obj = TreeStreamer.serialize(name, title, entries, branches, basketSize, keyLength);
            records.writeObject(dir, "TTree", name, title, obj);
        });
        owner.treeClosed(this);
    }

    /** The state of branch {@code branch}, for {@link TreeCopier}. */
    BranchState state(String branch) {
        return byName.get(branch);
    }

    /** Where baskets of this tree go, for {@link TreeCopier}. */
    BranchState.BasketOutput basketOutput() {
        return output;
    }

    /** The file this tree is written to, for {@link TreeCopier}. */
    RootFileWriter owner() {
        return owner;
    }

    /** The record writer of this tree's file, for {@link TreeCopier}. */
    RecordWriter records() {
        return records;
    }

    /** The directory of this tree, for {@link TreeCopier}. */
    DirectoryState directory() {
        return dir;
    }

    /** Counts entries that {@link TreeCopier} added branch by branch. */
    void addCopiedEntries(long n) {
        entries += n;
    }

    /** Checks a column against its branch, for {@link TreeCopier}. */
    void check(BranchSpec s, Column c) {
        checkColumn(s, c);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(where() + " is closed");
        }
        owner.checkOpen();
    }
}
