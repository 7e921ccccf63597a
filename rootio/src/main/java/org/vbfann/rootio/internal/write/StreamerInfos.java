package org.vbfann.rootio.internal.write;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The TStreamerInfo records of every class vbfann writes: the member layout of each class version as ROOT 6
 * declares it (class versions and member order from ROOT's headers, e.g. TH1.h ClassDef(TH1,8); element type
 * codes from TVirtualStreamerInfo.h {@code EReadWrite}). Checksums are computed with ROOT's algorithm
 * ({@link #checksum}), so a reader comparing them with its own dictionary finds them equal.
 */
public final class StreamerInfos {
    // TVirtualStreamerInfo::EReadWrite
    static final int K_BASE = 0;
    static final int K_CHAR = 1;
    static final int K_SHORT = 2;
    static final int K_INT = 3;
    static final int K_FLOAT = 5;
    static final int K_COUNTER = 6;
    static final int K_DOUBLE = 8;
    static final int K_UCHAR = 11;
    static final int K_USHORT = 12;
    static final int K_UINT = 13;
    static final int K_BITS = 15;
    static final int K_LONG64 = 16;
    static final int K_BOOL = 18;
    static final int K_OFFSET_P = 40;
    static final int K_OBJECT = 61;
    static final int K_ANY = 62;
    static final int K_OBJECTP = 63;
    static final int K_OBJECT_PTR = 64;
    static final int K_TSTRING = 65;
    static final int K_TOBJECT = 66;
    static final int K_TNAMED = 67;

    /** Version of the TStreamerInfo class itself and of its element classes (TStreamerInfo.h, TStreamerElement.h). */
    private static final int V_STREAMER_INFO = 9;
    private static final int V_ELEMENT = 4;
    private static final int V_BASE = 3;
    private static final int V_OTHER_ELEMENT = 2;
    private static final int V_TOBJARRAY = 3;
    private static final int V_TLIST = 5;

    /** One member or base of a class. */
    record Element(String elementClass, String name, String title, int type, int size, String typeName,
                   String baseOrCountClass, int version, String countName, boolean isEnum) {
        boolean isBase() {
            return elementClass.equals("TStreamerBase");
        }
    }

    /** One class version with its members in streaming order. */
    record ClassInfo(String name, int version, List<Element> elements, List<String> dependsOn,
                     List<String> checksumOnlyMembers) {
    }

    private static final Map<String, ClassInfo> CLASSES = new LinkedHashMap<>();

    private static Element base(String name, String title) {
        int type = name.equals("TObject") ? K_TOBJECT : name.equals("TNamed") ? K_TNAMED : K_BASE;
        return new Element("TStreamerBase", name, title, type, 0, "BASE", name, 0, null, false);
    }

    private static Element basic(String name, int type, String typeName, String title) {
        int size = switch (type) {
            case K_CHAR, K_UCHAR, K_BOOL -> 1;
            case K_SHORT, K_USHORT -> 2;
            case K_DOUBLE, K_LONG64 -> 8;
            default -> 4;
        };
        return new Element("TStreamerBasicType", name, title, type, size, typeName, null, 0, null, false);
    }

    private static Element enumInt(String name, String typeName, String title) {
        return new Element("TStreamerBasicType", name, title, K_INT, 4, typeName, null, 0, null, true);
    }

    private static Element string(String name, String title) {
        return new Element("TStreamerString", name, title, K_TSTRING, 24, "TString", null, 0, null, false);
    }

    private static Element object(String name, String typeName, int size, String title) {
        return new Element("TStreamerObject", name, title, K_OBJECT, size, typeName, null, 0, null, false);
    }

    private static Element objectAny(String name, String typeName, int size, String title) {
        return new Element("TStreamerObjectAny", name, title, K_ANY, size, typeName, null, 0, null, false);
    }

    private static Element pointer(String name, String typeName, boolean notNull, String title) {
        return new Element("TStreamerObjectPointer", name, title, notNull ? K_OBJECTP : K_OBJECT_PTR, 8,
                typeName, null, 0, null, false);
    }

    private static Element basicPointer(String name, int type, String typeName, String countClass,
                                        String countName, String title) {
        int size = type == K_DOUBLE || type == K_LONG64 ? 8 : 4;
        return new Element("TStreamerBasicPointer", name, "[" + countName + "] " + title, K_OFFSET_P + type, size,
                typeName + "*", countClass, 0, countName, false);
    }

    private static void define(String name, int version, Element... elements) {
        defineWithHidden(name, version, List.of(), elements);
    }

    /**
     * A class whose custom Streamer leaves members out of its streamer info, although they enter its checksum;
     * {@code hidden} lists them as name, type name pairs.
     */
    private static void defineWithHidden(String name, int version, List<String> hidden, Element... elements) {
        List<String> deps = new ArrayList<>();
        for (Element e : elements) {
            if (e.isBase()) {
                deps.add(e.name());
            } else if (e.type() == K_OBJECT || e.type() == K_ANY || e.type() == K_OBJECTP) {
                deps.add(e.typeName().replace("*", ""));
            }
        }
        CLASSES.put(name, new ClassInfo(name, version, List.of(elements), deps, hidden));
    }

    static {
        define("TObject", 1,
                basic("fUniqueID", K_UINT, "unsigned int", "object identifier"),
                basic("fBits", K_BITS, "unsigned int", "status bits"));
        define("TNamed", 1,
                base("TObject", "basic ROOT object"),
                string("fName", "name"),
                string("fTitle", "title"));
        define("TAttLine", 2,
                basic("fLineColor", K_SHORT, "short", "line colour"),
                basic("fLineStyle", K_SHORT, "short", "line style"),
                basic("fLineWidth", K_SHORT, "short", "line width"));
        define("TAttFill", 2,
                basic("fFillColor", K_SHORT, "short", "fill colour"),
                basic("fFillStyle", K_SHORT, "short", "fill style"));
        define("TAttMarker", 2,
                basic("fMarkerColor", K_SHORT, "short", "marker colour"),
                basic("fMarkerStyle", K_SHORT, "short", "marker style"),
                basic("fMarkerSize", K_FLOAT, "float", "marker size"));
        define("TCollection", 3,
                base("TObject", "basic ROOT object"),
                string("fName", "collection name"),
                basic("fSize", K_INT, "int", "number of elements"));
        // TSeqCollection.h: Bool_t fSorted is a persistent member, but the class streams itself
        defineWithHidden("TSeqCollection", 0, List.of("fSorted", "bool"),
                base("TCollection", "collection base"));
        define("TList", 5,
                base("TSeqCollection", "sequential collection base"));
        define("TObjArray", 3,
                base("TSeqCollection", "sequential collection base"),
                basic("fLowerBound", K_INT, "int", "lower bound of the array"),
                basic("fLast", K_INT, "int", "last occupied slot"));
        define("TArray", 1,
                basic("fN", K_COUNTER, "int", "number of elements"));
        define("TArrayD", 1,
                base("TArray", "array base"),
                basicPointer("fArray", K_DOUBLE, "double", "TArray", "fN", "the doubles"));
        define("TArrayF", 1,
                base("TArray", "array base"),
                basicPointer("fArray", K_FLOAT, "float", "TArray", "fN", "the floats"));
        define("TArrayI", 1,
                base("TArray", "array base"),
                basicPointer("fArray", K_INT, "int", "TArray", "fN", "the ints"));
        define("TAttAxis", 4,
                basic("fNdivisions", K_INT, "int", "divisions (10000*n3 + 100*n2 + n1)"),
                basic("fAxisColor", K_SHORT, "short", "axis line colour"),
                basic("fLabelColor", K_SHORT, "short", "label colour"),
                basic("fLabelFont", K_SHORT, "short", "label font"),
                basic("fLabelOffset", K_FLOAT, "float", "label offset"),
                basic("fLabelSize", K_FLOAT, "float", "label size"),
                basic("fTickLength", K_FLOAT, "float", "tick length"),
                basic("fTitleOffset", K_FLOAT, "float", "title offset"),
                basic("fTitleSize", K_FLOAT, "float", "title size"),
                basic("fTitleColor", K_SHORT, "short", "title colour"),
                basic("fTitleFont", K_SHORT, "short", "title font"));
        define("TAxis", 10,
                base("TNamed", "name and title"),
                base("TAttAxis", "axis attributes"),
                basic("fNbins", K_INT, "int", "number of bins"),
                basic("fXmin", K_DOUBLE, "double", "lower edge of the first bin"),
                basic("fXmax", K_DOUBLE, "double", "upper edge of the last bin"),
                objectAny("fXbins", "TArrayD", 24, "bin edges of a variable binning"),
                basic("fFirst", K_INT, "int", "first bin shown"),
                basic("fLast", K_INT, "int", "last bin shown"),
                basic("fBits2", K_USHORT, "unsigned short", "second status word"),
                basic("fTimeDisplay", K_BOOL, "bool", "whether values are times"),
                string("fTimeFormat", "time format"),
                pointer("fLabels", "THashList*", false, "bin labels"),
                pointer("fModLabs", "TList*", false, "modified labels"));
        define("TH1", 8,
                base("TNamed", "name and title"),
                base("TAttLine", "line attributes"),
                base("TAttFill", "fill attributes"),
                base("TAttMarker", "marker attributes"),
                basic("fNcells", K_INT, "int", "bins and cells including under- and overflow"),
                object("fXaxis", "TAxis", 216, "x axis"),
                object("fYaxis", "TAxis", 216, "y axis"),
                object("fZaxis", "TAxis", 216, "z axis"),
                basic("fBarOffset", K_SHORT, "short", "bar offset (1000*offset)"),
                basic("fBarWidth", K_SHORT, "short", "bar width (1000*width)"),
                basic("fEntries", K_DOUBLE, "double", "number of fills"),
                basic("fTsumw", K_DOUBLE, "double", "sum of weights"),
                basic("fTsumw2", K_DOUBLE, "double", "sum of squared weights"),
                basic("fTsumwx", K_DOUBLE, "double", "sum of weight*x"),
                basic("fTsumwx2", K_DOUBLE, "double", "sum of weight*x*x"),
                basic("fMaximum", K_DOUBLE, "double", "maximum shown"),
                basic("fMinimum", K_DOUBLE, "double", "minimum shown"),
                basic("fNormFactor", K_DOUBLE, "double", "normalization"),
                objectAny("fContour", "TArrayD", 24, "contour levels"),
                objectAny("fSumw2", "TArrayD", 24, "sums of squared weights per cell"),
                string("fOption", "drawing options"),
                pointer("fFunctions", "TList*", true, "attached functions"),
                basic("fBufferSize", K_COUNTER, "int", "fill buffer size"),
                basicPointer("fBuffer", K_DOUBLE, "double", "TH1", "fBufferSize", "fill buffer"),
                enumInt("fBinStatErrOpt", "TH1::EBinErrorOpt", "bin error option"),
                enumInt("fStatOverflows", "TH1::EStatOverflows", "whether statistics use under/overflow"));
        define("TH2", 5,
                base("TH1", "1-d histogram base"),
                basic("fScalefactor", K_DOUBLE, "double", "scale factor"),
                basic("fTsumwy", K_DOUBLE, "double", "sum of weight*y"),
                basic("fTsumwy2", K_DOUBLE, "double", "sum of weight*y*y"),
                basic("fTsumwxy", K_DOUBLE, "double", "sum of weight*x*y"));
        define("TH1D", 3, base("TH1", "1-d histogram base"), base("TArrayD", "bin contents"));
        define("TH1F", 3, base("TH1", "1-d histogram base"), base("TArrayF", "bin contents"));
        define("TH2D", 4, base("TH2", "2-d histogram base"), base("TArrayD", "bin contents"));
        define("TH2F", 4, base("TH2", "2-d histogram base"), base("TArrayF", "bin contents"));
        define("ROOT::TIOFeatures", 1,
                basic("fIOBits", K_UCHAR, "unsigned char", "I/O feature bits"));
        define("TTree", 20,
                base("TNamed", "name and title"),
                base("TAttLine", "line attributes"),
                base("TAttFill", "fill attributes"),
                base("TAttMarker", "marker attributes"),
                basic("fEntries", K_LONG64, "Long64_t", "number of entries"),
                basic("fTotBytes", K_LONG64, "Long64_t", "bytes of all branches before compression"),
                basic("fZipBytes", K_LONG64, "Long64_t", "bytes of all branches after compression"),
                basic("fSavedBytes", K_LONG64, "Long64_t", "autosaved bytes"),
                basic("fFlushedBytes", K_LONG64, "Long64_t", "auto-flushed bytes"),
                basic("fWeight", K_DOUBLE, "double", "tree weight"),
                basic("fTimerInterval", K_INT, "int", "timer interval (ms)"),
                basic("fScanField", K_INT, "int", "lines per Scan page"),
                basic("fUpdate", K_INT, "int", "update frequency"),
                basic("fDefaultEntryOffsetLen", K_INT, "int", "initial entry-offset table length"),
                basic("fNClusterRange", K_COUNTER, "int", "cluster ranges besides AutoFlush"),
                basic("fMaxEntries", K_LONG64, "Long64_t", "maximum entries (circular trees)"),
                basic("fMaxEntryLoop", K_LONG64, "Long64_t", "maximum entries processed"),
                basic("fMaxVirtualSize", K_LONG64, "Long64_t", "maximum buffer memory"),
                basic("fAutoSave", K_LONG64, "Long64_t", "autosave period"),
                basic("fAutoFlush", K_LONG64, "Long64_t", "auto-flush period"),
                basic("fEstimate", K_LONG64, "Long64_t", "entries used to estimate ranges"),
                basicPointer("fClusterRangeEnd", K_LONG64, "Long64_t", "TTree", "fNClusterRange", "cluster range ends"),
                basicPointer("fClusterSize", K_LONG64, "Long64_t", "TTree", "fNClusterRange", "cluster sizes"),
                objectAny("fIOFeatures", "ROOT::TIOFeatures", 1, "I/O features"),
                object("fBranches", "TObjArray", 64, "branches"),
                object("fLeaves", "TObjArray", 64, "all leaves"),
                pointer("fAliases", "TList*", false, "aliases"),
                objectAny("fIndexValues", "TArrayD", 24, "sorted index values"),
                objectAny("fIndex", "TArrayI", 24, "index of sorted values"),
                pointer("fTreeIndex", "TVirtualIndex*", false, "tree index"),
                pointer("fFriends", "TList*", false, "friend trees"),
                pointer("fUserInfo", "TList*", false, "user objects"),
                pointer("fBranchRef", "TBranchRef*", false, "reference table branch"));
        define("TBranch", 13,
                base("TNamed", "name and title"),
                base("TAttFill", "fill attributes"),
                basic("fCompress", K_INT, "int", "compression setting"),
                basic("fBasketSize", K_INT, "int", "basket buffer size"),
                basic("fEntryOffsetLen", K_INT, "int", "initial entry-offset table length"),
                basic("fWriteBasket", K_INT, "int", "baskets written"),
                basic("fEntryNumber", K_LONG64, "Long64_t", "entries filled"),
                objectAny("fIOFeatures", "ROOT::TIOFeatures", 1, "I/O features"),
                basic("fOffset", K_INT, "int", "offset of this branch"),
                basic("fMaxBaskets", K_COUNTER, "int", "length of the basket tables"),
                basic("fSplitLevel", K_INT, "int", "split level"),
                basic("fEntries", K_LONG64, "Long64_t", "number of entries"),
                basic("fFirstEntry", K_LONG64, "Long64_t", "first entry"),
                basic("fTotBytes", K_LONG64, "Long64_t", "bytes before compression"),
                basic("fZipBytes", K_LONG64, "Long64_t", "bytes after compression"),
                object("fBranches", "TObjArray", 64, "sub-branches"),
                object("fLeaves", "TObjArray", 64, "leaves"),
                object("fBaskets", "TObjArray", 64, "baskets in memory"),
                basicPointer("fBasketBytes", K_INT, "int", "TBranch", "fMaxBaskets", "bytes of each basket"),
                basicPointer("fBasketEntry", K_LONG64, "Long64_t", "TBranch", "fMaxBaskets", "first entry of baskets"),
                basicPointer("fBasketSeek", K_LONG64, "Long64_t", "TBranch", "fMaxBaskets", "position of each basket"),
                string("fFileName", "file of the baskets (empty: this file)"));
        define("TLeaf", 2,
                base("TNamed", "name and title"),
                basic("fLen", K_INT, "int", "fixed elements per entry"),
                basic("fLenType", K_INT, "int", "bytes per element"),
                basic("fOffset", K_INT, "int", "offset in a clones array"),
                basic("fIsRange", K_BOOL, "bool", "whether this leaf counts another"),
                basic("fIsUnsigned", K_BOOL, "bool", "whether unsigned"),
                pointer("fLeafCount", "TLeaf*", false, "counter leaf of a variable-length leaf"));
        leaf("TLeafO", K_BOOL, "bool");
        leaf("TLeafB", K_CHAR, "char");
        leaf("TLeafS", K_SHORT, "short");
        leaf("TLeafI", K_INT, "int");
        leaf("TLeafL", K_LONG64, "Long64_t");
        leaf("TLeafF", K_FLOAT, "float");
        leaf("TLeafD", K_DOUBLE, "double");
        leaf("TLeafC", K_INT, "int");   // TLeafC.h: Int_t fMinimum, fMaximum (string lengths)
    }

    private static void leaf(String name, int type, String typeName) {
        define(name, 1,
                base("TLeaf", "leaf base"),
                basic("fMinimum", type, typeName, "minimum"),
                basic("fMaximum", type, typeName, "maximum"));
    }

    private StreamerInfos() {
    }

    /** The version vbfann writes of {@code className}. */
    public static int version(String className) {
        return info(className).version();
    }

    /** The checksum of {@code className}, as ROOT's TClass::GetCheckSum computes it. */
    public static int checksum(String className) {
        return checksum(info(className));
    }

    private static ClassInfo info(String className) {
        ClassInfo c = CLASSES.get(className);
        if (c == null) {
            throw new IllegalArgumentException("no streamer layout for class " + className);
        }
        return c;
    }

    /**
     * ROOT's class checksum (TClass::GetCheckSum, kLatestCheckSum): a running {@code id = id*3 + c} over the class
     * name, each base's name and checksum, and each member's name (preceded by 1 for an enum), type name, and
     * the name of its array counter.
     */
    static int checksum(ClassInfo c) {
        int id = 0;
        id = mix(id, c.name());
        for (Element e : c.elements()) {
            if (e.isBase()) {
                id = mix(id, e.name());
                id = id * 3 + checksum(info(e.name()));
            }
        }
        for (Element e : c.elements()) {
            if (e.isBase()) {
                continue;
            }
            if (e.isEnum()) {
                id = id * 3 + 1;
            }
            id = mix(id, e.name());
            id = mix(id, e.typeName());
            if (e.countName() != null) {
                id = mix(id, e.countName());
            }
        }
        List<String> hidden = c.checksumOnlyMembers();
        for (int i = 0; i < hidden.size(); i += 2) {
            id = mix(id, hidden.get(i));
            id = mix(id, hidden.get(i + 1));
        }
        return id;
    }

    private static int mix(int id, String s) {
        for (int i = 0; i < s.length(); i++) {
            id = id * 3 + s.charAt(i);
        }
        return id;
    }

    /** {@code classes} and every class they are built from, bases and members first. */
    public static List<String> closure(Collection<String> classes) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : classes) {
            addWithDependencies(c, out);
        }
        return new ArrayList<>(out);
    }

    private static void addWithDependencies(String c, Set<String> out) {
        if (out.contains(c) || !CLASSES.containsKey(c)) {
            return;
        }
        for (String d : CLASSES.get(c).dependsOn()) {
            addWithDependencies(d, out);
        }
        out.add(c);
    }

    /**
     * The StreamerInfo record: a TList of the TStreamerInfo of each class (TFile::WriteStreamerInfo), as the
     * object bytes of a key whose header is {@code keyLength} bytes long.
     */
    public static byte[] serializeList(List<String> classes, int keyLength) {
        RootBuffer b = new RootBuffer(4096, keyLength);
        int list = b.startVersioned(V_TLIST);
        b.tobject(RootBuffer.TOBJECT_BITS);
        b.tstring("");
        b.i32(classes.size());
        for (String name : classes) {
            writeInfo(b, info(name));
        }
        b.endObject(list);
        return b.toByteArray();
    }

    /**
     * {@code list}, a StreamerInfo TList read from a file being updated, with the TStreamerInfo of {@code classes}
     * appended. The list's bytes stay where they were relative to the key start, so their internal references
     * remain valid when the new record's key has the same length.
     */
    public static byte[] appendToList(byte[] list, List<String> classes, int keyLength) {
        RootBufferReader r = new RootBufferReader(list);
        r.skip(4 + 2);   // byte count, TList version
        r.i16();         // TObject version
        r.i32();         // fUniqueID
        int bits = r.i32();
        if ((bits & K_IS_REFERENCED) != 0) {
            r.skip(2);   // pidf
        }
        r.skipTString();   // fName
        int countAt = r.position();
        int count = r.i32();
        RootBuffer b = new RootBuffer(list.length + 4096, keyLength);
        b.bytes(list);
        b.setI32(countAt, count + classes.size());
        for (String name : classes) {
            writeInfo(b, info(name));
        }
        b.endObject(0);
        return b.toByteArray();
    }

    /** TObject::kIsReferenced: a process-id index follows fBits (TObject.cxx, TObject::Streamer). */
    private static final int K_IS_REFERENCED = 0x10;

    private static void writeInfo(RootBuffer b, ClassInfo c) {
        int si = b.startObjectAny(c, "TStreamerInfo");
        int v = b.startVersioned(V_STREAMER_INFO);
        b.tnamed(c.name(), "", RootBuffer.TOBJECT_BITS);
        b.i32(checksum(c));
        b.i32(c.version());
        int arr = b.startObjectAny(c.elements(), "TObjArray");
        int av = b.startVersioned(V_TOBJARRAY);
        b.tobject(RootBuffer.TOBJECT_BITS);
        b.tstring("");
        b.i32(c.elements().size());
        b.i32(0);
        for (Element e : c.elements()) {
            writeElement(b, e);
        }
        b.endObject(av);
        b.endObject(arr);
        b.endObject(v);
        b.endObject(si);
        b.u8(0);   // the TList entry's option string: empty
    }

    private static void writeElement(RootBuffer b, Element e) {
        int obj = b.startObjectAny(e, e.elementClass());
        int sub = b.startVersioned(e.isBase() ? V_BASE : V_OTHER_ELEMENT);
        int el = b.startVersioned(V_ELEMENT);
        b.tnamed(e.name(), e.title(), RootBuffer.TOBJECT_BITS);
        b.i32(e.type());
        b.i32(e.size());
        b.i32(0);   // fArrayLength
        b.i32(0);   // fArrayDim
        // fMaxIndex[5]; ROOT keeps a base class's checksum in slot 1 (TStreamerBase::fBaseCheckSum)
        b.i32(0);
        b.i32(e.isBase() ? checksum(info(e.name())) : 0);
        b.i32(0);
        b.i32(0);
        b.i32(0);
        b.tstring(e.typeName());
        b.endObject(el);
        if (e.isBase()) {
            b.i32(info(e.name()).version());
        } else if (e.countName() != null) {
            b.i32(info(e.baseOrCountClass()).version());
            b.tstring(e.countName());
            b.tstring(e.baseOrCountClass());
        }
        b.endObject(sub);
        b.endObject(obj);
    }
}
