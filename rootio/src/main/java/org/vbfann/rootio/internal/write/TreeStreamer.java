package org.vbfann.rootio.internal.write;

import java.util.List;

/**
 * Serializes a TTree (version 20) with its TBranch (13) and TLeaf (2) objects, each branch holding one leaf, as
 * {@code TTree::Branch(name, address, "leaf/T")} makes them. The tree's fLeaves array and a jagged leaf's
 * fLeafCount refer to leaves already written inside the branches.
 */
public final class TreeStreamer {
    // TTree defaults (TTree.cxx constructor)
    private static final int SCAN_FIELD = 25;
    private static final long MAX_ENTRIES = 1000000000000L;
    private static final long AUTO_SAVE = -300000000L;
    private static final long AUTO_FLUSH = -30000000L;
    private static final long ESTIMATE = 1000000L;
    private static final int LINE_COLOR = 602;
    private static final int FILL_STYLE = 1001;
    /** TBranch::kDoNotUseBufferMap, set on every branch TTree::Branch makes (TBranch.h). */
    private static final int BRANCH_BITS = RootBuffer.TOBJECT_BITS | 0x00400000;
    /** Smallest length of the basket tables ROOT allocates (TBranch.cxx: fMaxBaskets = 10). */
    private static final int MIN_MAX_BASKETS = 10;

    private TreeStreamer() {
    }

    /** The TTree object for a key whose header is {@code keyLength} bytes long. */
    public static byte[] serialize(String name, String title, long entries, List<BranchState> branches,
                                   int basketSize, int keyLength) {
        RootBuffer b = new RootBuffer(1024 + 200 * branches.size(), keyLength);
        long totBytes = 0;
        long zipBytes = 0;
        for (BranchState s : branches) {
            totBytes += s.totBytes();
            zipBytes += s.zipBytes();
        }
        int tree = b.startVersioned(StreamerInfos.version("TTree"));
        b.tnamed(name, title, RootBuffer.TOBJECT_BITS);
        writeAttLine(b);
        writeAttFill(b);
        int marker = b.startVersioned(StreamerInfos.version("TAttMarker"));
        b.i16(1).i16(1).f32(1.0f);
        b.endObject(marker);
        b.i64(entries);
        b.i64(totBytes);
        b.i64(zipBytes);
        b.i64(zipBytes);   // fSavedBytes: everything is saved
        b.i64(0);          // fFlushedBytes
        b.f64(1.0);        // fWeight
        b.i32(0);          // fTimerInterval
        b.i32(SCAN_FIELD);
        b.i32(0);          // fUpdate
        b.i32(BranchState.DEFAULT_ENTRY_OFFSET_LEN);
        b.i32(0);          // fNClusterRange
        b.i64(MAX_ENTRIES);
        b.i64(MAX_ENTRIES);   // fMaxEntryLoop
        b.i64(0);             // fMaxVirtualSize
        b.i64(AUTO_SAVE);
        b.i64(AUTO_FLUSH);
        b.i64(ESTIMATE);
        b.u8(0);   // fClusterRangeEnd: null array
        b.u8(0);   // fClusterSize: null array
        writeIoFeatures(b);
        int arr = startObjArray(b, branches.size());
        for (BranchState s : branches) {
            writeBranch(b, s, basketSize);
        }
        b.endObject(arr);
        int leaves = startObjArray(b, branches.size());
        for (BranchState s : branches) {
            b.reference(s.leafIdentity());
        }
        b.endObject(leaves);
        b.nullPointer();   // fAliases
        b.i32(0);          // fIndexValues: empty TArrayD
        b.i32(0);          // fIndex: empty TArrayI
        b.nullPointer();   // fTreeIndex
        b.nullPointer();   // fFriends
        b.nullPointer();   // fUserInfo
        b.nullPointer();   // fBranchRef
        b.endObject(tree);
        return b.toByteArray();
    }

    private static void writeAttLine(RootBuffer b) {
        int line = b.startVersioned(StreamerInfos.version("TAttLine"));
        b.i16(LINE_COLOR).i16(1).i16(1);
        b.endObject(line);
    }

    private static void writeAttFill(RootBuffer b) {
        int fill = b.startVersioned(StreamerInfos.version("TAttFill"));
        b.i16(0).i16(FILL_STYLE);
        b.endObject(fill);
    }

