package org.vbfann.rootio;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vbfann.rootio.internal.Chunk;
import org.vbfann.rootio.internal.RootCompression;
import org.vbfann.rootio.internal.write.ExistingFile;
import org.vbfann.rootio.internal.write.FileStructure;

/** Reads what {@link RootFileWriter#update} keeps of an existing file: directories, key headers, streamer infos. */
final class FileUpdate {
    /** Bytes of a TDirectory header with 8-byte seeks and UUID; smaller headers are padded to it by ROOT. */
    private static final int DIRECTORY_HEADER = 60;
    /** Deeper nesting is taken as a loop in a corrupted file. */
    private static final int MAX_DEPTH = 64;

    private FileUpdate() {
    }

    static ExistingFile load(RootFile f) {
        FileHeader h = f.header();
        byte[] header = bytes(f, 0, FileStructure.BEGIN, "file header");
        long topHeader = h.begin() + h.nbytesName();
        ExistingFile.Directory top = directory(f, nameOf(f, h.begin()), h.begin(), topHeader, 0);
        KeyInfo si = f.streamerInfoKey();
        if (si == null) {
            throw new RootUnsupportedException(f.name() + ": has no StreamerInfo record to extend; cannot update it");
        }
        byte[] record = bytes(f, si.seekKey(), si.nbytes(), "StreamerInfo record");
        byte[] list = si.compressed()
                ? RootCompression.decompress(record, si.keylen(), si.nbytes() - si.keylen(), si.objlen(),
                        f.name() + ": StreamerInfo record")
                : java.util.Arrays.copyOfRange(record, si.keylen(), si.keylen() + si.objlen());
        Set<String> classes = new HashSet<>();
        for (StreamerInfoSummary s : f.streamerInfos()) {
            classes.add(s.name() + ";" + s.classVersion());
        }
        return new ExistingFile(h.end(), header, top, list, si.keylen(), classes);
    }

    private static byte[] bytes(RootFile f, long at, int n, String what) {
        Chunk c = f.source().read(at, n, what);
        int off = c.arrayOffset(at, n);
        return java.util.Arrays.copyOfRange(c.array(), off, off + n);
    }

    private static int i16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static int i32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static long i64(byte[] b, int at) {
        return (long) i32(b, at) << 32 | (i32(b, at + 4) & 0xFFFFFFFFL);
    }

    /** The name stored in the top directory's key. */
    private static String nameOf(RootFile f, long keyAt) {
        byte[] k = bytes(f, keyAt, Math.min(512, (int) (f.size() - keyAt)), "top directory key");
        int p = i16(k, 4) > 1000 ? 34 : 26;
        p += 1 + (k[p] & 0xFF);   // class name
        int n = k[p] & 0xFF;
        return new String(k, p + 1, n, StandardCharsets.UTF_8);
    }

    private static ExistingFile.Directory directory(RootFile f, String name, long seekDir, long headerPos,
                                                    int depth) {
        if (depth > MAX_DEPTH) {
            throw new RootFormatException(f.name() + ": directories nested deeper than " + MAX_DEPTH);
        }
        int n = (int) Math.min(DIRECTORY_HEADER, f.size() - headerPos);
        byte[] header = bytes(f, headerPos, n, "directory header of '" + name + "'");
        boolean big = i16(header, 0) > 1000;
        int nbytesKeys = i32(header, 10);
        long seekKeys = big ? i64(header, 34) : i32(header, 26) & 0xFFFFFFFFL;
        byte[] list = bytes(f, seekKeys, nbytesKeys, "key list of directory '" + name + "'");
        int p = i16(list, 14);   // the key list's own fKeylen
        int count = i32(list, p);
        p += 4;
        List<byte[]> headers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> cycles = new ArrayList<>();
        List<ExistingFile.Directory> children = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int keylen = i16(list, p + 14);
            int cycle = i16(list, p + 16);
            boolean bigKey = i16(list, p + 4) > 1000;
            long seekKey = bigKey ? i64(list, p + 18) : i32(list, p + 18) & 0xFFFFFFFFL;
            int q = p + (bigKey ? 34 : 26);
            String cls = new String(list, q + 1, list[q] & 0xFF, StandardCharsets.UTF_8);
            q += 1 + (list[q] & 0xFF);
            String keyName = new String(list, q + 1, list[q] & 0xFF, StandardCharsets.UTF_8);
            headers.add(java.util.Arrays.copyOfRange(list, p, p + keylen));
            names.add(keyName);
            cycles.add(cycle);
            if (cls.equals("TDirectory") || cls.equals("TDirectoryFile")) {
                children.add(directory(f, keyName, seekKey, seekKey + keylen, depth + 1));
            }
            p += keylen;
        }
        return new ExistingFile.Directory(name, seekDir, headerPos, header, headers, names, cycles, children);
    }
}
