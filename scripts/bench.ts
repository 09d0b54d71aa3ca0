/**
 * `npm run bench [-- --limit N] [-- --batch-limit M] [-- --batch-repeat R] [-- --json]`: throughput,
 * memory and cold start of claimsift over ../shared/bench/articles.jsonl (the first N articles, default
 * 3000), beside wink-nlp's own annotation of the same articles (the physical floor of this design); -j1
 * against -j2 over the first M articles (default: N, and at least 3000, since each worker compiles hot
 * code for its first few hundred articles), R times over (default 1): a long run, as over an archive,
 * where that fixed cost of each worker weighs less. Skips with a message when ../shared is absent.
 */
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BatchSummary } from '../src/batch/run.js';
import { recordFromLine, type InputRecord } from '../src/io/inputs.js';
import type { PassKind, PassReply, PassRequest } from './bench-pass.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = fs.existsSync(path.join(here, '..', 'package.json')) ? path.resolve(here, '..') : path.resolve(here, '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'bench', 'articles.jsonl');
const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}

const limit = arg('--limit', 3000);
const batchLimit = arg('--batch-limit', Math.max(limit, 3000));
const batchRepeat = arg('--batch-repeat', 1);
const asJson = process.argv.includes('--json');
const log = (s: string): void => { process.stderr.write(`${s}\n`); };

if (!fs.existsSync(CORPUS)) {
  console.log(`bench skipped: ${path.relative(process.cwd(), CORPUS)} not found (the benchmark corpus lives in ../shared)`);
  process.exit(0);
}

// --- the articles ---------------------------------------------------------------------------------
const allLines = fs.readFileSync(CORPUS, 'utf8').split('\n').filter(l => l.trim());
const lines = allLines.slice(0, limit);
const batchLines = Array.from({ length: batchRepeat }, () => allLines.slice(0, batchLimit)).flat();
const records = lines.map((l, i) => recordFromLine(l, i + 1, CORPUS, 'articles')).filter((r): r is InputRecord => r !== null);
const texts = records.map(r => (r.ok ? r.text : ''));
const words = texts.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0);
const chars = texts.reduce((n, t) => n + t.length, 0);
const slice = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimsift-bench-')), 'articles.jsonl');
fs.writeFileSync(slice, `${batchLines.join('\n')}\n`);
// the same articles dealt into two halves (odd and even lines), for two independent -j1 processes
const halves = [0, 1].map(h => path.join(path.dirname(slice), `half-${h}.jsonl`));
halves.forEach((file, h) => fs.writeFileSync(file, `${batchLines.filter((_, i) => i % 2 === h).join('\n')}\n`));
log(`bench: ${records.length} articles, ${words} words, ${(chars / 1e6).toFixed(1)} M characters from ${path.relative(process.cwd(), CORPUS)}`);

