package org.vbfann.rootio.internal;

import java.util.ArrayList;
import java.util.List;
import org.vbfann.rootio.KeyInfo;
import org.vbfann.rootio.RootUnsupportedException;
import org.vbfann.rootio.internal.Models.ObjList;

/**
 * TTree, TBranch, TBranchElement, TLeaf* and embedded TBasket, read by class version following ROOT's
 * streamers (tree/tree/src/TTree.cxx, TBranch.cxx, TBranchElement.cxx, TLeaf.cxx, TBasket.cxx; the member
 * lists are those of the TStreamerInfo ROOT writes for each version). Members after the ones used are skipped
 * with the byte counts.
 */
public final class TTreeModels {
    private TTreeModels() {
    }

    /** A TTree (or the TTree inside a TNtuple/TNtupleD). */
    public record TreeModel(String className, int version, String name, String title, long entries,
                            long totBytes, long zipBytes, long autoFlush, List<BranchModel> branches) {
    }

    /** TBranchElement's own members. */
    public record ElementModel(String className, String parentName, String clonesName, long checksum,
                               int classVersion, int id, int type, int streamerType, int maximum) {
    }

    /** A TBranch or TBranchElement. */
    public record BranchModel(String className, int version, String name, String title, int compress,
                              int basketSize, int entryOffsetLen, int writeBasket, int maxBaskets, long entries,
                              long firstEntry, long totBytes, long zipBytes, List<BranchModel> branches,
                              List<LeafModel> leaves, List<EmbeddedBasket> embedded, int[] basketBytes,
                              long[] basketEntry, long[] basketSeek, ElementModel element) {
    }

    /** A TLeaf*; {@code count} is the leaf holding the variable dimension, or null. */
    public record LeafModel(String className, String name, String title, int len, int lenType, int offset,
                            boolean isRange, boolean unsigned, LeafModel count, int elementType) {
    }

    /**
     * A basket stored inside the TTree record (TBasket::Streamer with its buffer, as ROOT writes the basket
     * that was never flushed). {@code data} holds the entry bytes (null when only the header was stored),
     * {@code offsets} the entry starts plus the end (null when entries have a fixed size).
     */
    public record EmbeddedBasket(KeyInfo key, int nevBufSize, int nevBuf, int last, byte[] data, int[] offsets) {
    }

    /** Reads a TTree, TNtuple or TNtupleD payload. */
    public static TreeModel readTree(Cursor c, String className) {
        if (className.equals("TNtuple") || className.equals("TNtupleD")) {
            ObjectHeader h = ObjectHeader.read(c, className);
            TreeModel t = readTTree(c, className);
            h.skip(c);
            return t;
        }
        if (!className.equals("TTree")) {
            throw new RootUnsupportedException(c.chunk().where() + ": class " + className
                    + " is not a TTree, TNtuple or TNtupleD");
        }
        return readTTree(c, className);
    }

    private static TreeModel readTTree(Cursor c, String className) {
        ObjectHeader h = ObjectHeader.read(c, "TTree");
        int v = h.version();
        if (v < 16) {
            throw new RootUnsupportedException(c.chunk().where() + ": TTree class version " + v
                    + " (written by ROOT < 5.x) is not supported; versions 16 to 20 are");
        }
        String[] named = ObjectReader.readTNamed(c);
        ObjectReader.skipMember(c, "TAttLine");
        ObjectReader.skipMember(c, "TAttFill");
        ObjectReader.skipMember(c, "TAttMarker");
        long entries = c.i64();
        long totBytes = c.i64();
        long zipBytes = c.i64();
        c.i64();   // fSavedBytes
        if (v >= 18) {
            c.i64();   // fFlushedBytes
        }
        c.f64();   // fWeight
        c.i32();   // fTimerInterval
        c.i32();   // fScanField
        c.i32();   // fUpdate
        if (v >= 17) {
            c.i32();   // fDefaultEntryOffsetLen
        }
        int nClusterRange = v >= 19 ? c.i32() : 0;
        c.i64();   // fMaxEntries
        c.i64();   // fMaxEntryLoop
        c.i64();   // fMaxVirtualSize
        c.i64();   // fAutoSave
        long autoFlush = v >= 18 ? c.i64() : 0;
        c.i64();   // fEstimate
        if (v >= 19) {
            c.checkCount("fNClusterRange", nClusterRange, 16);
            skipBasicPointer(c, nClusterRange, 8);   // fClusterRangeEnd
            skipBasicPointer(c, nClusterRange, 8);   // fClusterSize
        }
        if (v >= 20) {
            ObjectReader.skipMember(c, "ROOT::TIOFeatures");
        }
        List<BranchModel> branches = branchList(ObjectReader.readObjArray(c), c);
        h.skip(c);
        return new TreeModel(className, v, named[0], named[1], entries, totBytes, zipBytes, autoFlush, branches);
    }

