/**
 * Reads extracted documents (a folder of <id>.json files, or a .jsonl file) for review, keeping
 * each file until it changes on disk, so a re-run of `extract` shows up without a restart.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { codepointToUtf16, reviewKey, utf16ToCodepoint } from './keys.js';

export interface DocSpan { start: number; end: number; text: string }

export interface ReviewSource { name: string | null; entityId: string | null; anonymous: boolean; kind: string }

export interface ReviewClaim {
  key: string;
  id: string;
  span: DocSpan;
  /** The span in code points (what the key is made of). */
  cpStart: number;
  cpEnd: number;
  sentence: number | null;
  source: ReviewSource;
  quoteId: string | null;
  status: string;
  evidence: Array<{ ruleId: string; cue: DocSpan | null; text: string }>;
  hedged: boolean;
  hedge: string | null;
  polarity: string;
  numberIds: string[];
  checkworthiness: number;
  explain: string[] | null;
}

export interface ReviewQuote {
  id: string;
  kind: string;
  content: DocSpan;
  verbatim: DocSpan[];
  speaker: { name: string | null; entityId: string | null; anonymous: boolean; mention: DocSpan | null } | null;
  cue: DocSpan | null;
}

export interface ReviewNumber {
  key: string;
  id: string;
  span: DocSpan;
  kind: string;
  value: number | null;
  unit: string | null;
  counted: DocSpan | null;
  event: DocSpan | null;
}

export interface ReviewArticle {
  id: string;
  file: string;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  source: string | null;
  textSha256: string;
  offsetUnit: 'codepoint' | 'utf16';
  text: string;
  entities: Array<{ id: string; name: string; type: string }>;
  quotes: ReviewQuote[];
  numbers: ReviewNumber[];
  claims: ReviewClaim[];
  /** The document as read, for exports that pass it on. */
  raw: Record<string, unknown>;
  /** Offsets of this document (in its offsetUnit) to UTF-16 and to code points. */
  toUtf16: (offset: number) => number;
  toCodepoint: (offset: number) => number;
}

export interface LoadProblem { file: string; message: string }

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Turns one parsed JSON value into a reviewable article, or says why it is not one. */
export function articleFromJson(value: unknown, file: string): ReviewArticle | string {
  if (!isObj(value)) return 'not a JSON object';
  if (!isObj(value.article) || typeof value.text !== 'string' || !Array.isArray(value.claims)) {
    return isObj(value.error) ? `an extraction error record (${String(value.error.message ?? '')})` : 'not a claimsift document (no article, text and claims)';
  }
  const a = value.article;
  const id = str(a.id);
  if (!id) return 'article.id is missing';
  const text = value.text;
  const offsetUnit = value.offsetUnit === 'utf16' ? 'utf16' : 'codepoint';
  const textSha256 = str(a.textSha256) ?? createHash('sha256').update(text).digest('hex');
  const toUtf16 = offsetUnit === 'utf16' ? (o: number) => o : codepointToUtf16(text);
  const toCodepoint = offsetUnit === 'utf16' ? utf16ToCodepoint(text) : (o: number) => o;
  const limit = offsetUnit === 'utf16' ? text.length : [...text].length;
  const span = (v: unknown): DocSpan | null => {
    if (!isObj(v)) return null;
    const start = num(v.start), end = num(v.end);
    if (start === null || end === null || start < 0 || end < start || end > limit) return null;
    return { start, end, text: str(v.text) ?? '' };
  };
  const claims: ReviewClaim[] = [];
  for (const c of arr(value.claims)) {
    if (!isObj(c)) continue;
    const s = span(c.span);
    if (!s) continue;
    const source = isObj(c.source) ? c.source : {};
    const cpStart = toCodepoint(s.start), cpEnd = toCodepoint(s.end);
    claims.push({
      key: reviewKey(textSha256, 'claim', cpStart, cpEnd),
      id: str(c.id) ?? `c${claims.length + 1}`,
      span: s,
      cpStart,
      cpEnd,
      sentence: num(c.sentence),
      source: { name: str(source.name), entityId: str(source.entityId), anonymous: source.anonymous === true, kind: str(source.kind) ?? 'outlet' },
      quoteId: str(c.quoteId),
      status: str(c.status) ?? 'asserted',
      evidence: arr(c.evidence).filter(isObj).map(e => ({ ruleId: str(e.ruleId) ?? '', cue: span(e.cue), text: str(e.text) ?? '' })),
      hedged: c.hedged === true,
      hedge: str(c.hedge),
      polarity: str(c.polarity) ?? 'affirmed',
      numberIds: arr(c.numberIds).filter((n): n is string => typeof n === 'string'),
      checkworthiness: num(c.checkworthiness) ?? 0,
      explain: Array.isArray(c.explain) ? c.explain.filter((l): l is string => typeof l === 'string') : null,
    });
  }
  const quotes: ReviewQuote[] = [];
  for (const q of arr(value.quotes)) {
    if (!isObj(q)) continue;
    const content = span(q.content);
    if (!content) continue;
    const sp = isObj(q.speaker) ? q.speaker : null;
    quotes.push({
      id: str(q.id) ?? `q${quotes.length + 1}`,
      kind: str(q.kind) ?? 'direct',
      content,
      verbatim: arr(q.verbatim).map(span).filter((v): v is DocSpan => v !== null),
      speaker: sp ? { name: str(sp.name), entityId: str(sp.entityId), anonymous: sp.anonymous === true, mention: span(sp.mention) } : null,
      cue: span(q.cue),
    });
  }
  const numbers: ReviewNumber[] = [];
  for (const n of arr(value.numbers)) {
    if (!isObj(n)) continue;
    const s = span(n.span);
    if (!s) continue;
    numbers.push({
      key: reviewKey(textSha256, 'number', toCodepoint(s.start), toCodepoint(s.end)),
      id: str(n.id) ?? `n${numbers.length + 1}`,
      span: s,
      kind: str(n.kind) ?? 'other',
      value: num(n.value),
      unit: str(n.unit),
      counted: span(n.counted),
      event: span(n.event),
    });
  }
  const entities = arr(value.entities).filter(isObj).map(e => ({ id: str(e.id) ?? '', name: str(e.name) ?? '', type: str(e.type) ?? 'unknown' })).filter(e => e.name);
  return {
    id,
    file,
    title: str(a.title),
    url: str(a.url),
    publishedAt: str(a.publishedAt),
    source: str(a.source),
    textSha256,
    offsetUnit,
    text,
    entities,
    quotes,
    numbers,
    claims,
    raw: value,
    toUtf16,
    toCodepoint,
  };
}

