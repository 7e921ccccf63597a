package org.vbfann.rootio.internal.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TDirectory being written: where its record lies, its keys and subdirectories. The record (the directory's
 * key and its 60-byte TDirectory header, io/doc/TFile/tdirectory.md) has a fixed size and is filled in at close.
 */
public final class DirectoryState {
    /** Bytes of a TDirectory header: the big layout (42 bytes) plus the TUUID (18); the small one pads to it. */
    public static final int HEADER_BYTES = 60;
    /** TDirectoryFile class version (TDirectoryFile.h ClassDef(TDirectoryFile,5)). */
    public static final int VERSION = 5;

    private final String name;
    private final DirectoryState parent;
    private final long seekDir;
    private final int datime;
    private final int created;
    private final byte[] uuid;
    private final List<byte[]> existingKeys;
    private final long headerPos;
    private final int nbytesNameKept;
    private final List<KeyHeader> keys = new ArrayList<>();
    private final Map<String, Integer> cycles = new HashMap<>();
    private final Map<String, DirectoryState> children = new LinkedHashMap<>();
    private long seekKeys;
    private int nbytesKeys;

    DirectoryState(String name, DirectoryState parent, long seekDir, int datime, byte[] uuid) {
        this.name = name;
        this.parent = parent;
        this.seekDir = seekDir;
        this.datime = datime;
        this.created = datime;
        this.uuid = uuid;
        this.existingKeys = List.of();
        this.headerPos = -1;
        this.nbytesNameKept = 0;
    }

    /** A directory already in the file being updated; its header is rewritten in place at close. */
    DirectoryState(ExistingFile.Directory d, DirectoryState parent, int datime) {
        this.name = d.name();
        this.parent = parent;
        this.seekDir = d.seekDir();
        this.datime = datime;
        this.existingKeys = d.keyHeaders();
        this.headerPos = d.headerPos();
        RootBufferReader h = new RootBufferReader(d.header());
        boolean big = h.i16() > 1000;
        this.created = h.i32();
        h.i32();   // fDatimeM
        h.i32();   // fNbytesKeys
        this.nbytesNameKept = h.i32();
        h.skip(big ? 24 : 12);   // fSeekDir, fSeekParent, fSeekKeys
        h.i16();   // TUUID version
        this.uuid = h.bytes(16);
        for (int i = 0; i < d.keyNames().size(); i++) {
            cycles.merge(d.keyNames().get(i), d.keyCycles().get(i), Math::max);
        }
    }

    /** Whether this directory was in the file before an update. */
    boolean existing() {
        return headerPos >= 0;
    }

    /** Position of the TDirectory header of an existing directory. */
    long headerPos() {
        return headerPos;
    }

    /** fNbytesName of an existing directory. */
    int keptNbytesName() {
        return nbytesNameKept;
    }

    /** The key headers an existing directory listed, as stored. */
    List<byte[]> existingKeys() {
        return existingKeys;
    }

    public String name() {
        return name;
    }

    /** The parent, or null for the file's top directory. */
    public DirectoryState parent() {
        return parent;
    }

    /** Position of this directory's key (fSeekDir), which every key inside points to as its fSeekPdir. */
    public long seekDir() {
        return seekDir;
    }

    /** The path from the top directory, e.g. {@code "a/b"} ({@code ""} for the top). */
    public String path() {
        if (parent == null) {
            return "";
        }
        String p = parent.path();
        return p.isEmpty() ? name : p + "/" + name;
    }

    DirectoryState child(String childName) {
        return children.get(childName);
    }

    void addChild(DirectoryState d) {
        children.put(d.name(), d);
    }

    List<DirectoryState> children() {
        return new ArrayList<>(children.values());
    }

    /** The cycle a new key of this name gets: one more than the last (ROOT keeps every cycle). */
    int nextCycle(String keyName) {
        return cycles.merge(keyName, 1, Integer::sum);
    }

    void addKey(KeyHeader k) {
        keys.add(k);
    }

    List<KeyHeader> keys() {
        return keys;
    }

    void setKeyList(long seek, int nbytes) {
        this.seekKeys = seek;
        this.nbytesKeys = nbytes;
    }

    /**
     * The TDirectory header: version, creation and modification times, fNbytesKeys, fNbytesName, fSeekDir,
     * fSeekParent, fSeekKeys and the UUID; 4-byte seeks padded with 12 zero bytes unless a seek needs 8 bytes.
     */
    void writeHeader(RootBuffer b, int nbytesName) {
        long seekParent = parent == null ? 0 : parent.seekDir;
        boolean big = seekKeys >= KeyHeader.K_START_BIG_FILE || seekDir >= KeyHeader.K_START_BIG_FILE
                || seekParent >= KeyHeader.K_START_BIG_FILE;
        int start = b.length();
        b.i16(big ? VERSION + 1000 : VERSION);
        b.i32(created);
        b.i32(datime);
        b.i32(nbytesKeys);
        b.i32(nbytesName);
        if (big) {
            b.i64(seekDir);
            b.i64(seekParent);
            b.i64(seekKeys);
        } else {
            b.i32((int) seekDir);
            b.i32((int) seekParent);
            b.i32((int) seekKeys);
        }
        b.i16(1);   // TUUID version
        b.bytes(uuid);
        while (b.length() - start < HEADER_BYTES) {
            b.u8(0);
        }
    }
}
