package org.vbfann.physics.gen;

/**
 * Normalisation factors that bring the generator's expected VBF-SR yields to the published ones (spec §4.6).
 * For a process, weight = σ·BR·L·k/N_tried, and k absorbs what the model does not simulate exactly (trigger,
 * scale factors, k-factors, the precise jet multiplicities); for Z+X it is the expected number of
 * Z + two-loose-lepton candidates at 35.9 fb⁻¹. The values were obtained with {@link CalibrationRun} (seed
 * 12345, scale 3; ZZJJ and ttZ keep k = 1, see {@link Process#vbfSrTarget()}) as target/expected and are regression-tested by GeneratorCalibrationTest; re-run it after
 * changing the physics model.
 */
final class Calibration {
    private Calibration() {
    }

    /** k of a process. */
    static double factor(Process p) {
        return switch (p) {
            case QQH -> 0.721;
            case GGH -> 0.670;
            case WH -> 0.704;
            case ZH -> 0.690;
            case TTH -> 0.416;
            case QQZZ -> 0.282;
            case ZZJJ -> 1.0;
            case GGZZ -> 0.625;
            case TTZ -> 1.0;
        };
    }

    /** Expected Z + two loose leptons candidates at 35.9 fb⁻¹ in a Z+X channel. */
    static double zplusxPopulation(ZxChannel c) {
        return switch (c) {
            case FOUR_MU -> 5308;
            case FOUR_E -> 10360;
            case TWO_E_TWO_MU -> 5104;
            case TWO_MU_TWO_E -> 24596;
        };
    }
}
