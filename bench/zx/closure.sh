#!/usr/bin/env bash
# Z+X closure study (issue 7): for N generator seeds, measures fake rates and the VBF-SR Z+X estimate with the
# vbfann commands and prints, per final state and for the 4l total, the pull (estimate - truth) / uncertainty
# against the generator's truth.json, the uncertainty being the estimate's total (control-region and fake-rate
# statistics; no systematic maps are given) and the truth integration's own MC error in quadrature; then the mean
# and RMS of the pulls. A calibrated, unbiased estimate gives mean ~0 and RMS ~1.
# Usage: bench/zx/closure.sh [SEEDS=16] [FIRST_SEED=101] [SCALE=0.01]
# (--scale scales the simulated samples only; the Z+X data are generated at their physical size.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n=${1:-16}; first=${2:-101}; scale=${3:-0.01}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for s in $(seq "$first" $((first + n - 1))); do
  d=$work/$s; z=$d/g/ZplusX
  mkdir -p "$d"
  "$root/vbfann" generate --out "$d/g" --scale "$scale" --seed "$s" > /dev/null 2> "$d/generate.log" \
    || { cat "$d/generate.log" >&2; exit 1; }
  # a seed whose map has an unusable bin (e.g. a negative rate after prompt subtraction) is reported and skipped
  if "$root/vbfann" zx fakerates --data "$z/ZplusX_DataRunIISummer16_03Feb2017.root" \
      --prompt "$z/ZplusX_prompt_WZTo3LNu.root" --out "$d/fr" --pt-edges 5,10,20,30,1000 --eta-edges 0,1.479,2.5 \
      > /dev/null 2> "$d/zx.log" \
    && "$root/vbfann" zx estimate --fakerates "$d/fr/fakerates.root" \
      --data "$z/ZplusX_DataRunIISummer16_03Feb2017.root" --zz "$z/ZplusX_prompt_ZZTo4L.root" --region vbf --json \
      > "$d/estimate.json" 2>> "$d/zx.log"; then
    echo "$s $d"
  else
    echo "$s skipped: $(tail -n 1 "$d/zx.log")"
  fi
done | python3 -c '
import json, math, sys
pulls = {}
for line in sys.stdin:
    seed, d = line.split(maxsplit=1)
    if d.startswith("skipped"):
        print("seed " + seed + " " + d.strip(), flush=True)
        continue
    d = d.strip()
    truth = json.load(open(d + "/g/truth.json"))["zplusx"]
    est = json.load(open(d + "/estimate.json"))["yields"]
    row = [seed]
    total_truth = 0.0
    truth_var = 0.0
    for fs in ("4mu", "4e", "2e2mu", "2mu2e"):
        y = est[fs]; t = truth[fs]["VBF-SR"]; te = truth[fs]["VBF-SR_mc_error"]
        total_truth += t; truth_var += te * te
        p = (y["yield"] - t) / math.hypot(y["total"], te)
        pulls.setdefault(fs, []).append(p); row.append("%s %+.2f" % (fs, p))
    y = est["4l"]; p = (y["yield"] - total_truth) / math.sqrt(y["total"] ** 2 + truth_var)
    pulls.setdefault("4l", []).append(p); row.append("4l %+.2f" % p)
    print("seed " + "  ".join(row), flush=True)
print()
for fs, v in pulls.items():
    mean = sum(v) / len(v); rms = math.sqrt(sum(x * x for x in v) / len(v))
    print("%-6s seeds %d  mean pull %+.2f +- %.2f  rms %.2f  max |pull| %.2f" % (fs, len(v), mean, rms / math.sqrt(len(v)), rms, max(map(abs, v))))
'
