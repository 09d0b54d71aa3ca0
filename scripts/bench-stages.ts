/**
 * `node dist/scripts/bench-stages.js [--limit N] [--warm W] [--reps R]`: milliseconds per pipeline stage
 * over the first N articles of ../shared/bench/articles.jsonl (default 3000), in this process, after a
 * warm-up over W other articles (default 600), best of R passes (default 2). Pass 0 still carries much
 * of the JIT's warm-up; later passes show the steady state. Skips with a message when ../shared is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { processRecord } from '../src/batch.js';
import { renderDocument } from '../src/batch/chunk.js';
import { tuneCompilerForBatch } from '../src/batch/compilerTuning.js';
import { recordFromLine, type InputRecord } from '../src/io/inputs.js';
import { STAGES } from '../src/stages/index.js';

// as the CLI runs: the pipeline's passes here are timed with the compiler settings it uses
tuneCompilerForBatch();

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'bench', 'articles.jsonl');
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const limit = arg('--limit', 3000);
const warm = arg('--warm', 600);
const reps = arg('--reps', 2);

if (!fs.existsSync(CORPUS)) {
  console.log(`bench-stages skipped: ${path.relative(process.cwd(), CORPUS)} not found (the benchmark corpus lives in ../shared)`);
  process.exit(0);
}
const lines = fs.readFileSync(CORPUS, 'utf8').split('\n').filter(l => l.trim()).slice(0, limit + warm);
const records = lines.map((l, i) => recordFromLine(l, i + 1, CORPUS, 'articles')).filter((r): r is InputRecord => r !== null);
const measured = records.slice(0, limit);
const warmUp = records.slice(limit);

const stageNanos = new Map<string, bigint>();
for (const stage of STAGES) {
  const run = stage.run.bind(stage);
  (stage as { run: typeof stage.run }).run = doc => {
    const t = process.hrtime.bigint();
    const result = run(doc);
    stageNanos.set(stage.name, (stageNanos.get(stage.name) ?? 0n) + process.hrtime.bigint() - t);
    return result;
  };
}
let renderNanos = 0n;
const pass = (list: readonly InputRecord[]): number => {
  const t = process.hrtime.bigint();
  for (const record of list) {
    const r = processRecord(record);
    if (!r.ok) continue;
    const s = process.hrtime.bigint();
    renderDocument(r.document, 'jsonl');
    renderNanos += process.hrtime.bigint() - s;
  }
  return Number(process.hrtime.bigint() - t) / 1e6;
};

pass(warmUp);
let best: { total: number; parts: Array<[string, number]> } | null = null;
for (let rep = 0; rep < reps; rep++) {
  stageNanos.clear();
  renderNanos = 0n;
  const total = pass(measured);
  const parts: Array<[string, number]> = [...stageNanos].map(([name, ns]) => [name, Number(ns) / 1e6]);
  const staged = parts.reduce((sum, [, ms]) => sum + ms, 0);
  parts.push(['JSON', Number(renderNanos) / 1e6], ['output and the rest', total - staged - Number(renderNanos) / 1e6]);
  console.error(`pass ${rep}: ${total.toFixed(0)} ms`);
  if (!best || total < best.total) best = { total, parts };
}
if (best) {
  console.log(`claimsift bench-stages: ${measured.length} articles after ${warmUp.length} to warm up, best of ${reps} passes: ${best.total.toFixed(0)} ms`);
  console.log('| stage | ms | share |');
  console.log('|---|---|---|');
  for (const [name, ms] of best.parts) console.log(`| ${name} | ${ms.toFixed(0)} | ${((100 * ms) / best.total).toFixed(0)}% |`);
}
