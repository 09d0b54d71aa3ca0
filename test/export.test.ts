/** `claimsift export`: ClaimReview JSON-LD, Label Studio, brat and JSONL from a real review database. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnn } from '../src/eval/score-polnear.js';
import { claimReviewProblems } from '../src/export/claimreview.js';
import { articleFromJson, type ReviewArticle } from '../src/review/load.js';
import { startReviewServer } from '../src/review/server.js';
import { ensureBuilt, extractTo, get, post, runCli, SEED_ID, SEED_TXT } from './review-support.js';

const EMOJI_ID = 'emoji-story';
const EMOJI = {
  id: EMOJI_ID,
  title: 'Buses 🚌 arrive',
  url: 'https://news.example.org/2024/05/buses',
  publishedAt: '2024-05-02',
  text: '🙂🙂 City gets buses\nThe mayor 🙂 said the city bought 12 new 🚌 buses last year.\n“We will build 300 homes by 2026,” Mayor Ann Lee said on Monday.\nOfficials said 40 people were hurt in the blast, police confirmed.\nThe council reportedly spent over $2 million on the scheme.',
};

let dir: string;
let out: string;
let db: string;
let seed: any;
let emoji: any;
const decided = { accepted: new Set<string>(), rejected: new Set<string>(), verdicts: new Map<string, number>() };

const read = (f: string) => fs.readFileSync(f, 'utf8');
const doc = (id: string): ReviewArticle => {
  const a = articleFromJson(JSON.parse(read(path.join(out, `${id}.json`))), id);
  if (typeof a === 'string') throw new Error(a);
  return a;
};

beforeAll(async () => {
  ensureBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimsift-export-'));
  out = path.join(dir, 'out');
  fs.writeFileSync(path.join(dir, 'emoji.jsonl'), `${JSON.stringify(EMOJI)}\n`);
  extractTo(out, [SEED_TXT, path.join(dir, 'emoji.jsonl')]);
  db = path.join(dir, 'review.sqlite');
  const server = await startReviewServer({ output: out, db, reviewer: 'Export Tester', log: () => {} });
  try {
    const view = async (id: string) => (await get(server.port, `/api/articles/${encodeURIComponent(id)}`)).json();
    seed = await view(SEED_ID);
    emoji = await view(EMOJI_ID);
    expect(emoji.claims.length).toBeGreaterThan(2);
    const act = async (articleId: string, claimKey: string, body: Record<string, unknown>) => {
      const res = await post(server, '/api/decisions', { articleId, claimKey, ...body });
      if (res.status !== 200) throw new Error(res.body);
      return res.json();
    };
    const [s0, s1, s2] = seed.claims;
    await act(SEED_ID, s0.key, { action: 'accept' });
    await act(SEED_ID, s0.key, { action: 'verdict', verdict: 4 });
    await act(SEED_ID, s0.key, { action: 'edit', edits: { speaker: 'Edited Speaker', speakerKind: 'person' } });
    await act(SEED_ID, s1.key, { action: 'reject' });
    await act(SEED_ID, s2.key, { action: 'accept' });
    decided.accepted.add(s0.key).add(s2.key);
    decided.rejected.add(s1.key);
    decided.verdicts.set(s0.key, 4);
    for (const [i, c] of emoji.claims.entries()) {
      if (i === 0) { await act(EMOJI_ID, c.key, { action: 'verdict', verdict: 1 }); decided.verdicts.set(c.key, 1); }
      else if (i === 1) { await act(EMOJI_ID, c.key, { action: 'accept' }); await act(EMOJI_ID, c.key, { action: 'edit', edits: { text: 'The city bought 12 🚌 buses.' } }); }
      else await act(EMOJI_ID, c.key, { action: 'accept' });
      decided.accepted.add(c.key);
    }
  } finally {
    await server.close();
  }
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('export --format claimreview', () => {
  it('writes a JSON-LD ClaimReview draft per accepted claim, with reviewRating only where a verdict was given', () => {
    const file = path.join(dir, 'claimreview.json');
    const res = runCli(['export', '--db', db, '--format', 'claimreview', '--from', out, '--out', file]);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/ClaimReview drafts/);
    const drafts = JSON.parse(read(file));
    expect(Array.isArray(drafts)).toBe(true);
    expect(drafts).toHaveLength(decided.accepted.size);
    for (const d of drafts) {
      expect(claimReviewProblems(d), JSON.stringify(d)).toEqual([]);
      expect(d['@context']).toBe('https://schema.org');
      expect(d['@type']).toBe('ClaimReview');
      expect(d.author).toEqual({ '@type': 'Person', name: 'Export Tester' });
      expect(Math.abs(Date.parse(d.datePublished) - Date.now())).toBeLessThan(2 * 86_400_000);
      const key = d.identifier.replace('claimsift:', '');
      expect(decided.accepted.has(key)).toBe(true);
      expect(decided.rejected.has(key)).toBe(false);
      if (decided.verdicts.has(key)) {
        expect(d.reviewRating).toMatchObject({ '@type': 'Rating', ratingValue: decided.verdicts.get(key), worstRating: 1, bestRating: 5 });
      } else expect(d).not.toHaveProperty('reviewRating');
    }
    const byKey = new Map(drafts.map((d: any) => [d.identifier.replace('claimsift:', ''), d]));
    const s0 = byKey.get(seed.claims[0].key) as any;
    expect(s0.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Edited Speaker' });
    expect(s0.reviewRating.alternateName).toBe('Accurate');
    expect(s0.claimReviewed).toBe(seed.claims[0].span.text.replace(/\s+/g, ' ').trim());
    // the seed has no url: the appearance names it
    expect(s0.itemReviewed.appearance).toEqual({ '@type': 'CreativeWork', name: SEED_ID });
    expect(res.stderr).toMatch(/no url/);
    const e0 = byKey.get(emoji.claims[0].key) as any;
    expect(e0.reviewRating).toMatchObject({ ratingValue: 1, alternateName: 'False' });
    expect(e0.itemReviewed.datePublished).toBe('2024-05-02');
    expect(e0.itemReviewed.appearance).toMatchObject({ '@type': 'CreativeWork', url: EMOJI.url, headline: EMOJI.title });
    expect((byKey.get(emoji.claims[1].key) as any).claimReviewed).toBe('The city bought 12 🚌 buses.');
    for (const c of emoji.claims) {
      const author = (byKey.get(c.key) as any).itemReviewed.author;
      if (c.source.kind === 'outlet') expect(author).toMatchObject({ '@type': 'Organization', name: 'news.example.org' });
      else if (c.source.kind === 'organization') expect(author).toEqual({ '@type': 'Organization', name: c.source.name });
      else expect(author).toEqual({ '@type': 'Person', name: c.source.name });
    }
  });

  it('skips decisions that went stale, and falls back to the stored snapshots when the documents are gone', () => {
    const changed = path.join(dir, 'changed');
    fs.cpSync(out, changed, { recursive: true });
    const file = path.join(changed, `${SEED_ID}.json`);
    const d = JSON.parse(read(file));
    const target = d.claims.find((c: any) => c.id === seed.claims[2].id);
    target.span.start += 1;
    target.span.text = target.span.text.slice(1);
    fs.writeFileSync(file, JSON.stringify(d));
    const res = runCli(['export', '--db', db, '--format', 'claimreview', '--from', changed]);
    expect(res.status).toBe(0);
    expect(res.stderr).toMatch(/1 decisions are stale/);
    expect(JSON.parse(res.stdout)).toHaveLength(decided.accepted.size - 1);

    const moved = `${out}-moved`;
    fs.renameSync(out, moved);
    try {
      const snap = runCli(['export', '--db', db, '--format', 'claimreview']);
      expect(snap.status).toBe(0);
      expect(snap.stderr).toMatch(/as they were when reviewed/);
      const drafts = JSON.parse(snap.stdout);
      expect(drafts).toHaveLength(decided.accepted.size);
      for (const x of drafts) expect(claimReviewProblems(x)).toEqual([]);
      const noFrom = runCli(['export', '--db', db, '--format', 'labelstudio']);
      expect(noFrom.status).toBe(2);
      expect(noFrom.stderr).toMatch(/\[E082\]/);
    } finally {
      fs.renameSync(moved, out);
    }
  });
});

describe('export --format labelstudio', () => {
  it('writes one task per article with predictions whose UTF-16 offsets slice the text', () => {
    const file = path.join(dir, 'ls.json');
    const res = runCli(['export', '--db', db, '--format', 'labelstudio', '--from', out, '--out', file]);
    expect(res.status, res.stderr).toBe(0);
    expect(read(path.join(dir, 'ls.label-config.xml'))).toMatch(/<Labels name="attribution"/);
    const tasks = JSON.parse(read(file));
    expect(tasks.map((t: any) => t.data.article_id).sort()).toEqual([EMOJI_ID, SEED_ID]);
    for (const t of tasks) {
      const result = t.predictions[0].result;
      expect(t.predictions[0].model_version).toMatch(/^claimsift /);
      for (const r of result.filter((x: any) => x.type === 'labels' || x.type === 'choices')) expect(t.data.text.slice(r.value.start, r.value.end)).toBe(r.value.text);
      const ids = new Set(result.filter((x: any) => x.id).map((x: any) => x.id));
      for (const rel of result.filter((x: any) => x.type === 'relation')) {
        expect(ids.has(rel.from_id)).toBe(true);
        expect(ids.has(rel.to_id)).toBe(true);
      }
    }
    const e = tasks.find((t: any) => t.data.article_id === EMOJI_ID);
    const claimRegions = e.predictions[0].result.filter((r: any) => r.from_name === 'claim');
    expect(claimRegions).toHaveLength(emoji.claims.length);
    // UTF-16: the emoji before a claim shifts it by two units per emoji
    expect(claimRegions.some((r: any) => /🙂|🚌/.test(e.data.text.slice(0, r.value.start)))).toBe(true);
    expect(e.predictions[0].result.find((r: any) => r.from_name === 'verdict').value.choices).toEqual(['False']);
    const s = tasks.find((t: any) => t.data.article_id === SEED_ID);
    expect(s.predictions[0].result.filter((r: any) => r.from_name === 'claim')).toHaveLength(seed.claims.length - 1); // the rejected one is dropped
    expect(s.predictions[0].result.find((r: any) => r.from_name === 'speaker' && r.value.text[0] === 'Edited Speaker')).toBeTruthy();
  });
});

describe('export --format brat', () => {
  it('writes .txt and .ann per article, in code points, readable as PolNeAR-style attributions', () => {
    const folder = path.join(dir, 'brat');
    const res = runCli(['export', '--db', db, '--format', 'brat', '--from', out, '--out', folder]);
    expect(res.status, res.stderr).toBe(0);
    expect(fs.readdirSync(folder).sort()).toEqual(['annotation.conf', `${EMOJI_ID}.ann`, `${EMOJI_ID}.txt`, `${SEED_ID}.ann`, `${SEED_ID}.txt`]);
    for (const id of [SEED_ID, EMOJI_ID]) {
      const article = doc(id);
      const text = read(path.join(folder, `${id}.txt`));
      expect(text).toBe(article.text);
      const cps = [...text];
      const ann = read(path.join(folder, `${id}.ann`));
      for (const line of ann.trimEnd().split('\n').filter(l => l.startsWith('T'))) {
        const [, mid = '', surface = ''] = line.split('\t');
        const frags = mid.slice(mid.indexOf(' ') + 1).split(';').map(f => f.split(' ').map(Number) as [number, number]);
        expect(frags.map(([s, e]) => cps.slice(s, e).join('')).join(' '), line).toBe(surface);
        for (const [s, e] of frags) expect(cps.slice(s, e).join('')).not.toMatch(/\n/);
      }
      const attributions = parseAnn(ann);
      expect(attributions.length).toBe(article.quotes.length);
      expect(attributions.filter(a => a.source.length).length).toBe(article.quotes.filter(q => q.speaker?.mention).length);
      expect((ann.match(/^T\d+\tClaim /gm) ?? []).length).toBe(article.claims.length);
    }
    const seedAnn = read(path.join(folder, `${SEED_ID}.ann`));
    expect(seedAnn).toMatch(/\tDecision T\d+ rejected/);
    expect(seedAnn).toMatch(/\tVerdict T\d+ Accurate/);
    expect(seedAnn).toMatch(/AnnotatorNotes T\d+\tspeaker: Edited Speaker \(person\)/);
    expect(read(path.join(folder, 'annotation.conf'))).toMatch(/\[events\]\nAttribution\t/);
    const noOut = runCli(['export', '--db', db, '--format', 'brat', '--from', out]);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toMatch(/\[E083\]/);
  });
});

describe('export --format jsonl', () => {
  it('writes the reviewed dataset: every document, each claim with its decision attached', () => {
    const res = runCli(['export', '--db', db, '--format', 'jsonl', '--from', out]);
    expect(res.status, res.stderr).toBe(0);
    const lines = res.stdout.trim().split('\n').map(l => JSON.parse(l));
    expect(lines.map(l => l.article.id).sort()).toEqual([EMOJI_ID, SEED_ID]);
    const s = lines.find(l => l.article.id === SEED_ID);
    const original = JSON.parse(read(path.join(out, `${SEED_ID}.json`)));
    expect(s.text).toBe(original.text);
    expect(s.quotes).toEqual(original.quotes);
    expect(s.claims).toHaveLength(original.claims.length);
    const byKey = new Map(s.claims.map((c: any) => [c.reviewKey, c]));
    expect((byKey.get(seed.claims[0].key) as any).review).toMatchObject({ decision: 'accepted', verdict: 4, verdictLabel: 'Accurate', reviewer: 'Export Tester', edits: { speaker: 'Edited Speaker' } });
    expect((byKey.get(seed.claims[1].key) as any).review.decision).toBe('rejected');
    expect(s.claims.filter((c: any) => c.review).length).toBe(3);
    expect(s.review.stale).toEqual([]);
  });
});

describe('review keys', () => {
  it('are the same whether the output counts code points or UTF-16 units', () => {
    const out16 = path.join(dir, 'out16');
    extractTo(out16, [path.join(dir, 'emoji.jsonl')], ['--offsets', 'utf16']);
    const a16 = articleFromJson(JSON.parse(read(path.join(out16, `${EMOJI_ID}.json`))), 'x');
    if (typeof a16 === 'string') throw new Error(a16);
    expect(a16.offsetUnit).toBe('utf16');
    const acp = doc(EMOJI_ID);
    expect(a16.claims.map(c => c.key)).toEqual(acp.claims.map(c => c.key));
    expect(acp.claims.some(c => c.span.start !== a16.claims.find(x => x.key === c.key)!.span.start)).toBe(true);
  });
});
