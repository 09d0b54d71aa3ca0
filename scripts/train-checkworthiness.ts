/**
 * Fits the check-worthiness model (src/stages/checkworthiness/) on the CLEF CheckThat! 2024 English
 * training sentences and writes src/rules/checkworthiness.weights.json.
 *
 *   npx tsc -p tsconfig.json && node dist/scripts/train-checkworthiness.js [options]
 *
 * Options:
 *   --shared <dir>     where shared/ is (default: <repo>/../shared)
 *   --dev-pred <file>  also write dev predictions as JSONL documents for tools/score-ct24.mjs
 *   --grid '<json>'    cross-validate a grid of hyper-parameters on train and print it (dev unused), e.g.
 *                      --grid '{"l2":[3e-4,1e-3],"families":["ub","ubp"]}'
 *   --oof <file>       write the out-of-fold (cross-validated) train predictions as JSONL, for error analysis
 *   --no-write         do not write the weights file
 *
 * Data: reads datasets/checkthat2024/train.tsv (fit, 5-fold cross-validation for the hyper-parameters,
 * calibration and operating point) and dev.tsv (reported only, never fitted on). Skips with a message
 * when shared/ is absent. Deterministic: fixed fold seed, full-batch L-BFGS from zero.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NAMED_FEATURES, lexicalKeys, namedFeatures, tokenize, type CwToken } from '../src/stages/checkworthiness/features.js';
import { WEIGHTS_FORMAT, compile, scoreTokens, sigmoid, type CheckworthinessWeights } from '../src/stages/checkworthiness/model.js';

// ---------------------------------------------------------------------------------------------
// hyper-parameters (chosen by `--grid` cross-validation on train; see docs/model-card-checkworthiness.md)
interface Hyper {
  /** L2 strength on lexical weights (per example, i.e. the loss is a weighted mean) */
  l2: number;
  /** L2 strength on named-feature weights, relative to l2 */
  namedL2Ratio: number;
  /** keep a lexical key when it occurs in at least this many training sentences */
  minCount: number;
  /** the lexical key families used (prefixes of lexicalKeys()'s keys: u w b t p x) */
  families: string;
  /** lexical values: 1 ("none") or 1/sqrt(number of the sentence's lexical keys) ("sqrt") */
  norm: 'none' | 'sqrt';
  /** Naive-Bayes feature scaling (NBSVM): smoothing alpha, or 0 for none */
  nb: number;
  /** weight of a positive example in the loss */
  posWeight: number;
  /** after fitting, drop lexical weights smaller than this in magnitude */
  prune: number;
}
const HYPER: Hyper = { l2: 3e-4, namedL2Ratio: 0.1, minCount: 3, families: 'ubw', norm: 'none', nb: 0, posWeight: 1, prune: 0.1 };
const FOLDS = 5;
const SEED = 20240101;
const DECIMALS = 3;

// ---------------------------------------------------------------------------------------------
// data

interface Row {
  id: string;
  text: string;
  yes: boolean;
}
interface Example {
  id: string;
  text: string;
  y: number;
  tokens: CwToken[];
  named: number[];
  keys: string[];
}

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'src', 'stages', 'checkworthiness'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the claimsift repository root above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

function unquote(field: string): string {
  const f = field.trim();
  const text = f.length >= 2 && f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f;
  // a few sentences carry a doubly UTF-8-encoded apostrophe
  return text.replace(/\u00C3\u00A2\u00E2\u201A\u00AC\u00E2\u201E\u00A2/g, "'");
}

function readTsv(file: string): Row[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n').slice(1);
  const rows: Row[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const [id, text, label] = line.replace(/\r$/, '').split('\t');
    if (id === undefined || text === undefined || label === undefined) continue;
    rows.push({ id: id.trim(), text: unquote(text), yes: label.trim() === 'Yes' });
  }
  return rows;
}

const NAMED_INDEX = new Map<string, number>(NAMED_FEATURES.map((n, i) => [n, i]));

function toExample(row: Row): Example {
  const tokens = tokenize(row.text);
  const named = namedFeatures(tokens);
  return {
    id: row.id,
    text: row.text,
    y: row.yes ? 1 : 0,
    tokens,
    named: named.map(n => NAMED_INDEX.get(n) ?? -1),
    keys: lexicalKeys(tokens, named),
  };
}

