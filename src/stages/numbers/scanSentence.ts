import type { Doc, Sentence } from '../../model.js';
import { findCounted } from './findCounted.js';
import { findEvent } from './findEvent.js';
import { quantitySubject } from './findSubject.js';
import { findChange, findPostfixModifier, findPrefixModifier, intervalFor } from './findModifiers.js';
import { ageRule, findPhoneSpans, isIdentifier, isYear, matchTime } from './findNonQuantities.js';
import { dropWordNumber, isNumberWordInName } from './dropWordNumbers.js';
import { joinRanges } from './findRanges.js';
import { isText, lexemeAt, lexSentence } from './lex.js';
import { matchOrdinalWord, matchQuantity, SIGNS } from './matchQuantity.js';
import { CURRENCY_PREFIX_WORDS } from './findUnit.js';
import { FRACTION_WORDS, ORDINAL_WORDS, SCALE_WORDS, TENS_WORDS, UNIT_WORDS, VAGUE_WORDS } from './parseNumberWords.js';
import { DAY_PARTS, matchDate, MONTHS, RELATIVE_DAYS, WEEKDAYS } from './resolveDates.js';
import { copyCandidate, newCandidate, type Candidate, type Lexeme } from './types.js';

const HAS_UPPER = /\p{Lu}/u;
/** Kinds that modifiers, counted phrases and changes apply to. */
const QUANTITY_KINDS = new Set(['count', 'money', 'percent', 'measure', 'duration', 'other']);
/** Words that link a second number to the first one's noun ("up from 2.4 million", "including 1.5 million"). */
const ELISION_LINKS = new Set(['from', 'to', 'including', 'and', 'or', 'versus', 'vs', 'against', 'with', 'than', 'about', 'some', 'nearly', 'over', 'another', 'plus']);
/** "5 out of 10", "one in five": the first number of a ratio counts nothing by itself. */
function isRatio(lx: readonly Lexeme[], k: number): boolean {
  const link = lexemeAt(lx, k)?.lower;
  if (link === 'out') return true;
  if (link !== 'in' && link !== 'of') return false;
  const next = lexemeAt(lx, k + 1);
  return next !== undefined && ((next.type === 'num' && !/^\d{4}$/.test(next.text)) || (next.type === 'word' && next.pos === 'NUM'));
}
const POINT_WORDS = /^(?:points?|pts|positions|jobs|seats|members|subscribers|users|customers|employees|workers|barrels|units|shares|votes)$/;

/** Words (and currency symbols) that can begin a number, date or currency amount; any other word is skipped at once. */
const STARTERS: ReadonlySet<string> = new Set([
  ...UNIT_WORDS.keys(), ...TENS_WORDS.keys(), ...VAGUE_WORDS.keys(), ...ORDINAL_WORDS.keys(), ...MONTHS.keys(), ...WEEKDAYS.keys(),
  ...RELATIVE_DAYS.keys(), ...DAY_PARTS, ...CURRENCY_PREFIX_WORDS, 'tens', 'half', 'a', 'an', 'minus',
]);
/** Other marks that can begin one: a sign, the bracket of a phone number, the point of ".534". */
const MARK_STARTERS: ReadonlySet<string> = new Set([...SIGNS, '(', '.']);

/**
 * Every candidate holds a digit or one of these words: digits start phones, times, digit dates and digit
 * quantities (a currency marker or sign needs digits after it); words start dates and numbers in words
 * ("a"/"an" count only before a scale or fraction word, which is itself listed). Keep in step with the words
 * parseNumberWords, matchDate and matchOrdinalWord accept: a sentence holding none of these is never lexed.
 */
const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...UNIT_WORDS.keys(), ...TENS_WORDS.keys(), ...VAGUE_WORDS.keys(), ...SCALE_WORDS.keys(), ...FRACTION_WORDS.keys(), ...ORDINAL_WORDS.keys(),
  ...MONTHS.keys(), ...WEEKDAYS.keys(), ...RELATIVE_DAYS.keys(), ...DAY_PARTS, 'tens', 'half', 'dozen',
]);
if (![...NUMBER_WORDS].every(w => /^[a-z]+$/.test(w))) throw new Error('number words must be plain lower-case letters');

