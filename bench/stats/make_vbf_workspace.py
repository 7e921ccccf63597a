#!/usr/bin/env python3
"""Writes a VBF-sized pyhf workspace: 2 categories x 4 final states x 10 bins (80 bins), 8 processes,
17 shared normsys/histosys nuisances (luminosity as a normsys) plus one staterror gamma per bin (98 parameters), data Poisson-fluctuated
from the expectation at mu = 1 with a fixed seed. Only the standard library is used."""
import json
import math
import random
import sys

random.seed(20261204)
CATS = ["vbf", "untagged"]
STATES = ["4mu", "4e", "2e2mu", "2mu2e"]
PROCS = {"qqH": 1.2, "ggH": 3.0, "VH": 0.6, "ttH": 0.1, "qqZZ": 9.0, "ggZZ": 1.0, "EWKZZ": 0.5, "zjets": 2.0}
NORMSYS = {"lumi": (0.98, 1.02, None), "eff_mu": (0.97, 1.03, "mu"), "eff_e": (0.94, 1.06, "e"),
           "QCDscale_qqH": (0.99, 1.01, "qqH"), "QCDscale_ggH": (0.93, 1.07, "ggH"), "QCDscale_VH": (0.98, 1.02, "VH"),
           "QCDscale_ttH": (0.92, 1.06, "ttH"), "pdf_qq": (0.97, 1.03, "qqZZ"), "pdf_gg": (0.9, 1.1, "ggZZ"),
           "EWK_norm": (0.9, 1.1, "EWKZZ"), "zjets_norm": (0.7, 1.4, "zjets"), "BR_hzz": (0.98, 1.02, "H")}
HISTOSYS = ["jes", "jer", "mu_scale", "e_scale", "pileup"]


def shape(proc, cat, b):
    """A smooth score distribution: signal-like processes rise towards high NN score."""
    x = (b + 0.5) / 10
    slope = 2.5 if proc == "qqH" else (0.8 if proc in ("ggH", "VH", "ttH") else -1.5)
    w = math.exp(slope * x)
    return w * (1.6 if cat == "vbf" and proc == "qqH" else 1.0) * (0.4 if cat == "vbf" and proc != "qqH" else 1.0)


def main(out):
    channels, observations = [], []
    for cat in CATS:
        for fs in STATES:
            name = f"{cat}_{fs}"
            samples, total = [], [0.0] * 10
            for proc, rate in PROCS.items():
                w = [shape(proc, cat, b) for b in range(10)]
                s = sum(w)
                nom = [rate * 3 * v / s for v in w]
                mods = []
                if proc == "qqH":
                    mods.append({"name": "mu", "type": "normfactor", "data": None})
                for n, (lo, hi, who) in NORMSYS.items():
                    applies = who is None or who == proc or (who == "H" and proc.endswith("H")) or (who in ("mu", "e") and who in fs)
                    if applies and proc != "zjets" or n == "zjets_norm" and proc == "zjets":
                        mods.append({"name": n, "type": "normsys", "data": {"lo": lo, "hi": hi}})
                for k, n in enumerate(HISTOSYS):
                    if proc == "zjets":
                        continue
                    tilt = [0.03 * (k + 1) * ((b - 4.5) / 4.5) for b in range(10)]
                    mods.append({"name": n, "type": "histosys", "data": {
                        "hi_data": [v * (1 + t) for v, t in zip(nom, tilt)],
                        "lo_data": [v * (1 - 0.8 * t) for v, t in zip(nom, tilt)]}})
                mods.append({"name": f"staterror_{name}", "type": "staterror", "data": [0.08 * v for v in nom]})
                samples.append({"name": proc, "data": nom, "modifiers": mods})
                total = [a + b for a, b in zip(total, nom)]
            channels.append({"name": name, "samples": samples})
            observations.append({"name": name, "data": [float(poisson(t)) for t in total]})
    ws = {"channels": channels, "observations": observations, "version": "1.0.0",
          "measurements": [{"name": "vbf", "config": {"poi": "mu", "parameters": []}}]}
    with open(out, "w") as f:
        json.dump(ws, f, indent=1)


def poisson(lam):
    l, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= random.random()
        if p < l:
            return k
        k += 1


if __name__ == "__main__":
    main(sys.argv[1])
