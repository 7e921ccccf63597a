package org.vbfann.rootio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.ElementType;
import org.vbfann.testkit.Fixtures;

/**
 * The TStreamerInfo records vbfann writes, read back by vbfann's reader, equal those ROOT 6.20 and 6.24 wrote into
 * the fixtures for the same class versions: checksum, and every element's name, element class, type code and type
 * name.
 */
class StreamerInfoWrittenTest {
    private static Map<String, StreamerInfoSummary> infos(Path f) {
        Map<String, StreamerInfoSummary> out = new HashMap<>();
        try (RootFile in = RootFile.open(f)) {
            for (StreamerInfoSummary s : in.streamerInfos()) {
                out.put(s.name() + ";" + s.classVersion(), s);
            }
        }
        return out;
    }

    @Test
    void writtenStreamerInfosEqualRootsOwn(@TempDir Path dir) {
        Path f = dir.resolve("s.root");
        try (RootFileWriter w = RootFileWriter.create(f, WriteOptions.defaults())) {
            w.put("h", SampleData.h1("h", false, 1));
            w.put("f", SampleData.h1("f", true, 1), true);
            w.put("h2", SampleData.h2("h2", 1));
            w.tree("t", "", SampleData.allKinds()).fill(SampleData.chunk(SampleData.allKinds(), 0, 10, true, 1));
            w.tree("u", "", List.of(BranchSpec.scalar("b", ElementType.BOOL)));
        }
        Map<String, StreamerInfoSummary> mine = infos(f);
        for (String cls : List.of("TH1D;3", "TH1F;3", "TH2D;4", "TH1;8", "TH2;5", "TAxis;10", "TAttAxis;4",
                "TNamed;1", "TObject;1", "TAttLine;2", "TAttFill;2", "TAttMarker;2", "TTree;20", "TBranch;13",
                "TLeaf;2", "TLeafO;1", "TLeafB;1", "TLeafS;1", "TLeafI;1", "TLeafL;1", "TLeafF;1", "TLeafD;1",
                "TList;5", "TObjArray;3", "ROOT::TIOFeatures;1", "TArrayD;1", "TArrayF;1", "TArray;1")) {
            assertTrue(mine.containsKey(cls), "written: " + cls);
        }
        int compared = 0;
        for (String fixture : List.of("root/uproot-sample-6.20.04-uncompressed.root", "root/uproot-issue-722.root",
                "root/uproot-issue-222.root")) {
            for (Map.Entry<String, StreamerInfoSummary> e : infos(Fixtures.path(fixture)).entrySet()) {
                StreamerInfoSummary ours = mine.get(e.getKey());
                if (ours == null) {
                    continue;
                }
                StreamerInfoSummary root = e.getValue();
                assertEquals(root.checksum(), ours.checksum(), e.getKey() + " checksum, vs " + fixture);
                assertEquals(root.elements().size(), ours.elements().size(), e.getKey() + " elements, vs " + fixture);
                for (int i = 0; i < root.elements().size(); i++) {
                    StreamerInfoSummary.Element a = root.elements().get(i);
                    StreamerInfoSummary.Element b = ours.elements().get(i);
                    String where = e.getKey() + "." + a.name() + " vs " + fixture;
                    assertEquals(a.name(), b.name(), where);
                    assertEquals(a.className(), b.className(), where);
                    assertEquals(a.type(), b.type(), where);
                    assertEquals(a.typeName(), b.typeName(), where);
                }
                compared++;
            }
        }
        assertTrue(compared >= 15, "compared " + compared + " classes with ROOT's");
    }
}
