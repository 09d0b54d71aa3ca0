import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { InputRecord } from '../io/inputs.js';
import { writeFileAtomic } from '../io/atomic.js';
import { VERSION } from '../version.js';

/** Bumped when the cache's layout or key changes. */
const CACHE_FORMAT = 1;

let fingerprint: string | null = null;

/**
 * The tool's identity for the cache: its version, a hash of its own code and rule files (so a
 * changed stage invalidates the cache even before the version is bumped) and the NLP model's version.
 */
export function toolFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const hash = createHash('sha256').update(`claimsift ${VERSION}\n`);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(?:js|mjs|ts|json)$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(full);
    }
  };
  walk(root);
  for (const f of files.sort()) {
    hash.update(path.relative(root, f)).update('\0');
    try { hash.update(fs.readFileSync(f)); } catch { /* vanished */ }
    hash.update('\0');
  }
  const require = createRequire(import.meta.url);
  for (const pkg of ['wink-nlp/package.json', 'wink-eng-lite-web-model/package.json']) {
    try { hash.update(`${pkg} ${(require(pkg) as { version?: string }).version ?? '?'}\n`); } catch { hash.update(`${pkg} missing\n`); }
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** The cache key of a record: sha256 of its text (or page), its article fields, the tool and the options that shape the document. */
export function cacheKey(record: Extract<InputRecord, { ok: true }>, options: { offsets: string; explain: boolean }): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([CACHE_FORMAT, toolFingerprint(), options.offsets, options.explain, record.id, record.source, record.title, record.url, record.publishedAt, record.meta]));
  hash.update('\0text\0').update(record.text);
  if (record.html !== undefined) hash.update('\0html\0').update(record.html);
  return hash.digest('hex');
}

/**
 * A content-hash cache of extracted documents: `<dir>/<key[0..2]>/<key>.json.gz`, each written
 * atomically, so concurrent runs (shards on a shared volume) and killed runs never see half an entry.
 */
export class DocumentCache {
  readonly dir: string;
  private readonly made = new Set<string>();

  constructor(dir: string) {
    this.dir = dir;
    fs.mkdirSync(dir, { recursive: true });
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json.gz`);
  }

  has(key: string): boolean {
    return fs.existsSync(this.file(key));
  }

  /** The compact JSON of the document, or null when absent or unreadable (then it is extracted again). */
  get(key: string): string | null {
    try {
      return zlib.gunzipSync(fs.readFileSync(this.file(key))).toString('utf8');
    } catch {
      return null;
    }
  }

  put(key: string, blob: Uint8Array): void {
    const sub = path.join(this.dir, key.slice(0, 2));
    if (!this.made.has(sub)) { fs.mkdirSync(sub, { recursive: true }); this.made.add(sub); }
    writeFileAtomic(this.file(key), blob);
  }
}