// --- wink-nlp alone and the full pipeline, one core: each in a process of its own (scripts/bench-pass.ts) ---
// This machine's speed swings by a third from minute to minute, so the three passes take turns over slices of
// 100 articles, one process at a time: a slow minute then slows each of them alike, and the ratio holds.
const PASS_CHILD = path.join(ROOT, 'dist', 'scripts', 'bench-pass.js');
const SLICE = 100;
const startPass = (kind: PassKind): ChildProcess => fork(PASS_CHILD, [kind, CORPUS, String(limit)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const reply = (child: ChildProcess): Promise<PassReply> => new Promise((resolve, reject) => {
  const onExit = (code: number | null): void => reject(new Error(`bench: a pass process exited (${code}) before it answered`));
  child.once('exit', onExit);
  child.once('message', (m: PassReply) => { child.off('exit', onExit); resolve(m); });
});
const timeSlice = async (child: ChildProcess, from: number, to: number): Promise<number> => {
  const answer = reply(child);
  child.send({ from, to } satisfies PassRequest);
  const m = await answer;
  if (m === 'ready') throw new Error('bench: a pass process answered out of turn');
  return m.seconds;
};
log('bench: wink-nlp alone and the full pipeline (extract + JSON), one core, each in its own process, in turns');
const passKinds: PassKind[] = ['wink', 'wink-default', 'wink-lean', 'pipeline'];
const passes = passKinds.map(startPass);
await Promise.all(passes.map(reply));
const passSeconds = passKinds.map(() => 0);
for (let from = 0; from < records.length; from += SLICE) {
  const to = Math.min(records.length, from + SLICE);
  for (let k = 0; k < passes.length; k++) passSeconds[k] = (passSeconds[k] ?? 0) + await timeSlice(passes[k] as ChildProcess, from, to);
}
for (const child of passes) child.send('exit' satisfies PassRequest);
const [winkSeconds = 0, defaultSeconds = 0, leanSeconds = 0, pipeSeconds = 0] = passSeconds;

// --- the batch engine: -j1 and -j2, each a fresh process (scripts/bench-batch.ts) -------------------
// Both pay their own start-up (node, modules, the model: once in-process, or once per worker), as a
// `claimsift extract -jN` run does; neither inherits this process's warm JIT and loaded model.
const BATCH_CHILD = path.join(ROOT, 'dist', 'scripts', 'bench-batch.js');
type BatchRun = BatchSummary & { wallSeconds: number; cpuSeconds: number };
const batch = (jobs: number): BatchRun => {
  const t = process.hrtime.bigint();
  const res = spawnSync(process.execPath, [BATCH_CHILD, slice, String(jobs)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const wallSeconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (res.status !== 0) throw new Error(`bench: the -j${jobs} run failed: ${res.stderr}`);
  return { ...(JSON.parse(res.stdout) as BatchSummary & { cpuSeconds: number }), wallSeconds };
};
/**
 * The split a shell script or GNU parallel makes: two independent `-j1` processes at once, one per half of
 * the articles. Nothing shared, nothing to coordinate: what separate processes get from the two cores.
 */
const independentPair = async (): Promise<{ wallSeconds: number; cpuSeconds: number }> => {
  const t = process.hrtime.bigint();
  const runs = await Promise.all(halves.map(file => new Promise<BatchRun>((resolve, reject) => {
    const child = spawn(process.execPath, [BATCH_CHILD, file, '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('close', code => (code === 0 ? resolve(JSON.parse(out) as BatchRun) : reject(new Error(`bench: a half run failed: ${err}`))));
  })));
  return { wallSeconds: Number(process.hrtime.bigint() - t) / 1e9, cpuSeconds: runs.reduce((sum, r) => sum + r.cpuSeconds, 0) };
};
// -j1, -j2 and the pair alternate, twice each; each keeps its faster run (the one a passing load slowed less)
const faster = <T extends { wallSeconds: number }>(a: T, b: T): T => (a.wallSeconds <= b.wallSeconds ? a : b);
log('bench: claimsift extract -j1 and -j2 (fresh processes) and two independent -j1 processes over the halves, in turns, twice each');
const j1First = batch(1);
const j2First = batch(2);
const pairFirst = await independentPair();
const j1 = faster(j1First, batch(1));
const j2 = faster(j2First, batch(2));
const pair = faster(pairFirst, await independentPair());

// --- cold start: one small article through the CLI, median of 9 --------------------------------------
const small = path.join(path.dirname(slice), 'small.txt');
fs.writeFileSync(small, '“We will rebuild,” Mayor Ann Lee said on Monday, adding that 12 people had died in the storm.\n');
const cold: number[] = [];
if (fs.existsSync(CLI)) {
  log('bench: cold start');
  for (let i = 0; i < 9; i++) {
    const t = process.hrtime.bigint();
    const res = spawnSync(process.execPath, [CLI, 'extract', small, '--format', 'jsonl', '--quiet'], { encoding: 'utf8' });
    cold.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (res.status !== 0) log(`bench: cold start run failed: ${res.stderr}`);
  }
}
cold.sort((a, b) => a - b);
fs.rmSync(path.dirname(slice), { recursive: true, force: true });

const n = records.length;
const mb = (b: number): number => Math.round(b / 1e6);
const result = {
  articles: n,
  words,
  cores: os.availableParallelism(),
  loadAverage: os.loadavg().map(l => Math.round(l * 100) / 100),
  wink: { articlesPerSecond: n / winkSeconds, wordsPerSecond: words / winkSeconds },
  pipeline: { articlesPerSecond: n / pipeSeconds, wordsPerSecond: words / pipeSeconds },
  ratio: winkSeconds / pipeSeconds,
  winkDefault: { articlesPerSecond: n / defaultSeconds, wordsPerSecond: words / defaultSeconds },
  ratioDefault: defaultSeconds / pipeSeconds,
  winkLean: { articlesPerSecond: n / leanSeconds, wordsPerSecond: words / leanSeconds },
  ratioLean: leanSeconds / pipeSeconds,
  batchArticles: j1.records,
  batchRepeat,
  j1: { articlesPerSecond: j1.records / j1.wallSeconds, seconds: j1.wallSeconds, batchSeconds: j1.seconds, mode: j1.mode },
  j2: { articlesPerSecond: j2.records / j2.wallSeconds, seconds: j2.wallSeconds, batchSeconds: j2.seconds, mode: j2.mode },
  speedup: j1.wallSeconds / j2.wallSeconds,
  j1Cpu: { seconds: j1.cpuSeconds, coresBusy: j1.cpuSeconds / j1.wallSeconds },
  j2Cpu: { seconds: j2.cpuSeconds, coresBusy: j2.cpuSeconds / j2.wallSeconds },
  /** -j2's speed-up if it did no more CPU work than -j1 and kept every core busy */
  speedupCeiling: (os.availableParallelism() * j1.wallSeconds) / j1.cpuSeconds,
  independentPair: { seconds: pair.wallSeconds, cpuSeconds: pair.cpuSeconds, speedup: j1.wallSeconds / pair.wallSeconds },
  workerMemoryMB: j2.workerMemory.map(m => ({ thread: m.threadId, peakHeapUsed: mb(m.peakHeapUsed), peakProcessRss: mb(m.peakRss) })),
  inProcessMemoryMB: j1.workerMemory.map(m => ({ peakHeapUsed: mb(m.peakHeapUsed), peakRss: mb(m.peakRss) })),
  coldStartMs: cold.length ? (cold[Math.floor(cold.length / 2)] ?? null) : null,
  coldStartRunsMs: cold.map(c => Math.round(c)),
};

if (asJson) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const f = (x: number, d = 0): string => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const heap = result.workerMemoryMB.map(m => m.peakHeapUsed);
  const rss = Math.max(0, ...result.workerMemoryMB.map(m => m.peakProcessRss));
  console.log(`claimsift bench: ${f(n)} articles, ${f(words)} words (${path.relative(ROOT, CORPUS)}), ${result.cores} cores, load ${result.loadAverage.join(' ')}`);
  console.log(`| figure | value |`);
  console.log(`|---|---|`);
  console.log(`| full pipeline, one core | ${f(result.pipeline.articlesPerSecond, 1)} articles/s, ${f(result.pipeline.wordsPerSecond)} words/s |`);
  console.log(`| wink-nlp alone: sentences, POS, entities (pipe sbd, pos, ner; then sentences, tokens, POS, lemmas, entities read out), one core | ${f(result.wink.articlesPerSecond, 1)} articles/s, ${f(result.wink.wordsPerSecond)} words/s |`);
  console.log(`| ratio pipeline / wink-nlp | ${f(result.ratio, 2)} |`);
  console.log(`| wink-nlp with its default pipe (also negation and sentiment; the baseline of sessions 5–9), one core | ${f(result.winkDefault.articlesPerSecond, 1)} articles/s, ${f(result.winkDefault.wordsPerSecond)} words/s (ratio ${f(result.ratioDefault, 2)}) |`);
  console.log(`| wink-nlp as claimsift runs it (sentences, tokens, POS, lemmas; no NER), one core | ${f(result.winkLean.articlesPerSecond, 1)} articles/s, ${f(result.winkLean.wordsPerSecond)} words/s (ratio ${f(result.ratioLean, 2)}) |`);
  const batchInput = `${f(result.batchArticles)} articles${batchRepeat > 1 ? ` (the first ${f(result.batchArticles / batchRepeat)}, ${batchRepeat} times over)` : ''}`;
  console.log(`| extract -j1, ${batchInput} (in-process; a fresh process, start-up included; faster of 2) | ${f(result.j1.articlesPerSecond, 1)} articles/s (${f(result.j1.seconds, 2)} s) |`);
  console.log(`| extract -j2, ${batchInput} (worker pool; a fresh process, start-up included; faster of 2) | ${f(result.j2.articlesPerSecond, 1)} articles/s (${f(result.j2.seconds, 2)} s) |`);
  console.log(`| speed-up -j2 / -j1 | ${f(result.speedup, 2)}× |`);
  console.log(`| CPU time, all threads (-j1 / -j2) | ${f(result.j1Cpu.seconds, 1)} s, ${f(result.j1Cpu.coresBusy, 2)} cores busy / ${f(result.j2Cpu.seconds, 1)} s, ${f(result.j2Cpu.coresBusy, 2)} cores busy |`);
  console.log(`| ceiling of -j2 / -j1 on ${result.cores} cores: -j1's CPU time spread over every core (-j1 already keeps ${f(result.j1Cpu.coresBusy, 2)} busy: V8 compiles and collects on other threads) | ${f(result.speedupCeiling, 2)}× |`);
  console.log(`| two independent -j1 processes at once, one per half (as a shell script or GNU parallel splits it) | ${f(result.independentPair.seconds, 2)} s, CPU ${f(result.independentPair.cpuSeconds, 1)} s: ${f(result.independentPair.speedup, 2)}× |`);
  console.log(`| peak memory per worker (-j2) | heap ${heap.map(h => `${h} MB`).join(', ')}; process RSS ${rss} MB with both (${f(rss / Math.max(1, heap.length))} MB per worker) |`);
  console.log(`| cold start, one small article (median of 9) | ${result.coldStartMs === null ? 'n/a (build first)' : `${f(result.coldStartMs)} ms`} (${result.coldStartRunsMs.join(', ')}) |`);
}
