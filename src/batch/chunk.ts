import { threadId } from 'node:worker_threads';
import zlib from 'node:zlib';
import { processRecord, type ErrorRecord } from '../batch.js';
import type { InputRecord } from '../io/inputs.js';
import type { OutputDocument } from '../output.js';
import { documentCsvRows, errorCsvRow } from './csv.js';

export type OutputFormat = 'json' | 'jsonl' | 'csv';

export interface TaskOptions {
  offsets: 'codepoint' | 'utf16';
  explain: boolean;
  format: OutputFormat;
  /** also return the gzipped compact document, for the content-hash cache */
  cache: boolean;
}

/** The work sent to a worker: a few dozen records at once, so messaging costs little per article. */
export interface ChunkTask {
  options: TaskOptions;
  records: InputRecord[];
}

/** What became of one record, rendered for the output format. */
export interface RecordOutcome {
  id: string;
  ok: boolean;
  /** json: the pretty document and a newline; jsonl: one line without its newline; csv: its rows */
  out: string;
  /**
   * From a worker, for jsonl and csv: what the output stream gets for this record (jsonl: the line
   * and its newline) as UTF-8 bytes, a view into the chunk's one transferred buffer; `out` is then
   * empty. Null when `out` holds the text.
   */
  outBytes: Uint8Array | null;
  error: ErrorRecord | null;
  quotes: number;
  claims: number;
  /** gzipped compact JSON of the document, when the cache is on */
  cacheBlob: Uint8Array | null;
  /** the --explain text for stderr */
  explain: string | null;
}

export interface WorkerMemory {
  threadId: number;
  /** resident set of the whole process (worker threads share it), bytes */
  rss: number;
  /** this thread's V8 heap in use, bytes */
  heapUsed: number;
  peakRss: number;
  peakHeapUsed: number;
}

export interface ChunkResult {
  outcomes: RecordOutcome[];
  memory: WorkerMemory;
}

let peakRss = 0;
let peakHeapUsed = 0;

function sampleMemory(): WorkerMemory {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeapUsed = Math.max(peakHeapUsed, m.heapUsed);
  return { threadId, rss: m.rss, heapUsed: m.heapUsed, peakRss, peakHeapUsed };
}

export function explainText(doc: OutputDocument): string {
  const lines = [`# ${doc.article.id}`];
  for (const c of doc.claims) {
    const span = c.span as { text: string };
    lines.push(`${String(c.id)} [${String(c.status)}${c.hedged ? ', hedged' : ''}${c.polarity === 'denied' ? ', denied' : ''}] ${String(c.checkworthiness)} "${span.text.slice(0, 100)}"`);
    for (const line of (c.explain as string[] | undefined) ?? []) lines.push(`    ${line}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Renders a document for the output format (also used for documents that come out of the cache). */
export function renderDocument(doc: OutputDocument, format: OutputFormat, compact?: string): string {
  if (format === 'json') return `${JSON.stringify(doc, null, 2)}\n`;
  if (format === 'csv') return documentCsvRows(doc);
  return compact ?? JSON.stringify(doc);
}

export function renderError(error: ErrorRecord, format: OutputFormat): string {
  return format === 'csv' ? errorCsvRow(error) : JSON.stringify(error);
}

export function errorOutcome(error: ErrorRecord, format: OutputFormat): RecordOutcome {
  return { id: error.id, ok: false, out: renderError(error, format), outBytes: null, error, quotes: 0, claims: 0, cacheBlob: null, explain: null };
}

export function documentOutcome(doc: OutputDocument, options: TaskOptions, compact?: string): RecordOutcome {
  let line = compact;
  let cacheBlob: Uint8Array | null = null;
  if (options.cache) {
    line ??= JSON.stringify(doc);
    cacheBlob = zlib.gzipSync(line, { level: 4 });
  }
  return {
    id: doc.article.id,
    ok: true,
    out: renderDocument(doc, options.format, line),
    outBytes: null,
    error: null,
    quotes: doc.quotes.length,
    claims: doc.claims.length,
    cacheBlob,
    explain: options.explain ? explainText(doc) : null,
  };
}

/** Extracts and renders every record of a chunk; one bad record never stops the others. */
export function runChunk(task: ChunkTask): ChunkResult {
  const outcomes: RecordOutcome[] = [];
  for (const record of task.records) {
    const result = processRecord(record, { offsets: task.options.offsets, explain: task.options.explain });
    let outcome: RecordOutcome;
    try {
      outcome = result.ok ? documentOutcome(result.document, task.options) : errorOutcome(result.record, task.options.format);
    } catch (err) {
      outcome = errorOutcome({ id: record.id, source: record.source, error: { code: 'E020', message: `cannot write the document: ${(err as Error).message}` } }, task.options.format);
    }
    outcomes.push(outcome);
    // process.memoryUsage() reads /proc: sample after large articles only, and once per chunk
    if (record.ok && record.text.length + (record.html?.length ?? 0) > 200_000) sampleMemory();
  }
  return { outcomes, memory: sampleMemory() };
}

/**
 * In a worker, for the stream formats: moves each outcome's text into one buffer of UTF-8 bytes
 * (`outBytes`, with a jsonl line's newline), and returns that buffer to be transferred with the
 * result. The main thread then writes the bytes as they are, instead of receiving a copy of every
 * string, keeping it on its heap and encoding it for the stream. Null for json (a file per article),
 * whose texts stay strings.
 */
export function packOutcomes(outcomes: RecordOutcome[], format: OutputFormat): ArrayBuffer | null {
  if (format === 'json') return null;
  const newline = format === 'jsonl' ? 1 : 0;
  let total = 0;
  for (const o of outcomes) total += Buffer.byteLength(o.out, 'utf8') + newline;
  const bytes = Buffer.allocUnsafeSlow(total);
  let at = 0;
  for (const o of outcomes) {
    const start = at;
    at += bytes.write(o.out, at, 'utf8');
    if (newline) bytes[at++] = 0x0a;
    o.outBytes = new Uint8Array(bytes.buffer, bytes.byteOffset + start, at - start);
    o.out = '';
  }
  return bytes.buffer as ArrayBuffer;
}
