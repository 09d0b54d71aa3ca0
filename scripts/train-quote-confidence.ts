/**
 * Trains the quote-confidence model (src/stages/quotes/confidence.ts): a logistic regression that
 * says how likely a quote the rules found is one an annotator marked too, fitted on PolNeAR train and
 * written to src/rules/quote-confidence.weights.json.
 *
 *   npx tsc -p tsconfig.json && node dist/scripts/train-quote-confidence.js [--shared <dir>] [--no-write]
 *
 * A quote is right when score-polnear.mjs would pair it with a gold attribution: each content overlaps
 * the other by at least half, one to one, the best overlaps first. Data: ../shared/datasets/polnear/train
 * (fit; 5-fold cross-validation over its articles gives the held-out figures), dev (reported only,
 * never fitted or tuned on). Full-batch gradient descent from zero with fixed steps: deterministic.
 * Skips with a message when shared/ is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createDoc } from '../src/document.js';
import { loadPolnear, type BratAttribution } from '../src/eval/score-polnear.js';
import type { Quote, Span } from '../src/model.js';
import { runStages } from '../src/pipeline.js';
import { STAGES } from '../src/stages/index.js';
import { QUOTE_CONFIDENCE_FORMAT, quoteFeatures, type QuoteConfidenceWeights } from '../src/stages/quotes/confidence.js';
import { REPO, polnearDirs } from './count-cues.js';

const FOLDS = 5;
/** a feature must occur this often in train to get a weight */
const MIN_FEATURE_COUNT = 5;
/** L2 penalty per example on every weight but the bias */
const LAMBDA = 1e-3;
const ITERATIONS = 400;
const STEP = 0.5;

/** The pipeline up to and including the rule-based quotes: the confidences the rules give. */
const UP_TO_QUOTES = STAGES.slice(0, STAGES.findIndex(s => s.name === 'quotes') + 1);

interface Example {
  features: string[];
  right: boolean;
  /** the rules' confidence */
  rule: number;
  article: number;
}

const overlapOf = (a: readonly Span[], b: readonly Span[]): number => {
  let n = 0;
  for (const x of a) for (const y of b) n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return n;
};
const sizeOf = (a: readonly Span[]): number => a.reduce((n, s) => n + Math.max(0, s.end - s.start), 0);

/** Which quotes score-polnear.mjs pairs with a gold attribution. */
function rightQuotes(gold: readonly BratAttribution[], quotes: readonly Quote[]): Set<number> {
  const pairs: Array<[number, number, number]> = [];
  gold.forEach((g, gi) => quotes.forEach((q, qi) => {
    const i = overlapOf(g.content, [q.content]);
    if (i >= 0.5 * sizeOf(g.content) && i >= 0.5 * sizeOf([q.content])) pairs.push([(2 * i) / (sizeOf(g.content) + sizeOf([q.content])), gi, qi]);
  }));
  pairs.sort((a, b) => b[0] - a[0]);
  const goldUsed = new Set<number>();
  const right = new Set<number>();
  for (const [, gi, qi] of pairs) {
    if (goldUsed.has(gi) || right.has(qi)) continue;
    goldUsed.add(gi);
    right.add(qi);
  }
  return right;
}

function examplesOf(dir: string): Example[] {
  const out: Example[] = [];
  for (const [article, a] of loadPolnear(dir).entries()) {
    const doc = runStages(createDoc(a.text, { id: a.id }), UP_TO_QUOTES);
    const right = rightQuotes(a.attributions, doc.quotes);
    doc.quotes.forEach((q, i) => out.push({ features: quoteFeatures(q, doc.text), right: right.has(i), rule: q.confidence, article }));
  }
  return out;
}

interface Fit { bias: number; weights: Map<string, number> }

