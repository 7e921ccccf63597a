package org.vbfann.rootio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vbfann.core.Column;
import org.vbfann.core.EventTable;
import org.vbfann.rootio.internal.Chunk;
import org.vbfann.rootio.internal.write.BranchState;

/**
 * Copies a flat tree (single-leaf branches of numbers, bools and C strings) into a {@link RootFileWriter}, optionally a subset of branches and the first N entries,
 * and adds branches computed from its entries (e.g. a network score). Every copied branch stays bit-identical:
 * its baskets are copied as stored (compressed bytes unchanged) when they lie wholly inside the copied entries;
 * a basket cut by the entry limit, one kept inside the tree record, or one that cannot move past 2 GB with its
 * 4-byte key is decoded and written again with the same values.
 *
 * <pre>{@code
 * new TreeCopier(in, "HZZ4LeptonsAnalysisReduced")
 *     .addBranch(BranchSpec.scalar("nn_score", ElementType.FLOAT32), List.of("ZZMass", "Dbkg"), model::score)
 *     .copyTo(out, "HZZ4LeptonsAnalysisReduced");
 * }</pre>
 */
public final class TreeCopier {
    /** Entries read per chunk for computed branches and re-encoded baskets. */
    private static final int CHUNK = 20000;

    private final RootFile source;
    private final TreeReader reader;
    private final String treePath;
    private List<String> selected = List.of();
    private long maxEntries = Long.MAX_VALUE;
    private String title;
    private CopyListener listener = CopyListener.NONE;
    private Computed selection;
    private final Map<BranchSpec, Computed> added = new LinkedHashMap<>();

    private record Computed(List<String> inputs, Function<EventTable, Column> function) {
    }

    /**
     * What a copy did.
     *
     * @param entries          entries written
     * @param basketsCopied    baskets copied as stored
     * @param basketsRewritten baskets decoded and written again (cut by the entry limit, or not on disk); 0 with
     *                         a selection, where every branch is written anew
     */
    public record Result(long entries, int basketsCopied, int basketsRewritten) {
    }

    /** A copier of tree {@code treePath} of {@code source}. */
    public TreeCopier(RootFile source, String treePath) {
        this.source = source;
        this.treePath = treePath;
        this.reader = source.tree(treePath);
        this.title = reader.title();
    }

    /** Copies only these branches (plus the counters of jagged ones); all branches if empty. */
    public TreeCopier branches(List<String> names) {
        this.selected = List.copyOf(names);
        return this;
    }

