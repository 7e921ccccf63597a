// Peer benchmark: JSROOT (Node.js) reading chosen branches of a tree, every entry.
// Usage: node jsroot-read.mjs FILE TREE BRANCH[,BRANCH...] [REPEATS]
// Prints one JSON line per repeat: {"seconds":..., "entries":..., "checksum":...}
import { openFile, TSelector, treeProcess } from 'jsroot';

const [file, treeName, branchList, repeatsArg] = process.argv.slice(2);
if (!file || !treeName || !branchList) {
  console.error('usage: node jsroot-read.mjs FILE TREE BRANCH[,BRANCH...] [REPEATS]');
  process.exit(2);
}
const branches = branchList.split(',');
const repeats = Number(repeatsArg || 1);

for (let r = 0; r < repeats; r++) {
  const t0 = process.hrtime.bigint();
  const f = await openFile(file);
  const tree = await f.readObject(treeName);
  const sel = new TSelector();
  for (const b of branches) sel.addBranch(b);
  let checksum = 0;
  let entries = 0;
  sel.Process = function () {
    for (const b of branches) checksum += this.tgtobj[b];
    entries++;
  };
  await treeProcess(tree, sel, {});
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({ seconds, entries, checksum }));
}
