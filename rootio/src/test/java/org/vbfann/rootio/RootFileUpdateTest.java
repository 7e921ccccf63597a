package org.vbfann.rootio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;
import org.vbfann.core.Histogram1D;
import org.vbfann.testkit.Fixtures;

class RootFileUpdateTest {
    private static final List<BranchSpec> ONE_BRANCH = List.of(BranchSpec.scalar("x", ElementType.FLOAT64));

    private static EventTable xs(double... v) {
        return EventTable.of(v.length, List.of(Column.ofDoubles("x", v)));
    }

    @Test
    void updateAddsObjectsAndKeepsEverything(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("u.root");
        Histogram1D h1 = SampleData.h1("h1", false, 1);
        try (RootFileWriter w = RootFileWriter.create(f, WriteOptions.defaults())) {
            w.put("a/h1", h1);
            w.tree("t", "first", ONE_BRANCH).fill(xs(1, 2, 3));
        }
        Histogram1D h2 = SampleData.h1("h2", true, 2);
        Histogram1D h1New = SampleData.h1("h1", true, 3);
        try (RootFileWriter w = RootFileWriter.update(f, WriteOptions.defaults().compression(Compression.ZSTD, 5))) {
            w.put("a/h2", h2);
            w.put("a/h1", h1New);
            w.put("b/c/h3", h2, true);
            w.tree("a/t2", "second", ONE_BRANCH).fill(xs(4, 5));
        }
        try (RootFile in = RootFile.open(f)) {
            assertTrue(h1.sameContents(in.histogram1D("a/h1;1")), "the old cycle is kept");
            assertTrue(h1New.sameContents(in.histogram1D("a/h1")), "the new cycle is the highest");
            assertEquals(2, in.key("a/h1").cycle());
            assertTrue(h2.sameContents(in.histogram1D("a/h2")));
            assertEquals("TH1F", in.key("b/c/h3").className());
            assertEquals(List.of("a", "b"), in.directory("").subdirectories());
            assertEquals(3, in.tree("t").entries());
            EventTable t2 = in.tree("a/t2").read(List.of());
            assertEquals(List.of(4.0, 5.0), List.of(t2.column("x").doubles()[0], t2.column("x").doubles()[1]));
            assertEquals(Files.size(f), in.header().end(), "fEND is the new end");
        }
    }

    @Test
    void updateExtendsAFileRootWrote(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("h.root");
        Files.copy(Fixtures.path("root/uproot-HZZ.root"), f);
        Histogram1D extra = SampleData.h1("extra", true, 4);
        try (RootFileWriter w = RootFileWriter.update(f, WriteOptions.defaults())) {
            w.put("extra", extra);
            w.tree("sub/more", "", ONE_BRANCH).fill(xs(7));
        }
        try (RootFile orig = RootFile.open(Fixtures.path("root/uproot-HZZ.root")); RootFile in = RootFile.open(f)) {
            assertTrue(extra.sameContents(in.histogram1D("extra")));
            assertEquals(1, in.tree("sub/more").entries());
            List<String> cols = List.of("NJet", "Jet_Px", "MET_px");
            TreeCopierTest.assertSameColumns(orig.tree("events").read(cols), in.tree("events").read(cols), cols, 2421);
            assertTrue(in.streamerInfos().stream().anyMatch(s -> s.name().equals("TH1D") && s.classVersion() == 3),
                    "the streamer info of the new class is appended");
            assertTrue(in.streamerInfos().stream().anyMatch(s -> s.name().equals("TTree") && s.classVersion() == 19),
                    "the file's own streamer infos are kept");
            assertTrue(in.streamerInfos().stream().anyMatch(s -> s.name().equals("TAttLine") && s.classVersion() == 1)
                    && in.streamerInfos().stream().anyMatch(s -> s.name().equals("TAttLine") && s.classVersion() == 2),
                    "another version of a class the file describes is added beside it");
        }
    }
}
