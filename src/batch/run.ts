import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { processRecord } from '../batch.js';
import { removeStaleTemps, writeFileAtomic } from '../io/atomic.js';
import { fileNameForId, type InputRecord } from '../io/inputs.js';
import { streamRecords } from '../io/stream.js';
import type { OutputDocument } from '../output.js';
import { cacheKey, DocumentCache } from './cache.js';
import { documentOutcome, errorOutcome, runChunk, type ChunkResult, type ChunkTask, type OutputFormat, type RecordOutcome, type TaskOptions, type WorkerMemory } from './chunk.js';
import { CSV_HEADER } from './csv.js';
import { Progress, type ProgressMode } from './progress.js';
import { shardOf, type Shard } from './shard.js';

export interface BatchOptions {
  /** input files as listInputFiles gives them ('-' is stdin) */
  files: readonly string[];
  format: OutputFormat;
  /** folder: a <id>.json per article (json), or claimsift.jsonl / claims.csv in it */
  out: string | null;
  /** file for jsonl or csv; null or '-' for stdout */
  output: string | null;
  offsets: 'codepoint' | 'utf16';
  explain: boolean;
  /** worker threads; 1 runs in this thread, without a pool */
  jobs: number;
  /** records per task sent to a worker, and the text size that closes a chunk early */
  chunkSize?: number;
  chunkChars?: number;
  /** content-hash cache folder, or null for none */
  cacheDir: string | null;
  resume: boolean;
  shard: Shard | null;
  quiet: boolean;
  /** default: a bar when stderr is a terminal, plain lines every 5 s otherwise, none when quiet */
  progress?: ProgressMode;
  progressIntervalMs?: number;
  /** longest a worker task may run before the worker is stopped and its records retried one by one; 0: no limit */
  timeoutSeconds?: number;
  stdin?: Readable;
  stdout?: Writable;
  stderr?: Writable;
  /** exit the process on SIGINT/SIGTERM with a note on how to resume (the CLI) */
  handleSignals?: boolean;
}

export interface BatchSummary {
  /** input records seen in this run (after sharding) */
  records: number;
  /** documents written (or kept) */
  articles: number;
  errors: number;
  quotes: number;
  claims: number;
  /** documents that came out of the cache instead of being extracted */
  fromCache: number;
  /** output files already up to date, left untouched */
  unchanged: number;
  /** records skipped because an earlier, interrupted run had written them (--resume) */
  resumed: number;
  /** input characters of the records extracted in this run */
  chars: number;
  seconds: number;
  mode: 'in-process' | 'pool';
  threads: number;
  /** the peak memory each worker thread saw (in-process: this thread) */
  workerMemory: WorkerMemory[];
  exitCode: number;
}

/** The cache entry, or the output file, that lets a record be skipped or served without extraction. */
type ItemState = 'fresh' | 'cached' | 'skipped';

interface Item {
  record: InputRecord;
  key: string | null;
  outcome: RecordOutcome | null;
  state: ItemState;
}

const DEFAULT_CHUNK = 32;
const DEFAULT_CHUNK_CHARS = 256 * 1024;

