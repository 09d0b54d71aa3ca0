import { isLower, isText, lexemeAt } from './lex.js';
import { table, type Lexeme } from './types.js';

export const UNIT_WORDS: ReadonlyMap<string, number> = table({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});
export const TENS_WORDS: ReadonlyMap<string, number> = table({
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
/** Scale words that multiply what precedes them ("four hundred", "1.5 million"). */
export const SCALE_WORDS: ReadonlyMap<string, number> = table({
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, crore: 1e7,
});
/** Plural scale words used as vague counts: "dozens of" → [12, 120), "thousands of" → [1000, 10000). */
export const VAGUE_WORDS: ReadonlyMap<string, number> = table({
  dozens: 12, scores: 20, hundreds: 1e2, thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12,
});
/** Denominators of fraction words ("a third", "two-thirds", "three quarters"). */
export const FRACTION_WORDS: ReadonlyMap<string, number> = table({
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5,
  sixth: 6, sixths: 6, seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9, tenth: 10, tenths: 10,
});
export const ORDINAL_WORDS: ReadonlyMap<string, number> = table({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100, thousandth: 1000, millionth: 1e6,
});

export interface WordNumber {
  value: number;
  /** index of the first lexeme after the number */
  next: number;
  /** the value before its last scale word ("five" in "five thousand") and that scale (1 when none) */
  bare: number;
  scale: number;
  fraction: boolean;
  /** a vague plural count ("dozens", "tens of thousands") as [lower, upper) */
  vague: { lower: number; upper: number } | null;
}

const isWord = (l: Lexeme | undefined, w: string): boolean => l !== undefined && l.type === 'word' && l.lower === w;
/** A hyphen joining two words with no space: "twenty-three", "two-thirds". */
const joinHyphen = (lx: readonly Lexeme[], i: number): boolean =>
  isText(lx, i, '-') && !lx[i]!.gap && i + 1 < lx.length && !lx[i + 1]!.gap;
const cardinal = (w: string): number | undefined => UNIT_WORDS.get(w) ?? TENS_WORDS.get(w);
/** Whether a unit or tens word of value `v` may follow what has been read so far ("twenty" + "three", "hundred" + "ten"). */
const canAdd = (current: number, v: number): boolean =>
  current === 0 || (current % 100 === 0 ? v < 100 : current < 100 && current % 10 === 0 && v < 10);

/**
 * Reads a number written in words starting at lexeme `i`: "twenty-three", "two dozen", "four hundred and ten",
 * "one and a half million", "a quarter", "two-thirds", "half", "tens of thousands". Returns null when none starts there.
 */
export function parseNumberWords(lx: readonly Lexeme[], i: number): WordNumber | null {
  const first = lx[i];
  if (!first || first.type !== 'word') return null;
  const w0 = first.lower;

  // vague plurals: "dozens", "hundreds", "tens of thousands", "hundreds of millions"
  if (w0 === 'tens' || VAGUE_WORDS.get(w0) !== undefined) {
    let s = w0 === 'tens' ? 10 : VAGUE_WORDS.get(w0)!;
    let next = i + 1;
    const more = lexemeAt(lx, i + 2);
    if (isWord(lexemeAt(lx, i + 1), 'of') && more && VAGUE_WORDS.get(more.lower) !== undefined && more.lower !== 'dozens' && more.lower !== 'scores') {
      s *= VAGUE_WORDS.get(more.lower)!;
      next = i + 3;
    } else if (w0 === 'tens' || (w0 === 'scores' && !isWord(lexemeAt(lx, i + 1), 'of'))) {
      return null;
    }
    return { value: s, next, bare: s, scale: 1, fraction: false, vague: { lower: s, upper: s * 10 } };
  }
  if (w0 === 'half') return { value: 0.5, next: i + 1, bare: 0.5, scale: 1, fraction: true, vague: null };

  let j = i;
  let total = 0;
  let current = 0;
  let seen = false;
  let lastScale = 1;
  let bare = 0;
  // a leading article only before a scale or fraction word: "a hundred", "a dozen", "a third", "an eighth"
  if (w0 === 'a' || w0 === 'an') {
    const n = lexemeAt(lx, i + 1)?.lower ?? '';
    if (!(SCALE_WORDS.get(n) !== undefined || n === 'dozen' || (FRACTION_WORDS.get(n) !== undefined && n !== 'half' && n !== 'halves'))) return null;
    current = 1;
    seen = true;
    j = i + 1;
  }
  while (j < lx.length) {
    const l = lx[j]!;
    // "twenty-three", "one-and-a-half"
    if (l.text === '-' && seen && joinHyphen(lx, j) && (cardinal(lx[j + 1]!.lower) !== undefined || lx[j + 1]!.lower === 'and')) { j++; continue; }
    if (l.type !== 'word') break;
    const w = l.lower;
    const v = cardinal(w);
    if (v !== undefined) {
      if (seen && !canAdd(current, v)) break;
      current += v;
      seen = true;
      j++;
      continue;
    }
    if (!seen) return null;
    if (w === 'hundred' || w === 'dozen') {
      current = (current || 1) * (w === 'hundred' ? 100 : 12);
      j++;
      continue;
    }
    const sc = SCALE_WORDS.get(w);
    if (sc !== undefined && sc >= 1e3) {
      bare = total + current;
      lastScale = sc;
      total += Number(((current || 1) * sc).toPrecision(12));
      current = 0;
      j++;
      continue;
    }
    if (w === 'and') {
      // "one and a half", "one-and-a-half": hyphens between the words are skipped
      const hy = (k: number): number => (isText(lx, k, '-') && !lx[k]!.gap ? k + 1 : k);
      const a = hy(j + 1);
      const f = hy(a + 1);
      const fden = FRACTION_WORDS.get(lexemeAt(lx, f)?.lower ?? '');
      if ((isLower(lx, a, 'a') || isLower(lx, a, 'one')) && fden !== undefined && !isLower(lx, f, 'second') && !isLower(lx, f, 'seconds')) {
        current += 1 / fden;
        j = f + 1;
        continue;
      }
      const n1 = lexemeAt(lx, j + 1);
      // "one hundred and ten"
      if (n1 && cardinal(n1.lower) !== undefined && current % 100 === 0 && current > 0) { j++; continue; }
      // "two and a half (million)"
      const den = FRACTION_WORDS.get(lexemeAt(lx, j + 2)?.lower ?? '');
      if ((isLower(lx, j + 1, 'a') || isLower(lx, j + 1, 'one')) && den !== undefined && !isLower(lx, j + 2, 'second') && !isLower(lx, j + 2, 'seconds')) {
        current += 1 / den;
        j += 3;
        continue;
      }
      break;
    }
    // fractions after a small numerator: "two thirds", "one fourth", "a quarter"; but "a third term" is an ordinal
    // and "the preceding three quarters" counts quarters
    const den = FRACTION_WORDS.get(w);
    const nextWord = lexemeAt(lx, j + 1);
    const ordinalUse = (w0 === 'a' || w0 === 'an') && den !== undefined && den >= 3 && !w.endsWith('s') && w !== 'quarter'
      && nextWord !== undefined && nextWord.type === 'word' && !isLower(lx, j + 1, 'of') && !isLower(lx, j + 1, 'the');
    if (ordinalUse) return null;
    if (w === 'quarters' && !isLower(lx, j + 1, 'of')) break;
    if (den !== undefined && total === 0 && current > 0 && current < 20 && Number.isInteger(current)) {
      const value = current / den;
      return { value, next: j + 1, bare: value, scale: 1, fraction: true, vague: null };
    }
    break;
  }
  if (!seen) return null;
  // hyphenated fractions: "two-thirds", "three-quarters"
  const hden = joinHyphen(lx, j) ? FRACTION_WORDS.get(lx[j + 1]!.lower) : undefined;
  if (hden !== undefined && total === 0 && current > 0 && current < 20) {
    const value = current / hden;
    return { value, next: j + 2, bare: value, scale: 1, fraction: true, vague: null };
  }
  if ((w0 === 'a' || w0 === 'an') && j === i + 1) return null;
  const value = total + current;
  if (lastScale > 1 && current === 0) return { value, next: j, bare: bare || 1, scale: lastScale, fraction: false, vague: null };
  return { value, next: j, bare: value, scale: 1, fraction: false, vague: null };
}
