package org.vbfann.rootio;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.vbfann.core.Column;
import org.vbfann.core.EventTable;
import org.vbfann.rootio.internal.BasketData;
import org.vbfann.rootio.internal.BranchDecoder;
import org.vbfann.rootio.internal.LeafPlan.BasketRef;
import org.vbfann.rootio.internal.LeafPlan;
import org.vbfann.rootio.internal.Names;
import org.vbfann.rootio.internal.TTreeModels.BranchModel;
import org.vbfann.rootio.internal.TTreeModels.TreeModel;
import org.vbfann.rootio.internal.TreeLayout;

/**
 * Reads a TTree, TNtuple or TNtupleD column by column. Each leaf-level branch is one column (see
 * {@link BranchInfo}): numbers in primitive arrays, fixed arrays as a fixed shape, variable-length arrays
 * ({@code px[n]}) and std::vector as offsets plus flat values, strings as STRING columns. A leaf-list branch
 * {@code x/D:y/I} gives the columns {@code branch.x} and {@code branch.y}; asking for the branch name itself
 * reads all of them.
 *
 * <p>Only the baskets that overlap the requested entries are read and decompressed; each basket is decoded in
 * bulk into an output array allocated once per column. Thread-safe: concurrent reads share nothing mutable.
 */
public final class TreeReader {
    private final RootFile file;
    private final String path;
    private final KeyInfo key;
    private final TreeModel model;
    private final String where;
    private final Map<String, LeafPlan> plans = new LinkedHashMap<>();
    private final Map<String, List<String>> groups = new LinkedHashMap<>();
    private final List<BranchInfo> infos;
    private final boolean parallel;

    TreeReader(RootFile file, String path, KeyInfo key, TreeModel model) {
        this.parallel = false;
        this.file = file;
        this.path = path;
        this.key = key;
        this.model = model;
        this.where = "tree '" + path + "'";
        if (model.entries() < 0) {
            throw new RootFormatException(file.name() + ": " + where + " has " + model.entries() + " entries");
        }
        // Only split objects need the streamer infos; flat trees stay readable if that record is damaged.
        TreeLayout layout = TreeLayout.build(file.name() + ": " + where, model,
                hasElements(model.branches()) ? file.rawStreamerInfos() : List.of());
        List<BranchInfo> list = new ArrayList<>();
        for (LeafPlan p : layout.plans()) {
            plans.put(p.info().name(), p);
            list.add(p.info());
            if (!p.info().name().equals(p.info().branch())) {
                groups.computeIfAbsent(p.info().branch(), k -> new ArrayList<>()).add(p.info().name());
            }
        }
        groups.putAll(layout.objectMembers());
        this.infos = List.copyOf(list);
    }

    private static boolean hasElements(List<BranchModel> branches) {
        for (BranchModel b : branches) {
            if (b.element() != null || hasElements(b.branches())) {
                return true;
            }
        }
        return false;
    }

    private TreeReader(TreeReader other, boolean parallel) {
        this.file = other.file;
        this.path = other.path;
        this.key = other.key;
        this.model = other.model;
        this.where = other.where;
        this.plans.putAll(other.plans);
        this.groups.putAll(other.groups);
        this.infos = other.infos;
        this.parallel = parallel;
    }

    /**
     * This tree read with the branches' baskets decompressed and decoded concurrently (one task per branch on
     * the common fork-join pool), or one after the other ({@code false}, the default). Results are identical.
     */
    public TreeReader parallel(boolean inParallel) {
        return new TreeReader(this, inParallel);
    }

    /** Number of entries ({@code fEntries}). */
    public long entries() {
        return model.entries();
    }

    /** Tree name. */
    public String name() {
        return model.name();
    }

    /** Tree title. */
    public String title() {
        return model.title();
    }

    /** TTree, TNtuple or TNtupleD. */
    public String className() {
        return model.className();
    }

    /** The key path this tree was opened with. */
    public String path() {
        return path;
    }

    /** The tree's key. */
    public KeyInfo key() {
        return key;
    }

    /** TTree's {@code fTotBytes} (uncompressed bytes of all baskets). */
    public long totBytes() {
        return model.totBytes();
    }

    /** TTree's {@code fZipBytes} (compressed bytes of all baskets). */
    public long zipBytes() {
        return model.zipBytes();
    }

