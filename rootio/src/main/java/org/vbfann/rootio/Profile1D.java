package org.vbfann.rootio;

import org.vbfann.core.Axis;

/**
 * A TProfile as stored: per cell (0 underflow .. bins+1 overflow) the sum of w*y ({@code sumwy}), of w*y^2
 * ({@code sumwy2}), of w ({@code binEntries}) and of w^2 ({@code binSumw2}, null when the profile has none).
 * {@link RootFile#histogram1D} turns it into bin means with ROOT's errors; this record keeps the raw sums.
 *
 * @param errorMode ROOT's EErrorType: 0 error of the mean, 1 spread ("s"), 2 "i", 3 "g"
 */
public record Profile1D(String name, String title, Axis axis, double[] sumwy, double[] sumwy2, double[] binEntries,
                        double[] binSumw2, int errorMode, double entries) {
    /** Mean of y in cell {@code bin}, 0 for an empty cell (TProfile::GetBinContent). */
    public double mean(int bin) {
        return binEntries[bin] == 0 ? 0 : sumwy[bin] / binEntries[bin];
    }

    /** Effective entries of a cell: sumw^2/sumw2, or sumw without per-bin sumw2 (TProfile::GetBinEffectiveEntries). */
    public double effectiveEntries(int bin) {
        if (binSumw2 == null) {
            return binEntries[bin];
        }
        return binSumw2[bin] == 0 ? 0 : binEntries[bin] * binEntries[bin] / binSumw2[bin];
    }

    /**
     * The error of cell {@code bin} as TProfileHelper::GetBinError computes it (hist/hist/src/TProfileHelper.h)
     * with the default non-approximate mode: the spread sqrt(|sumwy2/sumw - mean^2|), divided by
     * sqrt(effective entries) for mode 0 and "i"; mode "i" uses 1/sqrt(12) as the smallest spread, mode "g"
     * gives 1/sqrt(sumw).
     */
    public double error(int bin) {
        double sum = binEntries[bin];
        if (sum == 0) {
            return 0;
        }
        double mean = sumwy[bin] / sum;
        double spread = Math.sqrt(Math.abs(sumwy2[bin] / sum - mean * mean));
        double neff = effectiveEntries(bin);
        return switch (errorMode) {
            case 1 -> spread;
            case 2 -> (spread != 0 ? spread : 1 / Math.sqrt(12)) / Math.sqrt(neff);
            case 3 -> 1 / Math.sqrt(sum);
            default -> spread / Math.sqrt(neff);
        };
    }
}
