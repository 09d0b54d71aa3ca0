/**
 * Trains the cue detector (src/stages/quotes/cueModel.ts): an averaged perceptron that says whether
 * a token heads an attribution cue, fitted on PolNeAR train and written to src/rules/cues.weights.json.
 *
 *   npx tsc -p tsconfig.json && node dist/scripts/train-cues.js [--shared <dir>] [--no-write]
 *
 * Data: ../shared/datasets/polnear/train (fit; the last HOLDOUT of its articles, by name, choose
 * the threshold), dev (reported only, never fitted or tuned on). Skips with a message when shared/
 * is absent. Deterministic: fixed example order per epoch from a seeded generator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cueFeatures, fileCueWeights, isCueCandidate } from '../src/stages/quotes/cueModel.js';
import { SpanIndex } from '../src/text/spanIndex.js';
import { annotateSplit, REPO, polnearDirs, type AnnotatedArticle } from './count-cues.js';

const EPOCHS = 8;
const SEED = 20160915;
const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
/** a feature must occur this often in train to get a weight */
const MIN_FEATURE_COUNT = option('--min-count', 10);
/** weights smaller than this in magnitude are dropped after averaging */
const PRUNE = option('--prune', 1);
const HOLDOUT = 0.1;

interface Example {
  features: number[];
  gold: boolean;
}

function examples(articles: readonly AnnotatedArticle[], ids: Map<string, number>, grow: boolean, counts?: Map<number, number>): Example[] {
  const out: Example[] = [];
  for (const { doc, cues } of articles) {
    const heads = new Set(cues.map(c => c.head));
    const inners = new SpanIndex(doc.quoteSpans.map(q => q.inner));
    const insideQuote = (offset: number): boolean => inners.containing(offset) !== undefined;
    for (const sentence of doc.sentences) {
      for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
        const t = doc.tokens[i];
        if (!t || !isCueCandidate(t)) continue;
        const features: number[] = [];
        for (const f of cueFeatures({ tokens: doc.tokens, sentence, insideQuote }, i)) {
          let id = ids.get(f);
          if (id === undefined && grow) { id = ids.size; ids.set(f, id); }
          if (id === undefined) continue;
          features.push(id);
          if (counts) counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        out.push({ features, gold: heads.has(i) });
      }
    }
  }
  return out;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

function train(data: readonly Example[], size: number, keep: (id: number) => boolean): Float64Array {
  const w = new Float64Array(size);
  const u = new Float64Array(size);
  let c = 1;
  const random = rng(SEED);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const idx of order) {
      const x = data[idx] as Example;
      const y = x.gold ? 1 : -1;
      let s = 0;
      for (const f of x.features) if (keep(f)) s += w[f] as number;
      if (y * s <= 0) {
        for (const f of x.features) {
          if (!keep(f)) continue;
          w[f] = (w[f] as number) + y;
          u[f] = (u[f] as number) + y * c;
        }
      }
      c++;
    }
  }
  const avg = new Float64Array(size);
  for (let f = 0; f < size; f++) avg[f] = (w[f] as number) - (u[f] as number) / c;
  return avg;
}

function prf(data: readonly Example[], score: (x: Example) => number, threshold: number): { p: number; r: number; f: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const x of data) {
    const yes = score(x) > threshold;
    if (yes && x.gold) tp++;
    else if (yes) fp++;
    else if (x.gold) fn++;
  }
  return { p: tp / Math.max(1, tp + fp), r: tp / Math.max(1, tp + fn), f: (2 * tp) / Math.max(1, 2 * tp + fp + fn) };
}

function main(): void {
  const argv = process.argv.slice(2);
  const dirs = polnearDirs(argv, 'train-cues', 'nothing to train (the committed weights stay)');
  if (!dirs) return;
  const { trainDir, devDir } = dirs;
  const all = annotateSplit(trainDir);
  const cut = Math.floor(all.length * (1 - HOLDOUT));
  const fit = all.slice(0, cut);
  const held = all.slice(cut);
  const ids = new Map<string, number>();
  const counts = new Map<number, number>();
  const fitData = examples(fit, ids, true, counts);
  const keep = (f: number): boolean => (counts.get(f) ?? 0) >= MIN_FEATURE_COUNT;
  const heldData = examples(held, ids, false);
  const round = (x: number): number => Math.round(x * 100) / 100;
  const r3 = (x: number): number => Math.round(x * 1000) / 1000;

  // 1. choose the threshold on the held-out tenth of train
  const w1 = train(fitData, ids.size, keep);
  const score1 = (x: Example): number => x.features.reduce((s, f) => s + (Math.abs(w1[f] as number) >= PRUNE ? (w1[f] as number) : 0), 0);
  let best = { threshold: 0, f: -1 };
  for (let th = -6; th <= 6.001; th += 0.25) {
    const m = prf(heldData, score1, th);
    if (m.f > best.f) best = { threshold: round(th), f: m.f };
  }
  const heldM = prf(heldData, score1, best.threshold);
  console.log(`train-cues: held-out train cue heads P ${heldM.p.toFixed(3)} R ${heldM.r.toFixed(3)} F1 ${heldM.f.toFixed(3)} at threshold ${best.threshold}`);

  // 2. refit on all of train
  const allIds = new Map<string, number>();
  const allCounts = new Map<number, number>();
  const allData = examples(all, allIds, true, allCounts);
  const w = train(allData, allIds.size, f => (allCounts.get(f) ?? 0) >= MIN_FEATURE_COUNT);
  const weights: Record<string, number> = {};
  for (const [name, id] of [...allIds].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const v = round(w[id] as number);
    if (Math.abs(v) >= PRUNE) weights[name] = v;
  }
  const meta: Record<string, unknown> = {
    data: 'PolNeAR v1.0.0 train, 840 articles, first annotator file each (research use; not redistributed)',
    examples: allData.length,
    positives: allData.filter(x => x.gold).length,
    epochs: EPOCHS,
    minFeatureCount: MIN_FEATURE_COUNT,
    prune: PRUNE,
    heldOut: { p: r3(heldM.p), r: r3(heldM.r), f1: r3(heldM.f) },
  };
  if (fs.existsSync(path.join(devDir, 'attributions'))) {
    const dev = annotateSplit(devDir);
    const devIds = new Map(Object.keys(weights).map((k, i) => [k, i] as const));
    const values = Object.values(weights);
    const devData = examples(dev, devIds, false);
    const m = prf(devData, x => x.features.reduce((s, f) => s + (values[f] ?? 0), 0), best.threshold);
    meta.dev = { p: r3(m.p), r: r3(m.r), f1: r3(m.f) };
    console.log(`train-cues: dev cue heads P ${m.p.toFixed(3)} R ${m.r.toFixed(3)} F1 ${m.f.toFixed(3)} (reported only)`);
  }
  console.log(`train-cues: ${Object.keys(weights).length} weights from ${allData.length} candidates`);
  if (argv.includes('--no-write')) return;
  const out = path.join(REPO, 'src', 'rules', 'cues.weights.json');
  fs.writeFileSync(out, `${JSON.stringify(fileCueWeights(weights, best.threshold, meta))}\n`);
  console.log(`train-cues: wrote ${path.relative(process.cwd(), out)} (${Math.round(fs.statSync(out).size / 1024)} KB)`);
}

main();
