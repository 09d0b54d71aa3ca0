import fs from 'node:fs';
import path from 'node:path';

/** One article to extract, or the reason it cannot be. */
export type InputRecord =
  | { ok: true; id: string; source: string; text: string; title: string | null; url: string | null; publishedAt: string | null; meta: Record<string, unknown>; warnings: string[] }
  | { ok: false; id: string; source: string; error: string };

const KNOWN_FIELDS = new Set(['id', 'title', 'headline', 'text', 'body', 'url', 'publishedAt', 'published_at', 'date']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md']);
const RECORD_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson']);

export class UsageError extends Error {}

/** Expands files and folders (recursively, in name order) into the files to read. */
export function listInputFiles(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (input === '-') { files.push('-'); continue; }
    let stat: fs.Stats;
    try { stat = fs.statSync(input); } catch { throw new UsageError(`[E002] input not found: ${input}`); }
    if (stat.isDirectory()) {
      const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(full);
          else if (TEXT_EXTENSIONS.has(path.extname(entry.name)) || RECORD_EXTENSIONS.has(path.extname(entry.name))) {
            if (!entry.name.endsWith('.gold.json')) files.push(full);
          }
        }
      };
      walk(input);
    } else files.push(input);
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
  if (text === null) return { ok: false, id, source, error: 'record has no "text" or "body" string' };
  const meta: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (!KNOWN_FIELDS.has(k)) meta[k] = v;
  return {
    ok: true, id, source, text,
    title: str(r.title) ?? str(r.headline),
    url: str(r.url),
    publishedAt: str(r.publishedAt) ?? str(r.published_at) ?? str(r.date),
    meta,
    warnings: [],
  };
}

/** Splits JSONL content into records; a bad line becomes an error record, the rest go on. */
export function* recordsFromJsonl(content: string, source: string, stem: string): Generator<InputRecord> {
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim();
    if (!line) continue;
    const fallbackId = `${stem}-${i + 1}`;
    let value: unknown;
    try { value = JSON.parse(line); } catch (err) {
      yield { ok: false, id: fallbackId, source: `${source}:${i + 1}`, error: `invalid JSON on line ${i + 1}: ${(err as Error).message}` };
      continue;
    }
    yield recordFromJson(value, fallbackId, `${source}:${i + 1}`);
  }
}

/** Reads every article from one file: a text file is one article; JSON and JSONL hold records. */
export function* recordsFromFile(file: string, readStdin: () => Buffer = () => fs.readFileSync(0)): Generator<InputRecord> {
  const source = file === '-' ? '<stdin>' : file;
  const stem = file === '-' ? 'stdin' : path.basename(file).replace(/\.[^.]+$/, '');
  let bytes: Buffer;
  try { bytes = file === '-' ? readStdin() : fs.readFileSync(file); } catch (err) {
    yield { ok: false, id: stem, source, error: `cannot read file: ${(err as Error).message}` };
    return;
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) { yield { ok: false, id: stem, source, error: decoded.error }; return; }
  const ext = path.extname(file).toLowerCase();
  if (file === '-' || ext === '.jsonl' || ext === '.ndjson') { yield* recordsFromJsonl(decoded.text, source, stem); return; }
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
