/**
 * `claimsift eval`: scores extractions against gold with the same figures as the reference scorers
 * in shared/tools/ (score-gold, score-polnear, score-newsquant, score-ct24), plus a breakdown by rule
 * and status with a few examples of misses and false alarms per slice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { processRecord, type ErrorRecord } from '../batch.js';
import { recordFromJson, recordsFromFile, UsageError, type InputRecord } from '../io/inputs.js';
import { roundMetrics, type PredDoc, type Predictions, type ScoreResult } from './common.js';
import { loadPredictions, predictionsFrom } from './predictions.js';
import { formatReport, summaryLine, type EvalReport, type GoldType } from './report.js';
import { loadCt24, scoreCt24 } from './score-ct24.js';
import { loadGold, scoreGold, type GoldEntry } from './score-gold.js';
import { loadNewsquant, scoreNewsquant } from './score-newsquant.js';
import { loadPolnear, scorePolnear } from './score-polnear.js';

export * from './common.js';
export * from './predictions.js';
export * from './report.js';
export * from './score-ct24.js';
export * from './score-gold.js';
export * from './score-newsquant.js';
export * from './score-polnear.js';

export interface EvalArgs { gold: string[]; pred?: string | undefined; json: boolean }

const isDir = (p: string): boolean => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** Which kind of gold a --gold path is: a brat folder, a CheckThat! .tsv, a NewsQuant .jsonl, or *.gold.json. */
export function detectGoldType(p: string): GoldType {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`[E030] gold not found: ${p}`);
  if (stat.isDirectory()) {
    if (isDir(path.join(p, 'text')) && isDir(path.join(p, 'attributions'))) return 'polnear';
    if (fs.readdirSync(p).some(f => f.endsWith('.gold.json'))) return 'gold';
    throw new UsageError(`[E031] ${p} holds neither *.gold.json files nor text/ and attributions/ folders`);
  }
  if (p.endsWith('.tsv')) return 'ct24';
  if (p.endsWith('.json')) return 'gold';
  if (p.endsWith('.jsonl')) {
    const first = fs.readFileSync(p, 'utf8').split('\n').find(l => l.trim());
    let value: unknown = null;
    try { value = first === undefined ? null : JSON.parse(first); } catch { /* reported below */ }
    if (value && typeof value === 'object' && 'quantities' in value) return 'newsquant';
    throw new UsageError(`[E032] ${p}: a gold .jsonl must hold NewsQuant records ({id, text, quantities})`);
  }
  throw new UsageError(`[E033] cannot tell what kind of gold ${p} is (want *.gold.json, a brat folder, a NewsQuant .jsonl or a CheckThat! .tsv)`);
}

/** The project folder (the one whose package.json names claimsift), found from this module's location. */
export function projectRoot(): string | null {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (pkg.name === 'claimsift') return dir;
    } catch { /* keep looking */ }
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * Finds the article a gold file annotates: the file its `article` field names next to the gold file,
 * else corpus/<id>.txt, else a record with that id in corpus/*.jsonl. The record's id is set to `id`.
 */
export function goldArticleFinder(corpusDir: string | null): (id: string, entry: GoldEntry) => InputRecord | null {
  let corpusRecords: Map<string, InputRecord> | null = null;
  const fromFile = (file: string, id: string): InputRecord | null => {
    const records = [...recordsFromFile(file)];
    const record = records.length === 1 ? records[0] : records.find(r => r.id === id);
    return record ? { ...record, id } : null;
  };
  return (id, { file, gold }) => {
    if (typeof gold.article === 'string' && gold.article) {
      const beside = path.resolve(path.dirname(file), gold.article);
      if (fs.existsSync(beside)) return fromFile(beside, id);
    }
    if (!corpusDir) return null;
    const txt = path.join(corpusDir, `${id}.txt`);
    if (fs.existsSync(txt)) return fromFile(txt, id);
    if (!corpusRecords) {
      corpusRecords = new Map();
      for (const f of fs.readdirSync(corpusDir).filter(f => f.endsWith('.jsonl')).sort()) {
        for (const r of recordsFromFile(path.join(corpusDir, f))) if (!corpusRecords.has(r.id)) corpusRecords.set(r.id, r);
      }
    }
    return corpusRecords.get(id) ?? null;
  };
}

/** Extracts records with the library, as `claimsift extract` would (code point offsets). */
export function extractRecords(records: Iterable<InputRecord>, onProgress?: (done: number) => void): { docs: PredDoc[]; errors: ErrorRecord[] } {
  const docs: PredDoc[] = [], errors: ErrorRecord[] = [];
  for (const record of records) {
    const result = processRecord(record);
    if (result.ok) docs.push(result.document as unknown as PredDoc);
    else errors.push(result.record);
    onProgress?.(docs.length + errors.length);
  }
  return { docs, errors };
}

