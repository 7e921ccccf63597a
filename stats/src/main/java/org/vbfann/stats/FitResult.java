package org.vbfann.stats;

/**
 * The outcome of one minimisation.
 *
 * @param status     how it ended
 * @param parameters the parameter values at the end (all parameters, fixed ones included)
 * @param nll        the NLL there
 * @param edm        the estimated distance to the minimum, g^T H^-1 g / 2 over the free parameters
 * @param iterations the number of iterations
 * @param evaluations the number of NLL+gradient evaluations
 */
public record FitResult(FitStatus status, double[] parameters, double nll, double edm, int iterations,
                        int evaluations) {
    /** Whether the fit converged. */
    public boolean converged() {
        return status == FitStatus.CONVERGED;
    }
}
