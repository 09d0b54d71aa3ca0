import { newCandidate, type Candidate, type Lexeme } from './types.js';
import { isLower, isText, lexemeAt } from './lex.js';

/**
 * Numbers that are not quantities: clock times, phone numbers, identifiers ("S&P 500", "Game 6", "COVID-19"),
 * street numbers, and years. Times and phone numbers are reported as kind "other"; identifiers and street
 * numbers are dropped; years become kind "year".
 */

const MERIDIEM = new Set(['am', 'pm']);
const ZONES = new Set(['gmt', 'utc', 'bst', 'cet', 'cest', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'ist', 'pkt', 'jst', 'aest', 'et', 'pt']);

/** "a.m." / "p.m." / "am" / "pm" at lexeme k; returns the last lexeme index. */
function meridiem(lx: readonly Lexeme[], k: number): number {
  const l = lexemeAt(lx, k);
  if (!l) return -1;
  if (MERIDIEM.has(l.lower)) return k;
  if ((l.lower === 'a' || l.lower === 'p') && isText(lx, k + 1, '.') && !lx[k + 1]!.gap && isLower(lx, k + 2, 'm') && !lx[k + 2]!.gap) {
    return isText(lx, k + 3, '.') && !lx[k + 3]!.gap ? k + 3 : k + 2;
  }
  return -1;
}

/** A clock time at lexeme i: "10:30", "9:35 PM EDT", "6am", "11 a.m.", "1.05am". */
export function matchTime(lx: readonly Lexeme[], i: number): Candidate | null {
  const l = lx[i];
  if (!l || l.type !== 'num') return null;
  let last = -1;
  if (isText(lx, i + 1, ':') && !lx[i + 1]!.gap && /^\d{1,2}$/.test(l.text) && +l.text <= 24 && /^\d{2}$/.test(lexemeAt(lx, i + 2)?.text ?? '') && !lx[i + 2]!.gap) {
    last = i + 2;
    if (isText(lx, last + 1, ':') && !lx[last + 1]!.gap && /^\d{2}$/.test(lexemeAt(lx, last + 2)?.text ?? '')) last += 2;
    const m = meridiem(lx, last + 1);
    if (m >= 0) last = m;
  } else if (ZONES.has(lexemeAt(lx, i + 1)?.lower ?? '') && /^[0-2]\d[0-5]\d$/.test(l.text) && +l.text <= 2400 && /^[A-Z]+$/.test(lx[i + 1]!.text)) {
    // "1200 GMT"
    last = i;
  } else {
    // "6am", "11 a.m.", "1.05am"; the meridiem, rarer than such digits, is looked for first
    const m = meridiem(lx, i + 1);
    if (m < 0 || !/^\d{1,2}(?:\.\d{2})?$/.test(l.text) || +l.text.split('.')[0]! > 12) return null;
    last = m;
  }
  if (ZONES.has(lexemeAt(lx, last + 1)?.lower ?? '')) last++;
  const c = newCandidate(i, last, lx, 'other', 'time');
  return c;
}

const PHONE = /(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,4}){1,4}/g;
/** Character spans of phone-like digit strings in a sentence (at least 9 digits in groups, or a leading + or area code). */
export function findPhoneSpans(text: string, base: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m; m = PHONE.exec(text)) {
    const s = m[0];
    const digits = s.replace(/\D/g, '').length;
    const before = text[m.index - 1] ?? ' ';
    const after = text[m.index + s.length] ?? ' ';
    if (/[\p{L}\p{N},.$€£%]/u.test(before) && before !== ' ' && before !== '(') continue;
    if (/[\p{L}\p{N}]/u.test(after)) continue;
    const marked = s.startsWith('+') || s.startsWith('(');
    const groups = s.split(/[ .()-]+/).filter(Boolean);
    if (groups.length < 2) continue;
    if (!(marked && digits >= 7) && !(digits >= 9 && groups.length >= 3 && groups.every(g => g.length >= 2) && !groups.every(g => g.length === 4))) continue;
    out.push([base + m.index, base + m.index + s.length]);
  }
  return out;
}

