#!/usr/bin/env bash
# Seconds per training epoch, vbfann against PyTorch (Debian's python3-torch, run with /usr/bin/python3), on the same 100 000 events,
# network (18-36-18-9 relu, sigmoid output), Adam 1e-3, batch sizes 32 and 128, one thread each.
# Usage: bash bench/ml/torch-vs-vbfann.sh [EPOCHS]   (from the repository root; needs python3-torch)
set -euo pipefail
cd "$(dirname "$0")/../.."
epochs="${1:-5}"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
mvn -B -q -o -pl bench -am package -DskipTests
java -cp bench/target/benchmarks.jar org.vbfann.bench.ml.MlpEpochComparison "$data" "$epochs" 32 128
/usr/bin/python3 bench/ml/torch_epoch.py "$data" "$epochs" 32 128
