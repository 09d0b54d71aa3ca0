/** The review API over real HTTP against a real SQLite file (server started in-process). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReviewServer, type ReviewServer } from '../src/review/server.js';
import { reviewKey } from '../src/review/keys.js';
import { ensureBuilt, extractTo, get, post, raw, SEED_ID, SEED_TXT } from './review-support.js';

let dir: string;
let outDir: string;
let server: ReviewServer;
let seed: any;

const articleView = async (id = SEED_ID) => (await get(server.port, `/api/articles/${encodeURIComponent(id)}`)).json();

beforeAll(async () => {
  ensureBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimsift-review-api-'));
  outDir = path.join(dir, 'out');
  extractTo(outDir, [SEED_TXT]);
  server = await startReviewServer({ output: outDir, db: path.join(dir, 'review.sqlite'), reviewer: 'api-tester', log: () => {} });
  seed = await articleView();
});

afterAll(async () => {
  await server?.close();
});

describe('review server: reads', () => {
  it('binds to the loopback only, on a free port, and prints a URL with a token', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('lists articles with counts of quotes, claims and reviewed claims', async () => {
    const res = await get(server.port, '/api/articles');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = JSON.parse(fs.readFileSync(path.join(outDir, `${SEED_ID}.json`), 'utf8'));
    const row = res.json().articles.find((a: any) => a.id === SEED_ID);
    expect(row).toMatchObject({ quotes: doc.quotes.length, claims: doc.claims.length, numbers: doc.numbers.length, reviewed: 0, stale: 0 });
    expect(row.statuses.asserted + row.statuses.confirmed).toBe(doc.claims.length);
  });

  it('serves an article with paragraphs, headings, quotes by speaker and claims by check-worthiness', async () => {
    expect(seed.text.length).toBeGreaterThan(1000);
    expect(seed.paragraphs.some((p: any) => p.heading)).toBe(true);
    expect(seed.paragraphs.some((p: any) => !p.heading)).toBe(true);
    for (const p of seed.paragraphs) expect(seed.text.slice(p.start, p.end).trim()).toBe(seed.text.slice(p.start, p.end));
    const scores = seed.claims.map((c: any) => c.checkworthiness);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    for (const c of seed.claims) {
      expect(c.key).toMatch(/^[0-9a-f]{20}$/);
      expect(seed.text.slice(c.span.start, c.span.end)).toBe(c.span.text);
    }
    for (const q of seed.quotes) expect(seed.text.slice(q.content.start, q.content.end)).toBe(q.content.text);
    // one colour (index) per speaker: the same speaker always gets the same index
    const bySpeaker = new Map<string, Set<number>>();
    for (const q of seed.quotes) if (q.speaker !== null) bySpeaker.set(q.speakerName, (bySpeaker.get(q.speakerName) ?? new Set()).add(q.speaker));
    for (const set of bySpeaker.values()) expect(set.size).toBe(1);
    expect(seed.speakers.length).toBeGreaterThan(1);
  });

  it('keys claims by sha256 of the article hash, span and kind', () => {
    const doc = JSON.parse(fs.readFileSync(path.join(outDir, `${SEED_ID}.json`), 'utf8'));
    const c = doc.claims[0];
    const key = reviewKey(doc.article.textSha256, 'claim', c.span.start, c.span.end);
    expect(seed.claims.map((x: any) => x.key)).toContain(key);
    expect(reviewKey(doc.article.textSha256, 'claim', c.span.start, c.span.end + 1)).not.toBe(key);
    expect(reviewKey(doc.article.textSha256, 'number', c.span.start, c.span.end)).not.toBe(key);
  });

  it('explains a claim on demand, even when the output was extracted without --explain', async () => {
    const res = await get(server.port, `/api/articles/${SEED_ID}/explain`);
    expect(res.status).toBe(200);
    const { explain } = res.json();
    const lines = explain[seed.claims[0].key];
    expect(Array.isArray(lines)).toBe(true);
    expect(lines.join('\n')).toMatch(/status: /);
  });

  it('serves the app with a strict content security policy and no data in the HTML', async () => {
    const res = await get(server.port, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toContain('/static/app.js');
    expect(res.body).not.toContain(server.token);
    expect((await get(server.port, '/static/app.js')).headers['content-type']).toMatch(/javascript/);
    expect((await get(server.port, '/static/app.css')).status).toBe(200);
    expect((await get(server.port, '/api/articles/no-such-article')).status).toBe(404);
  });

  it('never serves a file outside the static folder', async () => {
    for (const p of [
      '/static/../../../package.json',
      '/static/..%2f..%2f..%2fpackage.json',
      '/static/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/static/....//....//package.json',
      '/static/%2fetc%2fpasswd',
      '/static//etc/passwd',
      '/static/app.js%00.css',
      '/static/..\\..\\package.json',
      '/static/',
      '/static/%zz',
      '/../package.json',
      '/api/../package.json',
      `/api/articles/..%2f..%2fpackage.json`,
    ]) {
      const res = await raw(server.port, { path: p });
      expect([400, 404], p).toContain(res.status);
      expect(res.body, p).not.toMatch(/"name":\s*"claimsift"|root:/);
    }
  });

  it('answers only to its own Host name (DNS rebinding)', async () => {
    const res = await raw(server.port, { path: '/api/articles', headers: { Host: 'evil.example:80' } });
    expect(res.status).toBe(421);
  });
});

describe('review server: writes', () => {
  it('records accept with reviewer and time in SQLite, and reflects it in the counts', async () => {
    const claim = seed.claims[0];
    const res = await post(server, '/api/decisions', { articleId: SEED_ID, claimKey: claim.key, action: 'accept' });
    expect(res.status).toBe(200);
    expect(res.json().review).toMatchObject({ decision: 'accepted', reviewer: 'api-tester' });
    const db = new Database(path.join(dir, 'review.sqlite'), { readonly: true });
    const row = db.prepare('SELECT * FROM claim_state WHERE key = ?').get(claim.key) as any;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(row).toMatchObject({ article_id: SEED_ID, decision: 'accepted', reviewer: 'api-tester' });
    expect(Number.isNaN(Date.parse(row.updated_at))).toBe(false);
    const list = (await get(server.port, '/api/articles')).json();
    expect(list.articles.find((a: any) => a.id === SEED_ID)).toMatchObject({ reviewed: 1, accepted: 1 });
    expect((await articleView()).claims[0].review.decision).toBe('accepted');
  });

  it('gives verdicts 1–5 (accepting the claim), clears them, and refuses others', async () => {
    const claim = seed.claims[1];
    const res = await post(server, '/api/decisions', { articleId: SEED_ID, claimKey: claim.key, action: 'verdict', verdict: 1 });
    expect(res.json().review).toMatchObject({ decision: 'accepted', verdict: 1, verdictLabel: 'False' });
    expect((await post(server, '/api/decisions', { articleId: SEED_ID, claimKey: claim.key, action: 'verdict', verdict: 5 })).json().review.verdictLabel).toBe('Not checkable');
    expect((await post(server, '/api/decisions', { articleId: SEED_ID, claimKey: claim.key, action: 'verdict', verdict: null })).json().review.verdict).toBeNull();
    for (const verdict of [0, 6, '2', 2.5]) {
      expect((await post(server, '/api/decisions', { articleId: SEED_ID, claimKey: claim.key, action: 'verdict', verdict })).status).toBe(400);
    }
  });

  it('stores edits of speaker, status, claim text and counted entity, dropping values equal to the extraction', async () => {
    const claim = seed.claims.find((c: any) => c.numbers.length) ?? seed.claims[2];
    const numberKey = claim.numbers[0];
    const edits: Record<string, unknown> = {
      speaker: '  Jane   Checker ', speakerKind: 'person', status: claim.status === 'confirmed' ? 'asserted' : 'confirmed',
      hedged: claim.hedged, polarity: claim.polarity, text: claim.span.text,
    };
    if (numberKey) edits.counted = { [numberKey]: 'fighters' };
    const res = await post(server, '/api/decisions', { articleId: SEED_ID, claimKey: claim.key, action: 'edit', edits });
    expect(res.status).toBe(200);
    const saved = res.json().review.edits;
    expect(saved.speaker).toBe('Jane Checker');
    expect(saved.status).toBe(edits.status);
    expect(saved).not.toHaveProperty('text');
    expect(saved).not.toHaveProperty('hedged');
    if (claim.source.kind === 'person') expect(saved).not.toHaveProperty('speakerKind');
    if (numberKey) expect(saved.counted).toEqual({ [numberKey]: 'fighters' });
    const bad = [
      { speakerKind: 'robot' }, { status: 'true' }, { hedged: 'yes' }, { text: '' }, { text: 'x'.repeat(5001) },
      { colour: 'red' }, { counted: { nope: 'x' } }, 'speaker',
    ];
    for (const b of bad) expect((await post(server, '/api/decisions', { articleId: SEED_ID, claimKey: claim.key, action: 'edit', edits: b })).status, JSON.stringify(b)).toBe(400);
  });

  it('undoes the reviewer’s last change in the article, step by step', async () => {
    const claim = seed.claims[3];
    await post(server, '/api/decisions', { articleId: SEED_ID, claimKey: claim.key, action: 'accept' });
    await post(server, '/api/decisions', { articleId: SEED_ID, claimKey: claim.key, action: 'reject' });
    const first = (await post(server, '/api/undo', { articleId: SEED_ID })).json();
    expect(first.undone).toMatchObject({ key: claim.key, action: 'reject' });
    expect(first.review.decision).toBe('accepted');
    const second = (await post(server, '/api/undo', { articleId: SEED_ID })).json();
    expect(second.undone.action).toBe('accept');
    expect(second.review).toBeNull();
    expect((await post(server, '/api/undo', { articleId: 'some-other-article' })).json().undone).toBeNull();
  });

  it('refuses writes without the token, from another origin, or cross-site', async () => {
    const body = { articleId: SEED_ID, claimKey: seed.claims[4].key, action: 'accept' };
    const cases: Array<[Record<string, string>, number]> = [
      [{ 'X-Claimsift-Token': '' }, 403],
      [{ 'X-Claimsift-Token': 'wrong-token-wrong-token-wrong-tok' }, 403],
      [{ 'X-Claimsift-Token': `${server.token}x` }, 403],
      [{ Origin: 'http://evil.example' }, 403],
      [{ Origin: 'null' }, 403],
      [{ Origin: `http://127.0.0.1:${server.port + 1}` }, 403],
      [{ 'Sec-Fetch-Site': 'cross-site' }, 403],
      [{ 'Sec-Fetch-Site': 'same-site' }, 403],
      [{ 'Content-Type': 'text/plain' }, 415],
      [{ 'Content-Type': 'application/x-www-form-urlencoded' }, 415],
    ];
    for (const [headers, status] of cases) expect((await post(server, '/api/decisions', body, headers)).status, JSON.stringify(headers)).toBe(status);
    // no Origin at all (a non-browser client without the page) is refused too
    const text = JSON.stringify(body);
    const noOrigin = await raw(server.port, { method: 'POST', path: '/api/decisions', headers: { 'X-Claimsift-Token': server.token, 'Content-Type': 'application/json' }, body: text });
    expect(noOrigin.status).toBe(403);
    expect((await articleView()).claims[4].review).toBeNull();
    // the same request done right goes through
    expect((await post(server, '/api/decisions', body, { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  it('limits request sizes (413) and checks what it is sent', async () => {
    const big = JSON.stringify({ articleId: SEED_ID, claimKey: seed.claims[0].key, action: 'accept', pad: 'x'.repeat(200_000) });
    expect((await post(server, '/api/decisions', JSON.parse(big))).status).toBe(413);
    const chunked = await raw(server.port, {
      method: 'POST', path: '/api/decisions', chunked: true, body: big,
      headers: { Origin: server.origin, 'X-Claimsift-Token': server.token, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
    });
    expect(chunked.status).toBe(413);
    expect((await raw(server.port, { path: `/api/articles/${'a'.repeat(10_000)}` })).status).toBe(414);
    const invalid = await raw(server.port, { method: 'POST', path: '/api/decisions', headers: { Origin: server.origin, 'X-Claimsift-Token': server.token, 'Content-Type': 'application/json' }, body: '{"articleId":' });
    expect(invalid.status).toBe(400);
    expect(invalid.json().error.message).toMatch(/JSON/);
    expect((await post(server, '/api/decisions', { articleId: SEED_ID, claimKey: seed.claims[0].key, action: 'approve' })).status).toBe(400);
    expect((await post(server, '/api/decisions', { articleId: SEED_ID, claimKey: 'not-a-key', action: 'accept' })).status).toBe(400);
    expect((await post(server, '/api/decisions', { articleId: SEED_ID, claimKey: 'f'.repeat(20), action: 'accept' })).status).toBe(409);
    expect((await post(server, '/api/decisions', { articleId: 'nope', claimKey: 'f'.repeat(20), action: 'accept' })).status).toBe(404);
    expect((await post(server, '/api/decisions', [1, 2])).status).toBe(400);
    expect((await raw(server.port, { method: 'PUT', path: '/api/decisions' })).status).toBe(405);
    expect((await raw(server.port, { method: 'DELETE', path: '/' })).status).toBe(405);
    // the server is still fine
    expect((await get(server.port, '/api/articles')).status).toBe(200);
  });
});

describe('review server: re-running extract', () => {
  it('keeps decisions whose claim is unchanged and flags the others as stale', async () => {
    const sub = path.join(dir, 'rerun');
    const out = path.join(sub, 'out');
    extractTo(out, [SEED_TXT]);
    const s = await startReviewServer({ output: out, db: path.join(sub, 'review.sqlite'), reviewer: 'r', log: () => {} });
    try {
      const view = (await get(s.port, `/api/articles/${SEED_ID}`)).json();
      const [c1, c2] = view.claims;
      expect((await post(s, '/api/decisions', { articleId: SEED_ID, claimKey: c1.key, action: 'accept' })).status).toBe(200);
      expect((await post(s, '/api/decisions', { articleId: SEED_ID, claimKey: c2.key, action: 'reject' })).status).toBe(200);

      // the same text extracted again: every decision still applies
      extractTo(out, [SEED_TXT]);
      await new Promise(r => setTimeout(r, 300));
      let again = (await get(s.port, `/api/articles/${SEED_ID}`)).json();
      expect(again.stale).toEqual([]);
      expect(again.claims.find((c: any) => c.key === c1.key).review.decision).toBe('accepted');
      expect(again.claims.find((c: any) => c.key === c2.key).review.decision).toBe('rejected');

      // the extractor now cuts c2 one character shorter: c2's decision is stale, c1's still applies
      const file = path.join(out, `${SEED_ID}.json`);
      const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      const target = doc.claims.find((c: any) => c.id === c2.id);
      target.span.end -= 1;
      target.span.text = target.span.text.slice(0, -1);
      fs.writeFileSync(file, JSON.stringify(doc));
      await new Promise(r => setTimeout(r, 300));
      again = (await get(s.port, `/api/articles/${SEED_ID}`)).json();
      expect(again.claims.find((c: any) => c.key === c1.key).review.decision).toBe('accepted');
      expect(again.stale).toHaveLength(1);
      expect(again.stale[0]).toMatchObject({ key: c2.key, reason: 'no claim has this span any more' });
      expect(again.stale[0].review.decision).toBe('rejected');
      const list = (await get(s.port, '/api/articles')).json();
      expect(list.articles.find((a: any) => a.id === SEED_ID)).toMatchObject({ reviewed: 1, stale: 1 });
      // a stale claim cannot be decided any more
      expect((await post(s, '/api/decisions', { articleId: SEED_ID, claimKey: c2.key, action: 'accept' })).status).toBe(409);

      // the article text changed: every decision on it is stale
      const changed = path.join(sub, `${SEED_ID}.txt`);
      fs.writeFileSync(changed, fs.readFileSync(SEED_TXT, 'utf8').replace('latest round', 'most recent round'));
      extractTo(out, [changed]);
      await new Promise(r => setTimeout(r, 300));
      again = (await get(s.port, `/api/articles/${SEED_ID}`)).json();
      expect(again.claims.every((c: any) => c.review === null)).toBe(true);
      expect(again.stale.map((x: any) => x.reason)).toEqual(['the article text changed since this decision', 'the article text changed since this decision']);

      // the article is gone from the output: its decisions are listed as orphans
      fs.rmSync(file);
      await new Promise(r => setTimeout(r, 300));
      const orphaned = (await get(s.port, '/api/articles')).json();
      expect(orphaned.articles).toEqual([]);
      expect(orphaned.orphans).toHaveLength(2);
    } finally {
      await s.close();
    }
  });
});