    /** Copies only the first {@code n} entries. */
    public TreeCopier maxEntries(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("entry limit must be >= 0, got " + n);
        }
        this.maxEntries = n;
        return this;
    }

    /**
     * Keeps only the entries for which {@code selection}, given chunks of the source's columns {@code inputs},
     * returns true. The entries change, so every branch is then decoded and written again (values unchanged);
     * {@link #maxEntries} limits the source entries examined.
     */
    public TreeCopier select(List<String> inputs, Function<EventTable, boolean[]> selection) {
        this.selection = new Computed(List.copyOf(inputs), t -> Column.of("selection", org.vbfann.core.ElementType.BOOL,
                t.entries(), null, new int[0], toBytes(selection.apply(t), t.entries())));
        return this;
    }

    private static byte[] toBytes(boolean[] mask, int entries) {
        if (mask.length != entries) {
            throw new IllegalArgumentException("the selection gave " + mask.length + " values for a chunk of "
                    + entries + " entries");
        }
        byte[] b = new byte[entries];
        for (int i = 0; i < entries; i++) {
            b[i] = (byte) (mask[i] ? 1 : 0);
        }
        return b;
    }

    /** Reports each branch written to {@code l}. */
    public TreeCopier listener(CopyListener l) {
        this.listener = l == null ? CopyListener.NONE : l;
        return this;
    }

    /** The title of the copy (the source's by default). */
    public TreeCopier title(String t) {
        this.title = t == null ? "" : t;
        return this;
    }

    /**
     * Adds a branch (scalar or fixed array) whose values {@code function} computes from chunks of the source's
     * columns {@code inputs}; it must return a column of {@code spec}'s type and shape with the chunk's entries.
     */
    public TreeCopier addBranch(BranchSpec spec, List<String> inputs, Function<EventTable, Column> function) {
        if (spec.isJagged()) {
            throw new IllegalArgumentException("added branch '" + spec.name()
                    + "' must be a scalar or a fixed array; jagged added branches are not supported");
        }
        added.put(spec, new Computed(List.copyOf(inputs), function));
        return this;
    }

    /**
     * Writes the copy as tree {@code path} of {@code out}.
     *
     * @throws RootUnsupportedException naming the branches that cannot be copied (strings, STL vectors, objects,
     *                                  leaf lists); select others with {@link #branches}
     */
    public Result copyTo(RootFileWriter out, String path) {
        try (TreeWriter t = out.tree(path, title, specs())) {
            return appendTo(t);
        }
    }

    /** The branches of the copy: the copied ones in source order (counters included), then the added ones. */
    public List<BranchSpec> specs() {
        List<BranchSpec> specs = new ArrayList<>();
        for (BranchInfo b : plan()) {
            specs.add(new BranchSpec(b.name(), b.type(), b.fixedShape(), b.counter()));
        }
        for (BranchSpec s : added.keySet()) {
            if (specs.stream().anyMatch(x -> x.name().equals(s.name()))) {
                throw new IllegalArgumentException("added branch '" + s.name() + "' already exists in "
                        + source.name() + ":" + treePath);
            }
            specs.add(s);
        }
        return specs;
    }

    /**
     * Appends the copied entries to {@code t}, whose branches must be {@link #specs()} (as when concatenating the
     * same tree from several files).
     *
     * @throws RootFormatException naming the first branch that differs
     */
    public Result appendTo(TreeWriter t) {
        List<BranchSpec> mine = specs();
        if (!mine.equals(t.branches())) {
            throw new RootFormatException(source.name() + ": " + treePath + " has branches " + mine
                    + ", the tree being written has " + t.branches());
        }
        List<BranchInfo> copied = plan();
        long limit = Math.min(maxEntries, reader.entries());
        int[] counts = new int[2];
        if (selection != null) {
            long[] kept = new long[1];
            t.owner().run(() -> kept[0] = copySelected(t, copied, limit));
            return new Result(kept[0], 0, 0);
        }
        int total = copied.size() + added.size();
        t.owner().run(() -> {
            int done = 0;
            for (BranchInfo b : copied) {
                copyBranch(t, b, limit, counts);
                listener.branchWritten(++done, total, b.name());
            }
            for (Map.Entry<BranchSpec, Computed> e : added.entrySet()) {
                compute(t, e.getKey(), e.getValue(), limit);
                listener.branchWritten(++done, total, e.getKey().name());
            }
            t.addCopiedEntries(limit);
        });
        return new Result(limit, counts[0], counts[1]);
    }

    private List<BranchInfo> plan() {
        List<BranchInfo> all = reader.branches();
        List<String> want = selected.isEmpty() ? all.stream().map(BranchInfo::name).toList() : selected;
        List<String> withCounters = new ArrayList<>();
        for (String n : want) {
            BranchInfo b = reader.branch(n);
            if (b.counter() != null && !withCounters.contains(b.counter()) && !want.contains(b.counter())) {
                withCounters.add(b.counter());
            }
        }
        List<String> problems = new ArrayList<>();
        List<BranchInfo> out = new ArrayList<>();
        for (BranchInfo b : all) {
            if (want.contains(b.name()) || withCounters.contains(b.name())) {
                String why = whyNotCopyable(b);
                if (why != null) {
                    problems.add(b.name() + " (" + why + ")");
                }
                out.add(b);
            }
        }
        for (String n : want) {
            reader.branch(n);   // names an unknown branch
        }
        if (!problems.isEmpty()) {
            throw new RootUnsupportedException(source.name() + ": " + treePath + ": cannot copy "
                    + String.join(", ", problems) + "; only single-leaf branches of numbers, bools and C strings are "
                    + "copied, "
                    + "choose branches with a branch list");
        }
        return out;
    }

    private static String whyNotCopyable(BranchInfo b) {
        if (b.unsupported() != null) {
            return b.unsupported();
        }
        if (!b.branchClass().equals("TBranch") || !b.name().equals(b.branch())) {
            return b.branchClass().equals("TBranch") ? "member of a leaf list" : b.branchClass();
        }
        return switch (b.kind()) {
            case SCALAR, FIXED_ARRAY, JAGGED -> b.leafClass().matches("TLeaf[OBSILFD]") ? null : b.leafClass();
            case STRING -> b.leafClass().equals("TLeafC") ? null : b.leafClass();
            default -> b.kind().label();
        };
    }

    private void copyBranch(TreeWriter t, BranchInfo b, long limit, int[] counts) {
        BranchState s = t.state(b.name());
        s.setLeafTitle(b.title());
        BranchState.BasketOutput output = t.basketOutput();
        for (BasketInfo k : reader.baskets(b.name())) {
            long first = k.firstEntry();
            long end = first + k.entries();
            if (first >= limit) {
                break;
            }
            if (k.seek() != 0 && end <= limit && copyRaw(t, s, k, output)) {
                counts[0]++;
            } else {
                for (long a = first, stop = Math.min(end, limit); a < stop; a += CHUNK) {
                    append(t, s, reader.read(List.of(b.name()), a, Math.min(stop, a + CHUNK)).column(b.name()), output);
                }
                s.flush(output);
                counts[1]++;
            }
        }
        if (s.isCounterBranch()) {
            for (long a = 0; a < limit; a += CHUNK) {
                int[] v = reader.read(List.of(b.name()), a, Math.min(limit, a + CHUNK)).column(b.name()).ints();
                for (int x : v) {
                    s.noteCount(x);
                }
            }
        }
    }

    private boolean copyRaw(TreeWriter t, BranchState s, BasketInfo k, BranchState.BasketOutput output) {
        s.flush(output);
        Chunk c = source.source().read(k.seek(), k.recordBytes(), "basket " + k.index() + " of branch '"
                + s.name() + "'");
        long at = t.records().copyBasket(c.array(), c.arrayOffset(k.seek(), k.recordBytes()), k.recordBytes(),
                t.directory());
        if (at < 0) {
            return false;
        }
        int keyLength = k.recordBytes() - k.compressedBytes();
        s.addBasket(k.recordBytes(), keyLength + (long) k.uncompressedBytes(), at, k.entries());
        s.addCopiedEntries(k.entries());
        return true;
    }

    private static void append(TreeWriter t, BranchState s, Column c, BranchState.BasketOutput output) {
        t.check(s.spec(), c);
        if (s.spec().isJagged()) {
            s.appendJagged(c, 0, c.entries(), output);
        } else if (c.isString()) {
            s.appendStrings(c, 0, c.entries(), output);
        } else {
            s.appendFixed(c, 0, c.entries(), output);
        }
    }

    /** Copies the selected entries chunk by chunk, every branch re-encoded. @return the entries kept */
    private long copySelected(TreeWriter t, List<BranchInfo> copied, long limit) {
        List<String> names = copied.stream().map(BranchInfo::name).toList();
        java.util.Set<String> needed = new java.util.LinkedHashSet<>(names);
        needed.addAll(selection.inputs());
        for (Computed c : added.values()) {
            needed.addAll(c.inputs());
        }
        long kept = 0;
        for (long a = 0; a < limit; a += CHUNK) {
            EventTable in = reader.read(List.copyOf(needed), a, Math.min(limit, a + CHUNK));
            byte[] mask = selection.function().apply(in).bytes();
            EventTable selected = RowSelection.select(in, mask);
            for (String n : names) {
                append(t, t.state(n), selected.column(n), t.basketOutput());
            }
            for (Map.Entry<BranchSpec, Computed> e : added.entrySet()) {
                Column c = e.getValue().function().apply(selected);
                if (c.entries() != selected.entries()) {
                    throw new IllegalArgumentException("added branch '" + e.getKey().name() + "': the function gave "
                            + c.entries() + " entries for a chunk of " + selected.entries());
                }
                append(t, t.state(e.getKey().name()), c, t.basketOutput());
            }
            kept += selected.entries();
        }
        for (String n : names) {
            t.state(n).flush(t.basketOutput());
        }
        for (BranchSpec s : added.keySet()) {
            t.state(s.name()).flush(t.basketOutput());
        }
        t.addCopiedEntries(kept);
        List<String> all = new ArrayList<>(names);
        for (BranchSpec s : added.keySet()) {
            all.add(s.name());
        }
        for (int i = 0; i < all.size(); i++) {
            listener.branchWritten(i + 1, all.size(), all.get(i));
        }
        return kept;
    }

    private void compute(TreeWriter t, BranchSpec spec, Computed f, long limit) {
        BranchState s = t.state(spec.name());
        for (long a = 0; a < limit; a += CHUNK) {
            EventTable in = reader.read(f.inputs(), a, Math.min(limit, a + CHUNK));
            Column c = f.function().apply(in);
            if (c.entries() != in.entries()) {
                throw new IllegalArgumentException("added branch '" + spec.name() + "': the function gave "
                        + c.entries() + " entries for a chunk of " + in.entries());
            }
            append(t, s, c, t.basketOutput());
        }
        s.flush(t.basketOutput());
    }
}
