package org.vbfann.rootio.internal;

/**
 * The TDirectory record (io/io/src/TDirectoryFile.cxx, TDirectoryFile::Streamer): dates, the length of the
 * key list and of the name, and the seeks of the directory, its parent and its key list (64-bit when the
 * version is above 1000).
 */
public record TDirectory(int version, int nbytesKeys, int nbytesName, long seekDir, long seekParent, long seekKeys) {
    /** Reads a directory record at the cursor. */
    public static TDirectory read(Cursor c) {
        int version = c.i16();
        c.u32();   // fDatimeC
        c.u32();   // fDatimeM
        int nbytesKeys = c.i32();
        int nbytesName = c.i32();
        long seekDir;
        long seekParent;
        long seekKeys;
        if (version > 1000) {
            seekDir = c.i64();
            seekParent = c.i64();
            seekKeys = c.i64();
        } else {
            seekDir = c.u32();
            seekParent = c.u32();
            seekKeys = c.u32();
        }
        if (nbytesKeys < 0 || seekKeys < 0) {
            throw c.fail("directory record has key list length " + nbytesKeys + " at " + seekKeys);
        }
        return new TDirectory(version, nbytesKeys, nbytesName, seekDir, seekParent, seekKeys);
    }
}