/** The words as one alternation shaped as a prefix tree ("t(?:en|hird)"), which the regex engine scans much faster than a flat list. */
function prefixTreePattern(words: Iterable<string>): string {
  const tails = new Map<string, string[]>();
  let wordEndsHere = false;
  for (const w of words) {
    if (w === '') { wordEndsHere = true; continue; }
    const list = tails.get(w[0]!);
    if (list) list.push(w.slice(1)); else tails.set(w[0]!, [w.slice(1)]);
  }
  const branches = [...tails].map(([head, rest]) => head + prefixTreePattern(rest));
  if (branches.length === 0) return '';
  if (branches.length === 1 && !wordEndsHere) return branches[0]!;
  return `(?:${branches.join('|')})${wordEndsHere ? '?' : ''}`;
}

/**
 * A digit, or a number word standing as a whole lexeme: no letter before it (a lexeme never starts inside a
 * run of letters), and no letter, mark or "'s" after it. Case-insensitive matching finds every spelling whose
 * lower case is the word. A sentence without one yields no candidate, so it is not lexed at all.
 */
const MAY_HOLD_NUMBER = new RegExp(String.raw`\d|(?:^|\P{L})${prefixTreePattern(NUMBER_WORDS)}(?![\p{L}\p{M}]|'\p{L})`, 'iu');

function quantityCandidate(lx: readonly Lexeme[], i: number, phones: ReadonlyArray<[number, number]> | null, lowerSentence: boolean): Candidate | null {
  const l = lx[i]!;
  const mark = l.type === 'punct' && !STARTERS.has(l.lower);
  if (l.type === 'word' ? !STARTERS.has(l.lower) : mark && !MARK_STARTERS.has(l.text)) return null;
  if (phones !== null && (l.type === 'num' || isText(lx, i, '+') || isText(lx, i, '('))) {
    const phoneEnd = phoneEndFrom(phones, l.start);
    if (phoneEnd >= 0) {
      let last = i;
      while (last + 1 < lx.length && lx[last + 1]!.end <= phoneEnd) last++;
      return newCandidate(i, last, lx, 'other', 'phone');
    }
  }
  // a sign, a bracket or a point starts no date or time, and a quantity only with digits right after it ("-5", ".534")
  if (mark) return lexemeAt(lx, i + 1)?.type === 'num' ? matchQuantity(lx, i) : null;
  const date = matchDate(lx, i, lowerSentence);
  if (date) {
    const c = newCandidate(date.first, date.last, lx, 'date', date.ruleId);
    c.dateParts = date.parts;
    return c;
  }
  return matchTime(lx, i) ?? matchQuantity(lx, i) ?? matchOrdinalWord(lx, i);
}

/** The end of the phone number that starts at `start`, or -1 when none does. */
function phoneEndFrom(phones: ReadonlyArray<[number, number]>, start: number): number {
  for (let k = 0; k < phones.length; k++) if (phones[k]![0] === start) return phones[k]![1];
  return -1;
}

/** The lower-case words of lexemes `from`..`to` (exclusive), joined by spaces, without the arrays of a slice. */
function lowerWordsBetween(lx: readonly Lexeme[], from: number, to: number): string {
  let words = '';
  for (let k = from; k < Math.min(to, lx.length); k++) words += k === from ? lx[k]!.lower : ' ' + lx[k]!.lower;
  return words;
}

/** `c` read as a plain count, neither hyphenated nor a fraction: what "in"/"of" after a change noun introduces. */
function asPlainCount(c: Readonly<Candidate>): Candidate {
  const count = copyCandidate(c);
  count.kind = 'count';
  count.hyphenated = false;
  count.fraction = false;
  return count;
}

/** Sets `c`'s bounds from its approximation (field by field: Object.assign with a fresh object is slower). */
function takeInterval(c: Candidate): void {
  const interval = intervalFor(c.approx, c.value);
  c.lower = interval.lower;
  c.upper = interval.upper;
  c.bounds = interval.bounds;
}

