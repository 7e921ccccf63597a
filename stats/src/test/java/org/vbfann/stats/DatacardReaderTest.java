package org.vbfann.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vbfann.core.Axis;
import org.vbfann.core.Histogram1D;

/** Datacard parsing: the Combine syntax, and the promised error messages. */
class DatacardReaderTest {
    private static final List<String> HEAD = List.of("imax 1", "jmax 1", "kmax *", "---", "bin a", "observation 5",
            "---", "bin a a", "process sig bkg", "process 0 1", "rate 1.5 4");

    private static Datacard parse(String... extra) {
        List<String> lines = new ArrayList<>(HEAD);
        lines.addAll(List.of(extra));
        return DatacardReader.parse(Path.of("card.txt"), lines);
    }

    private static String error(String... extra) {
        return assertThrows(StatsException.class, () -> new DatacardModelBuilder(null).build(parse(extra))).getMessage();
    }

    @Test
    void parsesTheRateBlockAndSystematics() {
        Datacard dc = parse("lumi lnN 1.025 1.025 # comment", "jes lnN 0.97/1.04 -", "sb gmN 8 - 0.5",
                "norm rateParam a bkg 1 [0,5]", "grp group = lumi jes");
        assertEquals(List.of("a"), dc.channels());
        assertEquals(5.0, dc.observations().get("a"));
        assertEquals(2, dc.entries().size());
        assertEquals(3, dc.systematics().size());
        assertEquals(8, dc.systematics().get(2).gmnN());
        assertEquals(1, dc.rateParams().size());
        assertEquals(List.of("lumi", "jes"), dc.groups().get("grp"));
        DatacardModel dm = new DatacardModelBuilder(null).build(dc);
        assertEquals(List.of("lumi", "jes", "sb"), dm.nuisances());
    }

    @Test
    void badValueNamesLineAndColumn() {
        assertEquals("card.txt:12: 'unc' lnN value '1.0x' for 'sig' in 'a' is not a number or a/b",
                error("unc lnN 1.0x 1.1"));
    }

    @Test
    void tooFewValues() {
        assertEquals("card.txt:12: 'unc' has 1 values, the rate block has 2 columns", error("unc lnN 1.1"));
    }

    @Test
    void unknownType() {
        assertEquals("card.txt:12: unknown systematic type 'lnX' for 'unc'; expected lnN, lnU, gmN, shape, shape?,"
                + " shapeN, param, rateParam, group or autoMCStats", error("unc lnX 1.1 1.1"));
    }

    @Test
    void rateParamMatchingNothing() {
        assertEquals("card.txt:12: rateParam 'k' with channel 'a' and process 'ttbar' matches no column of the rate block",
                error("k rateParam a ttbar 1"));
    }

    @Test
    void gmnThatDoesNotMatchTheRate() {
        assertEquals("card.txt:12: gmN 'sb': N = 8 times alpha = 2.0 is 16.0, but the rate of 'bkg' in 'a' is 4.0",
                error("sb gmN 8 - 2.0"));
    }

    @Test
    void rateBlockColumnsMustAgree() {
        Exception e = assertThrows(StatsException.class, () -> DatacardReader.parse(Path.of("card.txt"),
                List.of("bin a", "observation 1", "bin a a", "process s b", "process 0 1", "rate 1")));
        assertEquals("card.txt:6: 'rate' line has 1 columns, the process lines have 2", e.getMessage());
    }

    @Test
    void missingShapeHistogramIsNamed() {
        Datacard dc = DatacardReader.parse(Path.of("/tmp/card.txt"), List.of("shapes * * shapes.root $PROCESS",
                "bin a", "observation -1", "bin a a", "process s b", "process 0 1", "rate -1 -1"));
        Histogram1D data = Histogram1D.of("data_obs", "", Axis.uniform(2, 0, 1, "x"), new double[]{0, 3, 4, 0}, null, 7);
        ShapeSource src = (file, path) -> path.equals("data_obs") || path.equals("s") ? data : null;
        Exception e = assertThrows(StatsException.class, () -> new DatacardModelBuilder(src).build(dc));
        assertEquals("card.txt:1: no histogram 'b' in shapes.root (process 'b', channel 'a')", e.getMessage());
    }

    @Test
    void wildcards() {
        assertEquals(true, DatacardReader.glob("ch*", "ch4mu"));
        assertEquals(true, DatacardReader.glob("ch?mu", "ch4mu"));
        assertEquals(false, DatacardReader.glob("ch?e", "ch4mu"));
    }
}
