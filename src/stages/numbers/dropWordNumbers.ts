import type { Candidate, Lexeme } from './types.js';
import { isLower, lexemeAt } from './lex.js';

/**
 * Number words that are not quantities in context. "one" counts only when it counts something ("one man",
 * "one per cent"), never in "one of the", "no one", "one another", "one-off"; "one day" is a duration only after
 * a preposition ("for one day", not "one day he will"). "half" and other fractions are not "the second half",
 * "the other half", "half-time" or "a third-party".
 */
const NOT_ONE_BEFORE = new Set(['no', 'any', 'every', 'each', 'the', 'this', 'that', 'which', 'someone', 'anyone', 'everyone', 'no-one', 'last', 'next', 'another', 'a']);
const NOT_ONE_AFTER = new Set(['another', 'of', 'or', 'by']);
const ONE_DAY_LEADS = new Set(['for', 'in', 'within', 'after', 'over', 'than', 'just', 'only', 'about', 'nearly', 'around', 'last', 'past', 'next', 'first']);
const HALF_NOT_AFTER = new Set(['first', 'second', 'other', 'latter', 'former', 'better', 'back', 'front', 'top', 'bottom', 'northern', 'southern', 'eastern', 'western', 'this', 'that', 'next', 'last', 'previous', 'each', 'every', 'the']);
const SENTENCE_BREAK = /^[.!?:;"']$/;

/** True when the number word at `coreFirst` (its modifier already attached) is not a quantity here. */
export function dropWordNumber(lx: readonly Lexeme[], c: Candidate, coreFirst: number): boolean {
  const before = lexemeAt(lx, coreFirst - 1);
  const after = lexemeAt(lx, c.last + 1);
  const isOne = c.words && c.value === 1 && lx[coreFirst]!.lower === 'one';
  if (isOne && c.last === coreFirst) {
    return NOT_ONE_AFTER.has(after?.lower ?? '') || NOT_ONE_BEFORE.has(before?.lower ?? '') || c.counted === null || (after?.text === '-' && !after.gap);
  }
  if (isOne && c.unitType === 'time' && !c.hyphenated && c.approx === null && !ONE_DAY_LEADS.has(before?.lower ?? '')) return true;
  if (c.fraction && c.unit === null) {
    if ((after?.text === '-' && !after.gap) || after?.lower === 'past') return true;
    if (isLower(lx, coreFirst, 'half') && (HALF_NOT_AFTER.has(before?.lower ?? '') || (isLower(lx, coreFirst - 1, 'a') && c.first === coreFirst))) return true;
  }
  return false;
}

/** "Six Flags", "the Big Ten", "Five Eyes": a capitalised number word inside a name (not at a sentence start). */
export function isNumberWordInName(lx: readonly Lexeme[], c: Candidate): boolean {
  const w = lx[c.first]!;
  const prev = lexemeAt(lx, c.first - 1);
  if (!c.words || !w.cap || prev === undefined || SENTENCE_BREAK.test(prev.text) || c.unit !== null) return false;
  const next = c.last + 1 < lx.length ? lx[c.last + 1] : undefined;
  return (next?.cap === true && next.pos === 'PROPN') || (prev.cap && prev.pos === 'PROPN');
}
