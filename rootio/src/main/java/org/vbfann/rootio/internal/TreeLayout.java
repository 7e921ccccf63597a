package org.vbfann.rootio.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vbfann.core.ElementType;
import org.vbfann.rootio.BranchInfo;
import org.vbfann.rootio.BranchInfo.Kind;
import org.vbfann.rootio.RootFormatException;
import org.vbfann.rootio.internal.LeafPlan.BasketRef;
import org.vbfann.rootio.internal.LeafPlan.Encoding;
import org.vbfann.rootio.internal.Models.StreamerElement;
import org.vbfann.rootio.internal.Models.StreamerInfo;
import org.vbfann.rootio.internal.TTreeModels.BranchModel;
import org.vbfann.rootio.internal.TTreeModels.ElementModel;
import org.vbfann.rootio.internal.TTreeModels.LeafModel;
import org.vbfann.rootio.internal.TTreeModels.TreeModel;

/**
 * Turns a tree's branches and leaves into {@link LeafPlan}s, one per readable column. Plain TBranch leaves are
 * typed by their TLeaf class; TBranchElement members of split objects by ROOT's streamer type codes
 * (core/meta/inc/TVirtualStreamerInfo.h, EReadWrite: 1..19 basic types, +20 fixed arrays (kOffsetL), +40
 * pointer arrays with a counter (kOffsetP), 65 TString, 300 STL) and the TStreamerInfo of their class.
 */
public final class TreeLayout {
    /** kOffsetL: a fixed C array of a basic type. */
    static final int OFFSET_L = 20;
    /** kOffsetP: a pointer to a C array whose length is another member. */
    static final int OFFSET_P = 40;
    static final int CHAR_STAR = 7;
    static final int TSTRING = 65;
    static final int STL = 300;
    static final int STL_STRING = 365;

    private final String where;
    private final long treeEntries;
    private final List<StreamerInfo> streamers;
    private final List<LeafPlan> plans = new ArrayList<>();
    private final Map<LeafModel, String> leafColumns = new IdentityHashMap<>();
    private final Map<String, List<String>> objectMembers = new LinkedHashMap<>();

    private TreeLayout(String where, long treeEntries, List<StreamerInfo> streamers) {
        this.where = where;
        this.treeEntries = treeEntries;
        this.streamers = streamers;
    }

    /** The columns of a tree. {@code where} names the file and tree in messages. */
    public static TreeLayout build(String where, TreeModel tree, List<StreamerInfo> streamers) {
        TreeLayout l = new TreeLayout(where, tree.entries(), streamers);
        for (BranchModel b : tree.branches()) {
            l.add(b, null);
        }
        l.resolveCounters();
        return l;
    }

    /** One plan per column, in branch order. */
    public List<LeafPlan> plans() {
        return plans;
    }

    /** Branches with sub-branches (split objects), each with the column names below it. */
    public Map<String, List<String>> objectMembers() {
        return objectMembers;
    }

    private void add(BranchModel b, String topName) {
        if (!b.branches().isEmpty()) {
            List<String> members = new ArrayList<>();
            objectMembers.put(b.name(), members);
            int before = plans.size();
            for (BranchModel sub : b.branches()) {
                add(sub, topName == null ? b.name() : topName);
            }
            for (int i = before; i < plans.size(); i++) {
                members.add(plans.get(i).info().name());
            }
            return;
        }
        List<BasketRef> baskets = baskets(b);
        if (b.element() != null) {
            plans.add(elementPlan(b, baskets, topName));
            return;
        }
        if (b.leaves().size() == 1) {
            plans.add(leafPlan(b, b.leaves().get(0), baskets, b.name(), 0, -1));
            return;
        }
        int stride = 0;
        for (LeafModel leaf : b.leaves()) {
            stride += leaf.len() * leaf.lenType();
        }
        int offset = 0;
        for (LeafModel leaf : b.leaves()) {
            plans.add(leafPlan(b, leaf, baskets, b.name() + "." + leaf.name(), offset, stride));
            offset += leaf.len() * leaf.lenType();
        }
    }

    private String unique(String name, String topName) {
        for (LeafPlan p : plans) {
            if (p.info().name().equals(name)) {
                return topName + "." + name;
            }
        }
        return name;
    }