    /** A basic-pointer member: one byte (0 = null pointer), then the array. */
    private static void skipBasicPointer(Cursor c, int n, int size) {
        if (c.i8() != 0) {
            c.skip((long) n * size);
        }
    }

    private static List<BranchModel> branchList(ObjList list, Cursor c) {
        List<BranchModel> out = new ArrayList<>();
        for (Object o : list.items()) {
            if (o instanceof BranchModel b) {
                out.add(b);
            } else if (o instanceof Models.Unknown u) {
                throw new RootUnsupportedException(c.chunk().where() + ": branch class " + u.className()
                        + " is not supported (TBranch and TBranchElement are)");
            }
        }
        return List.copyOf(out);
    }

    /** Reads a TBranch or TBranchElement. */
    static BranchModel readBranch(Cursor c, String className) {
        if (className.equals("TBranchElement")) {
            ObjectHeader h = ObjectHeader.read(c, className);
            BranchModel base = readTBranch(c);
            String cls = c.string();
            String parent = c.string();
            String clones = c.string();
            long checksum = c.u32();
            int classVersion = h.version() >= 10 ? c.i16() : c.i32();
            int id = c.i32();
            int type = c.i32();
            int streamerType = c.i32();
            int maximum = c.i32();
            ObjectReader.readObjectAny(c);   // fBranchCount
            ObjectReader.readObjectAny(c);   // fBranchCount2
            h.finish(c);
            ElementModel e = new ElementModel(cls, parent, clones, checksum, classVersion, id, type, streamerType,
                    maximum);
            return new BranchModel(className, base.version(), base.name(), base.title(), base.compress(),
                    base.basketSize(), base.entryOffsetLen(), base.writeBasket(), base.maxBaskets(), base.entries(),
                    base.firstEntry(), base.totBytes(), base.zipBytes(), base.branches(), base.leaves(),
                    base.embedded(), base.basketBytes(), base.basketEntry(), base.basketSeek(), e);
        }
        return readTBranch(c);
    }

    private static BranchModel readTBranch(Cursor c) {
        ObjectHeader h = ObjectHeader.read(c, "TBranch");
        int v = h.version();
        if (v < 10) {
            throw new RootUnsupportedException(c.chunk().where() + ": TBranch class version " + v
                    + " is not supported; versions 10 to 13 are");
        }
        String[] named = ObjectReader.readTNamed(c);
        ObjectReader.skipMember(c, "TAttFill");
        int compress = c.i32();
        int basketSize = c.i32();
        int entryOffsetLen = c.i32();
        int writeBasket = c.i32();
        c.i64();   // fEntryNumber
        if (v >= 13) {
            ObjectReader.skipMember(c, "ROOT::TIOFeatures");
        }
        c.i32();   // fOffset
        int maxBaskets = c.i32();
        c.i32();   // fSplitLevel
        long entries = c.i64();
        long firstEntry = v >= 11 ? c.i64() : 0;
        long totBytes = c.i64();
        long zipBytes = c.i64();
        List<BranchModel> branches = branchList(ObjectReader.readObjArray(c), c);
        List<LeafModel> leaves = new ArrayList<>();
        for (Object o : ObjectReader.readObjArray(c).items()) {
            if (o instanceof LeafModel l) {
                leaves.add(l);
            }
        }
        List<EmbeddedBasket> embedded = new ArrayList<>();
        for (Object o : ObjectReader.readObjArray(c).items()) {
            if (o instanceof EmbeddedBasket b) {
                embedded.add(b);
            }
        }
        c.checkCount("branch '" + named[0] + "' fMaxBaskets", maxBaskets, 20);
        if (writeBasket < 0 || writeBasket > maxBaskets) {
            throw c.fail("branch '" + named[0] + "' has fWriteBasket " + writeBasket + " outside 0.." + maxBaskets);
        }
        int[] basketBytes = new int[maxBaskets];
        if (c.i8() != 0) {
            for (int i = 0; i < maxBaskets; i++) {
                basketBytes[i] = c.i32();
            }
        }
        long[] basketEntry = new long[maxBaskets];
        if (c.i8() != 0) {
            for (int i = 0; i < maxBaskets; i++) {
                basketEntry[i] = c.i64();
            }
        }
        long[] basketSeek = new long[maxBaskets];
        if (c.i8() != 0) {
            for (int i = 0; i < maxBaskets; i++) {
                basketSeek[i] = c.i64();
            }
        }
        h.skip(c);   // fFileName: baskets in other files are not supported (checked where baskets are read)
        return new BranchModel("TBranch", v, named[0], named[1], compress, basketSize, entryOffsetLen, writeBasket,
                maxBaskets, entries, firstEntry, totBytes, zipBytes, branches, List.copyOf(leaves),
                List.copyOf(embedded), basketBytes, basketEntry, basketSeek, null);
    }

