package org.vbfann.stats;

/**
 * How a parameter scales all bins of one sample. Each kind is a function f(t) of t = scale &times; theta.
 */
public enum FactorKind {
    /** f = t: normfactor, rateParam, lumi, gmN, the signal strength. */
    LINEAR,
    /** f = exp(t a) with a = ln kappa: Combine's symmetric lnN and lnU. */
    LOG_NORMAL,
    /** f = exp(t logKappa(t)), Combine's asymmetric lnN ({@link Interpolation#combineLogKappa}); a = ln kDown, b = ln kUp. */
    COMBINE_ASYMMETRIC_LOG_NORMAL,
    /** f = pyhf code1 with a = hi, b = lo (normsys). */
    PYHF_CODE1,
    /** f = pyhf code4 with a = hi, b = lo (normsys). */
    PYHF_CODE4
}