    /** A TBranch leaf: type from the TLeaf class, shape from the title ({@code x[3][2]}, {@code px[n]}). */
    private LeafPlan leafPlan(BranchModel b, LeafModel leaf, List<BasketRef> baskets, String column, int offset,
                              int leafListStride) {
        String cls = leaf.className();
        boolean u = leaf.unsigned();
        ElementType type;
        String rootType;
        switch (cls) {
            case "TLeafO" -> { type = ElementType.BOOL; rootType = "Bool_t"; }
            case "TLeafB" -> { type = u ? ElementType.UINT8 : ElementType.INT8; rootType = u ? "UChar_t" : "Char_t"; }
            case "TLeafS" -> { type = u ? ElementType.UINT16 : ElementType.INT16; rootType = u ? "UShort_t" : "Short_t"; }
            case "TLeafI" -> { type = u ? ElementType.UINT32 : ElementType.INT32; rootType = u ? "UInt_t" : "Int_t"; }
            case "TLeafL" -> { type = u ? ElementType.UINT64 : ElementType.INT64; rootType = u ? "ULong64_t" : "Long64_t"; }
            case "TLeafG" -> { type = u ? ElementType.UINT64 : ElementType.INT64; rootType = u ? "ULong_t" : "Long_t"; }
            case "TLeafF" -> { type = ElementType.FLOAT32; rootType = "Float_t"; }
            case "TLeafD" -> { type = ElementType.FLOAT64; rootType = "Double_t"; }
            case "TLeafC" -> { type = ElementType.STRING; rootType = "Char_t"; }
            default -> {
                return unsupported(b, leaf, column, baskets, cls, cls.equals("TLeafF16") || cls.equals("TLeafD32")
                        ? "leaf class " + cls + " (Float16_t/Double32_t with packed storage) is not supported"
                        : "leaf class " + cls + " is not supported");
            }
        }
        if (type == ElementType.STRING) {
            if (leafListStride >= 0) {
                return unsupported(b, leaf, column, baskets, rootType,
                        "a char* leaf inside a leaf list is not supported");
            }
            return plan(b, leaf, baskets, column, Kind.STRING, type, new int[0], null, rootType, Encoding.TSTRING,
                    1, 1, 0, 0, 0);
        }
        if (leaf.lenType() != type.bytes()) {
            throw new RootFormatException(where + ": leaf '" + leaf.name() + "' of branch '" + b.name() + "' is a "
                    + cls + " with " + leaf.lenType() + " bytes per value, expected " + type.bytes());
        }
        List<String> dims = dims(leaf.title());
        String counter = null;
        int first = 0;
        if (!dims.isEmpty() && !isNumber(dims.get(0))) {
            counter = dims.get(0);
            first = 1;
        } else if (leaf.count() != null) {
            counter = leaf.count().name();
        }
        List<Integer> fixed = new ArrayList<>();
        for (int i = first; i < dims.size(); i++) {
            if (!isNumber(dims.get(i))) {
                return unsupported(b, leaf, column, baskets, rootType,
                        "only the first dimension may be variable, title is '" + leaf.title() + "'");
            }
            fixed.add(Integer.parseInt(dims.get(i)));
        }
        int[] shape = toArray(fixed);
        int items = product(shape);
        if (counter == null) {
            if (dims.isEmpty() && leaf.len() > 1) {
                shape = new int[] {leaf.len()};
                items = leaf.len();
            } else if (items != leaf.len()) {
                throw new RootFormatException(where + ": leaf '" + leaf.title() + "' has fLen " + leaf.len()
                        + " but its dimensions give " + items);
            }
            int stride = leafListStride >= 0 ? leafListStride : items * type.bytes();
            return plan(b, leaf, baskets, column, shape.length == 0 ? Kind.SCALAR : Kind.FIXED_ARRAY, type, shape,
                    null, rootType, Encoding.FIXED, type.bytes(), items, offset, stride, 0);
        }
        if (leafListStride >= 0) {
            return unsupported(b, leaf, column, baskets, rootType,
                    "a variable-length leaf inside a leaf list is not supported");
        }
        LeafPlan p = plan(b, leaf, baskets, column, Kind.JAGGED, type, shape, counter, rootType, Encoding.JAGGED,
                type.bytes(), items, 0, 0, 0);
        pendingCounters.put(p, leaf.count());
        return p;
    }

    private final Map<LeafPlan, LeafModel> pendingCounters = new IdentityHashMap<>();
    private final Map<LeafPlan, String> pendingElementCounters = new IdentityHashMap<>();