function fit(data: readonly Example[]): Fit {
  const counts = new Map<string, number>();
  for (const x of data) for (const f of x.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const ids = new Map<string, number>();
  for (const [f, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (n >= MIN_FEATURE_COUNT) ids.set(f, ids.size);
  const rows = data.map(x => x.features.map(f => ids.get(f)).filter((id): id is number => id !== undefined));
  const w = new Float64Array(ids.size);
  let bias = 0;
  const n = data.length;
  for (let it = 0; it < ITERATIONS; it++) {
    const grad = new Float64Array(ids.size);
    let gBias = 0;
    rows.forEach((row, k) => {
      let z = bias;
      for (const id of row) z += w[id] as number;
      const err = 1 / (1 + Math.exp(-z)) - ((data[k] as Example).right ? 1 : 0);
      gBias += err;
      for (const id of row) grad[id] = (grad[id] as number) + err;
    });
    bias -= (STEP * gBias) / n;
    for (let id = 0; id < w.length; id++) w[id] = (w[id] as number) - STEP * ((grad[id] as number) / n + LAMBDA * (w[id] as number));
  }
  const weights = new Map<string, number>();
  for (const [f, id] of ids) {
    const v = Math.round((w[id] as number) * 1000) / 1000;
    if (v !== 0) weights.set(f, v);
  }
  return { bias: Math.round(bias * 1000) / 1000, weights };
}

const probability = (m: Fit, x: Example): number => {
  let z = m.bias;
  for (const f of x.features) z += m.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
};

/** Brier score, expected calibration error (10 equal-width bins) and average precision of a confidence. */
function figures(data: readonly Example[], p: (x: Example) => number): { brier: number; ece: number; averagePrecision: number } {
  let brier = 0;
  const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, y: 0 }));
  for (const x of data) {
    const v = Math.round(p(x) * 100) / 100;
    const y = x.right ? 1 : 0;
    brier += (v - y) ** 2;
    const bin = bins[Math.min(9, Math.floor(v * 10))] as { n: number; p: number; y: number };
    bin.n++; bin.p += v; bin.y += y;
  }
  const ece = bins.reduce((e, b) => e + (b.n ? Math.abs(b.p - b.y) : 0), 0) / Math.max(1, data.length);
  // average precision of the ranking by confidence (ties in input order)
  const ranked = data.map((x, i) => ({ v: p(x), y: x.right, i })).sort((a, b) => b.v - a.v || a.i - b.i);
  const positives = data.filter(x => x.right).length;
  let hits = 0;
  let ap = 0;
  ranked.forEach((r, k) => { if (r.y) { hits++; ap += hits / (k + 1); } });
  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  return { brier: r3(brier / Math.max(1, data.length)), ece: r3(ece), averagePrecision: r3(ap / Math.max(1, positives)) };
}

function main(): void {
  const argv = process.argv.slice(2);
  const dirs = polnearDirs(argv, 'train-quote-confidence', 'nothing to train (the committed weights stay)');
  if (!dirs) return;
  const { trainDir, devDir } = dirs;
  const say = (name: string, rules: ReturnType<typeof figures>, model: ReturnType<typeof figures>): void =>
    console.log(`train-quote-confidence: ${name}: Brier ${rules.brier} → ${model.brier}, ECE ${rules.ece} → ${model.ece}, average precision ${rules.averagePrecision} → ${model.averagePrecision} (rules' confidence → model)`);
  const train = examplesOf(trainDir);
  const articles = (train.at(-1)?.article ?? 0) + 1;
  const heldOut = new Map<Example, number>();
  for (let fold = 0; fold < FOLDS; fold++) {
    const inFold = (x: Example): boolean => Math.floor((x.article * FOLDS) / articles) === fold;
    const m = fit(train.filter(x => !inFold(x)));
    for (const x of train.filter(inFold)) heldOut.set(x, probability(m, x));
  }
  const cv = { rules: figures(train, x => x.rule), model: figures(train, x => heldOut.get(x) ?? 0) };
  say(`${FOLDS}-fold cross-validation on train (${train.length} quotes)`, cv.rules, cv.model);
  const m = fit(train);
  const model: QuoteConfidenceWeights = {
    format: QUOTE_CONFIDENCE_FORMAT,
    bias: m.bias,
    weights: Object.fromEntries(m.weights),
    meta: {
      data: 'PolNeAR v1.0.0 train, 840 articles, first annotator file each (research use; not redistributed)',
      quotes: train.length,
      right: train.filter(x => x.right).length,
      lambda: LAMBDA,
      iterations: ITERATIONS,
      minFeatureCount: MIN_FEATURE_COUNT,
      crossValidation: cv,
    },
  };
  if (fs.existsSync(path.join(devDir, 'attributions'))) {
    const dev = examplesOf(devDir);
    const d = { rules: figures(dev, x => x.rule), model: figures(dev, x => probability(m, x)) };
    model.meta.dev = d;
    say(`dev (${dev.length} quotes, reported only)`, d.rules, d.model);
  }
  console.log(`train-quote-confidence: ${m.weights.size} weights`);
  if (argv.includes('--no-write')) return;
  const out = path.join(REPO, 'src', 'rules', 'quote-confidence.weights.json');
  fs.writeFileSync(out, `${JSON.stringify(model)}\n`);
  console.log(`train-quote-confidence: wrote ${path.relative(process.cwd(), out)} (${Math.round(fs.statSync(out).size / 1024)} KB)`);
}

main();
