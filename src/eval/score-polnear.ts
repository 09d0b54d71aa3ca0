/**
 * Port of shared/tools/score-polnear.mjs: quotes against PolNeAR attribution gold (brat standoff:
 * Source / Cue / Content). Articles pair by article.id == text file stem; one annotator file per
 * article (the first by name). The figures are the reference scorer's; the breakdown is eval's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SectionBuilder, toUtf16, words, type Predictions, type Range, type ScoreResult } from './common.js';

export interface BratAttribution { content: Range[]; source: Range[]; cue: Range[] }
export interface PolnearArticle { id: string; text: string; attributions: BratAttribution[] }

const REPORTING = new Set(('say said says saying tell told tells telling add added adds adding claim claimed claims claiming ' +
  'state stated states note noted notes noting explain explained explains argue argued argues insist insisted insists ' +
  'write wrote writes written tweet tweeted tweets announce announced announces confirm confirmed confirms deny denied denies ' +
  'acknowledge acknowledged acknowledges warn warned warns ask asked asks according report reported reports declare declared ' +
  'continue continued recall recalled assert asserted contend contended maintain maintained respond responded reply replied ' +
  'accuse accused accuses told quipped suggest suggested suggests predict predicted admitted admit admits testified ' +
  'wrote emphasized stressed pointed countered added called calls').split(/\s+/));

/** Parses one brat .ann file into attributions (events with their Content, Source and Cue spans). */
export function parseAnn(raw: string): BratAttribution[] {
  const recs = raw.replace(/\n+$/, '').split(/\n(?=[TEAR#]\d*\t)/);
  const T = new Map<string, { type: string; spans: Range[] }>();
  const E: Array<Map<string, string[]>> = [];
  for (const r of recs) {
    if (r.startsWith('T')) {
      const [id = '', mid = ''] = r.split('\t');
      const sp = mid.indexOf(' ');
      const type = mid.slice(0, sp);
      const spans = mid.slice(sp + 1).split(';').map(s => s.trim().split(/\s+/).map(Number)).map(([a, b]) => ({ start: a as number, end: b as number }));
      T.set(id, { type, spans });
    } else if (r.startsWith('E')) {
      const roles = new Map<string, string[]>();
      for (const a of (r.split('\t')[1] ?? '').trim().split(/\s+/)) {
        const [k = '', v = ''] = a.split(':');
        const role = k.replace(/\d+$/, '');
        roles.set(role, [...(roles.get(role) ?? []), v]);
      }
      E.push(roles);
    }
  }
  return E.map(e => {
    const get = (k: string): Range[] => (e.get(k) ?? []).flatMap(id => T.get(id)?.spans ?? []);
    return { content: get('Content'), source: get('Source'), cue: get('Cue') };
  }).filter(a => a.content.length);
}

/** Reads a PolNeAR split folder (text/ and attributions/): one article per text, its first annotator file. */
export function loadPolnear(dir: string): PolnearArticle[] {
  const textDir = path.join(dir, 'text'), annDir = path.join(dir, 'attributions');
  const seen = new Set<string>();
  const articles: PolnearArticle[] = [];
  for (const f of fs.readdirSync(annDir).filter(f => f.endsWith('.ann')).sort()) {
    const base = f.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (seen.has(base)) continue;
    seen.add(base);
    const text = fs.readFileSync(path.join(textDir, `${base}.txt`), 'utf8');
    articles.push({ id: base, text, attributions: parseAnn(fs.readFileSync(path.join(annDir, f), 'utf8')) });
  }
  return articles;
}

const overlap = (A: readonly Range[], B: readonly Range[]): number => {
  let n = 0;
  for (const a of A) for (const b of B) n += Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return n;
};
const size = (A: readonly Range[]): number => A.reduce((n, s) => n + Math.max(0, s.end - s.start), 0);
const TRIM = /[\s"“”'‘’,.;:—-]/;
const trimSpan = (text: string, s: Range): string => {
  let { start, end } = s;
  while (start < end && TRIM.test(text.charAt(start))) start++;
  while (end > start && TRIM.test(text.charAt(end - 1))) end--;
  return `${start}:${end}`;
};
const exactKey = (text: string, spans: readonly Range[]): string => spans.map(s => trimSpan(text, s)).sort().join('|');
const spansText = (text: string, spans: readonly Range[]): string => spans.map(s => text.slice(s.start, s.end)).join(' ');

export function scorePolnear(gold: string | readonly PolnearArticle[], preds: Predictions): ScoreResult {
  const articles = typeof gold === 'string' ? loadPolnear(gold) : gold;
  const tally = { gold: 0, pred: 0, content: 0, attributed: 0, full: 0 };
  const slice = { quoteMarks: [0, 0], reporting: [0, 0], quoteMarksAttributed: [0, 0], reportingAttributed: [0, 0] };
  const exact = { content: 0, source: 0, cue: 0, goldSource: 0, goldCue: 0, predSource: 0, predCue: 0 };
  const bumpSlice = (s: number[], i: 0 | 1): void => { s[i] = (s[i] ?? 0) + 1; };
  let missingDocs = 0;

  const qRule = new SectionBuilder('quotes by predicted ruleId', ['predicted', 'matched', 'falseAlarms', 'speakerRight', 'cueRight']);
  const qGold = new SectionBuilder('gold attributions by quote marks / reporting cue', ['gold', 'found', 'speakerRight']);
  // calibration: in each tenth of confidence, the share of quotes that are right should be about their mean confidence
  const qConfidence = new SectionBuilder('quotes by confidence (precision against mean confidence: calibration)', ['predicted', 'matched', 'confidenceSum']);
  const confidenceBin = (c: number | null): string => (c === null ? '(none)' : `${(Math.min(9, Math.floor(c * 10)) / 10).toFixed(1)}-${(Math.min(10, Math.floor(c * 10) + 1) / 10).toFixed(1)}`);

  for (const { id, text, attributions } of articles) {
    const doc = preds.get(id);
    tally.gold += attributions.length;
    const gold = attributions.map(g => {
      const ctext = spansText(text, g.content);
      const quoteMarks = /["“”]|''|``/.test(ctext);
      const reporting = g.cue.some(s => words(text.slice(s.start, s.end)).some(w => REPORTING.has(w)));
      if (quoteMarks) { bumpSlice(slice.quoteMarks, 1); bumpSlice(slice.quoteMarksAttributed, 1); }
      if (reporting) { bumpSlice(slice.reporting, 1); bumpSlice(slice.reportingAttributed, 1); }
      if (g.source.length) exact.goldSource++;
      if (g.cue.length) exact.goldCue++;
      const group = `${quoteMarks ? 'quote marks' : 'no quote marks'}, ${reporting ? 'reporting cue' : 'other cue'}`;
      qGold.add(group, 'gold');
      return { ...g, ctext, quoteMarks, reporting, group };
    });
    const docProblem = !doc ? 'no prediction for the article' : doc.text !== text ? 'prediction text differs from the gold text' : null;
    if (!doc || docProblem) {
      missingDocs++;
      for (const g of gold) qGold.sample(g.group, 'miss', { article: id, text: g.ctext, detail: docProblem ?? '' });
      continue;
    }
    const conv = toUtf16(doc);
    const pq = (doc.quotes ?? []).map(q => ({
      content: [conv(q.content)].filter((s): s is NonNullable<typeof s> => !!s),
      cue: q.cue ? [conv(q.cue)!] : [],
      mention: q.speaker?.mention ? [conv(q.speaker.mention)!] : [],
      name: q.speaker?.anonymous ? null : q.speaker?.name,
      rule: q.ruleId == null ? '(none)' : String(q.ruleId),
      speaker: q.speaker?.name ?? null,
      confidence: typeof q.confidence === 'number' ? q.confidence : null,
    })).filter(q => q.content.length);
    tally.pred += pq.length;
    for (const q of pq) {
      if (q.mention.length) exact.predSource++;
      if (q.cue.length) exact.predCue++;
      qRule.add(q.rule, 'predicted');
      qConfidence.add(confidenceBin(q.confidence), 'predicted');
      qConfidence.add(confidenceBin(q.confidence), 'confidenceSum', q.confidence ?? 0);
    }
    const pairs: Array<[number, number, number]> = [];
    gold.forEach((g, gi) => pq.forEach((p, pi) => {
      const i = overlap(g.content, p.content);
      if (i >= 0.5 * size(g.content) && i >= 0.5 * size(p.content)) pairs.push([2 * i / (size(g.content) + size(p.content)), gi, pi]);
    }));
    pairs.sort((a, b) => b[0] - a[0]);
    const gUsed = new Set<number>(), pUsed = new Set<number>();
    for (const [, gi, pi] of pairs) {
      if (gUsed.has(gi) || pUsed.has(pi)) continue;
      gUsed.add(gi); pUsed.add(pi);
      const g = gold[gi]!, p = pq[pi]!;
      tally.content++;
      const srcText = spansText(text, g.source);
      const gw = words(srcText), pw = words(p.name);
      const spOk = g.source.length > 0 && (overlap(g.source, p.mention) > 0 ||
        (pw.length > 0 && (pw.every(w => gw.includes(w)) || gw.at(-1) === pw.at(-1))));
      const cueOk = g.cue.length > 0 && overlap(g.cue, p.cue) > 0;
      if (spOk) tally.attributed++;
      if (spOk && cueOk) tally.full++;
      if (g.quoteMarks) { bumpSlice(slice.quoteMarks, 0); if (spOk) bumpSlice(slice.quoteMarksAttributed, 0); }
      if (g.reporting) { bumpSlice(slice.reporting, 0); if (spOk) bumpSlice(slice.reportingAttributed, 0); }
      if (exactKey(text, g.content) === exactKey(text, p.content)) exact.content++;
      if (g.source.length && p.mention.length && exactKey(text, g.source) === exactKey(text, p.mention)) exact.source++;
      if (g.cue.length && p.cue.length && exactKey(text, g.cue) === exactKey(text, p.cue)) exact.cue++;

      qRule.add(p.rule, 'matched');
      qConfidence.add(confidenceBin(p.confidence), 'matched');
      qGold.add(g.group, 'found');
      if (spOk) { qRule.add(p.rule, 'speakerRight'); qGold.add(g.group, 'speakerRight'); }
      else qRule.sample(p.rule, 'wrongSpeaker', { article: id, text: g.ctext, detail: `speaker ${JSON.stringify(p.speaker)}, gold source ${JSON.stringify(srcText || null)}` });
      if (cueOk) qRule.add(p.rule, 'cueRight');
    }
    gold.forEach((g, gi) => { if (!gUsed.has(gi)) qGold.sample(g.group, 'miss', { article: id, text: g.ctext, detail: `source ${JSON.stringify(spansText(text, g.source) || null)}` }); });
    pq.forEach((p, pi) => {
      if (pUsed.has(pi)) return;
      qRule.add(p.rule, 'falseAlarms');
      const c = p.content[0]!;
      qRule.sample(p.rule, 'falseAlarm', { article: id, text: text.slice(c.start, c.end), detail: `speaker ${JSON.stringify(p.speaker)}` });
    });
  }
  const f1 = (tp: number, np: number, ng: number): number => { const P = tp / Math.max(1, np), R = tp / Math.max(1, ng); return P + R ? 2 * P * R / (P + R) : 0; };
  const ratio = ([hit = 0, all = 0]: number[]): number => hit / Math.max(1, all);
  const metrics: Record<string, number> = {
    articles: articles.length, missingDocs, gold: tally.gold, predicted: tally.pred,
    contentP: tally.content / Math.max(1, tally.pred), contentR: tally.content / Math.max(1, tally.gold),
    contentF1: f1(tally.content, tally.pred, tally.gold),
    attributedF1: f1(tally.attributed, tally.pred, tally.gold),
    fullF1: f1(tally.full, tally.pred, tally.gold),
    quoteMarksRecall: ratio(slice.quoteMarks),
    quoteMarksAttributedRecall: ratio(slice.quoteMarksAttributed),
    reportingRecall: ratio(slice.reporting),
    reportingAttributedRecall: ratio(slice.reportingAttributed),
    exactContentF1: f1(exact.content, tally.pred, tally.gold),
    exactSourceF1: f1(exact.source, exact.predSource, exact.goldSource),
    exactCueF1: f1(exact.cue, exact.predCue, exact.goldCue),
  };
  return {
    metrics,
    misses: [],
    breakdown: {
      'quotes.byRule': qRule.build({ precision: ['matched', 'predicted'], speakerAccuracy: ['speakerRight', 'matched'], cueAccuracy: ['cueRight', 'matched'] }),
      'quotes.byGold': qGold.build({ recall: ['found', 'gold'], attributedRecall: ['speakerRight', 'gold'] }),
      'quotes.byConfidence': qConfidence.build({ precision: ['matched', 'predicted'], meanConfidence: ['confidenceSum', 'predicted'] }),
    },
  };
}
