#!/usr/bin/env bash
# Scan benchmark (issue 5): configurations per hour of a 24-configuration 'vbfann nn scan' (2 input sets x 3
# layouts x 2 batch sizes x 2 weightings, fixed epochs) on 2 cores over a generated VBF-vs-rest dataset, then
# the ranking. The per-epoch comparison with PyTorch is bench/ml/torch-vs-vbfann.sh.
# Usage: bench/scan-bench.sh [SCAN_EPOCHS]
set -euo pipefail
cd "$(dirname "$0")/.."
scan_epochs=${1:-20}
mvn -B -q -DskipTests -pl app -am package
work=bench/target/scan-bench
mkdir -p "$work"
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
# a fixed 20 epochs without early stopping overtrains the rare, heavy-weight backgrounds: a looser AUC-gap filter
./vbfann nn rank "$work/scan" --by eps-purity --top 5 --max-auc-gap 0.05