    /** A TBranchElement member of a split object (or a top-level std::vector / std::string branch). */
    private LeafPlan elementPlan(BranchModel b, List<BasketRef> baskets, String topName) {
        ElementModel e = b.element();
        LeafModel leaf = b.leaves().isEmpty() ? null : b.leaves().get(0);
        String column = unique(b.name(), topName);
        if (e.id() < 0) {
            // A whole object in one branch: only std::vector<number>, std::vector<string> and std::string.
            return stlPlan(b, leaf, baskets, column, e.className(), "class '" + e.className() + "'");
        }
        if (e.type() != 0) {
            return unsupported(b, leaf, column, baskets, e.className(), "TBranchElement type " + e.type()
                    + " (class '" + e.className() + "'; TClonesArray and STL collections of objects) is not supported");
        }
        StreamerElement se = streamerElement(e);
        if (se == null) {
            return unsupported(b, leaf, column, baskets, e.className(), "no streamer info for member " + e.id()
                    + " of class '" + e.className() + "' v" + e.classVersion());
        }
        int st = e.streamerType();
        String rootType = se.typeName();
        if (st == CHAR_STAR) {
            return plan(b, leaf, baskets, column, Kind.STRING, ElementType.STRING, new int[0], null, rootType,
                    Encoding.CHAR_STAR, 1, 1, 0, 0, 0);
        }
        if (st == TSTRING) {
            return plan(b, leaf, baskets, column, Kind.STRING, ElementType.STRING, new int[0], null, rootType,
                    Encoding.TSTRING, 1, 1, 0, 0, 0);
        }
        if (st == STL || st == STL_STRING) {
            return stlPlan(b, leaf, baskets, column, se.typeName(), "member '" + se.name() + "' of class '"
                    + e.className() + "'");
        }
        if (st > 0 && st < OFFSET_L) {
            ElementType t = basicType(st);
            if (t == null) {
                return unsupported(b, leaf, column, baskets, rootType, streamerName(st, e, se));
            }
            return plan(b, leaf, baskets, column, Kind.SCALAR, t, new int[0], null, rootType, Encoding.FIXED,
                    t.bytes(), 1, 0, t.bytes(), 0);
        }
        if (st > OFFSET_L && st < OFFSET_P) {
            ElementType t = basicType(st - OFFSET_L);
            if (t == null) {
                return unsupported(b, leaf, column, baskets, rootType, streamerName(st, e, se));
            }
            int[] shape = new int[Math.max(0, Math.min(5, se.arrayDim()))];
            for (int i = 0; i < shape.length && i < se.maxIndex().length; i++) {
                shape[i] = se.maxIndex()[i];
            }
            if (shape.length == 0 || product(shape) != se.arrayLength()) {
                shape = new int[] {se.arrayLength()};
            }
            int items = product(shape);
            return plan(b, leaf, baskets, column, Kind.FIXED_ARRAY, t, shape, null, rootType, Encoding.FIXED,
                    t.bytes(), items, 0, items * t.bytes(), 0);
        }
        if (st > OFFSET_P && st < OFFSET_P + OFFSET_L) {
            ElementType t = basicType(st - OFFSET_P);
            if (t == null) {
                return unsupported(b, leaf, column, baskets, rootType, streamerName(st, e, se));
            }
            LeafPlan p = plan(b, leaf, baskets, column, Kind.JAGGED, t, new int[0], se.countName(), rootType,
                    Encoding.JAGGED, t.bytes(), 1, 0, 0, 1);
            pendingElementCounters.put(p, se.countName());
            return p;
        }
        return unsupported(b, leaf, column, baskets, rootType, streamerName(st, e, se));
    }

    private static String streamerName(int st, ElementModel e, StreamerElement se) {
        return "member '" + se.name() + "' of class '" + e.className() + "' (" + se.elementClass() + ", type '"
                + se.typeName() + "', streamer type " + st + ") is not supported";
    }