    /** TTree's {@code fAutoFlush}. */
    public long autoFlush() {
        return model.autoFlush();
    }

    /** Every column: leaf-level branches, leaf-list leaves; unreadable ones with {@link BranchInfo.Kind#UNSUPPORTED}. */
    public List<BranchInfo> branches() {
        return infos;
    }

    /**
     * The column {@code name}.
     *
     * @throws RootNotFoundException listing the closest column names
     */
    public BranchInfo branch(String name) {
        return plan(name).info();
    }

    /** Whether there is a column (or a branch grouping columns) of this name. */
    public boolean has(String name) {
        return plans.containsKey(name) || groups.containsKey(name);
    }

    private LeafPlan plan(String name) {
        LeafPlan p = plans.get(name);
        if (p == null) {
            if (groups.containsKey(name)) {
                throw new RootNotFoundException(file.name() + ": " + where + " branch '" + name
                        + "' has sub-branches; its columns are " + String.join(", ", groups.get(name)),
                        groups.get(name));
            }
            Set<String> all = new LinkedHashSet<>(plans.keySet());
            List<String> close = Names.closest(name, all, 5);
            throw new RootNotFoundException(file.name() + ": " + where + " has no branch '" + name + "'"
                    + Names.suggestion(close, all), close);
        }
        return p;
    }

