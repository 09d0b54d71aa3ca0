/**
 * Port of shared/tools/score-gold.mjs: output documents against `*.gold.json` annotations
 * (format: shared/docs/annotation-guide.md). The figures and the misses list are the reference
 * scorer's, line for line; the breakdown is eval's addition.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SectionBuilder, toUtf16, words, type Predictions, type Range, type ScoreResult } from './common.js';

export interface GoldQuote {
  kind?: string;
  speaker?: string | null;
  anonymous?: boolean;
  speakerMention?: string | null;
  cue?: string | null;
  content: string;
  optional?: boolean;
  status?: string;
  polarity?: string;
}
export interface GoldNumber {
  text: string;
  kind?: string;
  value?: number | null;
  approx?: string | null;
  unit?: string;
  counted?: string;
  event?: string;
  date?: string;
  after?: string;
}
export interface GoldClaim { contains: string; status?: string; source?: string | null; hedged?: boolean; polarity?: string }
export interface GoldFile {
  article?: string;
  headings?: string[];
  quotes: GoldQuote[];
  numbers?: GoldNumber[];
  claims?: GoldClaim[];
}
export interface GoldEntry { file: string; gold: GoldFile }

/** The article id a gold file stands for: the stem of its `article` field (else of its own name). */
export const goldStem = (f: string): string => path.basename(f).replace(/\.gold\.json$|\.json$|\.txt$/, '');

/** The *.gold.json files a --gold argument stands for (a file is taken as it is). */
export function goldFiles(p: string): string[] {
  return fs.statSync(p).isDirectory()
    ? fs.readdirSync(p).filter(f => f.endsWith('.gold.json')).sort().map(f => path.join(p, f)) : [p];
}

/** Reads gold files by article id; a later file for the same article replaces an earlier one. */
export function loadGold(paths: readonly string[]): Map<string, GoldEntry> {
  const golds = new Map<string, GoldEntry>();
  for (const g of paths) for (const file of goldFiles(g)) {
    const gold = JSON.parse(fs.readFileSync(file, 'utf8')) as GoldFile;
    if (!gold || !Array.isArray(gold.quotes)) throw new Error(`${file} is not a gold file (it has no "quotes" list)`);
    golds.set(goldStem(gold.article == null ? file : String(gold.article)), { file, gold });
  }
  return golds;
}

const straighten = (t: string): string => t.replace(/[“”„‟″]/g, '"').replace(/[‘’‚‛′]/g, "'");
const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** First occurrence at or after `from` that does not start or end inside a word ("one" is not in "phone"). */
export function locate(text: string, needle: string | null | undefined, from = 0): Range | null {
  if (!needle) return null;
  for (const hay of [text, straighten(text)]) {
    const n = hay === text ? needle : straighten(needle);
    for (let at = hay.indexOf(n, from); at >= 0; at = hay.indexOf(n, at + 1)) {
      const okStart = !isWord(n[0]) || !isWord(hay[at - 1]);
      const okEnd = !isWord(n[n.length - 1]) || !isWord(hay[at + n.length]);
      if (okStart && okEnd) return { start: at, end: at + n.length };
    }
  }
  return null;
}

const inter = (a: Range, b: Range): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const len = (s: Range): number => Math.max(1, s.end - s.start);
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'president', 'minister', 'the']);

/** Same person or body: same words, same surname, or one name inside the other (titles ignored). */
export function sameName(pred: unknown, gold: unknown): boolean {
  const p = words(pred).filter(w => !TITLES.has(w)), g = words(gold).filter(w => !TITLES.has(w));
  if (!p.length || !g.length) return false;
  if (p.join(' ') === g.join(' ')) return true;
  if (p[p.length - 1] === g[g.length - 1]) return true;
  const ps = ` ${p.join(' ')} `, gs = ` ${g.join(' ')} `;
  return ps.includes(gs) || gs.includes(ps);
}

const APPROX = new Map(Object.entries({
  over: 'gt', 'more-than': 'gt', above: 'gt', exceeding: 'gt', 'at-least': 'ge',
  under: 'lt', 'less-than': 'lt', 'fewer-than': 'lt', below: 'lt', 'at-most': 'le', 'up-to': 'le',
  about: '~', around: '~', approximately: '~', roughly: '~', nearly: '~', almost: '~', some: '~', 'close-to': '~',
}));
export const approxClass = (a: unknown): string | null =>
  (a == null ? null : APPROX.get(String(a).toLowerCase().replace(/\s+/g, '-')) ?? String(a));

const key = (v: unknown): string => (v == null ? '(none)' : String(v));

