#!/usr/bin/env bash
# How close the network gets to the generator's exact likelihood ratio (the Bayes-optimal VBF-vs-ggH
# discriminant) as the number of events grows (issue 5): generate at each --scale, build a VBF-vs-ggH dataset in
# the VBF signal region, train, and print the test AUC of the network, of the truth ratio, of the reco-level ratio
# (the Bayes-optimal discriminant of the reconstructed event, RecoLikelihoodRatio: the reference a network on
# reconstructed objects can reach), of MELA and of D_jet.
# Usage: bench/truth-auc.sh [SCALE...]   (default: 0.2 1 3 10)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl bench,app -am package
scales=${*:-0.2 1 3 10}
work=bench/target/truth-auc
mkdir -p "$work"
inputs="f_lept1_pt,f_lept1_eta,f_lept1_phi,f_lept2_pt,f_lept2_eta,f_lept2_phi,f_lept3_pt,f_lept3_eta,f_lept3_phi"
inputs="$inputs,f_lept4_pt,f_lept4_eta,f_lept4_phi,f_jets_highpt_pt[0],f_jets_highpt_eta[0],f_jets_highpt_phi[0]"
inputs="$inputs,f_jets_highpt_pt[1],f_jets_highpt_eta[1],f_jets_highpt_phi[1],f_jets_highpt_pt[2],f_jets_highpt_eta[2]"
inputs="$inputs,f_njets_pass,f_eta4l,f_pt4l,mjj,detajj,zstar"
# what RecoLikelihoodRatio reads besides the network inputs (not used in training)
reco="f_jets_highpt_phi[2],f_jets_highpt_pt[3],f_jets_highpt_eta[3],f_jets_highpt_phi[3]"
reco="$reco,f_lept1_pdgid,f_lept2_pdgid,f_lept3_pdgid,f_lept4_pdgid"
# a second network also sees what the reco ratio uses beyond the guide-like inputs: the third jet's phi, the
# fourth jet, the 4l rapidity and the pT balance of 4l + two jets
extended="$inputs,f_jets_highpt_phi[2],f_jets_highpt_pt[3],f_jets_highpt_eta[3],f_jets_highpt_phi[3],y4l,pt4ljj"
sr='((f_njets_pass >= 2 && f_njets_pass <= 3 && f_Nbjets <= 1) || (f_njets_pass > 3 && f_Nbjets == 0)) && f_mass4l >= 118 && f_mass4l <= 130'
for s in $scales; do
  d="$work/scale-$s"
  [ -f "$d/gen/truth.json" ] || ./vbfann generate --out "$d/gen" --scale "$s" --seed 3 > /dev/null 2>&1
  ./vbfann dataset build --files "$d/gen/histos*/output_VBF_*.root,$d/gen/histos*/output_GluGluH*.root" \
    --keys qqH,ggH --tags VBF_HToZZ,GluGluHToZZ --signal qqH --selection "$sr" \
    --features "$inputs,$reco,y4l,pt4ljj,log(f_truth_lr)" --out "$d/ds" --quiet > /dev/null
  ./vbfann nn train --dataset "$d/ds" --out "$d/nn" --inputs "$inputs" --weighting balanced --max-epochs 300 \
    --patience 15 --quiet > /dev/null
  ./vbfann nn train --dataset "$d/ds" --out "$d/nn-extended" --inputs "$extended" --weighting balanced \
    --max-epochs 300 --patience 15 --quiet > /dev/null
  truth=$(java -cp bench/target/benchmarks.jar org.vbfann.bench.ml.TruthAuc "$d/ds" 'log(f_truth_lr)')
  recolr=$(java -cp bench/target/benchmarks.jar org.vbfann.bench.ml.TruthAuc "$d/ds" --reco-ratio)
  train=$(python3 -c "import json; print(json.load(open('$d/ds/dataset.json'))['processes'][0]['splits']['train']['events'] + json.load(open('$d/ds/dataset.json'))['processes'][1]['splits']['train']['events'])")
  python3 - "$d" "$s" "$train" "$truth" $recolr <<'PY'
import json, sys
d, s, n, tr, rr, us, err = sys.argv[1:8]
tr, rr = float(tr), float(rr)
nn = json.load(open(f"{d}/nn/metrics.json"))["test"]
a = nn['nn']['auc']
x = json.load(open(f"{d}/nn-extended/metrics.json"))["test"]["nn"]["auc"]
print(f"scale {s}: {n} training events: AUC network {a:.4f}, truth ratio {tr:.4f} (gap {tr - a:.4f}), "
      f"reco ratio {rr:.4f} (gap {rr - a:.4f}; {us} us/event, mean MC error {err}), "
      f"extended-input network {x:.4f} (gap to reco {rr - x:.4f}), "
      f"MELA {nn['f_Djet_VAJHU']['auc']:.4f}, D_jet {nn['f_D_jet']['auc']:.4f}")
PY
done