    /** Reads a TLeaf subclass: TLeaf's members and, for TLeafElement, fID and fType. */
    static LeafModel readLeaf(Cursor c, String className) {
        ObjectHeader outer = ObjectHeader.read(c, className);
        ObjectHeader h = ObjectHeader.read(c, "TLeaf");
        String[] named = ObjectReader.readTNamed(c);
        int len = c.i32();
        int lenType = c.i32();
        int offset = c.i32();
        boolean isRange = c.bool();
        boolean unsigned = c.bool();
        Object count = ObjectReader.readObjectAny(c);
        h.finish(c);
        int elementType = -1;
        if (className.equals("TLeafElement")) {
            c.i32();   // fID
            elementType = c.i32();
        }
        outer.skip(c);   // fMinimum, fMaximum
        return new LeafModel(className, named[0], named[1], len, lenType, offset, isRange, unsigned,
                count instanceof LeafModel l ? l : null, elementType);
    }

    /**
     * A TBasket inside a TBranch's fBaskets (TBasket::Streamer, writing branch): the key header, TBasket's
     * members, a flag (1 or 11: entry offsets follow, 2 or 12: fixed-size entries; +10: the buffer follows;
     * +40: a displacement array follows the offsets), the offsets, then the buffer with its key-length prefix.
     */
    static EmbeddedBasket readEmbeddedBasket(Cursor c) {
        KeyInfo key = TKey.read(c, true);
        c.u16();   // TBasket class version
        c.i32();   // fBufferSize
        int nevBufSize = c.i32();
        int nevBuf = c.i32();
        int last = c.i32();
        int flag = c.i8();
        if (nevBuf < 0 || last < key.keylen()) {
            throw c.fail("embedded basket has " + nevBuf + " entries and fLast " + last + " below its key length "
                    + key.keylen());
        }
        int[] offsets = null;
        int unit = flag % 10;
        if (unit == 1) {
            int n = c.count("embedded basket entry offsets", 4);
            if (n < nevBuf) {
                throw c.fail("embedded basket lists " + n + " entry offsets for " + nevBuf + " entries");
            }
            offsets = new int[nevBuf + 1];
            for (int i = 0; i < n; i++) {
                int o = c.i32();
                if (i < nevBuf) {
                    offsets[i] = o - key.keylen();
                }
            }
            offsets[nevBuf] = last - key.keylen();
            if (flag >= 40) {
                c.skip(4L * c.count("embedded basket displacements", 4));
            }
        }
        byte[] data = null;   // a header without its buffer holds no entries to read
        if ((flag / 10) % 2 == 1) {
            c.checkCount("embedded basket buffer", last, 1);
            c.skip(key.keylen());
            data = c.bytes(last - key.keylen());
        }
        return new EmbeddedBasket(key, nevBufSize, nevBuf, last, data, offsets);
    }
}
