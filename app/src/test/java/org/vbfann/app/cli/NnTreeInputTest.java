package org.vbfann.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;

class NnTreeInputTest {
    @Test
    void anAbsentJetIsZeroAsInTheTrainingDataset() {
        // two entries of a [3]-jet array: the second has no third jet (-999, the ntuple's marker)
        EventTable t = EventTable.of(2, List.of(
                Column.of("f_jets_highpt_pt", ElementType.FLOAT32, 2, null, new int[] {3},
                        new float[] {90, 60, 40, 120, 35, -999}),
                Column.ofFloats("f_mass4l", new float[] {125, -999})));
        NnTreeInput in = new NnTreeInput(List.of("f_jets_highpt_pt[1]", "f_jets_highpt_pt[2]", "f_mass4l"));
        double[] x = new double[6];
        assertEquals(-1, in.row(t, 0, x, 0, Path.of("t.root")));
        assertEquals(-1, in.row(t, 1, x, 3, Path.of("t.root")));
        assertArrayEquals(new double[] {60, 40, 125, 35, 0, 0}, x);
    }
}