/** Lower-case words after which a number names something rather than counting ("category 4", "Game 6"). */
const ID_WORDS = new Set(['game', 'part', 'category', 'chapter', 'article', 'section', 'number', 'no', 'nos', 'level', 'phase', 'grade', 'round', 'stage', 'step', 'type', 'class', 'tier', 'version', 'model', 'route', 'flight', 'room', 'page', 'pages', 'line', 'episode', 'season', 'gate', 'platform', 'terminal', 'row', 'seat', 'hole', 'lap', 'channel', 'exit', 'highway', 'interstate', 'apartment', 'suite', 'lot', 'box', 'bus', 'division', 'district', 'ward', 'item', 'figure', 'fig', 'table', 'appendix', 'verse', 'act', 'covid', 'sars', 'rule', 'resolution', 'amendment', 'clause', 'paragraph', 'unit', 'block', 'sector', 'zone', 'grid', 'pier', 'berth', 'runway', 'wave', 'vol', 'issue', 'week', 'day', 'match', 'heat', 'leg', 'matchday', 'gameweek', 'proposition', 'prop', 'measure', 'bill', 'title',
  // stock indices, when a sentence is written in lower case ("the sp 500")
  'sp', 's&p', 'ftse', 'nasdaq', 'stoxx', 'dax', 'cac', 'asx', 'nikkei', 'kospi', 'sensex', 'nifty', 'russell', 'dow', 'tsx', 'ibex', 'mib', 'smi', 'aex', 'hsi']);
/** Capitalised words that are not names: sentence-initial function words and modifiers. */
const NOT_NAMES = new Set(['about', 'over', 'some', 'nearly', 'almost', 'around', 'in', 'by', 'since', 'only', 'just', 'all', 'the', 'another', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'each', 'every', 'these', 'those', 'both', 'of', 'on', 'at', 'and', 'but', 'with', 'after', 'before', 'during', 'for', 'from', 'to', 'until', 'under', 'above', 'below', 'roughly', 'approximately', 'up', 'more', 'less', 'fewer', 'than', 'least', 'most', 'as', 'a', 'an', 'this', 'that', 'between', 'within', 'among', 'if', 'when', 'while', 'where', 'we', 'they', 'he', 'she', 'it', 'i', 'you', 'there', 'here', 'than', 'or', 'nor', 'so', 'yet', 'also', 'then', 'now', 'today', 'yesterday', 'tomorrow', 'last', 'next', 'first', 'top', 'total', 'estimated', 'approx', 'circa', 'another', 'additional', 'extra', 'another', 'exactly', 'precisely', 'almost', 'roughly', 'minus', 'plus', 'per', 'like', 'via', 'per', 'through', 'across', 'against', 'into', 'onto', 'near', 'past', 'what', 'which', 'who', 'whose', 'why', 'how']);
const STREET = new Set(['st', 'street', 'rd', 'road', 'ave', 'avenue', 'way', 'blvd', 'boulevard', 'lane', 'ln', 'drive', 'dr', 'place', 'pl', 'court', 'ct', 'terrace', 'square', 'sq', 'highway', 'hwy', 'parkway', 'pkwy', 'crescent', 'close', 'circle', 'plaza']);
const HYPHEN_PREFIXES = new Set(['now', 'then', 'mid', 'pre', 'post', 'over', 'under', 'top', 'up', 'aged', 'sub', 'ex', 'early', 'late', 'non', 'about', 'some', 'nearly', 'around', 'anti', 'multi', 'its', 'a']);

/** True when plain number lexeme(s) `c` name something ("S&P 500", "Game 6", "COVID-19", "(4)", "9 E 71st St"). */
/** Whether lexeme k belongs to a candidate (`owner[k]`: the index of the candidate in `cands` that holds it, -1: none). */
function taken(owner: readonly number[], k: number): boolean {
  return k >= 0 && k < owner.length && owner[k]! >= 0;
}

/** Whether lexeme k belongs to a candidate that was dropped. */
function dropped(owner: readonly number[], cands: readonly Candidate[], k: number): boolean {
  return taken(owner, k) && cands[owner[k]!]!.drop;
}

