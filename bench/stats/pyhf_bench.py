#!/usr/bin/env python3
"""Times pyhf (numpy backend, scipy optimizer, pyhf.Model defaults code4/code4p) on a workspace: one MLE fit,
one qtilde hypotest at mu = 1 with the expected band, one upper limit by toms748 (skipped for limit_repeats 0);
prints results and median CPU times as JSON with the keys of org.vbfann.bench.stats.PyhfComparisonBench.
Usage: OPENBLAS_NUM_THREADS=1 pyhf_bench.py ws.json [fit_repeats] [limit_repeats]"""
import json
import statistics
import sys
import time

import pyhf


def timed(fn, n):
    """The result of fn and the median CPU time (all threads of the process) of n calls."""
    out, ts = None, []
    for _ in range(n):
        t0 = time.process_time()
        out = fn()
        ts.append(time.process_time() - t0)
    return out, statistics.median(ts)


def main():
    path = sys.argv[1]
    n_fit = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    n_lim = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    pyhf.set_backend("numpy")
    ws = pyhf.Workspace(json.load(open(path)))
    model = ws.model()
    data = ws.data(model)
    (pars, twice_nll), t_fit = timed(lambda: pyhf.infer.mle.fit(data, model, return_fitted_val=True), n_fit)
    (cls_obs, cls_exp), t_hypo = timed(lambda: pyhf.infer.hypotest(1.0, data, model, test_stat="qtilde",
                                                                   return_expected_set=True), max(1, n_fit // 2))
    lim_obs, lim_exp, t_lim = float("nan"), [float("nan")] * 5, float("nan")
    if n_lim > 0:
        (lim_obs, lim_exp), t_lim = timed(
            lambda: pyhf.infer.intervals.upper_limits.upper_limit(data, model, level=0.05), n_lim)
    print(json.dumps({"tool": "pyhf " + pyhf.__version__, "parameters": model.config.npars,
                      "bins": sum(model.config.channel_nbins.values()),
                      "mu_hat": float(pars[model.config.poi_index]), "twice_nll": float(twice_nll),
                      "cls_obs": float(cls_obs), "cls_exp": [float(x) for x in cls_exp],
                      "limit_obs": float(lim_obs), "limit_exp": [float(x) for x in lim_exp],
                      "t_fit": t_fit, "t_hypotest": t_hypo, "t_limit": t_lim}))


if __name__ == "__main__":
    main()