    /**
     * ROOT::TIOFeatures, a class without ClassDef streamed with version 0 followed by its checksum
     * (TBufferFile::WriteVersion for foreign classes), then fIOBits = 0.
     */
    private static void writeIoFeatures(RootBuffer b) {
        int at = b.startVersioned(0);
        b.i32(StreamerInfos.checksum("ROOT::TIOFeatures"));
        b.u8(0);
        b.endObject(at);
    }

    private static int startObjArray(RootBuffer b, int n) {
        int at = b.startVersioned(StreamerInfos.version("TObjArray"));
        b.tobject(RootBuffer.TOBJECT_BITS);
        b.tstring("");
        b.i32(n);
        b.i32(0);   // fLowerBound
        return at;
    }

    private static void writeBranch(RootBuffer b, BranchState s, int basketSize) {
        int any = b.startObjectAny(s, "TBranch");
        int br = b.startVersioned(StreamerInfos.version("TBranch"));
        b.tnamed(s.name(), s.branchTitle(), BRANCH_BITS);
        writeAttFill(b);
        // fCompress 0 as uproot writes it: baskets left uncompressed (too small to gain) then read without
        // complaint, and readers decompress by comparing each basket's sizes, not by this setting
        b.i32(0);
        b.i32(basketSize);
        b.i32(s.entryOffsetLen());
        b.i32(s.baskets());   // fWriteBasket
        b.i64(s.entries());   // fEntryNumber
        writeIoFeatures(b);
        int maxBaskets = Math.max(MIN_MAX_BASKETS, s.baskets() + 1);
        b.i32(0);   // fOffset
        b.i32(maxBaskets);
        b.i32(0);   // fSplitLevel
        b.i64(s.entries());
        b.i64(0);   // fFirstEntry
        b.i64(s.totBytes());
        b.i64(s.zipBytes());
        b.endObject(startObjArray(b, 0));   // fBranches
        int leaves = startObjArray(b, 1);
        writeLeaf(b, s);
        b.endObject(leaves);
        b.endObject(startObjArray(b, 0));   // fBaskets: all on disk
        b.u8(1);
        for (int i = 0; i < maxBaskets; i++) {
            b.i32(i < s.baskets() ? s.basketBytes()[i] : 0);
        }
        b.u8(1);
        for (int i = 0; i < maxBaskets; i++) {
            b.i64(i <= s.baskets() ? s.basketEntry()[i] : 0);
        }
        b.u8(1);
        for (int i = 0; i < maxBaskets; i++) {
            b.i64(i < s.baskets() ? s.basketSeek()[i] : 0);
        }
        b.tstring("");   // fFileName
        b.endObject(br);
        b.endObject(any);
    }

    private static void writeLeaf(RootBuffer b, BranchState s) {
        int any = b.startObjectAny(s.leafIdentity(), s.leafClassName());
        int leaf = b.startVersioned(StreamerInfos.version(s.leafClassName()));
        int base = b.startVersioned(StreamerInfos.version("TLeaf"));
        b.tnamed(s.name(), s.leafTitle(), RootBuffer.TOBJECT_BITS);
        b.i32(s.itemValues());   // fLen
        b.i32(s.elementBytes()); // fLenType
        b.i32(0);                // fOffset
        b.bool(s.isCounterBranch());   // fIsRange
        b.bool(s.spec().type().isUnsigned());
        if (s.counter() != null) {
            b.reference(s.counter().leafIdentity());
        } else {
            b.nullPointer();
        }
        b.endObject(base);
        long max = s.isCounterBranch() || s.leafClassName().equals("TLeafC") ? s.counterMaximum() : 0;
        switch (s.leafClassName()) {
            case "TLeafO", "TLeafB" -> b.u8(0).u8((int) max);
            case "TLeafS" -> b.i16(0).i16((int) max);
            case "TLeafI", "TLeafC" -> b.i32(0).i32((int) max);
            case "TLeafL" -> b.i64(0).i64(max);
            case "TLeafF" -> b.f32(0).f32(max);
            case "TLeafD" -> b.f64(0).f64(max);
            default -> throw new IllegalStateException("unknown leaf class " + s.leafClassName());
        }
        b.endObject(leaf);
        b.endObject(any);
    }
}