/** `owner` and `cands`: which candidate each lexeme of the sentence belongs to, and the candidates. */
export function isIdentifier(lx: readonly Lexeme[], c: Candidate, owner: readonly number[], cands: readonly Candidate[]): boolean {
  const first = lx[c.first]!;
  const prev = lexemeAt(lx, c.first - 1);
  // "ISO 3888-2": the rest of an identifier after a hyphen
  if (prev?.text === '-' && !prev.gap && !first.gap && dropped(owner, cands, c.first - 2)) return true;
  // "COVID-19", "TA-35", "F-35": joined by a hyphen to a name
  if (prev?.text === '-' && !prev.gap && !first.gap) {
    const w = lexemeAt(lx, c.first - 2);
    if (w && w.type === 'word' && !HYPHEN_PREFIXES.has(w.lower)) return true;
  }
  if (c.unit !== null || c.scale !== 1 || c.words || !c.plainInteger || c.fraction) return false;
  if (prev && prev.type === 'word' && !taken(owner, c.first - 1)) {
    if (ID_WORDS.has(prev.lower) && (prev.lower !== 'no' || lexemeAt(lx, c.first - 1 + 1)?.gap !== false)) {
      // "No. 10", "Game 6", "category 4"; but "the day 5 people died" is rare enough
      return !(prev.lower === 'day' || prev.lower === 'week') || prev.cap;
    }
    if (prev.cap && !NOT_NAMES.has(prev.lower) && (prev.pos === 'PROPN' || prev.pos === 'NOUN' || prev.pos === 'X' || /\p{Lu}.*\p{Lu}/u.test(prev.text))) return true;
  }
  if (prev?.text === '.' && isLower(lx, c.first - 2, 'no')) return true;
  // "the 3600 block of East Meyer Boulevard"
  if (isLower(lx, c.last + 1, 'block') && isLower(lx, c.last + 2, 'of')) return true;
  // "S&P 500": a name that ends in a symbol-joined capital
  if (prev?.text === '&' || (prev?.cap && prev.text.length === 1 && lexemeAt(lx, c.first - 2)?.cap)) return true;
  // "(4)" right after a name
  if (prev?.text === '(' && isText(lx, c.last + 1, ')') && c.first >= 2 && lx[c.first - 2]!.pos === 'PROPN') return true;
  // street numbers: "49 Zorro Ranch Road", "9 E 71st St"
  for (let k = c.last + 1; k <= c.last + 5 && k < lx.length; k++) {
    const l = lx[k]!;
    if (l.type === 'word' && STREET.has(l.lower) && l.cap) return true;
    if (!(l.cap || l.type === 'num' || l.text === '.' || /^(?:st|nd|rd|th)$/.test(l.lower))) break;
  }
  return false;
}

const YEAR_LEADS = new Set(['in', 'since', 'by', 'until', 'till', 'through', 'from', 'to', 'during', 'before', 'after', 'of', 'between', 'and', 'or', 'circa', 'c', 'early', 'late', 'mid', 'spring', 'summer', 'autumn', 'fall', 'winter', 'the', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'for', 'ad', 'bc', 'bce', 'ce', 'year', 'fiscal', 'season', 'around', 'about', 'as', 'till', 'within', 'throughout', 'a']);
const STRICT_YEAR_LEADS = new Set(['in', 'since', 'by', 'until', 'till', 'from', 'between', 'and', 'circa', 'c', 'ad', 'bc', 'bce', 'ce', 'during', 'before', 'after', 'of']);

/** True when a plain four-digit number is a year ("in 1973", "the 1988 horror film") rather than a count ("2000 people"). */
export function isYear(lx: readonly Lexeme[], c: Candidate, start: number): boolean {
  if (!c.plainInteger || c.unit !== null || c.scale !== 1 || c.words || c.sign !== null) return false;
  const text = lx[c.first]!.text;
  if (text.length !== 4 || c.value === null || c.value < 1000 || c.value > 2300) return false;
  let prev = lexemeAt(lx, start - 1);
  // "A.D. 1000", "1000 B.C."
  if (prev?.text === '.' && /^(?:d|c|e)$/.test(lexemeAt(lx, start - 2)?.lower ?? '')) return true;
  if (prev?.text === '.') prev = lexemeAt(lx, start - 2);
  const next = lx[c.last + 1];
  const lead = prev !== undefined && YEAR_LEADS.has(prev.lower);
  const nounAfter = next !== undefined && next.type === 'word' && next.pos === 'NOUN' && !next.cap;
  if (c.value < 1800 || c.value > 2100) return prev !== undefined && STRICT_YEAR_LEADS.has(prev.lower) && !nounAfter;
  // "had 1986 sales", "the landmark 1986 immigration law": a recent year that no count would be rounded to
  const yearLike = c.value >= 1900 && c.value <= 2035 && c.value % 50 !== 0;
  if (nounAfter && !lead && prev?.pos !== 'PROPN' && !yearLike) return false;
  if (c.approx !== null && nounAfter) return false;
  return true;
}

const AGE_LEADS = new Set(['aged', 'age', 'ages']);

/** The rule that makes a bare number an age ("Jamie Armstrong, 25, said", "aged 25", "the age of 21"), or null. */
export function ageRule(lx: readonly Lexeme[], c: Candidate, coreFirst: number): string | null {
  if (c.kind !== 'count' || c.unit !== null || c.value === null || c.value <= 0 || c.value >= 120 || !Number.isInteger(c.value)) return null;
  const before = lexemeAt(lx, coreFirst - 1);
  if (before?.text === ',' && lexemeAt(lx, coreFirst - 2)?.pos === 'PROPN' && isText(lx, c.last + 1, ',') && c.approx === null) return 'age-appositive';
  if ((before && AGE_LEADS.has(before.lower)) || (before?.lower === 'of' && isLower(lx, coreFirst - 2, 'age'))) return 'age-aged';
  return null;
}
