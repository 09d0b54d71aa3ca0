import { copyCandidate, type Candidate, type Lexeme } from './types.js';
import { lexemeAt } from './lex.js';

/**
 * Joins two quantities into a range: "between 36 and 40", "from 252 to 287 miles", "15 to 22 mph", "5-10W",
 * "four to five thousand people". The range reports its lower end as `value`, both ends in `lower`/`upper`
 * with bounds "[]", approx "between" when the text says "between", and the unit and scale of its upper end
 * when the lower end has none. A hyphen between a larger and a smaller number, or before "lead"/"win", is a
 * score ("9-2 lead"): kind "other" with no value.
 */
export interface RangeRule { id: string; connector: readonly string[]; opener: 'between' | 'from' | null }
export const RANGE_RULES: readonly RangeRule[] = [
  { id: 'range-between', connector: ['and'], opener: 'between' },
  { id: 'range-between-to', connector: ['to'], opener: 'between' },
  { id: 'range-between-hyphen', connector: ['-'], opener: 'between' },
  { id: 'range-from-to', connector: ['to'], opener: 'from' },
  { id: 'range-from-hyphen', connector: ['-'], opener: 'from' },
  { id: 'range-to', connector: ['to'], opener: null },
  { id: 'range-hyphen-to', connector: ['-', 'to', '-'], opener: null },
  { id: 'range-hyphen', connector: ['-'], opener: null },
  { id: 'range-dash', connector: ['—'], opener: null },
  { id: 'range-or', connector: ['or'], opener: null },
];
const SCORE_NOUNS = new Set(['lead', 'win', 'victory', 'defeat', 'loss', 'draw', 'score', 'scoreline', 'vote', 'decision', 'advantage', 'deficit', 'triumph', 'drubbing', 'thrashing', 'rout', 'margin', 'record', 'split', 'majority']);
const RANGE_KINDS = new Set(['count', 'money', 'percent', 'measure', 'duration', 'other']);

const yearLike = (lx: readonly Lexeme[], c: Candidate): boolean =>
  c.plainInteger && c.unit === null && c.scale === 1 && !c.words && lx[c.first]!.text.length === 4 && c.value !== null && c.value >= 1000 && c.value <= 2100;

const connectorAt = (lx: readonly Lexeme[], from: number, to: number, words: readonly string[]): boolean => {
  if (to - from !== words.length) return false;
  for (let k = 0; k < words.length; k++) if (lx[from + k]!.lower !== words[k]) return false;
  return true;
};

/** Merges ranges in place; `cands` are in text order and not yet modified by other passes. */
export function joinRanges(lx: readonly Lexeme[], cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i]!;
    const b = cands[i + 1];
    if (!b || a.drop || b.drop || !RANGE_KINDS.has(a.kind) || !RANGE_KINDS.has(b.kind) || a.value === null || b.value === null
      || a.ruleId === 'time' || b.ruleId === 'time' || a.ruleId === 'phone' || b.ruleId === 'phone' || a.unitType === 'age' && b.unitType !== 'age') {
      out.push(a);
      continue;
    }
    const opener = lexemeAt(lx, a.first - 1)?.lower;
    let rule: RangeRule | undefined;
    for (const r of RANGE_RULES) {
      if (r.opener !== null && r.opener !== opener) continue;
      if (connectorAt(lx, a.last + 1, b.first, r.connector)) { rule = r; break; }
    }
    if (!rule) { out.push(a); continue; }
    // a hyphen range is written tight ("5-10") or spaced on both sides ("2000 - 2500")
    if (rule.connector[0] === '-' && rule.connector.length === 1) {
      const h = lx[a.last + 1]!;
      if (h.gap !== lx[b.first]!.gap) { out.push(a); continue; }
    }
    // the ends must measure the same thing: "18 sen to RM23.50" is an amount and a price
    const unitA = a.unit;
    if (unitA !== null && unitA !== b.unit && !(b.unit ?? '').startsWith(`${unitA}/`)) { out.push(a); continue; }
    if (yearLike(lx, a) !== yearLike(lx, b) && !(rule.id === 'range-hyphen' && yearLike(lx, a))) { out.push(a); continue; }
    // "three or four years": two neighbouring numbers in words
    if (rule.id === 'range-or' && !(a.words && b.words && b.value === a.value + 1 && a.unit === null)) { out.push(a); continue; }
    if (a.unitType === null && b.unitType === null && a.counted !== null) { out.push(a); continue; }
    // "between 2014 and 2017" are two years unless a counted noun follows ("from 1000 to 2000 hires")
    if (yearLike(lx, a) && yearLike(lx, b)) {
      const n = lx[b.last + 1];
      if (!(n && n.type === 'word' && n.pos === 'NOUN' && !n.cap)) { out.push(a); continue; }
    }
    // "1990-91", "2019-20": a season
    if (yearLike(lx, a) && rule.id === 'range-hyphen' && /^\d{2}$/.test(lx[b.first]!.text) && !lx[b.first]!.gap) {
      const season = copyCandidate(a);
      season.last = b.last;
      season.end = b.end;
      season.ruleId = 'year-span';
      out.push(season);
      i++;
      continue;
    }
    let lo = a.value;
    const hi = b.value;
    if (a.scale === 1 && b.scale > 1 && b.bare !== null && a.value <= b.bare) lo = a.value * b.scale;
    const isScore = rule.opener === null && rule.connector[0] === '-' && a.plainInteger && b.plainInteger && a.unit === null && b.unit === null
      && (lo > hi || SCORE_NOUNS.has(lexemeAt(lx, b.last + 1)?.lower ?? ''));
    const merged = copyCandidate(b);
    merged.first = rule.opener !== null ? a.first - 1 : a.first;
    merged.start = rule.opener !== null ? lx[a.first - 1]!.start : a.start;
    merged.value = lo;
    merged.lower = Math.min(lo, hi);
    merged.upper = Math.max(lo, hi);
    merged.bounds = '[]';
    merged.range = rule.opener === 'between' ? 'between' : rule.opener === 'from' ? 'from' : rule.connector[0] === '-' ? 'hyphen' : 'to';
    merged.approx = rule.opener === 'between' ? 'between' : rule.id === 'range-or' ? 'about' : null;
    merged.ruleId = rule.id;
    merged.sign = a.sign;
    merged.words = a.words && b.words;
    merged.plainInteger = a.plainInteger && b.plainInteger;
    if (isScore) {
      Object.assign(merged, { kind: 'other', value: null, lower: null, upper: null, bounds: null, approx: null, ruleId: 'score' });
    }
    out.push(merged);
    i++;
  }
  return out;
}
