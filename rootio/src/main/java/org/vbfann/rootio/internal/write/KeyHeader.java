package org.vbfann.rootio.internal.write;

import java.time.LocalDateTime;

/**
 * One TKey header (io/doc/TFile/datarecord.md): fNbytes, fVersion, fObjlen, fDatime, fKeylen, fCycle, fSeekKey,
 * fSeekPdir, then class name, name and title as TStrings. Version 4 keys hold 4-byte seeks; version 1004 keys,
 * needed at or past {@link #K_START_BIG_FILE}, hold 8-byte seeks.
 *
 * @param extra bytes after the title that belong to the key header (a TBasket's own header fields)
 */
public record KeyHeader(String className, String name, String title, int cycle, long seekKey, long seekPdir,
                        int objLen, int storedLen, int datime, int extra) {
    /** Files up to here use 4-byte seeks (TFile.h {@code kStartBigFile}). */
    public static final long K_START_BIG_FILE = 2000000000L;
    /** TKey class version (TKey.h ClassDef(TKey,4)). */
    private static final int VERSION = 4;

    /** Whether this key needs 8-byte seeks. */
    public boolean big() {
        return isBig(seekKey, seekPdir);
    }

    static boolean isBig(long seekKey, long seekPdir) {
        return seekKey >= K_START_BIG_FILE || seekPdir >= K_START_BIG_FILE;
    }

    /** fKeylen: the header's bytes, {@link #extra} included. */
    public int keyLength() {
        return length(className, name, title, seekKey, seekPdir) + extra;
    }

    /** Bytes of a header with these strings and seeks, without extra fields. */
    public static int length(String className, String name, String title, long seekKey, long seekPdir) {
        return (isBig(seekKey, seekPdir) ? 34 : 26) + RootBuffer.tstringSize(className) + RootBuffer.tstringSize(name)
                + RootBuffer.tstringSize(title);
    }

    /** fNbytes: header plus stored (possibly compressed) object. */
    public int totalBytes() {
        return keyLength() + storedLen;
    }

    /** Writes the header (without the extra fields). */
    public void write(RootBuffer b) {
        boolean big = big();
        b.i32(totalBytes());
        b.i16(big ? VERSION + 1000 : VERSION);
        b.i32(objLen);
        b.i32(datime);
        b.i16(keyLength());
        b.i16(cycle);
        if (big) {
            b.i64(seekKey);
            b.i64(seekPdir);
        } else {
            b.i32((int) seekKey);
            b.i32((int) seekPdir);
        }
        b.tstring(className);
        b.tstring(name);
        b.tstring(title);
    }

    /** TDatime's packing of a local date and time (TDatime.cxx, TDatime::Set). */
    public static int datime(LocalDateTime t) {
        return (t.getYear() - 1995) << 26 | t.getMonthValue() << 22 | t.getDayOfMonth() << 17 | t.getHour() << 12
                | t.getMinute() << 6 | t.getSecond();
    }
}
