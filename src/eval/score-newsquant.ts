/**
 * Port of shared/tools/score-newsquant.mjs: number mentions against NewsQuant-style gold (one JSON
 * record per line: {id, text, quantities:[{value, change, unit, referred_concepts}]}). Predicted
 * numbers of kind date, year or ordinal are left out. The figures are the reference scorer's.
 */
import fs from 'node:fs';
import { SectionBuilder, type PredNumber, type Predictions, type ScoreResult } from './common.js';

export interface NewsquantQuantity { value: unknown; change?: string; unit?: string | null; normalized_unit?: string; referred_concepts?: string }
export interface NewsquantRecord { id: string; text: string; quantities: NewsquantQuantity[] }

export const readJsonl = (f: string): unknown[] => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l) as unknown);
export const loadNewsquant = (f: string): NewsquantRecord[] => readJsonl(f) as NewsquantRecord[];

const CLASS = new Map(Object.entries({
  over: '>', 'more-than': '>', above: '>', exceeding: '>', 'at-least': '>', under: '<', 'less-than': '<',
  'fewer-than': '<', below: '<', 'at-most': '<', 'up-to': '<', about: '~', around: '~', approximately: '~', roughly: '~',
  nearly: '~', almost: '~', some: '~', 'close-to': '~',
}));
/** The modifier class of a predicted number: up/down for a change, else = ~ > < from its approx. */
export const predClass = (n: PredNumber): string => (n.change === 'up' || n.change === 'down') ? n.change
  : n.approx ? (CLASS.get(String(n.approx).toLowerCase().replace(/\s+/g, '-')) ?? String(n.approx)) : '=';
export const goldClass = (q: NewsquantQuantity): string =>
  (q.change === '>' || q.change === '<' || q.change === '~' || q.change === 'up' || q.change === 'down') ? q.change : '=';
const eq = (a: unknown, b: unknown): boolean => typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
const words = (t: unknown): string[] => (t == null ? '' : String(t)).toLowerCase().replace(/[^\p{L}\p{N}\s$%-]/gu, ' ').split(/\s+/).filter(Boolean);
const stemEq = (a: string, b: string): boolean => a === b || (a.length > 3 && b.length > 3 && a.slice(0, 4) === b.slice(0, 4));
const SYMBOL_UNITS = /^(\$|us\$|\$a|%|percent|per cent|p|y|rm|yuan|euros?|pounds?|shekels?|£|€|¥)$/i;
const normUnit = (u: string): string => (/\$|usd|dollar/.test(u) ? '$' : /%|percent|per cent/.test(u) ? '%' : /€|eur/.test(u) ? 'eur' : /£|gbp|pound/.test(u) ? 'gbp' : u);
const SKIPPED_KINDS = ['date', 'year', 'ordinal'];

export function scoreNewsquant(records: readonly NewsquantRecord[], preds: Predictions): ScoreResult {
  let np = 0, ng = 0, tpV = 0, tpC = 0, unitN = 0, unitOk = 0, cntN = 0, cntOk = 0, missingDocs = 0;
  const nRule = new SectionBuilder('numbers by predicted ruleId/kind (dates, years and ordinals left out)',
    ['predicted', 'matched', 'falseAlarms', 'changeRight']);
  const nGold = new SectionBuilder('gold quantities by change class', ['gold', 'found', 'changeRight']);
  const ruleKey = (n: PredNumber): string => `${n.ruleId == null ? '(none)' : String(n.ruleId)}/${n.kind == null ? '(none)' : String(n.kind)}`;

  for (const g of records) {
    const gq = g.quantities.map(q => {
      const v = String(q.value);
      const m = v.match(/^(-?[\d.]+)-(-?[\d.]+)$/);
      return { ...q, lo: m ? Number(m[1]) : Number(v), hi: m ? Number(m[2]) : Number(v), range: !!m, cls: goldClass(q) };
    });
    ng += gq.length;
    for (const q of gq) nGold.add(q.cls, 'gold');
    const describe = (q: (typeof gq)[number]): string => `${String(q.value)} ${String(q.unit ?? '')}`.trim();
    const doc = preds.get(g.id);
    if (!doc) {
      missingDocs++;
      for (const q of gq) nGold.sample(q.cls, 'miss', { article: String(g.id), text: g.text, detail: `${describe(q)}; no prediction for the sentence` });
      continue;
    }
    const pn = (doc.numbers ?? []).filter(n => !SKIPPED_KINDS.includes(n.kind as string));
    np += pn.length;
    for (const n of pn) nRule.add(ruleKey(n), 'predicted');
    const used = new Set<number>();
    for (const q of gq) {
      const best = pn.findIndex((n, i) => !used.has(i) &&
        (q.range ? ((eq(n.lower, q.lo) && eq(n.upper, q.hi)) || eq(n.value, q.lo) || eq(n.value, q.hi)) : eq(n.value, q.lo)));
      if (best < 0) {
        nGold.sample(q.cls, 'miss', { article: String(g.id), text: g.text, detail: describe(q) });
        continue;
      }
      used.add(best); tpV++;
      const n = pn[best]!, rk = ruleKey(n);
      nRule.add(rk, 'matched');
      nGold.add(q.cls, 'found');
      if (predClass(n) === q.cls) { tpC++; nRule.add(rk, 'changeRight'); nGold.add(q.cls, 'changeRight'); }
      else nRule.sample(rk, 'wrongChange', { article: String(g.id), text: n.span?.text ?? '', detail: `class ${predClass(n)}, gold ${q.cls}` });
      const unit = String(q.unit ?? '-');
      if (unit !== '-' && SYMBOL_UNITS.test(unit.trim())) {
        unitN++;
        if (normUnit(String(n.unit ?? '').toLowerCase()) === normUnit(unit.toLowerCase())) unitOk++;
      } else if (unit !== '-') {
        cntN++;
        const gw = words(unit);
        const pw = words([n.counted?.text, n.unit].filter(Boolean).join(' '));
        if (gw.some(a => pw.some(b => stemEq(a, b)))) cntOk++;
      }
    }
    pn.forEach((n, i) => {
      if (used.has(i)) return;
      nRule.add(ruleKey(n), 'falseAlarms');
      nRule.sample(ruleKey(n), 'falseAlarm', { article: String(g.id), text: n.span?.text ?? '', detail: `value ${JSON.stringify(n.value ?? null)} in "${g.text.slice(0, 60)}"` });
    });
  }
  const f1 = (tp: number): number => { const P = tp / Math.max(1, np), R = tp / Math.max(1, ng); return P + R ? 2 * P * R / (P + R) : 0; };
  const metrics: Record<string, number> = {
    gold: ng, predicted: np, missingDocs, valueP: tpV / Math.max(1, np), valueR: tpV / Math.max(1, ng), valueF1: f1(tpV),
    changeF1: f1(tpC), unitAccuracy: unitOk / Math.max(1, unitN), countedAccuracy: cntOk / Math.max(1, cntN),
  };
  return {
    metrics,
    misses: [],
    breakdown: {
      'numbers.byRule': nRule.build({ precision: ['matched', 'predicted'], changeAccuracy: ['changeRight', 'matched'] }),
      'numbers.byGoldChange': nGold.build({ recall: ['found', 'gold'], changeRecall: ['changeRight', 'gold'] }),
    },
  };
}
