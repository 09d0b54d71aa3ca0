import fs from 'node:fs';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { decodeText, fileStem, isJsonlInput, recordFromLine, recordsFromFile, type InputRecord } from './inputs.js';

export interface StreamOptions {
  /** stdin for `-` (tests pass their own stream) */
  stdin?: Readable;
  /** called with the number of input bytes consumed (compressed bytes for .gz), for progress */
  onBytes?: (bytes: number) => void;
}

const SNIFF_BYTES = 8192;

/** The bytes a JSONL stream is judged binary or text on: its first line, at most 8 KB. */
export function firstLine(bytes: Uint8Array): Uint8Array {
  const nl = bytes.indexOf(10);
  return bytes.subarray(0, Math.min(nl < 0 ? bytes.length : nl, SNIFF_BYTES));
}

/**
 * Every record of the inputs, in order, read as a stream: JSONL (stdin, `.jsonl`, `.ndjson`, and
 * the same gzipped) line by line, so a 25,000-article file or an endless pipe is never held in
 * memory; other files whole, one at a time. Nothing here throws for bad data: an unreadable file,
 * a binary stream or a bad line becomes an error record and reading goes on.
 */
export async function* streamRecords(files: readonly string[], options: StreamOptions = {}): AsyncGenerator<InputRecord> {
  for (const file of files) {
    if (isJsonlInput(file)) {
      yield* streamJsonl(file, options);
      continue;
    }
    let size = 0;
    try { size = fs.statSync(file).size; } catch { size = 0; }
    for (const record of recordsFromFile(file)) yield record;
    options.onBytes?.(size);
  }
}

async function* streamJsonl(file: string, options: StreamOptions): AsyncGenerator<InputRecord> {
  const fromStdin = file === '-';
  const source = fromStdin ? '<stdin>' : file;
  const stem = fileStem(file);
  let raw: Readable;
  try {
    raw = fromStdin ? (options.stdin ?? process.stdin) : fs.createReadStream(file, { highWaterMark: 1 << 20 });
  } catch (err) {
    yield { ok: false, id: stem, source, error: `cannot read file: ${(err as Error).message}` };
    return;
  }
  let input: Readable = raw;
  if (!fromStdin && /\.gz$/i.test(file)) {
    const gunzip = zlib.createGunzip();
    raw.on('error', err => gunzip.destroy(err));
    raw.on('data', (chunk: Buffer) => options.onBytes?.(chunk.length));
    input = raw.pipe(gunzip);
  }
  // progress counts the bytes of the lines handed out (not read ahead); for .gz, the compressed bytes read
  const counting = input === raw;
  let pendingBytes = 0;
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let lineNumber = 0;
  let pending: Buffer[] = [];
  let sniffed = false;
  let head: Buffer[] = [];
  let headBytes = 0;

  /** Splits complete lines off the buffered bytes. */
  function* lines(chunk: Buffer): Generator<InputRecord> {
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl >= 0; nl = chunk.indexOf(10, from)) {
      const part = chunk.subarray(from, nl);
      const bytes = pending.length ? Buffer.concat([...pending, part]) : part;
      pending = [];
      if (counting) options.onBytes?.(pendingBytes + part.length + 1);
      pendingBytes = 0;
      from = nl + 1;
      lineNumber++;
      let text = decoder.decode(bytes);
      if (lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const record = recordFromLine(text, lineNumber, source, stem, fromStdin);
      if (record) yield record;
    }
    if (from < chunk.length) { pending.push(chunk.subarray(from)); pendingBytes += chunk.length - from; }
  }

  function sniff(): InputRecord | null {
    sniffed = true;
    const decoded = decodeText(firstLine(Buffer.concat(head)));
    return 'error' in decoded ? { ok: false, id: stem, source, error: decoded.error } : null;
  }

  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      if (!sniffed) {
        head.push(chunk);
        headBytes += chunk.length;
        // binary or text is decided on the first line (at most 8 KB): so a slow pipe is not held
        // up, and the verdict does not depend on how the bytes were cut into chunks
        if (headBytes < SNIFF_BYTES && !chunk.includes(10)) continue;
        const bad = sniff();
        if (bad) { yield bad; input.destroy(); return; }
        const buffered = Buffer.concat(head);
        head = [];
        yield* lines(buffered);
        continue;
      }
      yield* lines(chunk);
    }
  } catch (err) {
    yield { ok: false, id: `${stem}-${lineNumber + 1}`, source: `${source}:${lineNumber + 1}`, error: `cannot read ${fromStdin ? 'stdin' : 'file'} after line ${lineNumber}: ${(err as Error).message}` };
    return;
  }
  if (!sniffed && headBytes) {
    const bad = sniff();
    if (bad) { yield bad; return; }
    yield* lines(Buffer.concat(head));
  }
  if (pending.length) {
    if (counting) options.onBytes?.(pendingBytes);
    lineNumber++;
    let text = decoder.decode(Buffer.concat(pending));
    pending = [];
    if (lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const record = recordFromLine(text, lineNumber, source, stem, fromStdin);
    if (record) yield record;
  }
}