export function scoreGold(golds: ReadonlyMap<string, GoldFile>, preds: Predictions): ScoreResult {
  const counts = new Map<string, [number, number]>();
  const conf = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (k: string, ok: boolean): void => {
    const c = counts.get(k) ?? [0, 0];
    counts.set(k, c);
    c[1]++;
    if (ok) c[0]++;
  };
  const tally = (name: string, gold: boolean, pred: boolean): void => {
    const c = conf.get(name) ?? { tp: 0, fp: 0, fn: 0 };
    conf.set(name, c);
    if (gold && pred) c.tp++; else if (pred) c.fp++; else if (gold) c.fn++;
  };
  let qtp = 0, qfp = 0, qfn = 0, qatp = 0;
  const misses: string[] = [];

  const qRule = new SectionBuilder('quotes by predicted ruleId (optional: matched a gold quote marked optional, not scored)',
    ['predicted', 'matched', 'optional', 'falseAlarms', 'speakerRight']);
  const qKind = new SectionBuilder('quotes by gold kind', ['gold', 'found', 'speakerRight']);
  const nRule = new SectionBuilder('numbers by predicted ruleId/kind (articles whose gold lists numbers)',
    ['predicted', 'matched', 'falseAlarms', 'valueChecked', 'valueRight', 'approxChecked', 'approxRight']);
  const nKind = new SectionBuilder('numbers by gold kind', ['gold', 'found', 'valueChecked', 'valueRight']);
  const cStatus = new SectionBuilder('claims by status (gold: gold claims with it; predicted: matched claims predicted with it)',
    ['gold', 'found', 'predicted', 'correct']);

  for (const [id, gold] of golds) {
    const doc = preds.get(id);
    if (!doc) {
      misses.push(`no prediction for article ${id}`);
      const required = gold.quotes.filter(q => !q.optional);
      qfn += required.length;
      for (const q of required) {
        qKind.add(key(q.kind), 'gold');
        qKind.sample(key(q.kind), 'miss', { article: id, text: q.content, detail: 'no prediction for the article' });
      }
      continue;
    }
    const conv = toUtf16(doc), text = typeof doc.text === 'string' ? doc.text : '';
    const headings = (gold.headings ?? []).map(h => locate(text, h)).filter((h): h is Range => h !== null);

    // quotes
    const gq = gold.quotes.map(q => ({ q, span: locate(text, q.content) }));
    const pq = (doc.quotes ?? []).map(q => ({ q, span: conv(q.content) }))
      .filter((p): p is { q: typeof p.q; span: Range } => !!p.span && !headings.some(h => inter(h, p.span!) >= len(p.span!) * 0.5));
    const pairs: Array<[number, number, number]> = [];
    gq.forEach((g, gi) => g.span && pq.forEach((p, pi) => {
      const i = inter(g.span!, p.span);
      if (i >= 0.5 * len(g.span!) && i >= 0.5 * len(p.span)) pairs.push([2 * i / (len(g.span!) + len(p.span)), gi, pi]);
    }));
    pairs.sort((a, b) => b[0] - a[0]);
    const gUsed = new Map<number, number>(), pUsed = new Set<number>();
    for (const [, gi, pi] of pairs) if (!gUsed.has(gi) && !pUsed.has(pi)) { gUsed.set(gi, pi); pUsed.add(pi); }
    const rule = (pi: number): string => key(pq[pi]?.q.ruleId);
    gq.forEach(({ q: g }, gi) => {
      const pi = gUsed.get(gi);
      if (pi === undefined) {
        if (!g.optional) {
          qfn++;
          misses.push(`${id}: missed quote "${g.content.slice(0, 70)}"`);
          qKind.add(key(g.kind), 'gold');
          qKind.sample(key(g.kind), 'miss', { article: id, text: g.content });
        }
        return;
      }
      const p = pq[pi]!.q;
      if (g.optional) { qRule.add(rule(pi), 'optional'); return; }
      qtp++;
      const sp = p.speaker;
      const spOk = g.anonymous ? !!sp && (sp.anonymous === true) : !!sp && sameName(sp.name, g.speaker);
      qRule.add(rule(pi), 'matched');
      qKind.add(key(g.kind), 'gold');
      qKind.add(key(g.kind), 'found');
      if (spOk) {
        qatp++;
        qRule.add(rule(pi), 'speakerRight');
        qKind.add(key(g.kind), 'speakerRight');
      } else {
        misses.push(`${id}: wrong speaker ${JSON.stringify(sp?.name ?? null)} for "${g.content.slice(0, 50)}" (gold ${g.speaker})`);
        qRule.sample(rule(pi), 'wrongSpeaker', { article: id, text: g.content, detail: `speaker ${JSON.stringify(sp?.name ?? null)}, gold ${String(g.speaker)}` });
      }
      if (g.cue) bump('quotes.cueAccuracy', !!p.cue && words(p.cue.text).includes(words(g.cue)[0] as string));
      bump('quotes.kindAccuracy', (g.kind === 'direct') === (p.kind === 'direct'));
    });
    pq.forEach((p, pi) => {
      qRule.add(rule(pi), 'predicted');
      if (pUsed.has(pi)) return;
      const overOptional = gq.some(g => g.q.optional && g.span && inter(g.span, p.span) >= 0.5 * len(p.span));
      if (overOptional) { qRule.add(rule(pi), 'optional'); return; }
      qfp++;
      const quoted = text.slice(p.span.start, p.span.end);
      misses.push(`${id}: extra quote "${quoted.slice(0, 70)}"`);
      qRule.add(rule(pi), 'falseAlarms');
      qRule.sample(rule(pi), 'falseAlarm', { article: id, text: quoted, detail: `speaker ${JSON.stringify(p.q.speaker?.name ?? null)}` });
    });

    // numbers
    const docNumbers = (doc.numbers ?? []).map(n => ({ n, s: conv(n.span) }));
    const numberRule = (n: (typeof docNumbers)[number]['n']): string => `${key(n.ruleId)}/${key(n.kind)}`;
    const chosen = new Set<number>();
    for (const g of gold.numbers ?? []) {
      const gs = locate(text, g.text, g.after ? (locate(text, g.after)?.end ?? 0) : 0);
      const at = gs ? docNumbers.findIndex(({ s }) => !!s && inter(s, gs) >= 0.5 * len(gs) && len(s) <= 3 * len(gs) + 10) : -1;
      bump('numbers.recall', at >= 0);
      const gk = key(g.kind);
      nKind.add(gk, 'gold');
      if (at < 0) {
        misses.push(`${id}: missed number "${g.text}"`);
        nKind.sample(gk, 'miss', { article: id, text: g.text, detail: g.value != null ? `value ${g.value}` : g.date ? `date ${g.date}` : '' });
        continue;
      }
      chosen.add(at);
      nKind.add(gk, 'found');
      const n = docNumbers[at]!.n, rk = numberRule(n);
      if (g.value != null) {
        const ok = typeof n.value === 'number' && Math.abs(n.value - g.value) < 1e-9;
        bump('numbers.valueAccuracy', ok);
        for (const [b, k] of [[nRule, rk], [nKind, gk]] as const) { b.add(k, 'valueChecked'); if (ok) b.add(k, 'valueRight'); }
        if (!ok) nRule.sample(rk, 'wrongValue', { article: id, text: g.text, detail: `value ${String(n.value)}, gold ${g.value}` });
      }
      if (g.kind === 'date' && g.date) bump('numbers.dateAccuracy', typeof n.date === 'string' && n.date.startsWith(g.date));
      if ('approx' in g || g.value != null) {
        const ok = approxClass(n.approx) === approxClass(g.approx ?? null);
        bump('numbers.approxAccuracy', ok);
        nRule.add(rk, 'approxChecked');
        if (ok) nRule.add(rk, 'approxRight');
        else nRule.sample(rk, 'wrongApprox', { article: id, text: g.text, detail: `approx ${JSON.stringify(n.approx ?? null)}, gold ${JSON.stringify(g.approx ?? null)}` });
      }
      if (g.counted) {
        const head = words(g.counted).at(-1);
        const ok = !!n.counted && head !== undefined && words(n.counted.text ?? '').includes(head);
        bump('numbers.countedAccuracy', ok);
        if (!ok) misses.push(`${id}: counted for "${g.text}" is ${JSON.stringify(n.counted?.text ?? null)} (gold ${g.counted})`);
      }
      if (g.event) {
        const ev = n.event;
        const ok = !!ev && words(g.event).some(w => words(ev.text ?? '').includes(w));
        bump('numbers.eventAccuracy', ok);
      }
    }
    if (Array.isArray(gold.numbers)) docNumbers.forEach(({ n }, i) => {
      const rk = numberRule(n);
      nRule.add(rk, 'predicted');
      if (chosen.has(i)) nRule.add(rk, 'matched');
      else {
        nRule.add(rk, 'falseAlarms');
        nRule.sample(rk, 'falseAlarm', { article: id, text: n.span?.text ?? '', detail: `value ${JSON.stringify(n.value ?? null)}` });
      }
    });

    // claims
    for (const g of gold.claims ?? []) {
      const gs = locate(text, g.contains);
      const cands = (doc.claims ?? []).map(c => ({ c, s: conv(c.span) }))
        .filter((x): x is { c: typeof x.c; s: Range } => !!x.s && !!gs && inter(x.s, gs) >= 0.5 * len(gs))
        .sort((a, b) => len(a.s) - len(b.s));
      const c = cands[0]?.c;
      bump('claims.recall', !!c);
      const gk = key(g.status);
      cStatus.add(gk, 'gold');
      if (!c) {
        misses.push(`${id}: missed claim "${g.contains}"`);
        cStatus.sample(gk, 'miss', { article: id, text: g.contains, detail: 'no claim found' });
        continue;
      }
      const pk = key(c.status);
      cStatus.add(gk, 'found');
      cStatus.add(pk, 'predicted');
      const stOk = c.status === g.status;
      bump('claims.statusAccuracy', stOk);
      if (stOk) cStatus.add(gk, 'correct');
      else {
        misses.push(`${id}: status ${c.status} for "${g.contains}" (gold ${g.status})`);
        cStatus.sample(gk, 'miss', { article: id, text: g.contains, detail: `predicted ${pk}` });
        cStatus.sample(pk, 'falseAlarm', { article: id, text: g.contains, detail: `gold ${gk}` });
      }
      const src = c.source;
      const srcOk = g.source == null ? (!src || src.kind === 'outlet') : !!src && sameName(src.name, g.source);
      bump('claims.sourceAccuracy', srcOk);
      if (!srcOk) misses.push(`${id}: source ${JSON.stringify(src?.name ?? src?.kind ?? null)} for "${g.contains}" (gold ${g.source})`);
      if (g.hedged !== undefined) bump('claims.hedgeAccuracy', !!c.hedged === g.hedged);
      if (g.polarity) bump('claims.polarityAccuracy', (c.polarity ?? 'affirmed') === g.polarity);
      // the rare classes, counted over every matched claim (absent in gold means asserted / not hedged / affirmed)
      tally('confirmed', g.status === 'confirmed', c.status === 'confirmed');
      tally('asserted', g.status !== 'confirmed', c.status !== 'confirmed');
      tally('hedged', !!g.hedged, !!c.hedged);
      tally('denied', g.polarity === 'denied', c.polarity === 'denied');
    }
  }

  const f1 = (p: number, r: number): number => (p + r ? 2 * p * r / (p + r) : 0);
  const P = qtp / Math.max(1, qtp + qfp), R = qtp / Math.max(1, qtp + qfn);
  const Pa = qatp / Math.max(1, qtp + qfp), Ra = qatp / Math.max(1, qtp + qfn);
  const metrics: Record<string, number> = {
    articles: golds.size,
    'quotes.precision': P, 'quotes.recall': R, 'quotes.f1': f1(P, R),
    'quotes.attributedF1': f1(Pa, Ra), 'quotes.gold': qtp + qfn, 'quotes.predicted': qtp + qfp,
  };
  for (const [k, [ok, n]] of counts) metrics[k] = n ? ok / n : 0;
  const classF1 = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }): number => (tp ? 2 * tp / (2 * tp + fp + fn) : (fp + fn ? 0 : 1));
  for (const [k, v] of conf) { metrics[`claims.${k}F1`] = classF1(v); metrics[`claims.${k}Gold`] = v.tp + v.fn; }
  const confirmed = conf.get('confirmed'), asserted = conf.get('asserted');
  if (confirmed && asserted) metrics['claims.statusMacroF1'] = (classF1(confirmed) + classF1(asserted)) / 2;

  return {
    metrics,
    misses,
    breakdown: {
      'quotes.byRule': qRule.build({ precision: ['matched', ['matched', 'falseAlarms']], speakerAccuracy: ['speakerRight', 'matched'] }),
      'quotes.byGoldKind': qKind.build({ recall: ['found', 'gold'], speakerAccuracy: ['speakerRight', 'found'] }),
      'numbers.byRule': nRule.build({ precision: ['matched', 'predicted'], valueAccuracy: ['valueRight', 'valueChecked'], approxAccuracy: ['approxRight', 'approxChecked'] }),
      'numbers.byGoldKind': nKind.build({ recall: ['found', 'gold'], valueAccuracy: ['valueRight', 'valueChecked'] }),
      'claims.byStatus': cStatus.build({ recall: ['correct', 'gold'], precision: ['correct', 'predicted'] }),
    },
  };
}