/** Runs a loader; what goes wrong reading gold or predictions becomes a UsageError naming the input. */
function reading<T>(what: string, load: () => T): T {
  try {
    return load();
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`[E038] cannot read ${what}: ${(err as Error).message}`);
  }
}

interface Scoring { result: ScoreResult; extraction: EvalReport['extraction'] }

/** Scores one kind of gold against --pred, or against the library's own extraction of the gold articles. */
export function evaluate(type: GoldType, gold: readonly string[], pred: string | undefined, log: (msg: string) => void = () => {}): Scoring {
  if (type !== 'gold' && gold.length !== 1) throw new UsageError(`[E034] give one --gold for ${type} data (got ${gold.length})`);
  const single = gold[0]!;
  if (pred !== undefined && !fs.existsSync(pred)) throw new UsageError(`[E035] predictions not found: ${pred}`);
  const missingArticles: string[] = [];
  let records: InputRecord[] = [];
  let score: (preds: Predictions) => ScoreResult;
  switch (type) {
    case 'gold': {
      const entries = reading(gold.join(', '), () => loadGold(gold));
      score = preds => scoreGold(new Map([...entries].map(([id, e]) => [id, e.gold])), preds);
      if (pred === undefined) {
        const root = projectRoot();
        const find = goldArticleFinder(root ? path.join(root, 'corpus') : null);
        for (const [id, entry] of entries) {
          const record = find(id, entry);
          if (record) records.push(record); else missingArticles.push(`${id} (${entry.file})`);
        }
      }
      break;
    }
    case 'polnear': {
      const articles = reading(single, () => loadPolnear(single));
      score = preds => scorePolnear(articles, preds);
      if (pred === undefined) records = articles.flatMap(a => [...recordsFromFile(path.join(single, 'text', `${a.id}.txt`))].slice(0, 1).map(r => ({ ...r, id: a.id })));
      break;
    }
    case 'newsquant': {
      const recs = reading(single, () => loadNewsquant(single));
      score = preds => scoreNewsquant(recs, preds);
      if (pred === undefined) records = recs.map((r, i) => recordFromJson({ id: r.id, text: r.text }, String(r.id), `${single}:${i + 1}`));
      break;
    }
    case 'ct24': {
      const rows = reading(single, () => loadCt24(single));
      score = preds => scoreCt24(rows, preds);
      if (pred === undefined) records = rows.map(([id = '', text = ''], i) => recordFromJson({ id, text }, id, `${single}:${i + 2}`));
      break;
    }
  }
  if (pred !== undefined) return { result: score(reading(pred, () => loadPredictions(pred, type))), extraction: null };

  const started = Date.now();
  if (records.length > 20) log(`claimsift eval: extracting ${records.length} articles…`);
  const { docs, errors } = extractRecords(records);
  for (const e of errors) log(`claimsift eval: ${e.source}: ${e.error.message}`);
  for (const m of missingArticles) log(`claimsift eval: no article text found for gold ${m}`);
  if (records.length > 20) log(`claimsift eval: extracted ${docs.length} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { result: score(predictionsFrom(docs, type)), extraction: { articles: docs.length, errors, missingArticles } };
}

/** Builds the full report for the given --gold paths (all of one kind) and optional --pred. */
export function buildReport(args: EvalArgs, log: (msg: string) => void = () => {}): EvalReport {
  if (!args.gold.length) throw new UsageError('[E036] give --gold');
  const types = [...new Set(args.gold.map(detectGoldType))];
  if (types.length !== 1) throw new UsageError(`[E037] --gold paths are of different kinds (${types.join(', ')}); score them one kind at a time`);
  const type = types[0]!;
  const { result, extraction } = evaluate(type, args.gold, args.pred, log);
  const metrics = roundMetrics(result.metrics);
  return {
    goldType: type,
    gold: args.gold,
    pred: args.pred ?? null,
    extraction,
    metrics,
    misses: result.misses,
    summary: summaryLine(type, result.metrics),
    breakdown: result.breakdown,
  };
}

/**
 * Runs `claimsift eval`. Exit code 0; 1 when an article could not be extracted on the fly (its figures
 * are still printed, counting it as missing); usage errors are thrown as UsageError (exit 2 in the CLI).
 */
export async function runEval(args: EvalArgs): Promise<number> {
  const report = buildReport(args, msg => process.stderr.write(`${msg}\n`));
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 1)}\n` : formatReport(report));
  return report.extraction?.errors.length ? 1 : 0;
}