interface CachedFile { mtimeMs: number; size: number; articles: ReviewArticle[]; problems: LoadProblem[] }

const isDocFile = (name: string): boolean =>
  (name.endsWith('.json') && !name.endsWith('.gold.json')) || name.endsWith('.jsonl');

/** The extracted documents under one folder or file, re-read when they change. */
export class OutputStore {
  readonly root: string;
  private cache = new Map<string, CachedFile>();
  private byId = new Map<string, ReviewArticle>();
  problems: LoadProblem[] = [];
  private lastScan = 0;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Rescans the folder (at most once every `minIntervalMs`), reparsing only files that changed. */
  refresh(minIntervalMs = 0): void {
    const now = Date.now();
    if (minIntervalMs && now - this.lastScan < minIntervalMs) return;
    this.lastScan = now;
    const stat = fs.statSync(this.root, { throwIfNoEntry: false });
    if (!stat) throw new Error(`[E071] output not found: ${this.root} (run "claimsift extract <inputs> --out ${path.relative(process.cwd(), this.root) || '.'}" first)`);
    const files = stat.isDirectory() ? this.listFiles() : [this.root];
    const next = new Map<string, CachedFile>();
    for (const file of files) {
      const st = fs.statSync(file, { throwIfNoEntry: false });
      if (!st) continue;
      const old = this.cache.get(file);
      next.set(file, old && old.mtimeMs === st.mtimeMs && old.size === st.size ? old : this.parseFile(file, st));
    }
    this.cache = next;
    this.byId = new Map();
    this.problems = [];
    for (const entry of next.values()) {
      this.problems.push(...entry.problems);
      for (const article of entry.articles) {
        const prev = this.byId.get(article.id);
        if (prev) this.problems.push({ file: article.file, message: `article id "${article.id}" also in ${prev.file}; the later one is shown` });
        this.byId.set(article.id, article);
      }
    }
  }

  articles(): ReviewArticle[] {
    return [...this.byId.values()];
  }

  get(id: string): ReviewArticle | undefined {
    return this.byId.get(id);
  }

  private listFiles(): string[] {
    const out: string[] = [];
    const walk = (dir: string, depth: number): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((x, y) => x.name.localeCompare(y.name))) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && depth < 4 && !entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full, depth + 1);
        else if (entry.isFile() && isDocFile(entry.name) && entry.name !== 'errors.jsonl') out.push(full);
      }
    };
    walk(this.root, 0);
    return out;
  }

  private parseFile(file: string, st: fs.Stats): CachedFile {
    const result: CachedFile = { mtimeMs: st.mtimeMs, size: st.size, articles: [], problems: [] };
    let raw: string;
    try {
      raw = fs.readFileSync(file, 'utf8');
    } catch (err) {
      result.problems.push({ file, message: `cannot read: ${(err as Error).message}` });
      return result;
    }
    const add = (value: unknown, where: string): void => {
      const article = articleFromJson(value, where);
      if (typeof article === 'string') result.problems.push({ file: where, message: article });
      else result.articles.push(article);
    };
    if (file.endsWith('.jsonl')) {
      raw.split('\n').forEach((line, i) => {
        if (!line.trim()) return;
        try { add(JSON.parse(line), `${file}:${i + 1}`); } catch (err) { result.problems.push({ file: `${file}:${i + 1}`, message: `invalid JSON: ${(err as Error).message}` }); }
      });
    } else {
      try { add(JSON.parse(raw), file); } catch (err) { result.problems.push({ file, message: `invalid JSON: ${(err as Error).message}` }); }
    }
    return result;
  }
}
