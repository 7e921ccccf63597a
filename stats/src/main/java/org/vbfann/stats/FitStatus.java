package org.vbfann.stats;

/** How a minimisation ended. Only {@link #CONVERGED} results are to be reported as fits. */
public enum FitStatus {
    /** The estimated distance to the minimum is below the tolerance. */
    CONVERGED,
    /** The iteration limit was reached before convergence. */
    MAX_ITERATIONS,
    /** No step along the search direction lowered the NLL, even with damping. */
    LINE_SEARCH_FAILED,
    /** The NLL is not finite at the starting point (a yield is not positive where data are). */
    NOT_FINITE_AT_START
}