// ---------------------------------------------------------------------------------------------
// deterministic randomness

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stratified fold number for each example. */
function folds(examples: Example[], k: number, seed: number): number[] {
  const rand = mulberry32(seed);
  const fold = new Array<number>(examples.length).fill(0);
  for (const label of [0, 1]) {
    const idx = examples.map((e, i) => (e.y === label ? i : -1)).filter(i => i >= 0);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    idx.forEach((ex, r) => (fold[ex] = r % k));
  }
  return fold;
}

// ---------------------------------------------------------------------------------------------
// logistic regression, full-batch L-BFGS

interface Design {
  vocab: string[];
  keyIndex: Map<string, number>;
  /** per lexical key: the Naive-Bayes log-count ratio |r| it is scaled by (1 when h.nb is 0) */
  scale: number[];
  dim: number;
}

function buildDesign(train: Example[], h: Hyper): Design {
  const counts = new Map<string, number>();
  for (const e of train) for (const key of e.keys) if (h.families.includes(key[0]!)) counts.set(key, (counts.get(key) ?? 0) + 1);
  const vocab = [...counts].filter(([, c]) => c >= h.minCount).map(([k]) => k).sort();
  const keyIndex = new Map<string, number>(vocab.map((k, i) => [k, NAMED_FEATURES.length + i]));
  const scale = vocab.map(() => 1);
  if (h.nb > 0) {
    const pos = new Map<string, number>();
    let nPos = 0;
    for (const e of train) {
      if (!e.y) continue;
      nPos++;
      for (const key of e.keys) if (keyIndex.has(key)) pos.set(key, (pos.get(key) ?? 0) + 1);
    }
    const nNeg = train.length - nPos;
    vocab.forEach((k, i) => {
      const p = pos.get(k) ?? 0;
      const q = (counts.get(k) ?? 0) - p;
      const r = Math.log((p + h.nb) / (nPos + 2 * h.nb)) - Math.log((q + h.nb) / (nNeg + 2 * h.nb));
      scale[i] = Math.abs(r) + 0.1;
    });
  }
  return { vocab, keyIndex, scale, dim: NAMED_FEATURES.length + vocab.length };
}

interface SparseRow {
  idx: Int32Array;
  val: Float64Array;
}

/** How much each lexical key of the example counts: 1, or 1/sqrt(number of keys) when normalised. */
function lexicalValue(e: Example, h: Hyper): number {
  if (h.norm === 'none') return 1;
  let n = 0;
  for (const key of e.keys) if (h.families.includes(key[0]!)) n++;
  return 1 / Math.sqrt(Math.max(1, n));
}

function rowOf(e: Example, d: Design, h: Hyper): SparseRow {
  const idx: number[] = e.named.filter(i => i >= 0);
  const val: number[] = idx.map(() => 1);
  const v = lexicalValue(e, h);
  for (const key of e.keys) {
    const j = d.keyIndex.get(key);
    if (j !== undefined) {
      idx.push(j);
      val.push(v * (d.scale[j - NAMED_FEATURES.length] ?? 1));
    }
  }
  return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
}

interface Fitted {
  w: Float64Array;
  b: number;
}

