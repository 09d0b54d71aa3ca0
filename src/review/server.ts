/**
 * The review server: node:http on 127.0.0.1, a JSON API over the extracted documents and the
 * review database, and the single-page app's static files. Reads are open to the loopback; writes
 * need the per-session token (X-Claimsift-Token) and a same-origin request.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../version.js';
import { isVerdict, ReviewDb, SPEAKER_KINDS, VERDICTS, type Change, type ClaimEdits, type SpeakerKind } from './db.js';
import { OutputStore, type ReviewArticle, type ReviewClaim } from './load.js';
import { articleView, reviewOf, snapshotOf, summarize } from './view.js';

export interface ReviewServerOptions {
  /** Folder of extracted <id>.json files, or a .jsonl file. */
  output: string;
  /** The review database file (created when absent). */
  db: string;
  /** 0 (the default) for a free port. */
  port?: number;
  reviewer: string;
  /** Largest request body accepted, in bytes (64 KiB unless given). */
  maxBodyBytes?: number;
  /** Where to report problems (stderr unless given). */
  log?: (line: string) => void;
}

export interface ReviewServer {
  /** The URL to open, with the session token. */
  url: string;
  origin: string;
  port: number;
  token: string;
  db: ReviewDb;
  store: OutputStore;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-claimsift-token';
const HOST = '127.0.0.1';
const DEFAULT_MAX_BODY = 64 * 1024;
const MAX_URL = 8 * 1024;

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The folder holding index.html, app.js and app.css: beside this module, else src/review/static under the package root. */
export function staticDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const beside = path.join(here, 'static');
  if (fs.existsSync(path.join(beside, 'index.html'))) return beside;
  for (let dir = here; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (pkg.name === 'claimsift') {
        const candidate = path.join(dir, 'src', 'review', 'static');
        if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
      }
    } catch { /* keep looking */ }
    if (path.dirname(dir) === dir) break;
  }
  throw new Error('[E079] the review app files (src/review/static) are missing from this installation');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const sameToken = (given: string, token: string): boolean => {
  const a = Buffer.from(given), b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a reviewer's corrections and keeps only what differs from the extraction. */
export function parseEdits(value: unknown, article: ReviewArticle, claim: ReviewClaim): ClaimEdits {
  if (!isObj(value)) throw new HttpError(400, '"edits" must be an object');
  const allowed = new Set(['speaker', 'speakerKind', 'status', 'hedged', 'polarity', 'text', 'counted']);
  for (const k of Object.keys(value)) if (!allowed.has(k)) throw new HttpError(400, `unknown edit field "${k}" (want ${[...allowed].join(', ')})`);
  const text = (v: unknown, name: string, max: number): string => {
    if (typeof v !== 'string') throw new HttpError(400, `"${name}" must be a string`);
    const t = v.replace(/\s+/g, ' ').trim();
    if (t.length > max) throw new HttpError(400, `"${name}" is longer than ${max} characters`);
    return t;
  };
  const edits: ClaimEdits = {};
  if (value.speaker !== undefined) {
    const s = text(value.speaker, 'speaker', 200);
    if (s !== (claim.source.name ?? '')) edits.speaker = s;
  }
  if (value.speakerKind !== undefined) {
    if (!SPEAKER_KINDS.includes(value.speakerKind as SpeakerKind)) throw new HttpError(400, `"speakerKind" must be one of ${SPEAKER_KINDS.join(', ')}`);
    if (value.speakerKind !== claim.source.kind) edits.speakerKind = value.speakerKind as SpeakerKind;
  }
  if (value.status !== undefined) {
    if (value.status !== 'asserted' && value.status !== 'confirmed') throw new HttpError(400, '"status" must be asserted or confirmed');
    if (value.status !== claim.status) edits.status = value.status;
  }
  if (value.hedged !== undefined) {
    if (typeof value.hedged !== 'boolean') throw new HttpError(400, '"hedged" must be true or false');
    if (value.hedged !== claim.hedged) edits.hedged = value.hedged;
  }
  if (value.polarity !== undefined) {
    if (value.polarity !== 'affirmed' && value.polarity !== 'denied') throw new HttpError(400, '"polarity" must be affirmed or denied');
    if (value.polarity !== claim.polarity) edits.polarity = value.polarity;
  }
  if (value.text !== undefined) {
    const t = text(value.text, 'text', 5000);
    if (!t) throw new HttpError(400, 'the claim text cannot be empty');
    if (t !== claim.span.text.replace(/\s+/g, ' ').trim()) edits.text = t;
  }
  if (value.counted !== undefined) {
    if (!isObj(value.counted)) throw new HttpError(400, '"counted" must map number keys to text');
    const numbers = new Map(article.numbers.map(n => [n.key, n]));
    const counted: Record<string, string> = {};
    for (const [k, v] of Object.entries(value.counted)) {
      const n = numbers.get(k);
      if (!n) throw new HttpError(400, `"counted": no number ${k} in this article`);
      const t = text(v, 'counted', 300);
      if (t !== (n.counted?.text ?? '')) counted[k] = t;
    }
    if (Object.keys(counted).length) edits.counted = counted;
  }
  return edits;
}

export async function startReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const reviewer = options.reviewer.trim() || 'reviewer';
  const store = new OutputStore(options.output);
  store.refresh();
  const staticRoot = fs.realpathSync(staticDir());
  const db = ReviewDb.open(options.db, { create: true });
  db.setMeta('outputDir', store.root);
  const token = randomBytes(24).toString('base64url');
  const explainCache = new Map<string, Record<string, string[] | null>>();
  let port = 0;
  const allowedHosts = (): Set<string> => new Set([`${HOST}:${port}`, `localhost:${port}`]);

  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store', ...extra });
    res.end(body);
  };
  const json = (res: http.ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void =>
    send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', extra);

  const readBody = (req: http.IncomingMessage): Promise<unknown> => new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > maxBody) { reject(new HttpError(413, `request body over ${maxBody} bytes`)); return; }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBody) { failed = true; reject(new HttpError(413, `request body over ${maxBody} bytes`)); return; }
      chunks.push(chunk);
    });
    req.on('error', err => { if (!failed) { failed = true; reject(err); } });
    req.on('end', () => {
      if (failed) return;
      const raw = Buffer.concat(chunks).toString('utf8');
      try { resolve(raw ? JSON.parse(raw) : {}); } catch { reject(new HttpError(400, 'the request body is not valid JSON')); }
    });
  });

  const checkWrite = (req: http.IncomingMessage): void => {
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    const expected = new Set([...allowedHosts()].map(h => `http://${h}`));
    if (origin === undefined || !expected.has(origin)) throw new HttpError(403, 'writes must come from the review page itself (same origin)');
    if (site !== undefined && site !== 'same-origin') throw new HttpError(403, `cross-site write refused (Sec-Fetch-Site: ${String(site)})`);
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || !sameToken(given, token)) throw new HttpError(403, 'missing or wrong session token: open the URL that "claimsift review" printed');
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\s*(;|$)/i.test(type)) throw new HttpError(415, 'send the request body as application/json');
  };

  const findClaim = (articleId: unknown, key: unknown): { article: ReviewArticle; claim: ReviewClaim } => {
    if (typeof articleId !== 'string' || !articleId) throw new HttpError(400, '"articleId" is required');
    if (typeof key !== 'string' || !/^[0-9a-f]{20}$/.test(key)) throw new HttpError(400, '"claimKey" must be a 20-digit review key');
    store.refresh(250);
    const article = store.get(articleId);
    if (!article) throw new HttpError(404, `no article "${articleId}" in ${store.root}`);
    const claim = article.claims.find(c => c.key === key);
    if (!claim) throw new HttpError(409, 'this claim is not in the current extraction any more (stale): reload the article');
    return { article, claim };
  };

  const explainFor = async (article: ReviewArticle): Promise<{ explain: Record<string, string[] | null>; source: string }> => {
    if (article.claims.some(c => c.explain)) return { explain: Object.fromEntries(article.claims.map(c => [c.key, c.explain])), source: 'output' };
    const cached = explainCache.get(article.textSha256);
    if (cached) return { explain: cached, source: 'extractor' };
    const { extract } = await import('../extract.js');
    const fresh = extract(article.text, { explain: true, offsets: article.offsetUnit });
    const bySpan = new Map<string, string[]>();
    for (const c of fresh.claims) {
      const span = c.span as { start: number; end: number };
      bySpan.set(`${span.start}:${span.end}`, (c.explain as string[] | undefined) ?? []);
    }
    const explain = Object.fromEntries(article.claims.map(c => [c.key, bySpan.get(`${c.span.start}:${c.span.end}`) ?? null]));
    explainCache.set(article.textSha256, explain);
    return { explain, source: 'extractor' };
  };

  const serveStatic = (res: http.ServerResponse, rawName: string, head: boolean): void => {
    let name: string;
    try { name = decodeURIComponent(rawName); } catch { throw new HttpError(400, 'malformed path'); }
    if (!name || name.includes('\0') || name.includes('\\') || name.split('/').some(p => p === '..' || p === '.' || p === '')) throw new HttpError(404, 'not found');
    const full = path.resolve(staticRoot, name);
    if (!full.startsWith(staticRoot + path.sep)) throw new HttpError(404, 'not found');
    const type = CONTENT_TYPES[path.extname(full)];
    let real: string;
    try { real = fs.realpathSync(full); } catch { throw new HttpError(404, 'not found'); }
    if (!type || !real.startsWith(staticRoot + path.sep) || !fs.statSync(real).isFile()) throw new HttpError(404, 'not found');
    const body = fs.readFileSync(real);
    if (head) {
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(body.length), 'Cache-Control': 'no-cache' });
      res.end();
    } else send(res, 200, body, type, { 'Cache-Control': 'no-cache' });
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const rawUrl = req.url ?? '/';
    if (rawUrl.length > MAX_URL) throw new HttpError(414, 'URL too long');
    if (!allowedHosts().has(String(req.headers.host ?? ''))) throw new HttpError(421, `unexpected Host header: use ${HOST}:${port}`);
    const method = req.method ?? 'GET';
    const pathname = rawUrl.split('?')[0] ?? '/';
    const parts = pathname.split('/').slice(1);
    const seg = (i: number): string => {
      try { return decodeURIComponent(parts[i] ?? ''); } catch { throw new HttpError(400, 'malformed path'); }
    };
    const isRead = method === 'GET' || method === 'HEAD';
    if (pathname === '/' || pathname === '/index.html') {
      if (!isRead) throw new HttpError(405, 'method not allowed');
      serveStatic(res, 'index.html', method === 'HEAD');
      return;
    }
    if (pathname === '/favicon.ico') { res.writeHead(204, SECURITY_HEADERS); res.end(); return; }
    if (parts[0] === 'static') {
      if (!isRead) throw new HttpError(405, 'method not allowed');
      serveStatic(res, parts.slice(1).join('/'), method === 'HEAD');
      return;
    }
    if (parts[0] !== 'api') throw new HttpError(404, 'not found');
    const route = parts.slice(1);
    if (isRead) {
      if (route.length === 1 && route[0] === 'session') {
        json(res, 200, { reviewer, version: VERSION, output: store.root, db: db.file, verdicts: VERDICTS, speakerKinds: SPEAKER_KINDS });
        return;
      }
      if (route.length === 1 && route[0] === 'articles') {
        store.refresh(250);
        const all = db.allStates();
        const byArticle = new Map<string, typeof all>();
        for (const s of all) byArticle.set(s.articleId, [...(byArticle.get(s.articleId) ?? []), s]);
        const articles = store.articles().sort((a, b) => a.id.localeCompare(b.id)).map(a => summarize(a, byArticle.get(a.id) ?? []));
        const orphans = all.filter(s => !store.get(s.articleId)).map(s => ({ key: s.key, snapshot: s.snapshot, review: reviewOf(s) }));
        json(res, 200, { articles, orphans, problems: store.problems });
        return;
      }
      if (route.length === 2 && route[0] === 'articles') {
        store.refresh(250);
        const article = store.get(seg(2));
        if (!article) throw new HttpError(404, `no article "${seg(2)}"`);
        json(res, 200, articleView(article, db.statesForArticle(article.id)));
        return;
      }
      if (route.length === 3 && route[0] === 'articles' && route[2] === 'explain') {
        const article = store.get(seg(2));
        if (!article) throw new HttpError(404, `no article "${seg(2)}"`);
        json(res, 200, await explainFor(article));
        return;
      }
      throw new HttpError(404, 'not found');
    }
    if (method !== 'POST') throw new HttpError(405, 'method not allowed');
    checkWrite(req);
    const body = await readBody(req);
    if (!isObj(body)) throw new HttpError(400, 'the request body must be a JSON object');
    if (route.length === 1 && route[0] === 'decisions') {
      const { article, claim } = findClaim(body.articleId, body.claimKey);
      let change: Change;
      switch (body.action) {
        case 'accept': case 'reject': case 'clear': change = { action: body.action }; break;
        case 'verdict':
          if (body.verdict !== null && !isVerdict(body.verdict)) throw new HttpError(400, '"verdict" must be 1–5 or null');
          change = { action: 'verdict', verdict: body.verdict };
          break;
        case 'edit': change = { action: 'edit', edits: parseEdits(body.edits, article, claim) }; break;
        default: throw new HttpError(400, '"action" must be accept, reject, clear, verdict or edit');
      }
      const ref = { key: claim.key, articleId: article.id, textSha256: article.textSha256, start: claim.cpStart, end: claim.cpEnd, kind: 'claim' as const, snapshot: snapshotOf(article, claim) };
      const state = db.apply(ref, change, reviewer);
      json(res, 200, { key: claim.key, review: reviewOf(state) });
      return;
    }
    if (route.length === 1 && route[0] === 'undo') {
      const articleId = body.articleId === undefined || body.articleId === null ? null : String(body.articleId);
      const undone = db.undo(reviewer, articleId);
      json(res, 200, undone ? { undone: { key: undone.key, articleId: undone.articleId, action: undone.action }, review: reviewOf(undone.state ?? undefined) } : { undone: null });
      return;
    }
    throw new HttpError(404, 'not found');
  };

  const server = http.createServer({ requestTimeout: 30_000, headersTimeout: 15_000, maxHeaderSize: 16 * 1024 }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) log(`claimsift review: ${(err as Error).stack ?? String(err)}`);
      if (res.headersSent) { res.destroy(); return; }
      const close = status === 413 || status === 414;
      json(res, status, { error: { status, message: err instanceof HttpError ? err.message : `internal error: ${(err as Error).message}` } }, close ? { Connection: 'close' } : {});
      if (close) req.resume();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => { server.off('error', reject); resolve(); });
  }).catch((err: NodeJS.ErrnoException) => {
    db.close();
    throw new Error(err.code === 'EADDRINUSE' ? `[E070] port ${options.port} is in use: give another --port, or none for a free one` : `[E070] cannot listen on ${HOST}:${options.port ?? 0}: ${err.message}`);
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${HOST}:${port}`;
  let closed: Promise<void> | null = null;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    db,
    store,
    close: () => {
      closed ??= new Promise<void>(resolve => {
        server.close(() => { db.close(); resolve(); });
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
