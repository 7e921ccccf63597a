package org.vbfann.rootio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.Axis;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;
import org.vbfann.core.Histogram1D;

class ReproducibleWriteTest {
    private static Path write(Path dir, WriteOptions options) {
        Path file = dir.resolve("same.root");
        try (RootFileWriter w = RootFileWriter.create(file, options)) {
            w.mkdirs("sub");
            Histogram1D h = new Histogram1D("h", "a histogram", Axis.uniform(4, 0, 4, "x"));
            h.fill(1.5, 2.0);
            w.put("sub/h", h);
            try (TreeWriter t = w.tree("events", "t", List.of(BranchSpec.scalar("x", ElementType.FLOAT32)))) {
                t.fill(EventTable.of(3, List.of(Column.ofFloats("x", new float[] {1, 2, 3}))));
            }
        }
        return file;
    }

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path a, @TempDir Path b) throws Exception {
        byte[] first = Files.readAllBytes(write(a, WriteOptions.defaults().reproducible(7)));
        byte[] second = Files.readAllBytes(write(b, WriteOptions.defaults().reproducible(7)));
        assertArrayEquals(first, second);
        try (RootFile f = RootFile.open(a.resolve("same.root"))) {
            assertEquals(WriteOptions.REPRODUCIBLE_TIME, f.keys().get(0).time());
            assertEquals(3, f.tree("events").entries());
        }
    }

    @Test
    void withoutReproducibleModeTheUuidsDiffer(@TempDir Path a, @TempDir Path b) throws Exception {
        byte[] first = Files.readAllBytes(write(a, WriteOptions.defaults()));
        byte[] second = Files.readAllBytes(write(b, WriteOptions.defaults()));
        assertEquals(first.length, second.length);
        assertFalse(Arrays.equals(first, second));
    }
}