function fit(rows: SparseRow[], ys: number[], dim: number, h: Hyper): Fitted {
  const n = rows.length;
  const cw = ys.map(y => (y ? h.posWeight : 1));
  const total = cw.reduce((a, c) => a + c, 0);
  const nNamed = NAMED_FEATURES.length;
  const reg = new Float64Array(dim + 1);
  for (let j = 0; j < dim; j++) reg[j] = j < nNamed ? h.l2 * h.namedL2Ratio : h.l2;
  reg[dim] = 0; // the bias
  // parameters: x[0..dim) weights, x[dim] bias
  const evaluate = (x: Float64Array, g: Float64Array): number => {
    g.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const { idx, val } = rows[i]!;
      let m = x[dim]!;
      for (let k = 0; k < idx.length; k++) m += x[idx[k]!]! * val[k]!;
      const y = ys[i]!;
      // log(1 + exp(-s m)) with s = ±1
      const s = y ? 1 : -1;
      const z = -s * m;
      loss += cw[i]! * (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
      const p = sigmoid(m);
      const gi = (cw[i]! * (p - y)) / total;
      for (let k = 0; k < idx.length; k++) g[idx[k]!] = g[idx[k]!]! + gi * val[k]!;
      g[dim] = g[dim]! + gi;
    }
    loss /= total;
    for (let j = 0; j <= dim; j++) {
      loss += 0.5 * reg[j]! * x[j]! * x[j]!;
      g[j] = g[j]! + reg[j]! * x[j]!;
    }
    return loss;
  };
  const x = lbfgs(evaluate, dim + 1, 300, 1e-7);
  return { w: x.subarray(0, dim), b: x[dim]! };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function lbfgs(f: (x: Float64Array, g: Float64Array) => number, dim: number, maxIter: number, tol: number): Float64Array {
  const m = 10;
  let x = new Float64Array(dim);
  let g = new Float64Array(dim);
  let fx = f(x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const xn = new Float64Array(dim);
  const gn = new Float64Array(dim);
  for (let iter = 0; iter < maxIter; iter++) {
    // two-loop recursion
    const q = Float64Array.from(g);
    const alpha: number[] = [];
    for (let i = S.length - 1; i >= 0; i--) {
      const a = rho[i]! * dot(S[i]!, q);
      alpha[i] = a;
      const y = Y[i]!;
      for (let j = 0; j < dim; j++) q[j] = q[j]! - a * y[j]!;
    }
    const gamma = S.length ? dot(S[S.length - 1]!, Y[Y.length - 1]!) / dot(Y[Y.length - 1]!, Y[Y.length - 1]!) : 1 / Math.max(1, Math.sqrt(dot(g, g)));
    for (let j = 0; j < dim; j++) q[j] = q[j]! * gamma;
    for (let i = 0; i < S.length; i++) {
      const beta = rho[i]! * dot(Y[i]!, q);
      const s = S[i]!;
      for (let j = 0; j < dim; j++) q[j] = q[j]! + s[j]! * (alpha[i]! - beta);
    }
    // direction d = -q; backtracking line search (Armijo)
    let slope = -dot(g, q);
    if (slope >= 0) {
      // not a descent direction: restart from steepest descent
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let j = 0; j < dim; j++) q[j] = g[j]!;
      slope = -dot(g, g);
    }
    let step = 1;
    let fn = 0;
    for (let ls = 0; ls < 40; ls++) {
      for (let j = 0; j < dim; j++) xn[j] = x[j]! - step * q[j]!;
      fn = f(xn, gn);
      if (fn <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    const s = new Float64Array(dim);
    const y = new Float64Array(dim);
    for (let j = 0; j < dim; j++) {
      s[j] = xn[j]! - x[j]!;
      y[j] = gn[j]! - g[j]!;
    }
    const sy = dot(s, y);
    const done = Math.abs(fx - fn) <= tol * Math.max(1, Math.abs(fx));
    x = Float64Array.from(xn);
    g = Float64Array.from(gn);
    fx = fn;
    if (sy > 1e-12) {
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
      if (S.length > m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
    }
    if (done) break;
  }
  return x;
}

/** The fitted model as a weights object (rounded, pruned), uncalibrated. */
function toWeights(fitted: Fitted, d: Design, h: Hyper): CheckworthinessWeights {
  const round = (v: number): number => Number(v.toFixed(DECIMALS));
  const named: Record<string, number> = {};
  NAMED_FEATURES.forEach((name, i) => (named[name] = round(fitted.w[i] ?? 0)));
  const lexical: Record<string, number> = {};
  d.vocab.forEach((key, i) => {
    const v = (fitted.w[NAMED_FEATURES.length + i] ?? 0) * (d.scale[i] ?? 1);
    if (Math.abs(v) >= h.prune) lexical[key] = round(v);
  });
  return {
    format: WEIGHTS_FORMAT,
    model: 'logistic-regression',
    bias: round(fitted.b),
    named,
    lexical,
    families: h.families,
    lexicalNorm: h.norm,
    calibration: { slope: 1, intercept: 0, threshold: 0.5 },
  };
}

function train(examples: Example[], h: Hyper): CheckworthinessWeights {
  const d = buildDesign(examples, h);
  const rows = examples.map(e => rowOf(e, d, h));
  return toWeights(fit(rows, examples.map(e => e.y), d.dim, h), d, h);
}

/** The uncalibrated margin (log-odds) of each example under weights. */
function margins(weights: CheckworthinessWeights, examples: Example[]): number[] {
  const model = compile({ ...weights, calibration: { slope: 1, intercept: 0, threshold: 0.5 } });
  return examples.map(e => {
    const p = scoreTokens(model, e.tokens).score;
    return Math.log(p / (1 - p));
  });
}

// ---------------------------------------------------------------------------------------------
// metrics and calibration

interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

function prf(scores: number[], ys: number[], threshold: number): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    if (s >= threshold) ys[i] ? tp++ : fp++;
    else if (ys[i]) fn++;
  });
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Average precision of the ranking, computed as tools/score-ct24.mjs does. */
function averagePrecision(scores: number[], ys: number[]): number {
  const order = scores.map((s, i) => [s, ys[i]!] as const).sort((a, b) => b[0] - a[0]);
  let hits = 0;
  let ap = 0;
  order.forEach(([, y], i) => {
    if (y) {
      hits++;
      ap += hits / (i + 1);
    }
  });
  return ap / Math.max(1, hits);
}

/** Platt scaling: p = sigmoid(a m + b) fitted by Newton's method on (margin, label) pairs. */
function platt(ms: number[], ys: number[]): { slope: number; intercept: number } {
  let a = 1;
  let b = 0;
  for (let it = 0; it < 100; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    ms.forEach((m, i) => {
      const p = sigmoid(a * m + b);
      const r = p - ys[i]!;
      const w = p * (1 - p);
      ga += r * m;
      gb += r;
      haa += w * m * m;
      hab += w * m;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { slope: a, intercept: b };
}

/** The probability threshold that maximises F1 (the midpoint between neighbouring scores). */
function bestThreshold(ps: number[], ys: number[]): { threshold: number; f1: number } {
  const sorted = ps.map((p, i) => [p, ys[i]!] as const).sort((a, b) => b[0] - a[0]);
  const positives = ys.reduce((a, y) => a + y, 0);
  let tp = 0;
  let best = { threshold: 0.5, f1: 0 };
  for (let i = 0; i < sorted.length; i++) {
    tp += sorted[i]![1];
    const next = sorted[i + 1]?.[0];
    if (next !== undefined && next === sorted[i]![0]) continue;
    const f1 = (2 * tp) / (i + 1 + positives);
    if (f1 > best.f1) best = { threshold: next === undefined ? sorted[i]![0] : (sorted[i]![0] + next) / 2, f1 };
  }
  return best;
}

interface CvResult {
  margins: number[];
  /** F1 at the best threshold over the pooled out-of-fold predictions */
  bestF1: number;
  ap: number;
  lexicalKept: number;
}

function crossValidate(examples: Example[], h: Hyper): CvResult {
  const fold = folds(examples, FOLDS, SEED);
  const oof = new Array<number>(examples.length).fill(0);
  let kept = 0;
  for (let k = 0; k < FOLDS; k++) {
    const tr = examples.filter((_, i) => fold[i] !== k);
    const te = examples.map((e, i) => [e, i] as const).filter(([, i]) => fold[i] === k);
    const weights = train(tr, h);
    kept += Object.keys(weights.lexical).length / FOLDS;
    const ms = margins(weights, te.map(([e]) => e));
    te.forEach(([, i], j) => (oof[i] = ms[j]!));
  }
  const ys = examples.map(e => e.y);
  return { margins: oof, bestF1: bestThreshold(oof.map(sigmoid), ys).f1, ap: averagePrecision(oof, ys), lexicalKept: Math.round(kept) };
}

// ---------------------------------------------------------------------------------------------

function fmt(x: number): string {
  return x.toFixed(3);
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const root = findRoot();
  const shared = path.resolve(opt('--shared') ?? path.join(root, '..', 'shared'));
  const dataDir = path.join(shared, 'datasets', 'checkthat2024');
  const trainFile = path.join(dataDir, 'train.tsv');
  const devFile = path.join(dataDir, 'dev.tsv');
  if (!fs.existsSync(trainFile)) {
    console.log(`train-checkworthiness: ${trainFile} not found; skipping (the committed weights are left as they are).`);
    return;
  }
  const t0 = Date.now();
  const trainSet = readTsv(trainFile).map(toExample);
  console.log(`train: ${trainSet.length} sentences (${trainSet.filter(e => e.y).length} Yes), featurised in ${Date.now() - t0} ms`);
  const ys = trainSet.map(e => e.y);

  if (args.includes('--grid')) {
    // --grid '{"l2":[3e-4,1e-3],"families":["ub","ubp"]}': every combination, the rest as HYPER
    const spec = JSON.parse(opt('--grid') ?? '{}') as Partial<Record<keyof Hyper, unknown[]>>;
    let grid: Hyper[] = [HYPER];
    for (const [key, values] of Object.entries(spec)) grid = grid.flatMap(h => (values ?? []).map(v => ({ ...h, [key]: v }) as Hyper));
    console.log('l2\tnamedL2\tminCount\tfamilies\tposW\tprune\tkept\tcvBestF1\tcvAP');
    for (const h of grid) {
      const cv = crossValidate(trainSet, h);
      console.log([h.l2, h.namedL2Ratio, h.minCount, h.families, h.norm, h.nb, h.posWeight, h.prune, cv.lexicalKept, fmt(cv.bestF1), fmt(cv.ap)].join('\t'));
    }
    return;
  }

  // cross-validation on train: out-of-fold margins give calibration and the operating point
  const cv = crossValidate(trainSet, HYPER);
  const cal = platt(cv.margins, ys);
  const calibrated = cv.margins.map(m => sigmoid(cal.slope * m + cal.intercept));
  const op = bestThreshold(calibrated, ys);
  const threshold = Number(op.threshold.toFixed(DECIMALS));
  const cvAt = prf(calibrated, ys, threshold);
  console.log(`cv (${FOLDS}-fold, train): F1 ${fmt(cvAt.f1)} P ${fmt(cvAt.precision)} R ${fmt(cvAt.recall)} at the operating point; AP ${fmt(cv.ap)}`);
  const oofFile = opt('--oof');
  if (oofFile) fs.writeFileSync(oofFile, trainSet.map((e, i) => JSON.stringify({ id: e.id, y: e.y, p: calibrated[i], text: e.text, features: namedFeatures(e.tokens) })).join('\n') + '\n');
  console.log(`calibration: slope ${cal.slope.toFixed(4)} intercept ${cal.intercept.toFixed(4)}; operating point p=${threshold} is mapped to 0.5`);

  // the final model: all of train
  const weights = train(trainSet, HYPER);
  weights.calibration = { slope: Number(cal.slope.toFixed(DECIMALS)), intercept: Number(cal.intercept.toFixed(DECIMALS)), threshold };
  const model = compile(weights);
  const trainFit = prf(trainSet.map(e => scoreTokens(model, e.tokens).score), ys, 0.5);
  const training: Record<string, unknown> = {
    data: 'CLEF CheckThat! 2024 task 1, English train.tsv (not redistributed)',
    sentences: trainSet.length,
    positives: ys.reduce((a, y) => a + y, 0),
    hyper: HYPER,
    folds: FOLDS,
    seed: SEED,
    cv: { f1: round3(cvAt.f1), precision: round3(cvAt.precision), recall: round3(cvAt.recall), averagePrecision: round3(cv.ap) },
    trainFitF1: round3(trainFit.f1),
  };

  if (fs.existsSync(devFile)) {
    const dev = readTsv(devFile);
    const scores = dev.map(r => scoreTokens(model, tokenize(r.text)).score);
    const devYs = dev.map(r => (r.yes ? 1 : 0));
    const m = prf(scores, devYs, 0.5);
    const ap = averagePrecision(scores, devYs);
    console.log(`dev (${dev.length} sentences, reported only): F1 ${fmt(m.f1)} P ${fmt(m.precision)} R ${fmt(m.recall)} at 0.5; AP ${fmt(ap)}`);
    training.dev = { f1: round3(m.f1), precision: round3(m.precision), recall: round3(m.recall), averagePrecision: round3(ap) };
    const predFile = opt('--dev-pred');
    if (predFile) {
      const lines = dev.map((r, i) => JSON.stringify({ article: { id: r.id }, text: r.text, claims: [{ checkworthiness: scores[i] }] }));
      fs.writeFileSync(predFile, lines.join('\n') + '\n');
      console.log(`dev predictions: ${predFile}`);
    }
  }
  weights.training = training;
  console.log(`weights: ${NAMED_FEATURES.length} named features, ${Object.keys(weights.lexical).length} lexical keys`);
  if (!args.includes('--no-write')) {
    const out = path.join(root, 'src', 'rules', 'checkworthiness.weights.json');
    fs.writeFileSync(out, JSON.stringify(weights) + '\n');
    console.log(`wrote ${path.relative(root, out)} (${fs.statSync(out).size} bytes) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main();
