package org.vbfann.rootio.internal;

import java.util.ArrayList;
import java.util.List;
import org.vbfann.rootio.internal.Models.ObjList;
import org.vbfann.rootio.internal.Models.ObjString;
import org.vbfann.rootio.internal.Models.StreamerElement;
import org.vbfann.rootio.internal.Models.StreamerInfo;
import org.vbfann.rootio.internal.Models.Unknown;

/**
 * Reads ROOT objects by class name, and object pointers with TBufferFile's class and object references
 * (io/io/src/TBufferFile.cxx, ReadObjectAny / ReadClass): a tag kNewClassTag (0xFFFFFFFF) is followed by the
 * class name, a tag with kClassMask (0x80000000) refers to a class seen before, any other non-zero tag refers
 * to an object seen before. References are positions in the record plus kMapOffset (2).
 */
public final class ObjectReader {
    static final long NEW_CLASS_TAG = 0xFFFFFFFFL;
    static final long CLASS_MASK = 0x80000000L;
    static final int MAP_OFFSET = 2;
    /** ROOT class names are short; a longer run without a zero byte is corruption. */
    private static final int MAX_CLASS_NAME = 512;
    /** Real files nest objects a few levels deep (tree, branch list, branch, leaf); far more is corruption. */
    private static final int MAX_DEPTH = 200;

    /** TObject's kIsReferenced bit (core/base/inc/TObject.h): a process-id short follows fBits. */
    private static final long IS_REFERENCED = 1L << 4;

    private record ClassRef(String name) {
    }

    private ObjectReader() {
    }

    /** Reads an object pointer: null, a reference to an object read before, or a new object. */
    public static Object readObjectAny(Cursor c) {
        long beg = c.position();
        long word = c.u32();
        long tag;
        long end = -1;
        long classPos;
        if ((word & ObjectHeader.BYTE_COUNT_MASK) == 0 || word == NEW_CLASS_TAG) {
            tag = word;
            classPos = -1;
        } else {
            long count = word & ~ObjectHeader.BYTE_COUNT_MASK;
            end = beg + 4 + count;
            if (end > c.chunk().stop()) {
                c.seek(beg);
                throw c.fail("object byte count " + count + " runs past the record end " + c.chunk().stop());
            }
            classPos = c.position();
            tag = c.u32();
        }
        if ((tag & CLASS_MASK) == 0) {
            if (tag == 0) {
                return null;
            }
            Object o = c.refs().get(tag);
            if (end >= 0) {
                c.seek(end);
            }
            return o instanceof ClassRef ? null : o;
        }
        String className;
        if (tag == NEW_CLASS_TAG) {
            className = c.cString(MAX_CLASS_NAME);
            if (classPos >= 0) {
                c.refs().put(classPos + MAP_OFFSET, new ClassRef(className));
            }
        } else {
            Object ref = c.refs().get(tag & ~CLASS_MASK);
            if (!(ref instanceof ClassRef cr)) {
                c.seek(beg);
                throw c.fail("class reference " + (tag & ~CLASS_MASK) + " does not name a class read before");
            }
            className = cr.name();
        }
        c.enter(MAX_DEPTH);
        Object obj;
        try {
            obj = readObject(className, c, end);
        } finally {
            c.leave();
        }
        if (end >= 0) {
            c.refs().put(beg + MAP_OFFSET, obj);
            if (c.position() > end) {
                throw c.fail(className + " was read past its byte count end " + end);
            }
            c.seek(end);
        }
        return obj;
    }

    /**
     * Reads an object of class {@code className} whose streamer starts at the cursor (as in a key payload).
     *
     * @param end end of the object if known (from the pointer's byte count), else -1
     */
    public static Object readObject(String className, Cursor c, long end) {
        switch (className) {
            case "TList", "THashList":
                return readList(c, className);
            case "TObjArray":
                return readObjArray(c);
            case "TObjString":
                return readObjString(c);
            case "TStreamerInfo":
                return readStreamerInfo(c);
            case "TBasket":
                return TTreeModels.readEmbeddedBasket(c);
            default:
                break;
        }
        if (className.startsWith("TStreamer")) {
            return readStreamerElement(c, className);
        }
        if (className.equals("TBranch") || className.equals("TBranchElement")) {
            return TTreeModels.readBranch(c, className);
        }
        if (className.startsWith("TLeaf")) {
            return TTreeModels.readLeaf(c, className);
        }
        if (end < 0) {
            ObjectHeader h = ObjectHeader.read(c, className);
            h.skip(c);
        } else {
            c.seek(end);
        }
        return new Unknown(className);
    }