    /** std::vector of a number or of std::string, or std::string, streamed with a byte count and version. */
    private LeafPlan stlPlan(BranchModel b, LeafModel leaf, List<BasketRef> baskets, String column,
                             String typeName, String what) {
        String t = typeName.replace(" ", "").replace("std::", "");
        if (t.equals("string")) {
            return plan(b, leaf, baskets, column, Kind.STRING, ElementType.STRING, new int[0], null, typeName,
                    Encoding.TSTRING, 1, 1, 0, 0, 6);
        }
        if (t.startsWith("vector<") && t.endsWith(">")) {
            String inner = typeName.substring(typeName.indexOf('<') + 1, typeName.lastIndexOf('>')).trim()
                    .replace("std::", "");
            if (inner.equals("string")) {
                return plan(b, leaf, baskets, column, Kind.STL_VECTOR, ElementType.STRING, new int[0], null,
                        typeName, Encoding.VECTOR_STRING, 1, 1, 0, 0, 10);
            }
            ElementType et = cppType(inner);
            if (et != null) {
                return plan(b, leaf, baskets, column, Kind.STL_VECTOR, et, new int[0], null, typeName,
                        Encoding.JAGGED, et.bytes(), 1, 0, 0, 10);
            }
        }
        return unsupported(b, leaf, column, baskets, typeName, what + " of type '" + typeName
                + "' is not supported (std::vector of numbers or strings and std::string are)");
    }

    private StreamerElement streamerElement(ElementModel e) {
        StreamerInfo match = null;
        for (StreamerInfo si : streamers) {
            if (si.name().equals(e.className()) && (match == null || si.classVersion() == e.classVersion())) {
                match = si;
            }
        }
        if (match == null || e.id() >= match.elements().size()) {
            return null;
        }
        return match.elements().get(e.id());
    }

    /** ROOT streamer type code (EReadWrite) of a basic type to its element type; null if not read. */
    static ElementType basicType(int code) {
        return switch (code) {
            case 1 -> ElementType.INT8;      // kChar
            case 2 -> ElementType.INT16;     // kShort
            case 3, 6 -> ElementType.INT32;  // kInt, kCounter
            case 4, 16 -> ElementType.INT64; // kLong (8 bytes on file), kLong64
            case 5 -> ElementType.FLOAT32;   // kFloat
            case 8 -> ElementType.FLOAT64;   // kDouble
            case 11 -> ElementType.UINT8;    // kUChar
            case 12 -> ElementType.UINT16;   // kUShort
            case 13, 15 -> ElementType.UINT32;   // kUInt, kBits
            case 14, 17 -> ElementType.UINT64;   // kULong, kULong64
            case 18 -> ElementType.BOOL;     // kBool
            default -> null;                 // 9 kDouble32, 19 kFloat16 (packed), 10 legacy char
        };
    }

    /** C++ or ROOT typedef name of a number type. */
    static ElementType cppType(String name) {
        return switch (name.trim()) {
            case "bool", "Bool_t" -> ElementType.BOOL;
            case "char", "signedchar", "signed char", "Char_t" -> ElementType.INT8;
            case "unsigned char", "unsignedchar", "UChar_t" -> ElementType.UINT8;
            case "short", "Short_t" -> ElementType.INT16;
            case "unsigned short", "unsignedshort", "UShort_t" -> ElementType.UINT16;
            case "int", "Int_t" -> ElementType.INT32;
            case "unsigned int", "unsignedint", "unsigned", "UInt_t" -> ElementType.UINT32;
            case "long", "long long", "longlong", "Long_t", "Long64_t", "int64_t" -> ElementType.INT64;
            case "unsigned long", "unsignedlong", "unsigned long long", "unsignedlonglong", "ULong_t", "ULong64_t",
                 "uint64_t" -> ElementType.UINT64;
            case "float", "Float_t" -> ElementType.FLOAT32;
            case "double", "Double_t" -> ElementType.FLOAT64;
            default -> null;
        };
    }

    private LeafPlan plan(BranchModel b, LeafModel leaf, List<BasketRef> baskets, String column, Kind kind,
                          ElementType type, int[] shape, String counter, String rootType, Encoding enc,
                          int itemBytes, int items, int offset, int stride, int header) {
        if (items < 1 || itemBytes < 1) {
            throw new RootFormatException(where + ": branch '" + b.name() + "' has " + items + " values of "
                    + itemBytes + " bytes per item");
        }
        BranchInfo info = new BranchInfo(column, b.name(), leaf == null ? b.name() : leaf.name(),
                leaf == null ? b.title() : leaf.title(), kind, type, shape, counter, b.className(),
                leaf == null ? "" : leaf.className(), rootType, b.entries(), baskets.size(), null);
        if (leaf != null) {
            leafColumns.put(leaf, column);
        }
        return new LeafPlan(info, b, baskets, enc, itemBytes, items, offset, stride, header);
    }

