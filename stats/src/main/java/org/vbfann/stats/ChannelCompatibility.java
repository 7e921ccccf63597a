package org.vbfann.stats;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * Combine's {@code ChannelCompatibilityCheck}: a fit with one common signal strength against a fit with one
 * strength per channel (other parameters shared); chi2 = 2 (NLL_common - NLL_per-channel) with
 * (channels - 1) degrees of freedom.
 */
public final class ChannelCompatibility {
    /**
     * The outcome.
     *
     * @param nominal    the common POI and its 68% interval
     * @param channels   per channel: its POI and 68% interval (other POIs profiled), in channel order
     * @param chi2       2 (NLL_common - NLL_per-channel)
     * @param dof        degrees of freedom
     * @param pValue     the chi2 p-value
     */
    public record Result(ProfileLikelihood.Interval nominal, List<ProfileLikelihood.Interval> channels, double chi2,
                         int dof, double pValue) {
    }

    private ChannelCompatibility() {
    }

    /**
     * Runs both fits.
     *
     * @param common     a fitter of the common-POI model
     * @param perChannel a fitter of the per-channel model
     * @param channelPois the POI index of each channel in the per-channel model
     */
    public static Result run(Fitter common, Fitter perChannel, int[] channelPois) {
        FitResult nom = Fitter.requireConverged(common.fit(), "fit with a common signal strength");
        FitResult alt = Fitter.requireConverged(perChannel.fit(), "fit with one signal strength per channel");
        ProfileLikelihood.Interval nomIv = new ProfileLikelihood(common, nom).interval(common.model().poi(), 1);
        List<ProfileLikelihood.Interval> ivs = new ArrayList<>();
        for (int p : channelPois) {
            ivs.add(new ProfileLikelihood(perChannel, alt).interval(p, 1));
        }
        double chi2 = Math.max(0, 2 * (nom.nll() - alt.nll()));
        int dof = channelPois.length - 1;
        double pv = dof > 0 ? 1 - new ChiSquaredDistribution(dof).cumulativeProbability(chi2) : 1;
        return new Result(nomIv, ivs, chi2, dof, pv);
    }
}