/** The worker script: dist/src/batch/worker.js beside this module, or the build when running from sources. */
export function workerFile(): string | null {
  const here = fileURLToPath(import.meta.url);
  const beside = path.join(path.dirname(here), 'worker.js');
  if (here.endsWith('.js') && fs.existsSync(beside)) return beside;
  const built = path.resolve(path.dirname(here), '..', '..', 'dist', 'src', 'batch', 'worker.js');
  return fs.existsSync(built) ? built : null;
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** The file a jsonl/csv run writes in --out mode; shards get their own. */
export function streamFileName(format: OutputFormat, shard: Shard | null): string {
  const base = format === 'csv' ? 'claims' : 'claimsift';
  return `${base}${shard ? `-${shard.index}-of-${shard.count}` : ''}.${format === 'csv' ? 'csv' : 'jsonl'}`;
}

export function errorsFileName(shard: Shard | null): string {
  return `errors${shard ? `-${shard.index}-of-${shard.count}` : ''}.jsonl`;
}

interface Sink {
  /** how many records an interrupted earlier run already wrote (skip them), and how many of those failed */
  begin(): { skip: number; errors: number };
  /** returns whether the item's output was left untouched (already up to date) */
  write(item: Item, outcome: RecordOutcome): boolean;
  flush(): Promise<void>;
  finish(errors: RecordOutcome[]): void;
}

/** --out folder, --format json: a pretty <id>.json per article, written atomically. */
class FolderSink implements Sink {
  constructor(private readonly dir: string, private readonly shard: Shard | null) {}
  begin(): { skip: number; errors: number } {
    fs.mkdirSync(this.dir, { recursive: true });
    removeStaleTemps(this.dir);
    return { skip: 0, errors: 0 };
  }
  write(item: Item, outcome: RecordOutcome): boolean {
    if (!outcome.ok || item.state === 'skipped') return item.state === 'skipped';
    const file = path.join(this.dir, `${fileNameForId(outcome.id)}.json`);
    if (item.state === 'cached') {
      let existing: string | null = null;
      try { existing = fs.readFileSync(file, 'utf8'); } catch { existing = null; }
      if (existing === outcome.out) return true;
    }
    writeFileAtomic(file, outcome.out);
    return false;
  }
  async flush(): Promise<void> { /* every file is written at once */ }
  finish(errors: RecordOutcome[]): void {
    const file = path.join(this.dir, errorsFileName(this.shard));
    if (errors.length) writeFileAtomic(file, errors.map(e => `${JSON.stringify(e.error)}\n`).join(''));
    else fs.rmSync(file, { force: true });
  }
}

function writeAll(fd: number, data: string | Buffer): void {
  if (typeof data === 'string') fs.writeSync(fd, data);
  else for (let at = 0; at < data.length;) at += fs.writeSync(fd, data, at);
}

/** jsonl or csv, to stdout or to a file (through `<file>.partial`, renamed when complete). */
class StreamSink implements Sink {
  private fd: number | null = null;
  private buffer = '';
  private bytes: Uint8Array[] = [];
  private readonly partial: string | null;

  constructor(
    private readonly format: OutputFormat,
    private readonly file: string | null,
    private readonly stdout: Writable,
    private readonly resume: boolean,
    private readonly errorsFile: string | null,
  ) {
    this.partial = file ? `${file}.partial` : null;
  }

  begin(): { skip: number; errors: number } {
    if (!this.file || !this.partial) {
      if (this.format === 'csv') this.buffer += CSV_HEADER;
      return { skip: 0, errors: 0 };
    }
    fs.mkdirSync(path.dirname(path.resolve(this.file)), { recursive: true });
    let kept = { skip: 0, errors: 0 };
    if (this.resume) {
      // continue the partial file of an interrupted run, or a finished one (the input may have grown)
      if (!fs.existsSync(this.partial) && fs.existsSync(this.file)) fs.renameSync(this.file, this.partial);
      if (fs.existsSync(this.partial)) kept = keepCompleteLines(this.partial);
      this.fd = fs.openSync(this.partial, 'a');
    } else {
      this.fd = fs.openSync(this.partial, 'w');
    }
    if (this.format === 'csv' && !kept.skip) this.buffer += CSV_HEADER;
    return kept;
  }

  write(_item: Item, outcome: RecordOutcome): boolean {
    if (outcome.outBytes) {
      if (this.buffer) this.bytes.push(Buffer.from(this.buffer, 'utf8'));
      this.buffer = '';
      this.bytes.push(outcome.outBytes);
    } else {
      this.buffer += this.format === 'csv' ? outcome.out : `${outcome.out}\n`;
    }
    return false;
  }

  /** What was written since the last flush, in order: text, or bytes when workers sent bytes. */
  private take(): string | Buffer {
    if (!this.bytes.length) {
      const text = this.buffer;
      this.buffer = '';
      return text;
    }
    if (this.buffer) this.bytes.push(Buffer.from(this.buffer, 'utf8'));
    const data = Buffer.concat(this.bytes);
    this.bytes = [];
    this.buffer = '';
    return data;
  }

  async flush(): Promise<void> {
    const data = this.take();
    if (!data.length) return;
    if (this.fd !== null) { writeAll(this.fd, data); return; }
    if (!this.stdout.write(data)) await once(this.stdout, 'drain');
  }

  finish(errors: RecordOutcome[]): void {
    if (this.fd !== null && this.file && this.partial) {
      const data = this.take();
      if (data.length) writeAll(this.fd, data);
      fs.fsyncSync(this.fd);
      fs.closeSync(this.fd);
      this.fd = null;
      fs.renameSync(this.partial, this.file);
    }
    if (this.errorsFile) {
      if (errors.length) writeFileAtomic(this.errorsFile, errors.map(e => `${JSON.stringify(e.error)}\n`).join(''));
      else fs.rmSync(this.errorsFile, { force: true });
    }
  }
}

/**
 * Cuts a JSONL file back to its last complete line and counts its lines (one per record) and the
 * error records among them (they begin `{"id":`, documents `{"schemaVersion":`).
 */
export function keepCompleteLines(file: string): { skip: number; errors: number } {
  const fd = fs.openSync(file, 'r+');
  try {
    const size = fs.fstatSync(fd).size;
    const chunk = Buffer.alloc(1 << 20);
    let lines = 0;
    let errors = 0;
    let lastNewline = -1;
    let atLineStart = true;
    let head = '';
    for (let pos = 0; pos < size;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, pos);
      if (n <= 0) break;
      for (let i = 0; i < n; i++) {
        const b = chunk[i];
        if (atLineStart || head.length) {
          if (head.length < 7 && b !== 10) head += String.fromCharCode(b ?? 0);
          atLineStart = false;
        }
        if (b === 10) {
          lines++;
          if (head.startsWith('{"id":')) errors++;
          head = '';
          atLineStart = true;
          lastNewline = pos + i;
        } else if (head.length >= 7) {
          // enough of this line seen; wait for its end
          if (!head.startsWith('{"id":')) head = ' '.repeat(7);
        }
      }
      pos += n;
    }
    fs.ftruncateSync(fd, lastNewline + 1);
    return { skip: lines, errors };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Runs the extraction over every input record: a streaming reader, an optional content-hash cache,
 * a bounded number of chunks in flight on a piscina pool (or in this thread with one job), and a
 * reorder buffer so the output comes out in input order, byte-identical for any number of jobs.
 */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const stderr = options.stderr ?? process.stderr;
  const stdout = options.stdout ?? process.stdout;
  const format = options.format;
  const jobs = Math.max(1, Math.floor(options.jobs));
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK);
  const chunkChars = options.chunkChars ?? DEFAULT_CHUNK_CHARS;
  const timeoutMs = (options.timeoutSeconds ?? 300) * 1000;
  const started = Date.now();

  let totalBytes: number | null = 0;
  for (const f of options.files) {
    if (f === '-') { totalBytes = null; break; }
    try { totalBytes += fs.statSync(f).size; } catch { /* reported when read */ }
  }
  const progressMode: ProgressMode = options.quiet ? 'none' : options.progress ?? ((stderr as { isTTY?: boolean }).isTTY ? 'bar' : 'lines');
  const progress = new Progress(progressMode, stderr, totalBytes, options.progressIntervalMs);
  const cache = options.cacheDir ? new DocumentCache(options.cacheDir) : null;
  const taskOptions: TaskOptions = { offsets: options.offsets, explain: options.explain, format, cache: cache !== null };
  const folderMode = format === 'json';
  if (folderMode && !options.out) throw new Error('runBatch: --format json needs an output folder');
  const streamFile = options.output && options.output !== '-' ? options.output : options.out ? path.join(options.out, streamFileName(format, options.shard)) : null;
  const sink: Sink = folderMode
    ? new FolderSink(options.out ?? '.', options.shard)
    : new StreamSink(format, streamFile, stdout, options.resume, options.out ? path.join(options.out, errorsFileName(options.shard)) : null);

  const summary: BatchSummary = {
    records: 0, articles: 0, errors: 0, quotes: 0, claims: 0, fromCache: 0, unchanged: 0, resumed: 0, chars: 0, seconds: 0,
    mode: 'in-process', threads: 1, workerMemory: [], exitCode: 0,
  };
  const memory = new Map<number, WorkerMemory>();
  const errors: RecordOutcome[] = [];
  const seenIds = folderMode ? new Map<string, number>() : null;

  let fatal: unknown = null;
  let stopped = false;
  const onStdoutError = (err: NodeJS.ErrnoException): void => { fatal ??= err; stopped = true; wakeAll(); };
  if (!streamFile && !folderMode) stdout.on('error', onStdoutError);

  const kept = sink.begin();
  summary.resumed = kept.skip;
  summary.errors += kept.errors;
  await progress.start();

  // --- flow control: at most `maxInFlight` chunks between the reader and the output --------------
  const maxInFlight = jobs === 1 ? 1 : jobs * 4;
  let inFlight = 0;
  let waiters: Array<() => void> = [];
  const wakeAll = (): void => { const w = waiters; waiters = []; for (const f of w) f(); };
  const acquire = async (): Promise<void> => {
    while (inFlight >= maxInFlight && !stopped) await new Promise<void>(resolve => waiters.push(resolve));
    inFlight++;
  };
  const release = (): void => { inFlight--; waiters.shift()?.(); };

  // --- reorder buffer ------------------------------------------------------------------------------
  const finished = new Map<number, Item[]>();
  let nextToEmit = 0;
  let emitting: Promise<void> = Promise.resolve();
  const running = new Set<Promise<void>>();

  const account = (item: Item, outcome: RecordOutcome): void => {
    summary.records++;
    progress.done(outcome.ok);
    if (!outcome.ok) {
      summary.errors++;
      errors.push(outcome);
      if (outcome.error) progress.log(`claimsift: ${outcome.error.source}: ${outcome.error.error.message}`);
    } else {
      summary.articles++;
      summary.quotes += outcome.quotes;
      summary.claims += outcome.claims;
      if (item.state === 'cached') summary.fromCache++;
      if (seenIds) {
        const count = (seenIds.get(outcome.id) ?? 0) + 1;
        seenIds.set(outcome.id, count);
        if (count > 1) progress.log(`claimsift: warning: article id "${outcome.id}" appears ${count} times; the later one overwrites`);
      }
      if (outcome.explain) progress.log(outcome.explain);
    }
  };

  const flush = async (): Promise<void> => {
    while (finished.has(nextToEmit)) {
      const items = finished.get(nextToEmit) ?? [];
      finished.delete(nextToEmit);
      nextToEmit++;
      for (const item of items) {
        const outcome = item.outcome;
        if (!outcome) continue;
        if (stopped) break;
        const untouched = sink.write(item, outcome);
        if (untouched) summary.unchanged++;
        if (item.state === 'fresh' && cache && item.key && outcome.cacheBlob) cache.put(item.key, outcome.cacheBlob);
        account(item, outcome);
      }
      await sink.flush();
      release();
    }
  };
  const complete = (seq: number, items: Item[]): void => {
    finished.set(seq, items);
    emitting = emitting.then(flush).catch((err: unknown) => { fatal ??= err; stopped = true; wakeAll(); });
  };

  // --- workers -------------------------------------------------------------------------------------
  type Pool = { run(task: ChunkTask, opts?: { signal?: AbortSignal }): Promise<ChunkResult>; destroy(): Promise<void> };
  let pool: Pool | null = null;
  let mode: 'undecided' | 'in-process' | 'pool' = 'undecided';
  const track = (m: WorkerMemory): void => {
    const prev = memory.get(m.threadId);
    memory.set(m.threadId, prev ? { ...m, peakRss: Math.max(prev.peakRss, m.peakRss), peakHeapUsed: Math.max(prev.peakHeapUsed, m.peakHeapUsed) } : m);
  };

  // At most `jobs` tasks are handed to the pool at once (the rest wait here), so a task's timer
  // measures its run, not its wait in piscina's queue.
  let poolBusy = 0;
  const poolWaiters: Array<() => void> = [];
  const runOnce = async (task: ChunkTask): Promise<{ result: ChunkResult } | { reason: string }> => {
    while (poolBusy >= jobs) await new Promise<void>(resolve => poolWaiters.push(resolve));
    poolBusy++;
    const controller = new AbortController();
    const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(), timeoutMs) : null;
    try {
      return { result: await (pool as Pool).run(task, { signal: controller.signal }) };
    } catch (err) {
      return { reason: controller.signal.aborted ? `timed out after ${timeoutMs / 1000} s` : (err as Error).message };
    } finally {
      if (timer) clearTimeout(timer);
      poolBusy--;
      poolWaiters.shift()?.();
    }
  };
  const runInPool = async (task: ChunkTask): Promise<RecordOutcome[]> => {
    const done = await runOnce(task);
    if ('result' in done) {
      track(done.result.memory);
      return done.result.outcomes;
    }
    if (task.records.length === 1) {
      const r = task.records[0] as InputRecord;
      return [errorOutcome({ id: r.id, source: r.source, error: { code: 'E021', message: `worker failed: ${done.reason}` } }, format)];
    }
    // one record brought the worker down or held it too long: retry them one by one, so only that one fails
    const parts = await Promise.all(task.records.map(r => runInPool({ options: task.options, records: [r] })));
    return parts.flat();
  };

  const startPool = async (): Promise<void> => {
    const file = workerFile();
    if (!file) { mode = 'in-process'; return; }
    const mod = (await import('piscina')) as unknown as { Piscina: new (o: object) => Pool };
    pool = new mod.Piscina({
      filename: file,
      minThreads: jobs,
      maxThreads: jobs,
      idleTimeout: 60_000,
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: 4096 },
    });
    mode = 'pool';
    summary.threads = jobs;
  };

  let seq = 0;
  const dispatch = async (items: Item[]): Promise<void> => {
    await acquire();
    if (stopped) return;
    const mySeq = seq++;
    const toRun = items.filter(i => !i.outcome);
    if (!toRun.length) { complete(mySeq, items); return; }
    for (const i of toRun) summary.chars += i.record.ok ? i.record.text.length + (i.record.html?.length ?? 0) : 0;
    const records: InputRecord[] = [];
    for (const i of toRun) records.push(i.record);
    const task: ChunkTask = { options: taskOptions, records };
    const fill = (outcomes: RecordOutcome[]): void => {
      toRun.forEach((item, k) => { item.outcome = outcomes[k] ?? errorOutcome({ id: item.record.id, source: item.record.source, error: { code: 'E021', message: 'no result from the worker' } }, format); });
      complete(mySeq, items);
    };
    if (mode === 'pool') {
      const p = runInPool(task).then(fill);
      running.add(p);
      void p.finally(() => running.delete(p));
      return;
    }
    await new Promise<void>(resolve => setImmediate(resolve));
    const result = runChunk(task);
    track(result.memory);
    fill(result.outcomes);
    await emitting;
  };

  // --- signals -------------------------------------------------------------------------------------
  const onSignal = (signal: NodeJS.Signals): void => {
    progress.stop();
    const how = streamFile ? ` (--resume continues ${streamFile})` : folderMode ? ' (re-run: finished articles are kept)' : '';
    stderr.write(`claimsift: ${signal}: stopped after ${summary.records} records${how}\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  if (options.handleSignals) { process.once('SIGINT', onSignal); process.once('SIGTERM', onSignal); }

  // --- the reader ----------------------------------------------------------------------------------
  const prepare = (record: InputRecord): Item => {
    if (!record.ok) {
      const result = processRecord(record);
      return { record, key: null, outcome: result.ok ? null : errorOutcome(result.record, format), state: 'fresh' };
    }
    if (!cache) return { record, key: null, outcome: null, state: 'fresh' };
    const key = cacheKey(record, options);
    if (folderMode && options.resume && cache.has(key) && fs.existsSync(path.join(options.out ?? '.', `${fileNameForId(record.id)}.json`))) {
      return { record, key, outcome: { id: record.id, ok: true, out: '', outBytes: null, error: null, quotes: 0, claims: 0, cacheBlob: null, explain: null }, state: 'skipped' };
    }
    const compact = cache.get(key);
    if (compact !== null) {
      try {
        const doc = JSON.parse(compact) as OutputDocument;
        return { record, key, outcome: documentOutcome(doc, { ...taskOptions, cache: false }, compact), state: 'cached' };
      } catch { /* a damaged entry: extract again */ }
    }
    return { record, key, outcome: null, state: 'fresh' };
  };

  // Chunks wait here until the run's size is known: an input of at most LOOKAHEAD chunks is done in
  // this thread (starting workers, each loading the model, would cost more than it saves).
  const LOOKAHEAD = 4;
  const STALL_MS = 200;
  const pending: Item[][] = [];
  const release_pending = async (eof: boolean, stalled = false): Promise<void> => {
    if (mode === 'undecided') {
      if (jobs > 1 && !eof && !stalled && pending.length <= LOOKAHEAD) return;
      if (jobs > 1 && !eof) await startPool();
      else mode = 'in-process';
    }
    while (pending.length && !stopped) await dispatch(pending.shift() ?? []);
  };
  let chunk: Item[] = [];
  let chunkLength = 0;
  let toSkip = kept.skip;
  const closeChunk = (): void => {
    pending.push(chunk);
    chunk = [];
    chunkLength = 0;
  };
  const STALL = Symbol('stall');
  try {
    const records = streamRecords(options.files, { ...(options.stdin ? { stdin: options.stdin } : {}), onBytes: n => progress.addBytes(n) })[Symbol.asyncIterator]();
    let next = records.next();
    for (;;) {
      let step: IteratorResult<InputRecord> | typeof STALL;
      if (chunk.length || pending.length) {
        // a slow producer (tail -f | claimsift): what has arrived goes out after a short wait
        let timer: NodeJS.Timeout | undefined;
        step = await Promise.race([next, new Promise<typeof STALL>(resolve => { timer = setTimeout(() => resolve(STALL), STALL_MS); })]);
        clearTimeout(timer);
      } else step = await next;
      if (step === STALL) {
        if (chunk.length) closeChunk();
        await release_pending(false, true);
        continue;
      }
      if (step.done || stopped) break;
      next = records.next();
      const record = step.value;
      if (options.shard && shardOf(record.id, options.shard.count) !== options.shard.index) continue;
      if (toSkip > 0) { toSkip--; continue; }
      const item = prepare(record);
      chunk.push(item);
      chunkLength += record.ok ? record.text.length + (record.html?.length ?? 0) : 0;
      if (chunk.length >= chunkSize || chunkLength >= chunkChars) {
        closeChunk();
        await release_pending(false);
      }
    }
    if (stopped) {
      // stop reading: an open stdin would keep the process alive
      void records.return?.(undefined);
      if (options.files.includes('-')) (options.stdin ?? process.stdin).destroy();
    }
    if (chunk.length) closeChunk();
    if (!stopped) await release_pending(true);
    await Promise.all([...running]);
    await emitting;
  } finally {
    if (options.handleSignals) { process.removeListener('SIGINT', onSignal); process.removeListener('SIGTERM', onSignal); }
    progress.stop();
    stdout.removeListener('error', onStdoutError);
    // after a broken pipe, later write errors are expected: keep them from becoming uncaught
    if (fatal) stdout.on('error', () => undefined);
    if (pool) await (pool as Pool).destroy();
  }
  if (fatal) {
    if ((fatal as NodeJS.ErrnoException).code === 'EPIPE') {
      // the reader of stdout went away (`| head`): stop quietly, as a Unix filter does
      summary.exitCode = 141;
      summary.seconds = (Date.now() - started) / 1000;
      return summary;
    }
    throw fatal;
  }
  sink.finish(errors);

  summary.mode = (mode as string) === 'pool' ? 'pool' : 'in-process';
  summary.workerMemory = [...memory.values()];
  summary.seconds = (Date.now() - started) / 1000;
  summary.exitCode = summary.errors ? 1 : 0;
  if (!options.quiet) {
    const extra = [
      summary.fromCache ? `${summary.fromCache} from cache` : '',
      summary.unchanged ? `${summary.unchanged} unchanged` : '',
      summary.resumed ? `${summary.resumed} kept from the interrupted run` : '',
    ].filter(Boolean);
    const rate = summary.seconds > 0 ? (summary.records / summary.seconds).toFixed(1) : '?';
    stderr.write(`claimsift: ${summary.articles} articles, ${summary.quotes} quotes, ${summary.claims} claims, ${summary.errors} errors in ${summary.seconds.toFixed(1)} s (${rate} articles/s${extra.length ? `; ${extra.join(', ')}` : ''})\n`);
  }
  return summary;
}