/** Finds every number in one (non-heading) sentence, with its modifiers, unit, counted phrase, change and event. */
export function scanSentence(doc: Readonly<Doc>, sentence: Sentence): Candidate[] {
  const text = doc.norm.slice(sentence.start, sentence.end);
  if (!MAY_HOLD_NUMBER.test(text)) return [];
  const lx = lexSentence(doc, sentence);
  if (lx.length === 0) return [];
  const phoneSpans = /\d[ .-]\d/.test(text) ? findPhoneSpans(text, sentence.start) : null;
  // (null rather than an empty list, whose array class differs from a list of pairs)
  const phones = phoneSpans !== null && phoneSpans.length > 0 ? phoneSpans : null;
  const lowerSentence = !HAS_UPPER.test(text);
  let cands: Candidate[] = [];
  for (let i = 0; i < lx.length;) {
    const c = quantityCandidate(lx, i, phones, lowerSentence);
    if (!c) { i++; continue; }
    cands.push(c);
    i = c.last + 1;
  }
  if (cands.length === 0) return [];
  // the candidate each lexeme belongs to (-1: none); a plain array built by pushes (packed, unlike new Array(n),
  // and without a call to fill), as a typed array is slow to allocate
  const owner: number[] = [];
  for (let k = 0; k < lx.length; k++) owner.push(-1);
  for (let n = 0; n < cands.length; n++) for (let k = cands[n]!.first; k <= cands[n]!.last && k < lx.length; k++) owner[k] = n;

  // identifiers ("S&P 500", "Game 6", "COVID-19") are not quantities
  for (const c of cands) if (!c.drop && c.kind === 'count' && isIdentifier(lx, c, owner, cands)) c.drop = true;
  for (const c of cands) if (!c.drop && isNumberWordInName(lx, c)) c.drop = true;
  cands = joinRanges(lx, cands.filter(c => !c.drop));

  for (const c of cands) {
    if (c.kind === 'count' && (c.ruleId === 'year-span' || isYear(lx, c, c.first))) {
      c.kind = 'year';
      c.ruleId = c.ruleId === 'year-span' ? 'year-span' : 'year';
      c.date = lx[c.first]!.text;
    }
  }

  let prev: Candidate | null = null;
  // the first lexeme after prev's counted phrase, when prev got that far (-1: it did not)
  let prevAfter = -1;
  let prevCount: Candidate | null = null;
  for (const c of cands) {
    // "the 1973 building": a year modifying a noun says what it dates
    if (c.kind === 'year') c.counted = findCounted(lx, c, c.last + 1);
    if (!QUANTITY_KINDS.has(c.kind) || c.ruleId === 'time' || c.ruleId === 'phone' || c.ruleId === 'score') { prev = c; prevAfter = -1; continue; }
    const coreFirst = c.first;
    // modifiers: "over 200", "nearly $3.5 million", "200 or more"
    if (c.range !== 'between' && c.range !== 'from') {
      const mod = findPrefixModifier(lx, c.first);
      if (mod && !(prev && prev.last >= mod.first)) {
        c.approx = mod.rule.approx;
        if (c.range === null && c.lower === null) takeInterval(c);
        c.first = mod.first;
        c.ruleId = `${c.ruleId}+${mod.rule.id}`;
      }
    }
    // "more than 7.5 million Danish crowns (US$1.1 million)": a conversion in brackets says the same
    const paren = prev !== null && prev.last === coreFirst - 2 && isText(lx, coreFirst - 1, '(') && QUANTITY_KINDS.has(prev.kind);
    if (paren && c.approx === null && prev!.approx !== null && prev!.range === null) {
      c.approx = prev!.approx;
      if (c.range === null && c.lower === null) takeInterval(c);
    }
    const post = findPostfixModifier(lx, c.last);
    if (post && c.approx === null) {
      c.approx = post.rule.approx;
      if (c.range === null && c.lower === null) takeInterval(c);
      c.last = post.last;
      c.ruleId = `${c.ruleId}+${post.rule.id}`;
    }
    const age = ageRule(lx, c, coreFirst);
    if (age) Object.assign(c, { kind: 'other', unit: 'year-old', unitType: 'age', ruleId: age });
    // "two- or three-day talks": a suspended hyphen shares the unit of the compound that ends the list
    const hyphen = lexemeAt(lx, c.last + 1);
    const listLink = lexemeAt(lx, c.last + 2);
    if (c.unit === null && hyphen !== undefined && hyphen.text === '-' && !hyphen.gap && listLink !== undefined && (listLink.text === ',' || /^(?:and|or|to)$/.test(listLink.lower))) {
      const target = cands.find(o => o.first > c.last && o.hyphenated && o.unit !== null && o.first - c.last < 12);
      if (target) Object.assign(c, { unit: target.unit, unitType: target.unitType, kind: target.kind, hyphenated: true, ruleId: `${c.ruleId}+suspended-hyphen` });
    }
    c.counted = findCounted(lx, c, c.last + 1);
    // "3.9 million headsets up from 2.4 million", "6 million homes ... including 1.5 million in LA": the noun is
    // left out of the second number
    if (c.counted === null && c.kind === 'count' && !c.words && prevCount && prevCount.counted && coreFirst - prevCount.last <= 12
      && ELISION_LINKS.has(lexemeAt(lx, coreFirst - 1)?.lower ?? '') && !isRatio(lx, c.last + 1)
      && !(hyphen !== undefined && hyphen.type === 'word' && hyphen.pos === 'NOUN')) {
      c.counted = prevCount.counted;
      c.ruleId = `${c.ruleId}+counted-elided`;
    }
    if (dropWordNumber(lx, c, coreFirst)) c.drop = true;
    if (c.drop) { prev = c; prevAfter = -1; continue; }
    // (after the word-number check: a subject does not make "one" a count, "the best map is one you can hold")
    // "death tolls … exceeded 100", "sales reached $5bn": with nothing after it, what the number is of is the subject
    // of the verb that states it
    if (c.counted === null && c.kind !== 'duration' && c.kind !== 'other') {
      const subject = quantitySubject(lx, c.first, c.last);
      if (subject) {
        c.counted = { start: lx[subject.first]!.start, end: lx[subject.last]!.end };
        c.ruleId = `${c.ruleId}+${subject.ruleId}`;
      }
    }

    const countedText = c.counted ? doc.norm.slice(c.counted.start, c.counted.end).toLowerCase() : '';
    const ch = findChange(lx, c, c.first, c.last, POINT_WORDS.test(countedText.slice(countedText.lastIndexOf(' ') + 1)));
    if (ch) {
      c.change = ch.rule.change;
      c.ruleId = `${c.ruleId}+${ch.ruleId}`;
      // "a 40% drop in profits": what changed follows the change noun
      const noun = lexemeAt(lx, ch.noun);
      if (noun && c.counted && c.counted.end >= noun.end) {
        const link = lexemeAt(lx, ch.noun + 1);
        c.counted = link && (link.lower === 'in' || link.lower === 'of') ? findCounted(lx, asPlainCount(c), ch.noun + 2, true) : null;
      }
    } else if (c.sign !== null && (c.unitType === 'percent' || /^points?$/.test(countedText))) {
      c.change = c.sign === '-' ? 'down' : 'up';
    } else if (prev && prev.change !== null && !prev.drop) {
      // "lost 190 points, or 0.6%"; "fell 5% ($20m)"
      const between = lowerWordsBetween(lx, prevAfter >= 0 ? prevAfter : prev.last + 1, c.first);
      if (between === ', or' || between === 'or' || paren) c.change = prev.change;
    }
    let after = c.last + 1;
    if (c.counted) {
      while (after < lx.length && lx[after]!.start < c.counted.end) after++;
    }
    if (c.kind === 'count' && c.counted) prevCount = c;
    const ev = findEvent(lx, c, c.first, after);
    if (ev) {
      c.event = ev.span;
      c.eventLemma = ev.lemma;
      c.eventClass = ev.cls;
    }
    prev = c;
    prevAfter = after;
  }
  for (const c of cands) {
    c.start = lx[c.first]!.start;
    c.end = lx[c.last]!.end;
  }
  return cands.filter(c => !c.drop);
}
