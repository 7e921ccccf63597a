package org.vbfann.rootio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.Axis;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;
import org.vbfann.core.Histogram1D;

class RootFileWriterTest {
    private static long files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void nothingAppearsBeforeClose(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.root");
        RootFileWriter w = RootFileWriter.create(f, WriteOptions.defaults());
        w.put("h", new Histogram1D("h", "", Axis.uniform(2, 0, 1, "")));
        assertFalse(Files.exists(f));
        w.close();
        assertTrue(Files.exists(f));
        assertEquals(1, files(dir), "the temporary file is gone");
    }

    /** The header (io/doc/TFile/header.md) points at the top directory, the streamer infos and the free list. */
    @Test
    void headerDescribesTheFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("h.root");
        try (RootFileWriter w = RootFileWriter.create(f, WriteOptions.defaults())) {
            w.put("a/h", new Histogram1D("h", "", Axis.uniform(2, 0, 1, "")));
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f));
        assertEquals("root", new String(b.array(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(62400, b.getInt(4));
        assertEquals(100, b.getInt(8));
        int end = b.getInt(12);
        assertEquals(Files.size(f), end, "fEND is the file size");
        int seekFree = b.getInt(16);
        int nbytesFree = b.getInt(20);
        assertEquals(end, seekFree + nbytesFree, "the free-segment record ends the file");
        assertEquals(1, b.getInt(24));
        assertEquals(104, b.getInt(33), "fCompress: zlib level 4");
        // the single free segment runs from the end of the file to kStartBigFile
        assertEquals(end, b.getInt(end - 8));
        assertEquals(2000000000, b.getInt(end - 4));
    }

    @Test
    void abortLeavesNoFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.root");
        RootFileWriter w = RootFileWriter.create(f, WriteOptions.defaults());
        TreeWriter t = w.tree("t", "", List.of(BranchSpec.scalar("x", ElementType.FLOAT32)));
        t.fill(EventTable.of(3, List.of(Column.ofFloats("x", new float[] {1, 2, 3}))));
        w.abort();
        w.close();
        assertEquals(0, files(dir));
    }

    @Test
    void failedRenameDeletesTheTemporaryFileAndSaysSo(@TempDir Path dir) throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path f = sub.resolve("out.root");
        RootFileWriter w = RootFileWriter.create(f, WriteOptions.defaults());
        w.put("h", new Histogram1D("h", "", Axis.uniform(2, 0, 1, "")));
        // the folder vanishes under the writer: the final rename cannot succeed
        try (Stream<Path> s = Files.list(sub)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(sub);
        RootIoException e = assertThrows(RootIoException.class, w::close);
        assertTrue(e.getMessage().contains("was not written"), e.getMessage());
        assertTrue(e.getMessage().contains("out.root"), e.getMessage());
        assertFalse(Files.exists(f));
    }

    @Test
    void fillErrorsNameTheBranch(@TempDir Path dir) {
        try (RootFileWriter w = RootFileWriter.create(dir.resolve("e.root"), WriteOptions.defaults())) {
            TreeWriter t = w.tree("t", "", List.of(BranchSpec.scalar("x", ElementType.FLOAT32),
                    BranchSpec.scalar("n", ElementType.INT32), BranchSpec.jagged("j", ElementType.FLOAT32, "n")));
            RootIoException wrongType = assertThrows(RootIoException.class, () -> t.fill(EventTable.of(1,
                    List.of(Column.ofDoubles("x", new double[] {1})))));
            assertEquals("tree 't': branch 'x' holds float, the column holds double", wrongType.getMessage());
            RootIoException missing = assertThrows(RootIoException.class, () -> t.fill(EventTable.of(1,
                    List.of(Column.ofFloats("x", new float[] {1})))));
            assertEquals("tree 't': the chunk has no column for branch 'j'; columns are [x]", missing.getMessage());
            RootIoException disagree = assertThrows(RootIoException.class, () -> t.fill(EventTable.of(1, List.of(
                    Column.ofFloats("x", new float[] {1}), Column.ofInts("n", new int[] {2}),
                    Column.of("j", ElementType.FLOAT32, 1, new int[] {0, 1}, new int[0], new float[] {5})))));
            assertEquals("tree 't': entry 0 of the chunk: counter 'n' says 2 items, branch 'j' has 1",
                    disagree.getMessage());
            assertEquals(0, t.entries(), "a rejected chunk writes nothing");
        }
    }

    @Test
    void counterMustPrecedeItsBranch(@TempDir Path dir) {
        try (RootFileWriter w = RootFileWriter.create(dir.resolve("c.root"), WriteOptions.defaults())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.tree("t", "",
                    List.of(BranchSpec.jagged("j", ElementType.FLOAT32, "n"), BranchSpec.scalar("n", ElementType.INT32))));
            assertEquals("tree 't': branch 'j' counts its items with 'n', which must be an earlier branch of the tree",
                    e.getMessage());
        }
    }

    @Test
    void compressionSettingsParse() {
        assertEquals("zlib:4", Compression.parse("zlib").toString());
        assertEquals(404, Compression.parse("LZ4:4").rootSetting());
        assertEquals(505, Compression.parse("zstd:5").rootSetting());
        assertEquals(0, Compression.parse("none").rootSetting());
        assertEquals(0, Compression.parse("zlib:0").rootSetting());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Compression.parse("gzip:3"));
        assertEquals("unknown compression 'gzip:3': expected none, zlib[:level], lz4[:level] or zstd[:level] with level 0-9",
                e.getMessage());
    }
}
