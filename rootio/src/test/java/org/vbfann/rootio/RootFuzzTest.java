package org.vbfann.rootio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vbfann.core.Column;
import org.vbfann.core.EventTable;
import org.vbfann.testkit.Fixtures;

/**
 * Flips and truncates bytes of fixtures and reads everything in them. Each read must end in the library's own
 * exception or, for files whose every record is compressed with a checksummed format (zlib's Adler-32, xz's
 * CRC), in exactly the data of the intact file; for files with raw records a flipped value byte cannot be
 * detected, so there only the kind of failure is checked. Fixed seed, bounded count.
 */
class RootFuzzTest {
    private static final long SEED = 20261204L;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)   // a safety net against hangs, not a speed check
    void mutatedChecksummedFilesGiveTheSameDataOrARootIoException() throws IOException {
        for (String name : new String[] {"root/uproot-HZZ.root", "root/uproot-HZZ-lzma.root"}) {
            byte[] original = Files.readAllBytes(Fixtures.path(name));
            Map<String, Object> reference = readEverything(name, original);
            Random rnd = new Random(SEED);
            int failures = 0;
            for (int i = 0; i < 120; i++) {
                byte[] mutated = mutate(original, rnd);
                try {
                    Map<String, Object> got = readEverything(name, mutated);
                    assertSame(reference, got, name + " mutation " + i);
                } catch (RootIoException expected) {
                    failures++;
                }
            }
            assertTrue(failures > 0, name + ": no mutation was detected at all");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedRawFilesFailOnlyWithRootIoException() throws IOException {
        for (String name : new String[] {"root/uproot-sample-6.20.04-uncompressed.root", "root/uproot-histograms.root",
            "root/uproot-nesteddirs.root", "root/uproot-issue21.root", "root/uproot-HZZ-lz4.root",
            "root/uproot-issue-722.root", "root/uproot-Zmumu-zstd.root", "root/uproot-sample-5.23.02-zlib.root",
            "root/uproot-issue31.root", "root/uproot-leaflist.root"}) {
            byte[] original = Files.readAllBytes(Fixtures.path(name));
            Random rnd = new Random(SEED);
            for (int i = 0; i < 60; i++) {
                byte[] mutated = mutate(original, rnd);
                try {
                    readEverything(name, mutated);
                } catch (RootIoException expected) {
                    // the library's own error: fine
                }
            }
        }
    }

    /** One to four flipped bytes, or (one time in four) a truncation. */
    private static byte[] mutate(byte[] original, Random rnd) {
        if (rnd.nextInt(4) == 0) {
            return java.util.Arrays.copyOf(original, rnd.nextInt(original.length));
        }
        byte[] m = original.clone();
        int flips = 1 + rnd.nextInt(4);
        for (int k = 0; k < flips; k++) {
            int at = rnd.nextInt(m.length);
            m[at] ^= (byte) (1 + rnd.nextInt(255));
        }
        return m;
    }

    /** Every key's content: tree columns and histogram cells, keyed by path. */
    static Map<String, Object> readEverything(String name, byte[] bytes) {
        Map<String, Object> out = new LinkedHashMap<>();
        try (RootFile f = RootFile.open(name, bytes)) {
            f.streamerInfos();
            walk(f, f.directory(""), out);
        }
        return out;
    }

    private static void walk(RootFile f, RootDirectory d, Map<String, Object> out) {
        for (KeyInfo k : d.keys()) {
            String path = (d.path().isEmpty() ? "" : d.path() + "/") + k.nameCycle();
            if (k.isDirectory()) {
                walk(f, d.directory(k.nameCycle()), out);
            } else if (k.isTree()) {
                TreeReader t = f.tree(path);
                out.put(path, t.read(List.of()));
            } else if (k.className().startsWith("TH2")) {
                out.put(path, f.histogram2D(path).contents());
            } else if (k.className().startsWith("TH1") || k.className().startsWith("TProfile")) {
                out.put(path, f.histogram1D(path).contents());
            }
        }
    }

    private static void assertSame(Map<String, Object> expected, Map<String, Object> got, String w) {
        assertEquals(expected.keySet(), got.keySet(), w);
        for (String k : expected.keySet()) {
            Object e = expected.get(k);
            Object g = got.get(k);
            if (e instanceof double[] de) {
                assertArrayEquals(de, (double[]) g, w + " " + k);
                continue;
            }
            EventTable te = (EventTable) e;
            EventTable tg = (EventTable) g;
            assertEquals(te.names(), tg.names(), w + " " + k);
            for (String c : te.names()) {
                assertColumn(te.column(c), tg.column(c), w + " " + k + " " + c);
            }
        }
    }

    static void assertColumn(Column e, Column g, String w) {
        assertEquals(e.type(), g.type(), w);
        assertEquals(e.entries(), g.entries(), w);
        assertArrayEquals(e.offsets(), g.offsets(), w);
        List<Object> ev = new ArrayList<>();
        List<Object> gv = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            ev.add(e.isString() ? e.strings()[i] : e.getLong(i) + "/" + e.getDouble(i));
        }
        for (int i = 0; i < g.size(); i++) {
            gv.add(g.isString() ? g.strings()[i] : g.getLong(i) + "/" + g.getDouble(i));
        }
        if (!ev.equals(gv)) {
            int i = 0;
            while (i < Math.min(ev.size(), gv.size()) && ev.get(i).equals(gv.get(i))) {
                i++;
            }
            throw new AssertionError(w + ": " + ev.size() + " values expected, " + gv.size() + " read; first difference"
                    + " at value " + i);
        }
    }
}
