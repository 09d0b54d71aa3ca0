import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { globSync, hasGlobMagic } from './glob.js';

/**
 * One article to extract, or the reason it cannot be. An HTML page arrives with `html` set and
 * `text` empty: the article text is taken out of it where the record is extracted (in a worker).
 */
export type InputRecord =
  | { ok: true; id: string; source: string; text: string; html?: string; title: string | null; url: string | null; publishedAt: string | null; meta: Record<string, unknown>; warnings: string[] }
  | { ok: false; id: string; source: string; error: string };

const KNOWN_FIELDS = new Set(['id', 'title', 'headline', 'text', 'body', 'url', 'publishedAt', 'published_at', 'date']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md']);
const RECORD_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
const JSONL_NAME = /\.(?:jsonl|ndjson)(?:\.gz)?$/i;
const GZIP_NAME = /\.gz$/i;

export class UsageError extends Error {}

/** True for the files a folder walk picks up: text, records (also gzipped JSONL) and HTML pages. */
export function isInputFileName(name: string): boolean {
  if (name.endsWith('.gold.json')) return false;
  if (JSONL_NAME.test(name)) return true;
  const ext = path.extname(name).toLowerCase();
  return TEXT_EXTENSIONS.has(ext) || RECORD_EXTENSIONS.has(ext) || HTML_EXTENSIONS.has(ext);
}

/** True when the file is read as a stream of JSON lines (`.jsonl`, `.ndjson`, gzipped or not, and stdin). */
export function isJsonlInput(file: string): boolean {
  return file === '-' || JSONL_NAME.test(file);
}

/** The article id a file gives when it has no record id: its name without the extension(s). */
export function fileStem(file: string): string {
  if (file === '-') return 'stdin';
  return path.basename(file).replace(GZIP_NAME, '').replace(/\.[^.]+$/, '');
}

/**
 * Expands files, folders (recursively, in name order, hidden entries skipped) and glob patterns
 * (`*`, `?`, `**`, `[…]`, `{a,b}`; quote them so the shell leaves them alone) into the files to read.
 */
export function listInputFiles(inputs: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (isInputFileName(entry.name)) files.push(full);
    }
  };
  for (const input of inputs) {
    if (input === '-') { files.push('-'); continue; }
    let stat: fs.Stats | null = null;
    try { stat = fs.statSync(input); } catch { stat = null; }
    if (stat === null) {
      if (!hasGlobMagic(input)) throw new UsageError(`[E002] input not found: ${input}`);
      const matches = globSync(input);
      if (!matches.length) throw new UsageError(`[E002] no file matches ${input}`);
      for (const m of matches) {
        let isDir = false;
        try { isDir = fs.statSync(m).isDirectory(); } catch { isDir = false; }
        if (isDir) walk(m);
        else files.push(m);
      }
    } else if (stat.isDirectory()) walk(input);
    else files.push(input);
  }
  return files;
}

/** Decodes bytes as UTF-8: binary data is refused, invalid sequences become U+FFFD with a warning. */
export function decodeText(bytes: Uint8Array): { text: string; warnings: string[] } | { error: string } {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 8) || (b > 13 && b < 32 && b !== 27)) control++;
  if (sample.length && (sample.includes(0) || control / sample.length > 0.1)) return { error: 'binary data, not text (NUL or control bytes found)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), warnings: ['invalid UTF-8: undecodable bytes were replaced by U+FFFD'] };
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** Turns one parsed JSON value into an input record. */
export function recordFromJson(value: unknown, fallbackId: string, source: string): InputRecord {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, id: fallbackId, source, error: 'record is not a JSON object' };
  const r = value as Record<string, unknown>;
  const id = r.id === undefined || r.id === null || r.id === '' ? fallbackId : String(r.id);
  const text = typeof r.text === 'string' ? r.text : typeof r.body === 'string' ? r.body : null;
  // a record may carry the page instead of the text (a crawler's output): `html` is then read like an .html file
  const html = text === null && typeof r.html === 'string' ? r.html : null;
  if (text === null && html === null) return { ok: false, id, source, error: 'record has no "text" or "body" string' };
  const meta: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (!KNOWN_FIELDS.has(k) && !(html !== null && k === 'html')) meta[k] = v;
  return {
    ok: true, id, source, text: text ?? '',
    ...(html !== null ? { html } : {}),
    title: str(r.title) ?? str(r.headline),
    url: str(r.url),
    publishedAt: str(r.publishedAt) ?? str(r.published_at) ?? str(r.date),
    meta,
    warnings: [],
  };
}

