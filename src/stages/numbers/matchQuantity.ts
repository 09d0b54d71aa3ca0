import { digitValue, isLower, isText, lexemeAt } from './lex.js';
import { findAge, findCurrencyPrefix, findCurrencySuffix, findMeasure, findPercent, findRate, findTimeUnit, type UnitMatch } from './findUnit.js';
import { ORDINAL_WORDS, parseNumberWords, SCALE_WORDS, TENS_WORDS } from './parseNumberWords.js';
import { newCandidate, table, type Candidate, type Lexeme } from './types.js';

/** Words after a number and a hyphen that are no counted noun: "80-odd", "one-time", "three-fold", "20-plus". */
const NOT_COMPOUND_NOUNS = new Set(['odd', 'time', 'times', 'fold', 'plus', 'something', 'ish', 'nil', 'all', 'mln', 'bln', 'million', 'billion', 'thousand',
  'dlr', 'dlrs', 'dollar', 'euro', 'peso', 'franc', 'mark', 'yen', 'pound', 'cent', 'penny', 'rupee', 'yuan', 'rouble', 'ruble', 'lira', 'crown']);

/** Scale suffixes written against the digits or after them: "80k", "$3.5bn", "1.5 million", "2.7m". */
const SCALE_SUFFIXES: ReadonlyMap<string, number> = table({
  ...Object.fromEntries(SCALE_WORDS), dozen: 12, mn: 1e6, mln: 1e6, mil: 1e6, bn: 1e9, bln: 1e9, tn: 1e12, trn: 1e12, thou: 1e3,
});
/** Single letters that scale only when written right against the digits. */
const SCALE_LETTERS: ReadonlyMap<string, number> = table({ k: 1e3, K: 1e3, m: 1e6, M: 1e6, b: 1e9, B: 1e9, bn: 1e9 });
/** After "37m", these words make the "m" metres rather than millions. */
const METRE_CONTEXT = new Set(['long', 'high', 'tall', 'wide', 'deep', 'away', 'sprint', 'hurdles', 'freestyle', 'race', 'dash', 'relay', 'final', 'butterfly', 'backstroke', 'breaststroke', 'medley', 'below', 'above', 'underground', 'length', 'drop', 'fall']);
const VULGAR: ReadonlyMap<string, number> = table({ '½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1 / 3, '⅔': 2 / 3, '⅛': 0.125 });
const RANKING_VERBS = new Set(['finished', 'finishes', 'finish', 'came', 'comes', 'come', 'placed', 'ranked', 'ranks', 'rank', 'ranking', 'ended', 'was', 'is', 'were', 'are', 'be', 'been', 'stands', 'stood', 'sits', 'sat', 'lies', 'lay']);
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/;
export const SIGNS: ReadonlySet<string> = new Set(['-', '+', '−']);

function scaleAt(lx: readonly Lexeme[], j: number, hasCurrency: boolean): { scale: number; next: number } | null {
  // "$1.2-billion", "a 2-million-strong crowd"
  if (isText(lx, j, '-') && !lx[j]!.gap && j + 1 < lx.length && !lx[j + 1]!.gap && SCALE_WORDS.get(lx[j + 1]!.lower) !== undefined) {
    return { scale: SCALE_WORDS.get(lx[j + 1]!.lower)!, next: j + 2 };
  }
  const l = lexemeAt(lx, j);
  if (!l || l.type !== 'word') return null;
  const after = lexemeAt(lx, j + 1);
  const boundary = !after || after.gap || after.type === 'punct';
  const word = SCALE_SUFFIXES.get(l.lower);
  if (word !== undefined && boundary) return { scale: word, next: j + 1 };
  const letter = SCALE_LETTERS.get(l.text);
  if (letter === undefined || l.gap || !boundary) return null;
  if (isText(lx, j, 'm') && !hasCurrency) {
    // "37m (121ft)-long", "a 100m sprint": metres
    if (isText(lx, j + 1, '-') && !after!.gap && j + 2 < lx.length && METRE_CONTEXT.has(lx[j + 2]!.lower)) return null;
    if (isText(lx, j + 1, '(')) return null;
    if (after && after.type === 'word' && METRE_CONTEXT.has(after.lower)) return null;
  }
  return { scale: letter, next: j + 1 };
}

const DENOMINATORS = new Set([2, 3, 4, 8, 16, 32, 64]);
/** "1/2", "3/4" at lexeme k. */
function simpleFraction(lx: readonly Lexeme[], k: number): { value: number; next: number } | null {
  const a = lexemeAt(lx, k), b = lexemeAt(lx, k + 2);
  if (!a || a.type !== 'num' || !isText(lx, k + 1, '/') || lx[k + 1]!.gap || !b || b.type !== 'num' || b.gap) return null;
  if (!/^\d+$/.test(a.text) || !/^\d+$/.test(b.text)) return null;
  const n = +a.text, d = +b.text;
  if (!DENOMINATORS.has(d) || n <= 0 || n >= d) return null;
  if (isText(lx, k + 3, '/') && !lx[k + 3]!.gap) return null;
  return { value: n / d, next: k + 3 };
}

/** "1/2", "3/4" at lexeme j, or a whole number with one: "8-3/4", "2 1/2". */
function fractionAt(lx: readonly Lexeme[], j: number): { value: number; next: number } | null {
  const whole = lx[j];
  if (!whole || whole.type !== 'num' || !/^\d+$/.test(whole.text)) return null;
  const sep = lexemeAt(lx, j + 1);
  if (sep && (isText(lx, j + 1, '-') && !sep.gap || sep.type === 'num' && sep.gap)) {
    const f = simpleFraction(lx, sep.type === 'num' ? j + 1 : j + 2);
    if (f && (sep.type === 'num' || !lx[j + 2]!.gap)) return { value: +whole.text + f.value, next: f.next };
  }
  return simpleFraction(lx, j);
}

/** value × scale without binary noise (8.2 × 1e9 is 8200000000, not 8199999999.999999) */
export function scaled(value: number, scale: number): number {
  const product = value * scale;
  // a whole number of up to twelve digits has no noise to round away (and toPrecision is slow)
  if (Number.isInteger(product) && product !== 0 && Math.abs(product) < 1e12) return product;
  return Number(product.toPrecision(12));
}

const isNum = (l: Lexeme | undefined): l is Lexeme => l !== undefined && l.type === 'num';

// (matchQuantity's rarer steps are functions of their own: a smaller matchQuantity is optimised sooner)

/** "×10−8", "x10^3" at lexeme j, written against the number before it: the power of ten, and the lexeme after it. */
function powerOfTenAt(lx: readonly Lexeme[], j: number): { power: number; next: number } | null {
  if (!(lx[j] && !lx[j]!.gap && (lx[j]!.text === '×' || lx[j]!.text === 'x') && isText(lx, j + 1, '10') && !lx[j + 1]!.gap)) return null;
  let k = j + 2;
  if (isText(lx, k, '^') && !lx[k]!.gap) k++;
  let expSign = 1;
  if (lx[k] && !lx[k]!.gap && SIGNS.has(lx[k]!.text)) { expSign = lx[k]!.text === '+' ? 1 : -1; k++; }
  if (isNum(lx[k]) && !lx[k]!.gap && /^\d{1,3}$/.test(lx[k]!.text)) return { power: expSign * +lx[k]!.text, next: k + 1 };
  return null;
}

/**
 * An ordinal in digits ("21st", "96th", "1,000th") or a year as a decade or possessive ("1970s", "2018's"): the
 * digits `core` with value `value` end before lexeme j.
 */
function digitOrdinalOrYear(lx: readonly Lexeme[], i: number, j: number, core: Lexeme, value: number, plainInteger: boolean): Candidate | null {
  const suf = lx[j];
  if (suf && !suf.gap && ORDINAL_SUFFIX.test(suf.lower) && (plainInteger || /^\d{1,3}(?:,\d{3})+$/.test(core.text))) {
    const c = newCandidate(i, j, lx, 'ordinal', 'ordinal-digits');
    c.value = value;
    return c;
  }
  if (!plainInteger) return null;
  const apostrophe = suf?.text === "'" && !suf.gap && isLower(lx, j + 1, 's') && !lx[j + 1]!.gap;
  if (core.text.length === 4 && ((suf && !suf.gap && suf.lower === 's') || apostrophe)) {
    const decade = value % 10 === 0 && !apostrophe;
    const c = newCandidate(i, apostrophe ? j + 1 : j, lx, 'year', decade ? 'decade' : 'year-possessive');
    c.value = value;
    c.date = decade ? null : core.text;
    return c;
  }
  return null;
}

/**
 * The unit of a number that ends before lexeme j, with no currency marker before it; `vague`: a vague plural
 * ("thousands of dollars"), `fraction`: a fraction word ("half an hour", "a quarter of a century").
 */
function unitAfter(lx: readonly Lexeme[], j: number, vague: boolean, fraction: boolean): UnitMatch | null {
  let u = j;
  // "thousands of dollars", "hundreds of miles": a vague count of a unit
  if (vague && isLower(lx, u, 'of')) {
    const m = findCurrencySuffix(lx, u + 1) ?? findMeasure(lx, u + 1) ?? findTimeUnit(lx, u + 1);
    if (m && m.rule.type !== 'times' && !(m.rule.type === 'currency' && m.rule.unit.length !== 3 && /^(?:cent|pence|sen)$/.test(m.rule.unit))) u++;
  }
  if (fraction && (isLower(lx, u, 'a') || isLower(lx, u, 'an'))) u++;
  else if (fraction && isLower(lx, u, 'of') && (isLower(lx, u + 1, 'a') || isLower(lx, u + 1, 'an'))) u += 2;
  return findAge(lx, u) ?? findPercent(lx, u) ?? findCurrencySuffix(lx, u) ?? findTimeUnit(lx, u) ?? findMeasure(lx, u);
}

/** "ten-storey building", "55-member bloc": the noun joined by a hyphen (at lexeme j) to the number before it, counted in a compound modifier. */
function compoundNounAt(lx: readonly Lexeme[], j: number): Lexeme | null {
  if (!(isText(lx, j, '-') && !lx[j]!.gap)) return null;
  const noun = lx[j + 1];
  if (noun && noun.type === 'word' && !noun.gap && !noun.cap && noun.pos === 'NOUN' && !NOT_COMPOUND_NOUNS.has(noun.lower) && /^\p{Ll}{3,}$/u.test(noun.text) && !isText(lx, j + 2, '-')) return noun;
  return null;
}

/**
 * A quantity starting at lexeme i: an optional currency marker, an optional sign, the number (digits or words),
 * a scale, then a percentage, currency, age, time or measurement unit and a rate ("a month", "per barrel").
 * Ordinals written in digits ("21st") and decades ("1970s") come out here too.
 */
export function matchQuantity(lx: readonly Lexeme[], i: number): Candidate | null {
  let j = i;
  const cur = findCurrencyPrefix(lx, j);
  if (cur) j = cur.next;
  // "XY$5": a dollar sign glued to letters the tables do not know is some other dollar; keep what is written
  const glue = cur && cur.rule.id === 'cur-usd-symbol' && i > 0 && !lx[i]!.gap && lx[i - 1]!.type === 'word' ? lx[i - 1]! : null;
  let sign: '+' | '-' | null = null;
  const s = lx[j];
  if (s && SIGNS.has(s.text) && isNum(lx[j + 1]) && !lx[j + 1]!.gap && (s.gap || cur !== null || isText(lx, j - 1, '(') || j === 0)) {
    sign = s.text === '+' ? '+' : '-';
    j++;
  } else if (s?.lower === 'minus' && isNum(lx[j + 1])) {
    sign = '-';
    j++;
  }
  const core = lx[j];
  if (!core) return null;
  let value: number;
  let words = false;
  let fraction = false;
  let vague: { lower: number; upper: number } | null = null;
  let plainInteger = false;
  let scale = 1;
  let bare: number | null = null;
  if (core.type === 'num') {
    // "1/2", "8-3/4": fractions with small denominators
    const frac = fractionAt(lx, j);
    // "24/7", "9/11", "50/50"
    const slashed = !frac && ((isText(lx, j + 1, '/') && !lx[j + 1]!.gap && isNum(lx[j + 2]) && !lx[j + 2]!.gap)
      || (j > 1 && lx[j - 1]!.text === '/' && !lx[j - 1]!.gap && !core.gap && isNum(lexemeAt(lx, j - 2))));
    // "S23", "V10", "A2": digits glued to letters are part of a name
    const glued = !cur && j > 0 && !core.gap && lx[j - 1]!.type === 'word' && sign === null;
    value = frac ? frac.value : digitValue(core.text);
    if (glued || slashed || Number.isNaN(value)) {
      const c = newCandidate(i, j, lx, 'other', 'identifier');
      c.drop = true;
      return c;
    }
    plainInteger = !frac && /^\d+$/.test(core.text);
    fraction = frac !== null && value < 1;
    j = frac ? frac.next : j + 1;
    const v = lx[j];
    if (v && !v.gap && VULGAR.get(v.text) !== undefined) { value += VULGAR.get(v.text)!; plainInteger = false; j++; }
    const exponent = powerOfTenAt(lx, j);
    if (exponent) {
      value = scaled(value, 10 ** exponent.power);
      plainInteger = false;
      j = exponent.next;
    }
  } else if (core.text === '.' && isNum(lx[j + 1]) && !lx[j + 1]!.gap && /^\d+$/.test(lx[j + 1]!.text) && (core.gap || j === 0)) {
    // ".534"
    value = Number(`0.${lx[j + 1]!.text}`);
    j += 2;
  } else if (core.type === 'word') {
    const wn = parseNumberWords(lx, j);
    if (!wn) return null;
    value = wn.value;
    words = true;
    fraction = wn.fraction;
    vague = wn.vague;
    if (wn.scale > 1) { scale = wn.scale; bare = wn.bare; }
    j = wn.next;
  } else {
    return null;
  }
  if (sign === '-') value = -value;

  if (!cur && !words) {
    const ordinalOrYear = digitOrdinalOrYear(lx, i, j, core, value, plainInteger);
    if (ordinalOrYear) return ordinalOrYear;
  }

  // scale: "1.5 million", "$3.5bn", "80k"; "half a million", "half a dozen"
  let k = j;
  if (fraction && (isLower(lx, k, 'a') || isLower(lx, k, 'an')) && lx[k + 1] && (SCALE_SUFFIXES.get(lx[k + 1]!.lower) !== undefined)) k++;
  // "a quarter of a million"
  else if (fraction && isLower(lx, k, 'of') && (isLower(lx, k + 1, 'a') || isLower(lx, k + 1, 'an')) && SCALE_SUFFIXES.get(lexemeAt(lx, k + 2)?.lower ?? '') !== undefined) k += 2;
  const sc = vague ? null : scaleAt(lx, k, cur !== null);
  if (sc) {
    bare = value;
    value = scaled(value, sc.scale);
    scale = sc.scale;
    j = sc.next;
    plainInteger = false;
    fraction = false;
  }

  // units
  let unit: string | null = glue ? `${glue.text}$` : cur ? cur.rule.unit : null;
  let unitType: Candidate['unitType'] = cur ? 'currency' : null;
  let unitRule = cur ? cur.rule.id : '';
  let hyphenated = false;
  if (cur) {
    // "$5 billion USD": a code repeated after the amount
    const again = findCurrencySuffix(lx, j);
    if (again && again.rule.unit === unit) j = again.next;
  } else {
    const m = unitAfter(lx, j, vague !== null, fraction);
    if (m) {
      unit = m.rule.unit;
      unitType = m.rule.type;
      unitRule = m.rule.id;
      hyphenated = m.hyphen;
      j = m.next;
    }
  }
  // "ten-storey building", "55-member bloc": a number joined to the noun it counts in a compound modifier
  const noun = unit === null && !fraction ? compoundNounAt(lx, j) : null;
  if (noun) {
    hyphenated = true;
    // the noun names what the number counts, as a unit does: "storey", "cylinder", "member"
    unit = noun.lower;
    unitRule = 'compound';
    j += 2;
  }
  // "US$58.24 per barrel", "$3,500 a month", "800,000 barrels a day"
  if (unit !== null && (unitType as Candidate['unitType']) !== 'age') {
    const rate = findRate(lx, j);
    if (rate) {
      unit = `${unit}/${rate.per}`;
      j = rate.next;
    }
  }
  const c = newCandidate(i, j - 1, lx, 'count', 'number');
  c.value = value;
  c.words = words;
  c.fraction = fraction;
  c.plainInteger = plainInteger && unit === null && scale === 1;
  c.scale = scale;
  c.bare = bare;
  c.unit = unit;
  c.unitType = unitType;
  c.hyphenated = hyphenated;
  c.sign = sign;
  const ut = unitType as Candidate['unitType'];
  c.kind = ut === 'currency' ? 'money' : ut === 'percent' ? 'percent' : ut === 'measure' ? 'measure' : ut === 'time' ? 'duration'
    : ut === 'age' || ut === 'times' ? 'other' : fraction ? 'other' : 'count';
  const form = vague ? 'vague-plural' : fraction ? 'fraction' : words ? 'words' : 'digits';
  c.ruleId = unitRule ? `${form}-${unitRule}` : form;
  if (vague) {
    c.lower = vague.lower;
    c.upper = vague.upper;
    c.bounds = '[)';
  }
  // "3G", "4x4", "3D": digits with letters glued after them name something
  const tail = lx[j];
  if (!words && tail && !tail.gap && tail.type === 'word' && unit === null) c.drop = true;
  if (!words && tail && !tail.gap && tail.type === 'num' && unit === null && !SIGNS.has(lexemeAt(lx, j - 1)?.text ?? '')) c.drop = true;
  return c;
}

/** An ordinal in words ("third", "twenty-first") where it works as one: after a determiner or before a noun. */
export function matchOrdinalWord(lx: readonly Lexeme[], i: number): Candidate | null {
  const l = lx[i];
  if (!l || l.type !== 'word') return null;
  let value = ORDINAL_WORDS.get(l.lower);
  let last = i;
  if (value === undefined && TENS_WORDS.get(l.lower) !== undefined && isText(lx, i + 1, '-') && !lx[i + 1]!.gap) {
    const o = ORDINAL_WORDS.get(lexemeAt(lx, i + 2)?.lower ?? '');
    if (o !== undefined && o < 10) { value = TENS_WORDS.get(l.lower)! + o; last = i + 2; }
  }
  if (value === undefined) return null;
  const prev = lexemeAt(lx, i - 1);
  const next = lx[last + 1];
  // "finished third", "came second": a ranking
  const ranked = prev !== undefined && RANKING_VERBS.has(prev.lower);
  const determined = ranked || prev !== undefined && (prev.pos === 'DET' || prev.pos === 'PRON' || /'s$/.test(prev.lower) || /^(?:the|its|their|his|her|our|my|your|a|an|this|that|every|each)$/.test(prev.lower));
  const beforeNoun = next !== undefined && ((next.text === '-' && !next.gap) || (next.type === 'word' && (next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PROPN')));
  if (!determined && !beforeNoun) return null;
  // "a second" after a number is a unit; "at first", "first of all" are not counts of anything
  if (l.lower === 'second' && prev?.type === 'num') return null;
  const c = newCandidate(i, last, lx, 'ordinal', 'ordinal-word');
  c.value = value;
  return c;
}
