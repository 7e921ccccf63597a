#!/usr/bin/env bash
# ROOT read benchmark (issue 2): vbfann's reader vs plain java.util.zip.Inflater on the same baskets (the
# limit) vs JSROOT in Node.js (a peer), on 20 float branches of a 1 M-entry tree written by vbfann, and on the
# largest fixture tree. Installs JSROOT itself. Usage: bench/read-bench.sh [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-5}
mvn -B -q -DskipTests -pl bench -am package
jar=bench/target/benchmarks.jar
big=bench/target/read-bench-1M.root
[ -f "$big" ] || java -cp "$jar" org.vbfann.bench.rootio.RootReadBench --make "$big" 1000000
(cd interop && [ -d node_modules/jsroot ] || npm install --no-audit --no-fund --ignore-scripts --loglevel=error)

run() {  # file tree nbranches jsroot-branches
  echo "== $1 ($2, $3 float branches)"
  java -cp "$jar" org.vbfann.bench.rootio.RootReadBench "$1" "$2" "$3" "$repeats"
  echo "-- JSROOT $(node -p 'require("./interop/node_modules/jsroot/package.json").version')"
  node interop/jsroot-read.mjs "$1" "$2" "$4" "$repeats" | sort -t: -k2 -n | head -n $(( (repeats + 1) / 2 )) | tail -n 1 \
    | sed 's/^/median: /'
}
run "$big" events 20 "$(seq -s, 0 19 | sed 's/\([0-9]\+\)/f\1/g')"
run ../shared/fixtures/root/uproot-hepdata-example.root ntuple 5 px,py,pz,random,i