/**
 * One JSONL line as a record. From stdin the line number is kept only where it is the record's
 * only handle (bad JSON, no id: `stdin-<line>`, source `<stdin>:<line>`); a record with an id gets
 * source `<stdin>`, so its output never depends on how the stream was split (GNU parallel --pipe).
 */
export function recordFromLine(line: string, lineNumber: number, source: string, stem: string, fromStdin = false): InputRecord | null {
  const trimmed = line.trim();
  if (!trimmed) return null;
  const fallbackId = `${stem}-${lineNumber}`;
  const located = `${source}:${lineNumber}`;
  let value: unknown;
  try { value = JSON.parse(trimmed); } catch (err) {
    return { ok: false, id: fallbackId, source: located, error: `invalid JSON on line ${lineNumber}: ${(err as Error).message}` };
  }
  const id = value && typeof value === 'object' ? (value as Record<string, unknown>).id : undefined;
  const hasId = id !== undefined && id !== null && id !== '';
  return recordFromJson(value, fallbackId, fromStdin && hasId ? source : located);
}

/** Splits JSONL content into records; a bad line becomes an error record, the rest go on. */
export function* recordsFromJsonl(content: string, source: string, stem: string, fromStdin = false): Generator<InputRecord> {
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const record = recordFromLine(lines[i] ?? '', i + 1, source, stem, fromStdin);
    if (record) yield record;
  }
}

/** Reads every article from one file: a text file is one article; JSON and JSONL hold records; an HTML file is one page. */
export function* recordsFromFile(file: string, readStdin: () => Buffer = () => fs.readFileSync(0)): Generator<InputRecord> {
  const source = file === '-' ? '<stdin>' : file;
  const stem = fileStem(file);
  let bytes: Buffer;
  try {
    bytes = file === '-' ? readStdin() : fs.readFileSync(file);
    if (file !== '-' && GZIP_NAME.test(file)) bytes = zlib.gunzipSync(bytes);
  } catch (err) {
    yield { ok: false, id: stem, source, error: `cannot read file: ${(err as Error).message}` };
    return;
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) { yield { ok: false, id: stem, source, error: decoded.error }; return; }
  const ext = path.extname(file.replace(GZIP_NAME, '')).toLowerCase();
  if (isJsonlInput(file)) { yield* recordsFromJsonl(decoded.text, source, stem, file === '-'); return; }
  if (HTML_EXTENSIONS.has(ext)) {
    const html = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
    yield { ok: true, id: stem, source, text: '', html, title: null, url: null, publishedAt: null, meta: {}, warnings: decoded.warnings };
    return;
  }
  if (ext === '.json') {
    let value: unknown;
    try { value = JSON.parse(decoded.text); } catch (err) { yield { ok: false, id: stem, source, error: `invalid JSON: ${(err as Error).message}` }; return; }
    const values = Array.isArray(value) ? value : [value];
    for (let i = 0; i < values.length; i++) yield recordFromJson(values[i], values.length > 1 ? `${stem}-${i + 1}` : stem, source);
    return;
  }
  yield { ok: true, id: stem, source, text: decoded.text, title: null, url: null, publishedAt: null, meta: {}, warnings: decoded.warnings };
}

/** A file name for an article id: path separators and control characters are replaced. */
export function fileNameForId(id: string): string {
  const safe = id.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').slice(0, 200);
  return safe || '_';
}
