package org.vbfann.stats;

/** The auxiliary measurement that constrains a nuisance parameter. */
public enum ConstraintKind {
    /** Normal(aux | theta, sigma): lnN, normsys, histosys, lumi, staterror, param, autoMCStats Gaussian. */
    GAUSSIAN,
    /** Combine's asymmetric {@code param}: RooBifurGauss(theta | aux, sigmaLow, sigmaHigh). */
    BIFURCATED_GAUSSIAN,
    /** Continuous Poisson(aux | tau theta): shapesys (aux = tau), gmN (aux = N, tau = 1), autoMCStats Poisson. */
    POISSON,
    /**
     * Combine's gmM: RooGamma(theta | k = aux, scale = a, mu = 0), i.e. theta^(k-1) exp(-theta/a); the Asimov
     * global observable is k = theta/a + 1 ({@code src/AsimovUtils.cc}).
     */
    GAMMA
}
