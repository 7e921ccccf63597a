package org.vbfann.rootio;

import java.time.LocalDateTime;

/**
 * One key of a ROOT directory (ROOT's TKey header): what object is stored, under which name and cycle, and
 * where its record lies in the file.
 *
 * @param name       key name (the object's name)
 * @param cycle      key cycle; several cycles of one name are kept, the highest is the newest
 * @param className  stored class, e.g. {@code TTree}, {@code TH1F}, {@code TDirectory}
 * @param title      object title
 * @param seekKey    file offset of the record
 * @param nbytes     record length in the file (key header plus possibly compressed object)
 * @param objlen     uncompressed object length
 * @param keylen     key header length
 * @param keyVersion TKey version; above 1000 the key uses 64-bit seeks
 * @param datime     ROOT's packed TDatime word
 */
public record KeyInfo(String name, int cycle, String className, String title, long seekKey, int nbytes,
                      int objlen, int keylen, int keyVersion, long datime) {
    /** Whether the object is stored compressed (fewer bytes on file than uncompressed). */
    public boolean compressed() {
        return nbytes - keylen < objlen;
    }

    /**
     * The key's time, decoded from TDatime's packing (core/base/src/TDatime.cxx: year-1995 in the top 6 bits,
     * then month 4, day 5, hour 5, minute 6, second 6 bits).
     */
    public LocalDateTime time() {
        long d = datime;
        int year = (int) (d >>> 26) + 1995;
        int month = (int) (d >>> 22) & 0xF;
        int day = (int) (d >>> 17) & 0x1F;
        int hour = (int) (d >>> 12) & 0x1F;
        int minute = (int) (d >>> 6) & 0x3F;
        int second = (int) d & 0x3F;
        try {
            return LocalDateTime.of(year, Math.max(1, month), Math.max(1, day), hour, minute, second);
        } catch (java.time.DateTimeException e) {
            return LocalDateTime.of(1995, 1, 1, 0, 0);
        }
    }

    /** {@code name;cycle}. */
    public String nameCycle() {
        return name + ";" + cycle;
    }

    /** Whether the key holds a directory. */
    public boolean isDirectory() {
        return className.equals("TDirectory") || className.equals("TDirectoryFile");
    }

    /** Whether the key holds a tree (TTree, TNtuple, TNtupleD). */
    public boolean isTree() {
        return className.equals("TTree") || className.equals("TNtuple") || className.equals("TNtupleD");
    }
}