    private LeafPlan unsupported(BranchModel b, LeafModel leaf, String column, List<BasketRef> baskets,
                                 String rootType, String reason) {
        String message = where + ": branch '" + b.name() + "' (" + b.className()
                + (leaf != null ? ", leaf " + leaf.className() : "") + "): " + reason;
        BranchInfo info = new BranchInfo(column, b.name(), leaf == null ? b.name() : leaf.name(),
                leaf == null ? b.title() : leaf.title(), Kind.UNSUPPORTED, ElementType.UINT8, new int[0], null,
                b.className(), leaf == null ? "" : leaf.className(), rootType, b.entries(), baskets.size(), message);
        return new LeafPlan(info, b, baskets, Encoding.UNSUPPORTED, 1, 1, 0, 0, 0);
    }

    /** Points jagged columns at the column holding their count. */
    private void resolveCounters() {
        for (int i = 0; i < plans.size(); i++) {
            LeafPlan p = plans.get(i);
            String counter = null;
            if (pendingCounters.containsKey(p)) {
                LeafModel cl = pendingCounters.get(p);
                counter = cl != null && leafColumns.containsKey(cl) ? leafColumns.get(cl) : byLeafName(p.info().counter());
            } else if (pendingElementCounters.containsKey(p)) {
                counter = byLeafName(pendingElementCounters.get(p));
            }
            if (counter != null && !counter.equals(p.info().counter())) {
                BranchInfo o = p.info();
                BranchInfo n = new BranchInfo(o.name(), o.branch(), o.leaf(), o.title(), o.kind(), o.type(),
                        o.fixedShape(), counter, o.branchClass(), o.leafClass(), o.rootType(), o.entries(),
                        o.baskets(), o.unsupported());
                plans.set(i, new LeafPlan(n, p.branch(), p.baskets(), p.encoding(), p.itemBytes(), p.items(),
                        p.offsetInEntry(), p.stride(), p.headerBytes()));
            }
        }
    }

    private String byLeafName(String leafName) {
        if (leafName == null) {
            return null;
        }
        for (LeafPlan p : plans) {
            if (p.info().leaf().equals(leafName) || p.info().name().equals(leafName)) {
                return p.info().name();
            }
        }
        return leafName;
    }

    /** The baskets of a branch in entry order: those on file, then those inside the tree record. */
    private List<BasketRef> baskets(BranchModel b) {
        List<BasketRef> out = new ArrayList<>();
        long[] be = b.basketEntry();
        int n = b.writeBasket();
        long prevEnd = 0;
        for (int i = 0; i < n; i++) {
            long first = be[i];
            long end = i + 1 < be.length ? be[i + 1] : b.entries();
            if (i + 1 == n && b.embedded().isEmpty() && (i + 1 >= be.length || end <= first)) {
                end = b.entries();
            }
            checkRange(b, i, first, end, prevEnd);
            out.add(new BasketRef(i, b.basketSeek()[i], b.basketBytes()[i], first, end, null));
            prevEnd = end;
        }
        for (TTreeModels.EmbeddedBasket eb : b.embedded()) {
            long first = prevEnd;
            long end = first + eb.nevBuf();
            if (eb.nevBuf() == 0 || eb.data() == null) {
                continue;
            }
            checkRange(b, out.size(), first, end, prevEnd);
            out.add(new BasketRef(out.size(), 0, 0, first, end, eb));
            prevEnd = end;
        }
        return List.copyOf(out);
    }

    private void checkRange(BranchModel b, int i, long first, long end, long prevEnd) {
        if (first != prevEnd || end < first || end > Math.max(b.entries(), treeEntries)) {
            throw new RootFormatException(where + ": branch '" + b.name() + "' basket " + i + " covers entries ["
                    + first + ", " + end + "), expected to start at " + prevEnd + " and end by "
                    + Math.max(b.entries(), treeEntries));
        }
    }

    /** The bracketed dimensions of a leaf title: {@code "x[3][n]"} gives {@code ["3", "n"]}. */
    static List<String> dims(String title) {
        List<String> out = new ArrayList<>();
        int i = title.indexOf('[');
        while (i >= 0) {
            int j = title.indexOf(']', i);
            if (j < 0) {
                break;
            }
            out.add(title.substring(i + 1, j).trim());
            i = title.indexOf('[', j);
        }
        return out;
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int[] toArray(List<Integer> l) {
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    private static int product(int[] shape) {
        long p = 1;
        for (int d : shape) {
            p *= d;
        }
        return (int) Math.min(p, Integer.MAX_VALUE);
    }
}