    private List<LeafPlan> plans(List<String> names) {
        List<LeafPlan> out = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            for (LeafPlan p : plans.values()) {
                if (p.info().kind() != BranchInfo.Kind.UNSUPPORTED) {
                    out.add(p);
                }
            }
            return out;
        }
        for (String n : names) {
            if (!plans.containsKey(n) && groups.containsKey(n)) {
                for (String member : groups.get(n)) {
                    addOnce(out, plan(member));
                }
            } else {
                addOnce(out, plan(n));
            }
        }
        return out;
    }

    private static void addOnce(List<LeafPlan> out, LeafPlan p) {
        for (LeafPlan q : out) {
            if (q == p) {
                return;   // by identity: plans are records whose equality would compare whole branch models
            }
        }
        out.add(p);
    }

    /** All entries of the given columns (all readable columns if the list is empty). */
    public EventTable read(List<String> branches) {
        return read(branches, 0, entries());
    }

    /**
     * Entries {@code [start, stop)} of the given columns (all readable columns if the list is null or empty),
     * as columns named like the branches.
     *
     * @throws RootNotFoundException    for an unknown column
     * @throws RootUnsupportedException for a column vbfann cannot read (the message names class and type)
     * @throws RootFormatException      for corrupted baskets
     */
    public EventTable read(List<String> branches, long start, long stop) {
        if (start < 0 || stop < start || stop > entries()) {
            throw new IllegalArgumentException(file.name() + ": " + where + ": entry range [" + start + ", " + stop
                    + ") is not inside [0, " + entries() + ")");
        }
        if (stop - start > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(file.name() + ": " + where + ": cannot read " + (stop - start)
                    + " entries at once; use chunks()");
        }
        return read(plans(branches), start, stop, null);
    }

    private EventTable read(List<LeafPlan> wanted, long start, long stop, Map<BranchModel, BasketData> cache) {
        for (LeafPlan p : wanted) {
            if (p.encoding() == LeafPlan.Encoding.UNSUPPORTED) {
                throw new RootUnsupportedException(p.info().unsupported());
            }
        }
        // One job per branch: its baskets are read and decompressed once for all its columns (leaf lists).
        // Identity maps: branch models are records whose hash would walk all their baskets and sub-branches.
        Map<BranchModel, List<LeafPlan>> byBranch = new IdentityHashMap<>();
        List<BranchModel> order = new ArrayList<>();
        for (LeafPlan p : wanted) {
            List<LeafPlan> group = byBranch.get(p.branch());
            if (group == null) {
                group = new ArrayList<>();
                byBranch.put(p.branch(), group);
                order.add(p.branch());
            }
            group.add(p);
        }
        List<BasketData> cached = new ArrayList<>();
        for (BranchModel b : order) {
            cached.add(cache == null ? null : cache.get(b));
        }
        List<List<BasketData>> baskets = new ArrayList<>();
        List<List<Column>> decoded = new ArrayList<>();
        if (parallel && order.size() > 1) {
            List<Future<BranchResult>> futures = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                List<LeafPlan> plans = byBranch.get(order.get(i));
                BasketData c = cached.get(i);
                futures.add(ForkJoinPool.commonPool().submit(() -> readBranch(plans, start, stop, c)));
            }
            for (Future<BranchResult> f : futures) {
                BranchResult r = join(f);
                baskets.add(r.baskets());
                decoded.add(r.columns());
            }
        } else {
            for (int i = 0; i < order.size(); i++) {
                BranchResult r = readBranch(byBranch.get(order.get(i)), start, stop, cached.get(i));
                baskets.add(r.baskets());
                decoded.add(r.columns());
            }
        }
        Map<LeafPlan, Column> columns = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            List<LeafPlan> plans = byBranch.get(order.get(i));
            for (int k = 0; k < plans.size(); k++) {
                columns.put(plans.get(k), decoded.get(i).get(k));
            }
            if (cache != null && !baskets.get(i).isEmpty()) {
                cache.put(order.get(i), baskets.get(i).get(baskets.get(i).size() - 1));
            }
        }
        List<Column> cols = new ArrayList<>();
        for (LeafPlan p : wanted) {
            cols.add(columns.get(p));
        }
        return EventTable.of((int) (stop - start), cols);
    }

    private record BranchResult(List<BasketData> baskets, List<Column> columns) {
    }

    private BranchResult readBranch(List<LeafPlan> plans, long start, long stop, BasketData cached) {
        List<BasketData> data = load(plans.get(0), start, stop, cached);
        List<Column> cols = new ArrayList<>();
        for (LeafPlan p : plans) {
            cols.add(BranchDecoder.decode(p, data, start, stop, file.name() + ": " + where + " branch '"
                    + p.info().name() + "'"));
        }
        return new BranchResult(data, cols);
    }

    private static BranchResult join(Future<BranchResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RootIoException("interrupted while reading baskets", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new RootIoException("reading baskets failed: " + e.getCause(), e.getCause());
        }
    }

    private List<BasketData> load(LeafPlan p, long start, long stop, BasketData cached) {
        List<BasketData> out = new ArrayList<>();
        String what = where + " branch '" + p.info().branch() + "'";
        for (BasketRef ref : p.baskets()) {
            if (ref.end() <= start || ref.first() >= stop) {
                continue;
            }
            BasketData d = cached != null && cached.first() == ref.first() ? cached
                    : BasketData.load(file.source(), ref, what);
            out.add(d);
        }
        long covered = out.isEmpty() ? start : out.get(out.size() - 1).first() + out.get(out.size() - 1).entries();
        if (stop > start && (out.isEmpty() || out.get(0).first() > start || covered < stop)) {
            throw new RootFormatException(file.name() + ": " + what + " has baskets for entries up to " + covered
                    + ", entries [" + start + ", " + stop + ") were asked");
        }
        return out;
    }

    /**
     * The entries in chunks of {@code entriesPerChunk} (the last one smaller), for trees larger than memory.
     * A basket that spans two chunks is decompressed once. An empty tree gives no chunks.
     */
    public Iterable<EventTable> chunks(List<String> branches, int entriesPerChunk) {
        if (entriesPerChunk < 1) {
            throw new IllegalArgumentException("entries per chunk must be >= 1, got " + entriesPerChunk);
        }
        List<LeafPlan> wanted = plans(branches);
        return () -> new Iterator<>() {
            private long next = 0;
            private final Map<BranchModel, BasketData> cache = new IdentityHashMap<>();

            @Override
            public boolean hasNext() {
                return next < entries();
            }

            @Override
            public EventTable next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long stop = Math.min(entries(), next + entriesPerChunk);
                EventTable t = read(wanted, next, stop, cache);
                next = stop;
                return t;
            }
        };
    }

    /** The baskets of column {@code name}'s branch: seeks, sizes, entries and compression. */
    public List<BasketInfo> baskets(String name) {
        LeafPlan p = plan(name);
        List<BasketInfo> out = new ArrayList<>();
        for (BasketRef ref : p.baskets()) {
            out.add(BasketData.info(file.source(), ref, where + " branch '" + p.info().branch() + "'"));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "TreeReader(" + file.name() + ":" + path + ", " + entries() + " entries, " + infos.size() + " columns)";
    }
}
