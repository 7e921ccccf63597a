#!/usr/bin/env bash
# Training benchmark (issue 5): seconds per epoch of the guide's network (18 inputs, 36-18-9 relu, Adam, one
# thread) on the same 100 000 events for vbfann and PyTorch (Debian's python3-torch) at batch 32 and 128, the
# final losses, the achieved FLOP/s; then configurations per hour of a 24-configuration 'vbfann nn scan' on
# 2 cores over a generated VBF-vs-rest dataset.
# Usage: bench/train-bench.sh [EPOCHS] [SCAN_EPOCHS]
set -euo pipefail
cd "$(dirname "$0")/.."
epochs=${1:-5}
scan_epochs=${2:-20}
python=/usr/bin/python3
"$python" -c 'import torch' 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-torch; }
mvn -B -q -DskipTests -pl bench,app -am package
jar=bench/target/benchmarks.jar
work=bench/target/train-bench
mkdir -p "$work"
java -cp "$jar" org.vbfann.bench.ml.TrainingEpochBench --write "$work/data"

echo "== seconds per epoch, 100 000 events, 18-36-18-9-1, one thread (median of $epochs epochs)"
lscpu | grep -E '^Model name|^CPU\(s\)' | sed 's/  */ /g'
java -version 2>&1 | head -n 1
for batch in 32 128; do
  java -cp "$jar" org.vbfann.bench.ml.TrainingEpochBench "$batch" "$epochs"
  OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 "$python" bench/torch_epoch.py "$work/data" "$batch" "$epochs"
done

echo "== 24-configuration scan on 2 cores ($scan_epochs epochs each)"
gen="$work/gen"
[ -f "$gen/truth.json" ] || ./vbfann generate --out "$gen" --scale 0.5 --seed 11 > /dev/null
inputs="f_lept1_pt,f_lept1_eta,f_lept1_phi,f_lept2_pt,f_lept2_eta,f_lept2_phi,f_lept3_pt,f_lept3_eta,f_lept3_phi"
inputs="$inputs,f_lept4_pt,f_lept4_eta,f_lept4_phi,f_jets_highpt_pt[0],f_jets_highpt_eta[0],f_jets_highpt_phi[0]"
inputs="$inputs,f_jets_highpt_pt[1],f_jets_highpt_eta[1],f_jets_highpt_phi[1]"
rm -rf "$work/ds" "$work/scan"
./vbfann dataset build --files "$gen/histos*/output_[!d]*.root" \
  --keys qqH,ggH,WH,WH,ZH,ttH,qqZZ,ZZJJ,ggZZ,TTV \
  --tags VBF_HToZZ,GluGluHToZZ,WminusH,WplusH,ZH_HToZZ,ttH_HToZZ,ZZTo4L_13TeV_powheg,ZZJJTo4L,GluGluToContinToZZ,TTZToLLNuNu \
  --signal qqH --njets-min 2 \
  --selection 'f_Nbjets <= 1 && f_mass4l >= 118 && f_mass4l <= 130' \
  --features "$inputs,f_njets_pass,mjj,detajj" --split 0.6,0.2,0.2 --out "$work/ds" --quiet
start=$(date +%s.%N)
./vbfann nn scan --dataset "$work/ds" --out "$work/scan" --jobs 2 --max-epochs "$scan_epochs" --patience 1000 \
  --inputs "leptons+jets=$inputs" --inputs "plus-derived=$inputs,f_njets_pass,mjj,detajj" \
  --layers "36 18 9,21 13 8,30" --batch-size 32,128 --weighting event,yield || true
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "24 configurations in %.1f s on 2 cores: %.0f configurations per hour\n", e - s, 24 * 3600 / (e - s) }'
./vbfann nn rank "$work/scan" --by eps-purity --top 5
