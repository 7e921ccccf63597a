package org.vbfann.rootio.internal.write;

import java.util.random.RandomGenerator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The skeleton of a ROOT file (io/doc/TFile/header.md): the 100-byte header region, the top directory record at
 * {@link #BEGIN}, subdirectory records, and at close the StreamerInfo list, the key lists, the free-segment
 * record (the free gap after the end, so ROOT can append in UPDATE mode) and the header.
 */
public final class FileStructure {
    /** Position of the top directory record (TFile.h {@code kBEGIN}). */
    public static final int BEGIN = 100;
    /** The ROOT release whose class versions this writer follows: 6.24/00 (TFile::fVersion encoding). */
    public static final int ROOT_VERSION = 62400;
    /** Added to fVersion in files with 8-byte seeks (TFile.cxx). */
    private static final int BIG_FILE_VERSION = 1000000;
    /** TFree class version (TFree.h ClassDef(TFree,1)). */
    private static final int FREE_VERSION = 1;
    /** Bytes reserved for the header; the part used is at most 75 bytes. */
    private static final int HEADER_RESERVED = BEGIN;

    private final RecordWriter records;
    private final FileSink sink;
    private final String fileName;
    private final DirectoryState top;
    private final RandomGenerator random;
    private final ExistingFile existing;

    /** A new file's structure; {@code uuids} gives the directories' UUID bytes. */
    public FileStructure(RecordWriter records, String fileName, RandomGenerator uuids) {
        this.random = uuids;
        this.records = records;
        this.sink = records.sink();
        this.fileName = fileName;
        sink.reserve(HEADER_RESERVED);
        int topKey = KeyHeader.length("TFile", fileName, "", BEGIN, 0);
        long at = sink.reserve(topKey + topNames() + DirectoryState.HEADER_BYTES);
        this.top = new DirectoryState(fileName, null, at, records.datime(), uuid());
        this.existing = null;
    }

    /**
     * The structure of a file being updated: new records go after its fEND, and at close its directory headers,
     * key lists, StreamerInfo list, free-segment record and header are rewritten to take them in (the old key
     * lists and lists become unused space, as when ROOT rewrites them).
     */
    public FileStructure(RecordWriter records, String fileName, ExistingFile existing, RandomGenerator uuids) {
        this.random = uuids;
        this.records = records;
        this.sink = records.sink();
        this.fileName = existing.top().name();
        this.existing = existing;
        this.top = load(existing.top(), null);
    }

    private DirectoryState load(ExistingFile.Directory d, DirectoryState parent) {
        DirectoryState s = new DirectoryState(d, parent, records.datime());
        for (ExistingFile.Directory c : d.children()) {
            s.addChild(load(c, s));
        }
        return s;
    }

    private int topNames() {
        return RootBuffer.tstringSize(fileName) + RootBuffer.tstringSize("");
    }

    private byte[] uuid() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[6] = (byte) (b[6] & 0x0F | 0x40);   // version 4 (random) UUID
        b[8] = (byte) (b[8] & 0x3F | 0x80);
        return b;
    }

    /** The top directory. */
    public DirectoryState top() {
        return top;
    }

    /** The directory at {@code dirPath} ("a/b", "" for the top), created with its parents if missing. */
    public DirectoryState directory(String dirPath) {
        DirectoryState d = top;
        for (String part : split(dirPath)) {
            DirectoryState c = d.child(part);
            if (c == null) {
                c = newDirectory(part, d);
            }
            d = c;
        }
        return d;
    }

    /** The directory holding {@code objectPath} ("a/b/name" lies in "a/b"), created if missing. */
    public DirectoryState parentOf(String objectPath) {
        String p = normalize(objectPath);
        int slash = p.lastIndexOf('/');
        return directory(slash < 0 ? "" : p.substring(0, slash));
    }

    /** The last part of an object path: its key name. */
    public static String leafName(String objectPath) {
        String p = normalize(objectPath);
        String name = p.substring(p.lastIndexOf('/') + 1);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("object path '" + objectPath + "' has no name");
        }
        return name;
    }

    private static String normalize(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.contains("//") || p.endsWith("/") && !p.isEmpty() || p.contains(";")) {
            throw new IllegalArgumentException("bad object path '" + path
                    + "': expected names separated by single '/', without cycles (';')");
        }
        return p;
    }

    private static List<String> split(String dirPath) {
        List<String> out = new ArrayList<>();
        String p = normalize(dirPath.endsWith("/") ? dirPath.substring(0, dirPath.length() - 1) : dirPath);
        if (!p.isEmpty()) {
            out.addAll(List.of(p.split("/")));
        }
        return out;
    }

    private DirectoryState newDirectory(String name, DirectoryState parent) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("bad directory name '" + name + "'");
        }
        long at = sink.end();
        int keyLength = KeyHeader.length("TDirectory", name, name, at, parent.seekDir());
        sink.reserve(keyLength + DirectoryState.HEADER_BYTES);
        DirectoryState d = new DirectoryState(name, parent, at, records.datime(), uuid());
        parent.addChild(d);
        parent.addKey(new KeyHeader("TDirectory", name, name, parent.nextCycle(name), at, parent.seekDir(),
                DirectoryState.HEADER_BYTES, DirectoryState.HEADER_BYTES, records.datime(), 0));
        return d;
    }

    /** Writes everything that follows the objects, then the directory records and the header. */
    public void finish() {
        List<String> classes = StreamerInfos.closure(records.usedClasses());
        String title = "Doubly linked list";
        int keyLength = KeyHeader.length("TList", "StreamerInfo", title, sink.end(), top.seekDir());
        byte[] list;
        if (existing == null) {
            list = StreamerInfos.serializeList(classes, keyLength);
        } else {
            List<String> missing = new ArrayList<>();
            for (String c : classes) {
                if (!existing.streamerClasses().contains(c + ";" + StreamerInfos.version(c))) {
                    missing.add(c);
                }
            }
            if (keyLength != existing.streamerKeyLength()) {
                throw new org.vbfann.rootio.RootUnsupportedException(fileName + ": cannot extend its StreamerInfo "
                        + "list: its key is " + existing.streamerKeyLength() + " bytes, a new one would be "
                        + keyLength);
            }
            list = StreamerInfos.appendToList(existing.streamerList(), missing, keyLength);
        }
        // reached through the header's fSeekInfo; ROOT does not list it among the top directory's keys
        KeyHeader info = records.writeKeyed(top, "TList", "StreamerInfo", title, 1, list, list.length, true);

        writeKeyLists(top);

        long freeAt = sink.end();
        int freeKey = KeyHeader.length("TFile", fileName, "", freeAt, top.seekDir());
        boolean bigFree = freeAt + freeKey + 10 >= KeyHeader.K_START_BIG_FILE;
        int freeBytes = bigFree ? 18 : 10;
        long end = freeAt + freeKey + freeBytes;
        RootBuffer free = new RootBuffer(freeBytes, 0);
        if (bigFree) {
            long last = KeyHeader.K_START_BIG_FILE;
            while (last <= end) {
                last *= 2;
            }
            free.i16(FREE_VERSION + 1000).i64(end).i64(last);
        } else {
            free.i16(FREE_VERSION).i32((int) end).i32((int) KeyHeader.K_START_BIG_FILE);
        }
        KeyHeader freeRecord = records.writeKeyed(top, "TFile", fileName, "", 1, free.toByteArray(), freeBytes, false);

        writeDirectoryRecords(top);
        if (existing == null) {
            writeHeader(end, freeRecord, info, ROOT_VERSION, KeyHeader.length("TFile", fileName, "", BEGIN, 0)
                    + topNames(), records.compression().rootSetting(), uuid());
        } else {
            RootBufferReader h = new RootBufferReader(existing.header());
            h.skip(4);
            int stored = h.i32();
            boolean wasBig = stored >= BIG_FILE_VERSION;
            int version = stored % BIG_FILE_VERSION;
            h.skip(4 + (wasBig ? 16 : 8) + 4 + 4);   // fBEGIN, fEND, fSeekFree, fNbytesFree, nfree
            int nbytesName = h.i32();
            h.u8();   // fUnits
            int compress = h.i32();
            h.skip((wasBig ? 8 : 4) + 4);   // fSeekInfo, fNbytesInfo
            h.i16();   // TUUID version
            writeHeader(end, freeRecord, info, version, nbytesName, compress, h.bytes(16));
        }
    }

    /** Each directory's key list (TDirectoryFile::WriteKeys): the number of keys, then their headers. */
    private void writeKeyLists(DirectoryState d) {
        for (DirectoryState c : d.children()) {
            writeKeyLists(c);
        }
        RootBuffer b = new RootBuffer(64 + 64 * d.keys().size(), 0);
        b.i32(d.existingKeys().size() + d.keys().size());
        for (byte[] k : d.existingKeys()) {
            b.bytes(k);
        }
        for (KeyHeader k : d.keys()) {
            k.write(b);
        }
        boolean isTop = d.parent() == null;
        KeyHeader k = records.writeKeyed(d, isTop ? "TFile" : "TDirectory", d.name(), isTop ? "" : d.name(), 1,
                b.toByteArray(), b.length(), false);
        d.setKeyList(k.seekKey(), k.totalBytes());
    }

    private void writeDirectoryRecords(DirectoryState d) {
        RootBuffer b = new RootBuffer(128, 0);
        if (d.existing()) {
            d.writeHeader(b, d.keptNbytesName());
            sink.writeAt(d.headerPos(), b.array(), 0, b.length());
        } else if (d.parent() == null) {
            int objLen = topNames() + DirectoryState.HEADER_BYTES;
            KeyHeader k = new KeyHeader("TFile", fileName, "", 1, BEGIN, 0, objLen, objLen, records.datime(), 0);
            k.write(b);
            b.tstring(fileName);
            b.tstring("");
            d.writeHeader(b, k.keyLength() + topNames());
        } else {
            KeyHeader k = new KeyHeader("TDirectory", d.name(), d.name(), 1, d.seekDir(), d.parent().seekDir(),
                    DirectoryState.HEADER_BYTES, DirectoryState.HEADER_BYTES, records.datime(), 0);
            k.write(b);
            d.writeHeader(b, k.keyLength());
        }
        if (!d.existing()) {
            sink.writeAt(d.seekDir(), b.array(), 0, b.length());
        }
        for (DirectoryState c : d.children()) {
            writeDirectoryRecords(c);
        }
    }

    private void writeHeader(long end, KeyHeader free, KeyHeader info, int version, int nbytesName, int compress,
                             byte[] fileUuid) {
        boolean big = end >= KeyHeader.K_START_BIG_FILE;
        RootBuffer b = new RootBuffer(HEADER_RESERVED, 0);
        b.bytes("root".getBytes(StandardCharsets.US_ASCII));
        b.i32(big ? version + BIG_FILE_VERSION : version);
        b.i32(BEGIN);
        if (big) {
            b.i64(end).i64(free.seekKey());
        } else {
            b.i32((int) end).i32((int) free.seekKey());
        }
        b.i32(free.totalBytes());
        b.i32(1);   // nfree: one gap, from the end onwards
        b.i32(nbytesName);
        b.u8(big ? 8 : 4);   // fUnits: bytes per seek
        b.i32(compress);
        if (big) {
            b.i64(info.seekKey());
        } else {
            b.i32((int) info.seekKey());
        }
        b.i32(info.totalBytes());
        b.i16(1);   // TUUID version
        b.bytes(fileUuid);
        while (b.length() < HEADER_RESERVED) {
            b.u8(0);
        }
        sink.writeAt(0, b.array(), 0, b.length());
    }
}
