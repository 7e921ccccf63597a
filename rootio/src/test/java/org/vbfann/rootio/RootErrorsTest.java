package org.vbfann.rootio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vbfann.core.EventTable;
import org.vbfann.testkit.Fixtures;

/** Every error the reader promises, asserted on its message. */
class RootErrorsTest {
    private static byte[] bytes(String fixture) throws IOException {
        return Files.readAllBytes(Fixtures.path("root/" + fixture));
    }

    @Test
    void truncatedFileSaysTruncated() throws IOException {
        byte[] b = bytes("uproot-simple.root");
        RootFormatException e = assertThrows(RootFormatException.class,
                () -> RootFile.open("cut.root", Arrays.copyOf(b, b.length / 2)));
        assertTrue(e.getMessage().startsWith("cut.root: truncated ROOT file: the header says it ends at byte 5614, the"
                + " file has 2807 bytes"), e.getMessage());
        RootFormatException tiny = assertThrows(RootFormatException.class,
                () -> RootFile.open("tiny.root", Arrays.copyOf(b, 20)));
        assertEquals("tiny.root: truncated ROOT file: 20 bytes, shorter than the 45-byte header", tiny.getMessage());
    }

    @Test
    void nonRootFileSaysNotRoot() {
        RootFormatException e = assertThrows(RootFormatException.class,
                () -> RootFile.open("notes.txt", "hello, this is text\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("notes.txt: not a ROOT file (starts with 68 65 6c 6c, a ROOT file starts with 'root')",
                e.getMessage());
        assertThrows(RootFormatException.class, () -> RootFile.open("empty.root", new byte[0]));
    }

    @Test
    void missingFileIsAnAccessError() {
        RootFileAccessException e = assertThrows(RootFileAccessException.class,
                () -> RootFile.open(Path.of("/no/such/dir/file.root")));
        assertEquals("/no/such/dir/file.root: no such file", e.getMessage());
        Path dir = Fixtures.path("root");
        RootFileAccessException d = assertThrows(RootFileAccessException.class, () -> RootFile.open(dir));
        assertEquals(dir + ": is a directory, not a ROOT file", d.getMessage());
    }

    @Test
    void corruptedBasketFailsOnlyWhenItIsRead() throws IOException {
        byte[] b = bytes("uproot-hepdata-example.root");
        long firstOf4;
        try (RootFile f = RootFile.open("hepdata.root", b)) {
            BasketInfo basket = f.tree("ntuple").baskets("px").get(4);
            firstOf4 = basket.firstEntry();
            int mid = (int) (basket.seek() + basket.recordBytes() - basket.compressedBytes() / 2);
            b[mid] ^= 0x5A;
        }
        try (RootFile f = RootFile.open("hepdata.root", b)) {
            TreeReader t = f.tree("ntuple");
            // Entries before basket 4 do not touch it: only overlapping baskets are decompressed.
            EventTable head = t.read(List.of("px", "py"), 0, firstOf4);
            assertEquals(firstOf4, head.entries());
            RootFormatException e = assertThrows(RootFormatException.class,
                    () -> t.read(List.of("px"), firstOf4, firstOf4 + 1));
            assertTrue(e.getMessage().startsWith("hepdata.root: tree 'ntuple' branch 'px' basket 4 @"), e.getMessage());
            assertTrue(e.getMessage().contains("zlib data is corrupt"), e.getMessage());
        }
    }

    @Test
    void corruptedLz4BasketFailsItsChecksum() throws IOException {
        byte[] b = bytes("uproot-HZZ-lz4.root");
        String branch;
        try (RootFile f = RootFile.open("hzz.root", b)) {
            TreeReader t = f.tree("events");
            BasketInfo basket = null;
            branch = null;
            for (BranchInfo bi : t.branches()) {
                for (BasketInfo x : t.baskets(bi.name())) {
                    if (x.compression().equals("L4") && basket == null) {
                        basket = x;
                        branch = bi.name();
                    }
                }
            }
            b[(int) (basket.seek() + basket.recordBytes() - 3)] ^= 0x01;
        }
        try (RootFile f = RootFile.open("hzz.root", b)) {
            String name = branch;
            RootFormatException e = assertThrows(RootFormatException.class,
                    () -> f.tree("events").read(List.of(name)));
            assertTrue(e.getMessage().contains("LZ4 checksum mismatch: block says "), e.getMessage());
        }
    }

    @Test
    void unknownKeyListsCloseMatches() {
        try (RootFile f = RootFile.open(Fixtures.path("root/uproot-HZZ.root"))) {
            RootNotFoundException e = assertThrows(RootNotFoundException.class, () -> f.tree("event"));
            assertEquals("uproot-HZZ.root: no key 'event' in directory '/'; closest: events", e.getMessage());
            assertEquals(List.of("events"), e.candidates());
        }
        try (RootFile f = RootFile.open(Fixtures.path("root/uproot-nesteddirs.root"))) {
            RootNotFoundException e = assertThrows(RootNotFoundException.class, () -> f.tree("one/tow/tree"));
            assertEquals("uproot-nesteddirs.root: no key 'tow' in directory 'one'; closest: two", e.getMessage());
        }
    }

    @Test
    void unknownBranchListsCloseMatches() {
        try (RootFile f = RootFile.open(Fixtures.path("root/uproot-HZZ.root"))) {
            TreeReader t = f.tree("events");
            RootNotFoundException e = assertThrows(RootNotFoundException.class, () -> t.branch("Muon_PX"));
            assertTrue(e.getMessage().startsWith("uproot-HZZ.root: tree 'events' has no branch 'Muon_PX'; closest: "
                    + "Muon_Px"), e.getMessage());
            assertEquals("Muon_Px", e.candidates().get(0));
            assertThrows(RootNotFoundException.class, () -> t.read(List.of("nothing_like_it")));
        }
    }

    @Test
    void splitObjectBranchNamesItsMembers() {
        try (RootFile f = RootFile.open(Fixtures.path("root/uproot-issue31.root"))) {
            RootNotFoundException e = assertThrows(RootNotFoundException.class, () -> f.tree("T").branch("data"));
            assertEquals("uproot-issue31.root: tree 'T' branch 'data' has sub-branches; its columns are fUniqueID, "
                    + "fBits, size, name", e.getMessage());
            // Asking for the object branch in a read gives all its members.
            assertEquals(List.of("fUniqueID", "fBits", "size", "name"), f.tree("T").read(List.of("data")).names());
        }
    }

    @Test
    void wrongClassIsNamed() {
        try (RootFile f = RootFile.open(Fixtures.path("root/uproot-hepdata-example.root"))) {
            RootUnsupportedException e = assertThrows(RootUnsupportedException.class, () -> f.tree("hpx"));
            assertEquals("uproot-hepdata-example.root: 'hpx' is a TH1F, not a TTree, TNtuple or TNtupleD",
                    e.getMessage());
            RootUnsupportedException h = assertThrows(RootUnsupportedException.class, () -> f.histogram1D("ntuple"));
            assertEquals("uproot-hepdata-example.root: 'ntuple' is a TNtuple, not a histogram", h.getMessage());
            RootUnsupportedException d = assertThrows(RootUnsupportedException.class, () -> f.histogram1D("hpxpy"));
            assertEquals("uproot-hepdata-example.root: 'hpxpy' is a TH2F, not a one-dimensional histogram; use "
                    + "histogram2D", d.getMessage());
        }
    }

    @Test
    void entryRangeOutsideTheTreeIsRejected() {
        try (RootFile f = RootFile.open(Fixtures.path("root/uproot-simple.root"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> f.tree("tree").read(List.of("one"), 2, 9));
            assertEquals("uproot-simple.root: tree 'tree': entry range [2, 9) is not inside [0, 4)", e.getMessage());
        }
    }
}
