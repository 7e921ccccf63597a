package org.vbfann.rootio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.ElementType;
import org.vbfann.core.Column;
import org.vbfann.core.EventTable;
import org.vbfann.testkit.Fixtures;

/** Entry ranges, chunks and chains agree with one whole read (the manifests check the whole reads). */
class TreeReaderTest {
    @Test
    void anyEntryRangeIsASliceOfTheWholeRead() {
        try (RootFile f = RootFile.open(Fixtures.path("root/uproot-hepdata-example.root"))) {
            TreeReader t = f.tree("ntuple");
            List<String> cols = List.of("px", "py", "pz", "random", "i");
            EventTable all = t.read(cols);
            // Basket boundaries differ between these branches; the range crosses several of them.
            EventTable part = t.read(cols, 12345, 54321);
            for (String c : cols) {
                float[] a = all.column(c).floats();
                float[] p = part.column(c).floats();
                assertEquals(54321 - 12345, p.length, c);
                for (int i = 0; i < p.length; i++) {
                    assertEquals(a[12345 + i], p[i], c + " entry " + (12345 + i));
                }
            }
            assertEquals(0, t.read(cols, 500, 500).entries());
        }
    }

    @Test
    void chainNumbersEntriesAcrossFiles() {
        List<Path> files = List.of(Fixtures.path("root/uproot-HZZ.root"), Fixtures.path("root/uproot-HZZ-lz4.root"),
                Fixtures.path("root/uproot-HZZ-lzma.root"));
        List<String> cols = List.of("NMuon", "Muon_Px", "Muon_Charge");
        try (TreeChain chain = TreeChain.of(files, "events"); RootFile one = RootFile.open(files.get(0))) {
            assertEquals(3 * 2421, chain.entries());
            EventTable single = one.tree("events").read(cols);
            EventTable span = chain.read(cols, 2000, 5000);   // end of file 1, all of file 2, start of file 3
            assertEquals(3000, span.entries());
            for (String c : cols) {
                Column s = single.column(c);
                Column x = span.column(c);
                for (int e = 0; e < 3000; e++) {
                    int src = (2000 + e) % 2421;
                    assertEquals(s.length(src), x.length(e), c + " entry " + e);
                    for (int k = 0; k < s.length(src); k++) {
                        assertEquals(s.getDouble(s.start(src) + k), x.getDouble(x.start(e) + k), c + " entry " + e);
                    }
                }
            }
            List<EventTable> chunks = new ArrayList<>();
            chain.chunks(cols, 1000).forEach(chunks::add);
            assertEquals(3 * 3, chunks.size());   // 1000, 1000, 421 per file: chunks do not span files
            long total = 0;
            for (EventTable t : chunks) {
                total += t.entries();
            }
            assertEquals(chain.entries(), total);
            assertThrows(RootNotFoundException.class, () -> chain.read(List.of("NoSuchBranch"), 0, 10));
        }
    }

    @Test
    void parallelReadGivesTheSameColumns() {
        for (String name : new String[] {"root/uproot-HZZ-lzma.root", "root/uproot-leaflist.root",
            "root/uproot-nesteddirs.root"}) {
            try (RootFile f = RootFile.open(Fixtures.path(name))) {
                String tree = name.contains("nested") ? "three/tree" : name.contains("leaf") ? "tree" : "events";
                TreeReader t = f.tree(tree);
                EventTable serial = t.read(List.of());
                EventTable parallel = t.parallel(true).read(List.of());
                assertEquals(serial.names(), parallel.names(), name);
                for (String c : serial.names()) {
                    RootFuzzTest.assertColumn(serial.column(c), parallel.column(c), name + " " + c);
                }
            }
        }
    }

    @Test
    void chainRefusesColumnsWhoseTypeDiffersBetweenFiles(@TempDir Path dir) {
        // A second file whose 'NMuon' is a float instead of HZZ's int32.
        Path other = dir.resolve("other.root");
        try (RootFileWriter w = RootFileWriter.create(other, WriteOptions.defaults());
             TreeWriter t = w.tree("events", "", List.of(BranchSpec.scalar("NMuon", ElementType.FLOAT32)))) {
            t.fill(EventTable.of(3, List.of(Column.ofFloats("NMuon", new float[] {1, 2, 3}))));
        }
        try (TreeChain chain = TreeChain.of(List.of(Fixtures.path("root/uproot-HZZ.root"), other), "events")) {
            assertEquals(2424, chain.entries());
            RootIoException e = assertThrows(RootIoException.class, () -> chain.read(List.of("NMuon"), 2420, 2422));
            assertEquals("chain: column 'NMuon' is int32 in uproot-HZZ.root but float in other.root", e.getMessage());
        }
    }

    @Test
    void chunksOfAnEmptyTreeAreNone() {
        try (RootFile f = RootFile.open(Fixtures.path("root/uproot-empty.root"))) {
            TreeReader t = f.tree(f.keys().get(0).name());
            assertEquals(0, t.entries());
            assertEquals(false, t.chunks(List.of(), 10).iterator().hasNext());
            assertEquals(0, t.read(List.of()).entries());
        }
    }
}
