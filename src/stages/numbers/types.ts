import type { NumberKind, Span } from '../../model.js';
import type { DateParts } from './resolveDates.js';

/** One piece of a sentence as the number rules see it: a run of digits, a word, or one other character. */
export interface Lexeme {
  /** the text as it stands in the normalised text */
  text: string;
  lower: string;
  start: number;
  end: number;
  type: 'num' | 'word' | 'punct';
  /** true when whitespace separates this lexeme from the previous one (or it starts the sentence) */
  gap: boolean;
  /** wink-nlp part of speech and lemma of the token this lexeme starts in ('X' / lower when none) */
  pos: string;
  lemma: string;
  /** true when the word has a capital letter */
  cap: boolean;
}

export type Bounds = '[]' | '[)' | '(]' | '()' | null;

/** A quantity being built: lexeme indices `first..last` (inclusive) are its core, `start..end` its span. */
export interface Candidate {
  first: number;
  last: number;
  start: number;
  end: number;
  kind: NumberKind;
  value: number | null;
  approx: string | null;
  lower: number | null;
  upper: number | null;
  bounds: Bounds;
  change: 'up' | 'down' | null;
  unit: string | null;
  /** how the unit was found: a currency, a percentage, a measurement or time unit */
  unitType: 'currency' | 'percent' | 'measure' | 'time' | 'age' | 'times' | null;
  /** the scale word or suffix applied ("million" → 1e6; 1 when none) and the value before it */
  scale: number;
  bare: number | null;
  /** the number itself was written in digits, with no separators or decimals (a possible year) */
  plainInteger: boolean;
  /** written with words ("twenty-three") */
  words: boolean;
  /** a fraction word ("half", "a third") */
  fraction: boolean;
  /** "four-day", "48-year-old": the quantity modifies the noun after it */
  hyphenated: boolean;
  /** sign written before the digits ("-1.3%") */
  sign: '+' | '-' | null;
  counted: Span | null;
  event: Span | null;
  eventLemma: string | null;
  eventClass: string | null;
  date: string | null;
  dateInferred: boolean;
  /** what a date mention states, resolved to `date` once the article's dates before it are known */
  dateParts: DateParts | null;
  /** the rule that put the number at one end of a range, if it came from a range */
  range: 'between' | 'from' | 'to' | 'hyphen' | null;
  ruleId: string;
  /** dropped from the output (an identifier, a street number...) but kept to block other rules */
  drop: boolean;
}

export function newCandidate(first: number, last: number, lx: readonly Lexeme[], kind: NumberKind, ruleId: string): Candidate {
  return blankCandidate(first, last, lx[first]?.start ?? 0, lx[last]?.end ?? 0, kind, ruleId);
}

/**
 * A copy of `c`. Every candidate is made by blankCandidate, so that all share one hidden class: the code that reads
 * them stays monomorphic (an object spread would make a new class and deoptimise it).
 */
export function copyCandidate(c: Readonly<Candidate>): Candidate {
  return Object.assign(blankCandidate(c.first, c.last, c.start, c.end, c.kind, c.ruleId), c);
}

function blankCandidate(first: number, last: number, start: number, end: number, kind: NumberKind, ruleId: string): Candidate {
  return {
    first, last, start, end,
    kind, value: null, approx: null, lower: null, upper: null, bounds: null, change: null,
    unit: null, unitType: null, scale: 1, bare: null, plainInteger: false, words: false, fraction: false, hyphenated: false, sign: null,
    counted: null, event: null, eventLemma: null, eventClass: null, date: null, dateInferred: false, dateParts: null, range: null, ruleId, drop: false,
  };
}

/** A lookup table from an object literal: a Map, so that words like "constructor" find nothing. */
export function table<T>(entries: Readonly<Record<string, T>>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries));
}
