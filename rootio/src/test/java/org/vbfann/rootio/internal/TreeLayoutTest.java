package org.vbfann.rootio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vbfann.rootio.BranchInfo;
import org.vbfann.rootio.RootUnsupportedException;
import org.vbfann.rootio.internal.TTreeModels.BranchModel;
import org.vbfann.rootio.internal.TTreeModels.ElementModel;
import org.vbfann.rootio.internal.TTreeModels.LeafModel;
import org.vbfann.rootio.internal.TTreeModels.TreeModel;

/** Leaf and streamer types vbfann does not read are listed as unsupported, and reading them names them. */
class TreeLayoutTest {
    private static BranchModel branch(String name, String cls, List<LeafModel> leaves, ElementModel e) {
        return new BranchModel(cls, 13, name, name, 101, 32000, 0, 0, 1, 0, 0, 0, 0, List.of(), leaves, List.of(),
                new int[1], new long[1], new long[1], e);
    }

    private static LeafModel leaf(String cls, String name, int len, int lenType, int type) {
        return new LeafModel(cls, name, name, len, lenType, 0, false, false, null, type);
    }

    @Test
    void unsupportedLeafClassIsNamed() {
        TreeModel tree = new TreeModel("TTree", 20, "t", "", 0, 0, 0, 0,
                List.of(branch("d32", "TBranch", List.of(leaf("TLeafD32", "d32", 1, 8, -1)), null)));
        LeafPlan p = TreeLayout.build("f.root: tree 't'", tree, List.of()).plans().get(0);
        assertEquals(BranchInfo.Kind.UNSUPPORTED, p.info().kind());
        assertEquals("f.root: tree 't': branch 'd32' (TBranch, leaf TLeafD32): leaf class TLeafD32 "
                + "(Float16_t/Double32_t with packed storage) is not supported", p.info().unsupported());
        RootUnsupportedException e = assertThrows(RootUnsupportedException.class,
                () -> BranchDecoder.decode(p, List.of(), 0, 0, "x"));
        assertEquals(p.info().unsupported(), e.getMessage());
    }

    @Test
    void unsupportedStreamerIsNamed() {
        Models.StreamerElement hits = new Models.StreamerElement("TStreamerObjectPointer", "hits", "", 64, 8, 0, 0,
                new int[5], "TClonesArray*", -1, null);
        Models.StreamerInfo info = new Models.StreamerInfo("Event", "", 1L, 3, List.of(hits));
        ElementModel e = new ElementModel("Event", "Event", "", 1L, 3, 0, 0, 64, 0);
        TreeModel tree = new TreeModel("TTree", 20, "t", "", 0, 0, 0, 0,
                List.of(branch("hits", "TBranchElement", List.of(leaf("TLeafElement", "hits", 1, 8, 64)), e)));
        LeafPlan p = TreeLayout.build("f.root: tree 't'", tree, List.of(info)).plans().get(0);
        assertEquals("f.root: tree 't': branch 'hits' (TBranchElement, leaf TLeafElement): member 'hits' of class "
                + "'Event' (TStreamerObjectPointer, type 'TClonesArray*', streamer type 64) is not supported",
                p.info().unsupported());
        ElementModel clones = new ElementModel("Track", "Event", "Track", 1L, 3, 0, 31, 5, 0);
        TreeModel tree2 = new TreeModel("TTree", 20, "t", "", 0, 0, 0, 0,
                List.of(branch("tracks.fPx", "TBranchElement", List.of(leaf("TLeafElement", "fPx", 1, 4, 5)), clones)));
        assertEquals("f.root: tree 't': branch 'tracks.fPx' (TBranchElement, leaf TLeafElement): TBranchElement type"
                + " 31 (class 'Track'; TClonesArray and STL collections of objects) is not supported",
                TreeLayout.build("f.root: tree 't'", tree2, List.of()).plans().get(0).info().unsupported());
    }
}
