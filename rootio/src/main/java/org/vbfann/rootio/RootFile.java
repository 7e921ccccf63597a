package org.vbfann.rootio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.vbfann.core.Axis;
import org.vbfann.core.Histogram1D;
import org.vbfann.core.Histogram2D;
import org.vbfann.rootio.internal.Chunk;
import org.vbfann.rootio.internal.Cursor;
import org.vbfann.rootio.internal.Models;
import org.vbfann.rootio.internal.ObjectReader;
import org.vbfann.rootio.internal.RootCompression;
import org.vbfann.rootio.internal.RootSource;
import org.vbfann.rootio.internal.TDirectory;
import org.vbfann.rootio.internal.THModels.AxisModel;
import org.vbfann.rootio.internal.THModels.HistModel;
import org.vbfann.rootio.internal.THModels;
import org.vbfann.rootio.internal.TKey;
import org.vbfann.rootio.internal.TTreeModels;

/**
 * A ROOT file opened for reading, in pure Java: the header, the directories and keys, histograms (TH1, TH2,
 * TProfile) and trees (TTree, TNtuple, TNtupleD). Paths name keys from the top directory, {@code "dir/sub/name"},
 * optionally with a cycle, {@code "name;2"}; without a cycle the highest one is taken. Thread-safe for reading.
 *
 * <p>Every length and offset read from the file is checked before it is used, so a damaged file ends in a
 * {@link RootFormatException} (or {@link RootUnsupportedException} for valid content vbfann does not read),
 * never in an unrelated runtime error.
 */
public final class RootFile implements AutoCloseable {
    /** ROOT's file magic, the first four bytes. */
    private static final byte[] MAGIC = "root".getBytes(StandardCharsets.US_ASCII);
    /** Bytes read for the header: enough for the 64-bit form (io/io/src/TFile.cxx, TFile::Init). */
    private static final int HEADER_BYTES = 64;
    /** Header length up to fNbytesInfo with 32-bit seeks (TFile::WriteHeader), and with 64-bit seeks. */
    private static final int SMALL_HEADER = 45;
    private static final int LARGE_HEADER = 57;

    private final RootSource source;
    private final Path path;
    private final FileHeader header;
    private final RootDirectory top;
    private volatile List<Models.StreamerInfo> streamerInfos;
    /** Subdirectories read so far, by key seek: shape files look up thousands of histograms in a few directories. */
    private final ConcurrentHashMap<Long, RootDirectory> directories =
            new ConcurrentHashMap<>();

