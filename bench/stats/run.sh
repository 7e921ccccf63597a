#!/usr/bin/env bash
# Times vbfann against pyhf on the same workspaces, in one go, and writes bench/stats/results/:
#   vbf_ws.json (VBF-sized model), sbottom_regionA.json (the published ATLAS likelihood of the pyhf regression test),
#   vbfann_<ws>.json and pyhf_<ws>.json (results and median times), table.md (the comparison for docs/performance.md).
# Usage: bench/stats/run.sh <pyhf-src>   (a pyhf snapshot's src/ folder, e.g. from scikit-hep/pyhf at b3dc4bb2,
#        run on Debian's python3-numpy/-scipy/-jsonschema/-click/-tqdm/-yaml/-jsonpatch/-rich)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pyhf_src="${1:?usage: run.sh <pyhf-src-dir>}"
py=/usr/bin/python3
out="$here/results"
mkdir -p "$out"
"$py" "$here/make_vbf_workspace.py" "$out/vbf_ws.json"
"$py" -c "import json,sys; json.dump(json.load(open(sys.argv[1]))['workspace'], open(sys.argv[2], 'w'))" \
  "$root/../shared/fixtures/stats/pyhf/regression_RegionA_sbottom_1300_205_60.json" "$out/sbottom_regionA.json"
(cd "$root" && mvn -q -B -DskipTests -pl bench -am package)
# pyhf's upper limit on the published sbottom likelihood takes tens of CPU minutes: only its fit and hypotest run.
for ws in vbf_ws:1 sbottom_regionA:0; do
  name="${ws%%:*}"
  java -cp "$root/bench/target/benchmarks.jar" org.vbfann.bench.stats.PyhfComparisonBench "$out/$name.json" 5 > "$out/vbfann_$name.json"
  OPENBLAS_NUM_THREADS=1 PYTHONPATH="$pyhf_src" "$py" "$here/pyhf_bench.py" "$out/$name.json" 3 "${ws##*:}" \
    > "$out/pyhf_$name.json"
done
"$py" "$here/compare.py" "$out" > "$out/table.md"
cat "$out/table.md"