    /** TObject::Streamer: version, fUniqueID, fBits, and a process id if referenced. Returns fUniqueID. */
    public static long readTObject(Cursor c) {
        ObjectHeader h = ObjectHeader.read(c, "TObject");
        long uniqueId = c.u32();
        long bits = c.u32();
        if ((bits & IS_REFERENCED) != 0) {
            c.u16();
        }
        h.finish(c);
        return uniqueId;
    }

    /** TNamed: TObject, then name and title. Returns {name, title}. */
    public static String[] readTNamed(Cursor c) {
        ObjectHeader h = ObjectHeader.read(c, "TNamed");
        readTObject(c);
        String name = c.string();
        String title = c.string();
        h.finish(c);
        return new String[] {name, title};
    }

    /** Skips a member object that has a byte count (TAttLine, TAttFill, TAttMarker, TAttAxis, ...). */
    public static void skipMember(Cursor c, String className) {
        ObjectHeader.read(c, className).skip(c);
    }

    static ObjList readList(Cursor c, String className) {
        ObjectHeader h = ObjectHeader.read(c, className);
        readTObject(c);
        String name = c.string();
        int n = c.count(className + " size", 5);
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(readObjectAny(c));
            c.skip(c.u8());   // the option string of each entry (TList::Streamer writes its length, then chars)
        }
        h.finish(c);
        return new ObjList(className, name, items);
    }

    /** TObjArray::Streamer: TObject (v > 2), name (v > 1), size, lower bound, then the pointers. */
    public static ObjList readObjArray(Cursor c) {
        ObjectHeader h = ObjectHeader.read(c, "TObjArray");
        if (h.version() > 2) {
            readTObject(c);
        }
        String name = h.version() > 1 ? c.string() : "";
        int n = c.count("TObjArray size", 4);
        c.i32();   // fLowerBound
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(readObjectAny(c));
        }
        h.finish(c);
        return new ObjList("TObjArray", name, items);
    }

    static ObjString readObjString(Cursor c) {
        ObjectHeader h = ObjectHeader.read(c, "TObjString");
        long id = readTObject(c);
        String s = c.string();
        h.finish(c);
        return new ObjString(id, s);
    }

    static StreamerInfo readStreamerInfo(Cursor c) {
        ObjectHeader h = ObjectHeader.read(c, "TStreamerInfo");
        String[] named = readTNamed(c);
        long checksum = c.u32();
        int classVersion = c.i32();
        Object elems = readObjectAny(c);
        List<StreamerElement> elements = new ArrayList<>();
        if (elems instanceof ObjList l) {
            for (Object o : l.items()) {
                if (o instanceof StreamerElement e) {
                    elements.add(e);
                }
            }
        }
        h.finish(c);
        return new StreamerInfo(named[0], named[1], checksum, classVersion, List.copyOf(elements));
    }

    /** TStreamerElement and its subclasses (io/io/src/TStreamerElement.cxx, the Streamer methods). */
    static StreamerElement readStreamerElement(Cursor c, String className) {
        ObjectHeader outer = ObjectHeader.read(c, className);
        // TStreamerSTLstring derives from TStreamerSTL: one more base header before TStreamerElement's.
        ObjectHeader stl = className.equals("TStreamerSTLstring") ? ObjectHeader.read(c, "TStreamerSTL") : null;
        ObjectHeader h = ObjectHeader.read(c, "TStreamerElement");
        String[] named = readTNamed(c);
        int type = c.i32();
        int size = c.i32();
        int arrayLength = c.i32();
        int arrayDim = c.i32();
        int[] maxIndex;
        if (h.version() == 1) {
            maxIndex = c.i32Array(c.count("fMaxIndex", 4));
        } else {
            maxIndex = c.i32Array(5);
        }
        String typeName = c.string();
        h.finish(c);
        int baseVersion = -1;
        String countName = null;
        if (className.equals("TStreamerBase") && outer.version() > 2) {
            baseVersion = c.i32();
        } else if (className.equals("TStreamerBasicPointer") || className.equals("TStreamerLoop")) {
            c.i32();   // fCountVersion
            countName = c.string();
        }
        if (stl != null) {
            stl.finish(c);
        }
        outer.finish(c);
        return new StreamerElement(className, named[0], named[1], type, size, arrayLength, arrayDim, maxIndex,
                typeName, baseVersion, countName);
    }
}