    private RootFile(RootSource source, Path path) {
        this.source = source;
        this.path = path;
        try {
            this.header = readHeader();
            this.top = new RootDirectory(this, "", 0, readKeys(header.seekKeys(), header.nbytesKeys(), ""));
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /**
     * Opens a file on disk.
     *
     * @throws RootFileAccessException if it cannot be read
     * @throws RootFormatException     if it is not a valid ROOT file
     */
    public static RootFile open(Path file) {
        return new RootFile(RootSource.file(file), file);
    }

    /** Opens ROOT file bytes held in memory (not copied); {@code name} is used in messages. */
    public static RootFile open(String name, byte[] bytes) {
        return new RootFile(RootSource.memory(name, bytes), null);
    }

    /** The file on disk, or null for an in-memory file. */
    public Path path() {
        return path;
    }

    /** The file name used in messages. */
    public String name() {
        return source.name();
    }

    /** The TFile header. */
    public FileHeader header() {
        return header;
    }

    /** File size in bytes. */
    public long size() {
        return source.size();
    }

    /** The top directory's keys, every cycle included. */
    public List<KeyInfo> keys() {
        return top.keys();
    }

    /** The directory at {@code path} ({@code ""} or {@code "/"} for the top). */
    public RootDirectory directory(String dirPath) {
        RootDirectory d = top;
        for (String part : split(dirPath)) {
            d = d.directory(part);
        }
        return d;
    }

    /** Whether a key exists at {@code path} ({@code "dir/name"}, {@code "name;cycle"}). */
    public boolean has(String keyPath) {
        try {
            key(keyPath);
            return true;
        } catch (RootNotFoundException e) {
            return false;
        }
    }

    /**
     * The key at {@code path}.
     *
     * @throws RootNotFoundException naming the closest keys
     */
    public KeyInfo key(String keyPath) {
        List<String> parts = split(keyPath);
        if (parts.isEmpty()) {
            throw new RootNotFoundException(name() + ": empty key path", List.of());
        }
        RootDirectory d = top;
        for (int i = 0; i < parts.size() - 1; i++) {
            d = d.directory(parts.get(i));
        }
        return d.key(parts.get(parts.size() - 1));
    }

    /**
     * A one-dimensional histogram: TH1F, TH1D, TH1I, TH1S, TH1C with under- and overflow, sum of squared
     * weights (equal to the contents when the histogram has no Sumw2), edges, entries, titles; or a TProfile,
     * returned as bin means with ROOT's bin errors squared as sumw2 (see {@link Profile1D#error}; use
     * {@link #profile1D} for the raw sums).
     */
    public Histogram1D histogram1D(String keyPath) {
        KeyInfo k = key(keyPath);
        HistModel m = readHistogram(k, keyPath);
        if (m.dimension() != 1) {
            throw new RootUnsupportedException(name() + ": '" + keyPath + "' is a " + k.className()
                    + ", not a one-dimensional histogram; use histogram2D");
        }
        if (m.profile() != null) {
            Profile1D p = toProfile(k, m);
            double[] means = new double[m.ncells()];
            double[] err2 = new double[m.ncells()];
            for (int i = 0; i < means.length; i++) {
                means[i] = p.mean(i);
                double e = p.error(i);
                err2[i] = e * e;
            }
            Histogram1D h = Histogram1D.of(k.name(), m.title(), axis(m.x()), means, err2, m.entries());
            h.setYTitle(m.y().title());
            return h;
        }
        Histogram1D h = Histogram1D.of(k.name(), m.title(), axis(m.x()), m.contents(), sumw2(m), m.entries());
        h.setYTitle(m.y().title());
        return h;
    }

    /** A TProfile's raw sums. */
    public Profile1D profile1D(String keyPath) {
        KeyInfo k = key(keyPath);
        HistModel m = readHistogram(k, keyPath);
        if (m.profile() == null) {
            throw new RootUnsupportedException(name() + ": '" + keyPath + "' is a " + k.className()
                    + ", not a TProfile");
        }
        return toProfile(k, m);
    }

    private Profile1D toProfile(KeyInfo k, HistModel m) {
        THModels.ProfileModel p = m.profile();
        double[] sumwy2 = m.sumw2().length == m.ncells() ? m.sumw2() : new double[m.ncells()];
        if (p.binEntries().length != m.ncells()) {
            throw new RootFormatException(name() + ": TProfile '" + k.name() + "' has " + p.binEntries().length
                    + " bin entries for " + m.ncells() + " cells");
        }
        double[] binSumw2 = p.binSumw2().length == m.ncells() ? p.binSumw2() : null;
        return new Profile1D(k.name(), m.title(), axis(m.x()), m.contents(), sumwy2, p.binEntries(), binSumw2,
                p.errorMode(), m.entries());
    }

    /** A two-dimensional histogram: TH2F, TH2D, TH2I, TH2S, TH2C in ROOT's cell layout. */
    public Histogram2D histogram2D(String keyPath) {
        KeyInfo k = key(keyPath);
        HistModel m = readHistogram(k, keyPath);
        if (m.dimension() != 2) {
            throw new RootUnsupportedException(name() + ": '" + keyPath + "' is a " + k.className()
                    + ", not a two-dimensional histogram" + (m.dimension() == 1 ? "; use histogram1D" : ""));
        }
        Histogram2D h = Histogram2D.of(k.name(), m.title(), axis(m.x()), axis(m.y()), m.contents(), sumw2(m),
                m.entries());
        h.setZTitle(m.z().title());
        return h;
    }

    /** Bin labels of a histogram axis ({@code 'x'}, {@code 'y'}), bin number to text; empty if none. */
    public Map<Integer, String> binLabels(String keyPath, char axis) {
        HistModel m = readHistogram(key(keyPath), keyPath);
        AxisModel a = axis == 'y' ? m.y() : axis == 'z' ? m.z() : m.x();
        Map<Integer, String> out = new TreeMap<>();
        for (THModels.Label l : a.labels()) {
            out.put(l.bin(), l.text());
        }
        return out;
    }

    private HistModel readHistogram(KeyInfo k, String keyPath) {
        String cls = k.className();
        if (!cls.startsWith("TH1") && !cls.startsWith("TH2") && !cls.startsWith("TH3") && !cls.startsWith("TProfile")) {
            throw new RootUnsupportedException(name() + ": '" + keyPath + "' is a " + cls + ", not a histogram");
        }
        Chunk payload = payload(k);
        return THModels.read(payload.cursor(), cls);
    }

    private double[] sumw2(HistModel m) {
        return m.sumw2().length == m.ncells() ? m.sumw2() : null;
    }

    private Axis axis(AxisModel a) {
        try {
            if (a.edges().length == a.nbins() + 1) {
                return Axis.variable(a.edges(), a.title());
            }
            return Axis.uniform(a.nbins(), a.xmin(), a.xmax(), a.title());
        } catch (IllegalArgumentException e) {
            throw new RootFormatException(name() + ": axis '" + a.name() + "': " + e.getMessage(), e);
        }
    }

    /**
     * A tree: TTree, TNtuple or TNtupleD.
     *
     * @throws RootNotFoundException     if there is no such key
     * @throws RootUnsupportedException  if the key is not a tree
     */
    public TreeReader tree(String keyPath) {
        KeyInfo k = key(keyPath);
        if (!k.isTree()) {
            throw new RootUnsupportedException(name() + ": '" + keyPath + "' is a " + k.className()
                    + ", not a TTree, TNtuple or TNtupleD");
        }
        Chunk payload = payload(k);
        TTreeModels.TreeModel model = TTreeModels.readTree(payload.cursor(), k.className());
        return new TreeReader(this, keyPath, k, model);
    }

    /** The class names, versions and checksums of the file's streamer-info record, in file order. */
    public List<StreamerInfoSummary> streamerInfos() {
        List<StreamerInfoSummary> out = new ArrayList<>();
        for (Models.StreamerInfo si : rawStreamerInfos()) {
            List<StreamerInfoSummary.Element> elements = new ArrayList<>();
            for (Models.StreamerElement e : si.elements()) {
                elements.add(new StreamerInfoSummary.Element(e.name(), e.elementClass(), e.type(), e.typeName(),
                        e.arrayLength()));
            }
            out.add(new StreamerInfoSummary(si.name(), si.classVersion(), si.checksum(), List.copyOf(elements)));
        }
        return List.copyOf(out);
    }

    /**
     * The key of the StreamerInfo record at {@code fSeekInfo}, or null if the file has none. ROOT does not list it
     * in the top directory's keys (JSROOT and uproot show it there).
     */
    public KeyInfo streamerInfoKey() {
        if (header.seekInfo() <= 0 || header.nbytesInfo() <= 0) {
            return null;
        }
        Chunk record = source.read(header.seekInfo(), header.nbytesInfo(), "StreamerInfo record");
        return TKey.read(record.cursor());
    }

    /** The streamer infos, read once. */
    List<Models.StreamerInfo> rawStreamerInfos() {
        List<Models.StreamerInfo> s = streamerInfos;
        if (s == null) {
            s = readStreamerInfos();
            streamerInfos = s;
        }
        return s;
    }

    private List<Models.StreamerInfo> readStreamerInfos() {
        if (header.seekInfo() <= 0 || header.nbytesInfo() <= 0) {
            return List.of();
        }
        Chunk record = source.read(header.seekInfo(), header.nbytesInfo(), "StreamerInfo record");
        KeyInfo k = TKey.read(record.cursor());
        Chunk payload = payload(k, record, "StreamerInfo");
        Object o = ObjectReader.readObject("TList", payload.cursor(), -1);
        List<Models.StreamerInfo> out = new ArrayList<>();
        if (o instanceof Models.ObjList l) {
            for (Object item : l.items()) {
                if (item instanceof Models.StreamerInfo si) {
                    out.add(si);
                }
            }
        }
        return List.copyOf(out);
    }

    /** The object bytes of a key, decompressed if needed, with positions counted from the key start. */
    Chunk payload(KeyInfo k) {
        Chunk record = source.read(k.seekKey(), k.nbytes(), "key '" + k.name() + "' record");
        return payload(k, record, "key '" + k.name() + "'");
    }

    private Chunk payload(KeyInfo k, Chunk record, String what) {
        String where = name() + ": " + what + " (" + k.className() + ") @" + k.seekKey();
        int stored = k.nbytes() - k.keylen();
        byte[] rec = record.array();
        int off = record.arrayOffset(record.start() + k.keylen(), stored);
        if (k.objlen() > stored) {
            byte[] data = RootCompression.decompress(rec, off, stored, k.objlen(), where);
            return new Chunk(where, data, 0, data.length, k.keylen());
        }
        return new Chunk(where, rec, off, off + k.objlen(), k.keylen());
    }

    /** The byte source (for basket reads). */
    RootSource source() {
        return source;
    }

    RootDirectory readDirectory(KeyInfo k, String dirPath, int depth) {
        RootDirectory known = directories.get(k.seekKey());
        if (known != null && known.path().equals(dirPath)) {
            return known;
        }
        RootDirectory d = readDirectoryRecord(k, dirPath, depth);
        directories.put(k.seekKey(), d);
        return d;
    }

    private RootDirectory readDirectoryRecord(KeyInfo k, String dirPath, int depth) {
        Chunk payload = payload(k);
        TDirectory d = TDirectory.read(payload.cursor());
        return new RootDirectory(this, dirPath, depth, readKeys(d.seekKeys(), d.nbytesKeys(), dirPath));
    }

    private List<KeyInfo> readKeys(long seekKeys, int nbytesKeys, String dirPath) {
        String what = "key list of directory '" + (dirPath.isEmpty() ? "/" : dirPath) + "'";
        if (nbytesKeys == 0) {
            return List.of();
        }
        Chunk record = source.read(seekKeys, nbytesKeys, what);
        Cursor c = record.cursor();
        KeyInfo self = TKey.read(c);
        c.seek(record.start() + self.keylen());
        int n = c.count(what + " key", TKey.MIN_LENGTH);
        List<KeyInfo> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keys.add(TKey.read(c));
        }
        return keys;
    }

    private FileHeader readHeader() {
        long size = source.size();
        if (size < MAGIC.length) {
            throw new RootFormatException(name() + ": not a ROOT file (only " + size + " bytes)");
        }
        Chunk head = source.read(0, (int) Math.min(size, HEADER_BYTES), "file header");
        byte[] h = head.array();
        for (int i = 0; i < MAGIC.length; i++) {
            if (h[i] != MAGIC[i]) {
                throw new RootFormatException(name() + ": not a ROOT file (starts with "
                        + head.cursor().hexdump(4) + ", a ROOT file starts with 'root')");
            }
        }
        Cursor c = head.cursor(4);
        int version = c.i32();
        int needed = version >= 1000000 ? LARGE_HEADER : SMALL_HEADER;
        if (size < needed) {
            throw new RootFormatException(name() + ": truncated ROOT file: " + size + " bytes, shorter than the "
                    + needed + "-byte header");
        }
        long begin = c.i32();
        boolean large = version >= 1000000;
        long end = large ? c.i64() : c.u32();
        long seekFree = large ? c.i64() : c.u32();
        int nbytesFree = c.i32();
        c.i32();   // nfree
        int nbytesName = c.i32();
        int units = c.u8();
        int compress = c.i32();
        long seekInfo = large ? c.i64() : c.u32();
        int nbytesInfo = c.i32();
        if (end > size) {
            throw new RootFormatException(name() + ": truncated ROOT file: the header says it ends at byte " + end
                    + ", the file has " + size + " bytes");
        }
        if (begin < c.position() || begin >= size || nbytesName <= 0 || begin + (long) nbytesName > size) {
            throw new RootFormatException(name() + ": corrupted ROOT header: first record at " + begin
                    + " with name length " + nbytesName + " in a file of " + size + " bytes");
        }
        int dirLength = (int) Math.min(size - begin, nbytesName + 80L);
        Chunk first = source.read(begin, dirLength, "top directory record");
        Cursor k = first.cursor();
        KeyInfo fileKey = TKey.read(k);
        k.seek(begin + fileKey.keylen());
        k.string();   // the file name as written
        String title = k.string();
        k.seek(begin + nbytesName);
        TDirectory dir = TDirectory.read(k);
        return new FileHeader(version, begin, end, seekFree, nbytesFree, nbytesName, units, compress, seekInfo,
                nbytesInfo, dir.seekKeys(), dir.nbytesKeys(), dir.seekDir(), title);
    }

    private static List<String> split(String p) {
        List<String> out = new ArrayList<>();
        for (String s : p.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private void closeQuietly() {
        try {
            source.close();
        } catch (IOException ignored) {
            // already failing with a more useful error
        }
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            throw new RootFileAccessException(name() + ": cannot close: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "RootFile(" + name() + ", ROOT " + header.rootVersion() + ", " + top.keys().size() + " keys)";
    }
}
