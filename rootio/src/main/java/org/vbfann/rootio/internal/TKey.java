package org.vbfann.rootio.internal;

import org.vbfann.rootio.KeyInfo;

/**
 * ROOT's TKey header (io/io/src/TKey.cxx, TKey::Streamer): record length, version, uncompressed length, date,
 * key length, cycle, seeks (64-bit when the version is above 1000), class name, name and title.
 */
public final class TKey {
    /** Smallest possible header: 4+2+4+4+2+2 bytes, two 4-byte seeks and three empty strings. */
    public static final int MIN_LENGTH = 18 + 8 + 3;

    private TKey() {
    }

    /** Reads a key header at the cursor. */
    public static KeyInfo read(Cursor c) {
        return read(c, false);
    }

    /**
     * Reads a key header; {@code embedded} for the header of a basket stored inside a TTree record, whose
     * record length is not set.
     */
    public static KeyInfo read(Cursor c, boolean embedded) {
        long start = c.position();
        int nbytes = c.i32();
        int version = c.i16();
        int objlen = c.i32();
        long datime = c.u32();
        int keylen = c.i16();
        int cycle = c.i16();
        long seekKey;
        if (version > 1000) {
            seekKey = c.i64();
            c.i64();   // fSeekPdir: the parent directory, known from where the key was found
        } else {
            seekKey = c.u32();
            c.u32();
        }
        String className = c.string();
        String name = c.string();
        String title = c.string();
        if (keylen < MIN_LENGTH || c.position() - start > keylen) {
            c.seek(start);
            throw c.fail("key '" + name + "' has key length " + keylen + " but its header takes "
                    + (c.position() - start) + " bytes");
        }
        if ((!embedded && nbytes < keylen) || objlen < 0) {
            c.seek(start);
            throw c.fail("key '" + name + "' has record length " + nbytes + ", key length " + keylen
                    + ", object length " + objlen + " (expected record >= key length, object >= 0)");
        }
        return new KeyInfo(name, cycle, className, title, seekKey, nbytes, objlen, keylen, version, datime);
    }
}
