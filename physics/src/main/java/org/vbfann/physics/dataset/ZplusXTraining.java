package org.vbfann.physics.dataset;

import java.nio.file.Path;

/**
 * Z+X as a training background, as the guide's FormatROOTs made it (spec §2.1 item 4): the files of one key are
 * Z+X control-region data (tree {@value #TREE}); its 2P2F and 3P1F candidates passing the selection enter with
 * the weight Π f/(1 − f) over their failing leptons, from the fake-rate map, and the key's weights are scaled so
 * that they sum to the Z+X yield of the region (the guide's 5.08 for the VBF-SR, or {@code vbfann zx estimate}'s).
 *
 * @param key       the process key of the Z+X files
 * @param fakeRates the {@code fakerates.root} of {@code vbfann zx fakerates}
 * @param yield     the expected Z+X yield after the selection; the key's weights sum to it
 */
public record ZplusXTraining(String key, Path fakeRates, double yield) {
    /** The Z+X control-region tree (spec §1.4). */
    public static final String TREE = "ControlRegions";

    /**
     * Checks the settings.
     *
     * @throws DatasetException for a yield that is not positive and finite
     */
    public ZplusXTraining {
        if (!(yield > 0) || Double.isInfinite(yield)) {
            throw new DatasetException("the Z+X yield of key '" + key + "' must be positive, got " + yield);
        }
    }
}
