package org.vbfann.physics.gen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.vbfann.core.ElementType;
import org.vbfann.physics.PhysicsException;

/**
 * The branch layouts of the generator's trees, read from the spec's tables shipped as resources
 * ({@code ntuple-schema.tsv}, {@code zx-fakerate-schema.tsv}, {@code zx-controlregions-schema.tsv}; a test
 * checks they equal {@code shared/spec}). The reduced tree leaves out the eleven jet-constituent arrays
 * {@code f_jets_highpt_component_*[4][60]} (jet-image studies only, 9.6 kB per event) and adds
 * {@link #TRUTH_LR}.
 */
public final class NtupleSchema {
    /** Tree name of the reduced ntuples (spec §1.1). */
    public static final String REDUCED_TREE = "HZZ4LeptonsAnalysisReduced";
    /** Title of the reduced tree (spec §1.1). */
    public static final String REDUCED_TREE_TITLE = "reduced ttree";
    /** Tree names of the Z+X inputs (spec §1.4). */
    public static final String FAKE_RATE_TREE = "FakeRate";
    public static final String CONTROL_REGIONS_TREE = "ControlRegions";
    /**
     * The generator's truth branch: the exact likelihood ratio p_VBF/p_ggH of the event's truth jets and
     * four-lepton rapidity under the generator's own VBF and ggH models (double; not in the CMS schema).
     */
    public static final String TRUTH_LR = "f_truth_lr";

    /** One branch: name, element type, fixed array shape ({@code []} for a scalar) and meaning. */
    public record Branch(String name, ElementType type, int[] shape, String meaning) {
        /** Values per entry. */
        public int items() {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }
    }

    private static final List<Branch> REDUCED = load("ntuple-schema.tsv", true);
    private static final List<Branch> FAKE_RATE = load("zx-fakerate-schema.tsv", false);
    private static final List<Branch> CONTROL_REGIONS = withoutNetworkArrays(load("zx-controlregions-schema.tsv", false));

    private NtupleSchema() {
    }

    /** The branches of {@code HZZ4LeptonsAnalysisReduced} as the generator writes them. */
    public static List<Branch> reducedTree() {
        return REDUCED;
    }

    /** The branches of the Z+X {@code FakeRate} tree. */
    public static List<Branch> fakeRateTree() {
        return FAKE_RATE;
    }

    /**
     * The branches of the Z+X {@code ControlRegions} tree as ComputeFRandCRs writes it: without the network
     * arrays {@code f_k57nj2[27]}, {@code f_k24nj3[27]}, which IncludeKerasDiscs adds later (spec §1.4).
     */
    public static List<Branch> controlRegionsTree() {
        return CONTROL_REGIONS;
    }

    private static List<Branch> withoutNetworkArrays(List<Branch> all) {
        List<Branch> out = new ArrayList<>();
        for (Branch b : all) {
            if (!b.name().equals("f_k57nj2") && !b.name().equals("f_k24nj3")) {
                out.add(b);
            }
        }
        return List.copyOf(out);
    }

    /** Parses one schema table; {@code reduced} drops the constituent arrays and appends the truth branch. */
    static List<Branch> load(String resource, boolean reduced) {
        List<Branch> out = new ArrayList<>();
        try (InputStream in = NtupleSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PhysicsException("schema resource " + resource + " is missing from the physics jar");
            }
            BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = br.readLine();
            int lineNo = 1;
            while ((line = br.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 4) {
                    throw new PhysicsException(resource + ":" + lineNo + ": expected 4 tab-separated fields, found " + f.length);
                }
                int[] shape = parseShape(f[2], resource, lineNo);
                if (reduced && shape.length == 2) {
                    continue;
                }
                out.add(new Branch(f[0], parseType(f[1], resource, lineNo), shape, f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading schema resource " + resource, e);
        }
        if (reduced) {
            out.add(new Branch(TRUTH_LR, ElementType.FLOAT64, new int[0],
                    "generator truth: exact likelihood ratio p_VBF/p_ggH of the truth jets and 4l rapidity"));
        }
        return List.copyOf(out);
    }

    private static int[] parseShape(String s, String resource, int lineNo) {
        if (s.isBlank()) {
            return new int[0];
        }
        String[] parts = s.split("x");
        int[] shape = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                shape[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new PhysicsException(resource + ":" + lineNo + ": array size '" + s + "' is not N or NxM", e);
            }
        }
        return shape;
    }

    private static ElementType parseType(String s, String resource, int lineNo) {
        return switch (s) {
            case "Int_t" -> ElementType.INT32;
            case "Float_t" -> ElementType.FLOAT32;
            case "Double_t" -> ElementType.FLOAT64;
            case "Bool_t" -> ElementType.BOOL;
            case "UChar_t (bool)", "UChar_t" -> ElementType.UINT8;
            default -> throw new PhysicsException(resource + ":" + lineNo + ": unknown ROOT type '" + s + "'");
        };
    }
}
