#!/usr/bin/env python3
"""Reads vbfann_<ws>.json and pyhf_<ws>.json from a results folder and prints a markdown table: CPU times,
speed-ups and the largest relative difference of the results (mu hat, CLs observed and expected, limits)."""
import json
import math
import os
import sys


def rel(a, b):
    return abs(a - b) / max(abs(b), 1e-300)


def main(folder):
    print("| workspace | parameters | bins | quantity | pyhf | vbfann | speed-up | max rel. difference of results |")
    print("|---|---|---|---|---|---|---|---|")
    for name in sorted(f[len("pyhf_"):-len(".json")] for f in os.listdir(folder) if f.startswith("pyhf_")):
        p = json.load(open(os.path.join(folder, f"pyhf_{name}.json")))
        v = json.load(open(os.path.join(folder, f"vbfann_{name}.json")))
        diffs = {
            "t_fit": rel(v["mu_hat"], p["mu_hat"]) if abs(p["mu_hat"]) > 1e-3 else abs(v["mu_hat"] - p["mu_hat"]),
            "t_hypotest": max([rel(v["cls_obs"], p["cls_obs"])] + [rel(a, b) for a, b in zip(v["cls_exp"], p["cls_exp"])]),
            "t_limit": math.nan if math.isnan(p["limit_obs"]) else max(
                [rel(v["limit_obs"], p["limit_obs"])] + [rel(a, b) for a, b in zip(v["limit_exp"], p["limit_exp"])]),
        }
        labels = {"t_fit": "MLE fit (mu hat)", "t_hypotest": "CLs hypotest at mu=1 (obs + 5 exp)",
                  "t_limit": "upper limit (obs + 5 exp)"}
        for k in ("t_fit", "t_hypotest", "t_limit"):
            if p[k] != p[k]:
                continue
            print(f"| {name} | {v['parameters']} | {v['bins']} | {labels[k]} | {p[k]:.3g} s | {v[k]:.3g} s "
                  f"| {p[k] / v[k]:.0f}x | {diffs[k]:.1e} |")


if __name__ == "__main__":
    main(sys.argv[1])
