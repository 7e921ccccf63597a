// Reads a ROOT file with JSROOT and prints, as JSON on stdout, what JSROOT sees: every key (recursing into
// directories), every tree's branch values entry by entry, and every histogram's axes, cells and sumw2.
// Usage: node read-with-jsroot.mjs FILE.root
// vbfann's interoperability tests compare this output with what vbfann wrote.
import { openFile } from 'jsroot';

// JSROOT reports problems with console.log; stdout carries only the JSON result
console.log = (...args) => console.error(...args);
import { TSelector, treeProcess } from 'jsroot/tree';

function axis(a) {
  return {
    name: a.fName, title: a.fTitle, nbins: a.fNbins, min: a.fXmin, max: a.fXmax,
    edges: a.fXbins && a.fXbins.length ? Array.from(a.fXbins) : []
  };
}

function histogram(h) {
  const out = {
    class: h._typename, name: h.fName, title: h.fTitle, entries: h.fEntries, ncells: h.fNcells,
    xaxis: axis(h.fXaxis), yaxis: axis(h.fYaxis), zaxis: axis(h.fZaxis),
    contents: Array.from(h.fArray), sumw2: Array.from(h.fSumw2 || []),
    tsumw: h.fTsumw, tsumw2: h.fTsumw2, tsumwx: h.fTsumwx, tsumwx2: h.fTsumwx2
  };
  if (h._typename.startsWith('TH2')) {
    Object.assign(out, { tsumwy: h.fTsumwy, tsumwy2: h.fTsumwy2, tsumwxy: h.fTsumwxy });
  }
  return out;
}

// JSON has no 64-bit integers, NaN or infinities: such values travel as strings
function plain(v) {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v && typeof v === 'object' && typeof v.length === 'number') return Array.from(v, plain);
  return v;
}

async function tree(t) {
  const names = t.fBranches.arr.map(b => b.fName);
  const values = Object.fromEntries(names.map(n => [n, []]));
  const selector = new TSelector();
  for (const n of names) selector.addBranch(n);
  selector.Process = function () {
    for (const n of names) values[n].push(plain(this.tgtobj[n]));
  };
  if (Number(t.fEntries) > 0) await treeProcess(t, selector);
  return {
    class: t._typename, name: t.fName, title: t.fTitle, entries: Number(t.fEntries),
    branches: t.fBranches.arr.map(b => ({
      name: b.fName, title: b.fTitle, leaf: b.fLeaves.arr[0]._typename, baskets: b.fWriteBasket
    })),
    values
  };
}

async function directory(file, dir, prefix, out) {
  for (const key of dir.fKeys) {
    if (key.fClassName === 'TList' && key.fName === 'StreamerInfo') continue;
    const path = prefix + key.fName;
    const cls = key.fClassName;
    if (cls === 'TDirectory' || cls === 'TDirectoryFile') {
      out[path] = { class: cls };
      await directory(file, await file.readDirectory(path, key.fCycle), path + '/', out);
    } else {
      const obj = await file.readObject(path + ';' + key.fCycle);
      if (cls.startsWith('TH1') || cls.startsWith('TH2')) out[path] = histogram(obj);
      else if (cls === 'TTree') out[path] = await tree(obj);
      else out[path] = { class: cls };
    }
  }
}

const file = await openFile(process.argv[2]);
const out = {};
await directory(file, file, '', out);
process.stdout.write(JSON.stringify({ file: process.argv[2], objects: out }) + '\n');
