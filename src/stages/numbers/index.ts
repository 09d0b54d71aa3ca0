import type { Doc, NumberMention, Sentence, Span } from '../../model.js';
import { parsePublished, resolveDate, type Ymd } from './resolveDates.js';
import { REPORTING_LEMMAS } from './findEvent.js';
import { scanSentence } from './scanSentence.js';
import type { Candidate } from './types.js';
import { firstTokenEndingAfter } from '../../text/tokenSearch.js';

/**
 * The numbers stage: every number, quantity, amount, percentage, date and duration in the prose (headings are
 * skipped), in text order, with ids "n1", "n2"...
 *
 * Conventions (see README.md beside this file): a range reports its lower end as `value` with both ends in
 * `lower`/`upper` and bounds "[]"; approx is "between" only when the text says "between". A vague plural
 * ("dozens of", "thousands of") is a count from the scale to ten times it: value 12, lower 12, upper 120, bounds
 * "[)". Fractions ("half", "a third") have kind "other" and their value as a fraction (0.5); ages ("48-year-old")
 * kind "other" with unit "year-old"; clock times and phone numbers kind "other" with value null.
 */
export function findNumbers(doc: Readonly<Doc>): NumberMention[] {
  const published = parsePublished(doc.article.publishedAt);
  let anchor: Ymd | null = published;
  const out: NumberMention[] = [];
  for (const unit of scanUnits(doc.sentences)) {
    const found = scanSentence(doc, unit.span);
    shareListEvents(doc.norm, doc.tokens, found);
    countedAround(doc.tokens, found);
    for (const c of found) {
      if (c.kind === 'date' && c.dateParts) {
        const r = resolveDate(c.dateParts, anchor, published);
        c.date = r.date;
        c.dateInferred = r.inferred;
        // without a publication date, dates the article states with a year anchor the ones after them
        if (!published && c.dateParts.y !== null && c.dateParts.m !== null) anchor = { y: c.dateParts.y, m: c.dateParts.m, d: c.dateParts.d ?? 1 };
      }
      out.push(toMention(c, sentenceAt(unit.members, c.start)));
    }
  }
  out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  out.forEach((n, i) => { n.id = `n${i + 1}`; });
  return out;
}

/** Whether the word right before `offset` (a space apart at most) is a verb that could take what follows as its object. */
function verbBefore(tokens: Doc['tokens'], offset: number): boolean {
  const t = tokens[firstTokenEndingAfter(tokens, offset) - 1];
  return t !== undefined && offset - t.end <= 1 && (t.pos === 'VERB' || t.pos === 'AUX') && !REPORTING_LEMMAS.has(t.lemma);
}

const NOMINAL = new Set(['NOUN', 'PROPN']);
/** Nouns that measure rather than name what is counted: "a total of 72 drums". */
const MEASURE_NOUNS = new Set(['total', 'sum', 'amount', 'number', 'figure', 'average', 'maximum', 'minimum', 'tally', 'count', 'one', 'some', 'all', 'most', 'none']);

/** The noun phrase that ends with token `head`: its nouns, proper nouns and adjectives, back to a determiner or anything else. */
function phraseEndingAt(tokens: Doc['tokens'], head: number, floor: number): Span | null {
  const h = tokens[head];
  if (!h || !NOMINAL.has(h.pos) || MEASURE_NOUNS.has(h.lower)) return null;
  let first = head;
  while (first - 1 >= floor && first > head - 4 && ['NOUN', 'PROPN', 'ADJ'].includes(tokens[first - 1]!.pos)) first--;
  return { start: tokens[first]!.start, end: h.end };
}

/**
 * The noun phrase before "from X to Y" that the range is of ("increasing the confirmed death toll from 14 to 31",
 * "cutting corporate tax from 30% to 29%"). Not a noun inside a prepositional phrase, which only qualifies the
 * phrase that changes ("the limit for investment in telecoms companies from 49% to 74%"), nor a lone word with no
 * determiner, which is as often a verb the tagger read as a noun ("see the percentage fall from 7.3% to 6.9%").
 */
const QUALIFIERS = new Set(['DET', 'PRON', 'NUM', 'PUNCT', 'ADJ', 'ADV']);
function rangedPhrase(tokens: Doc['tokens'], head: number, floor: number): Span | null {
  const phrase = phraseEndingAt(tokens, head, floor);
  if (!phrase) return null;
  const first = firstTokenEndingAfter(tokens, phrase.start);
  const opener = tokens[first - 1];
  let k = first - 1;
  while (k > floor && k >= first - 3 && QUALIFIERS.has(tokens[k]!.pos)) k--;
  if (tokens[k]?.pos === 'ADP') return null;
  return first < head || opener?.pos === 'DET' || opener?.pos === 'PRON' ? phrase : null;
}

/**
 * What a number counts when nothing after it says: the noun phrase it is "of" ("a payout of one million
 * rubles", "the death toll from fourteen to 31"), the noun an ordinal ranks ("the second blast",
 * "second-floor apartment"), the person whose age it gives ("Sudesh Amman, 20,").
 */
function countedAround(tokens: Doc['tokens'], cands: Candidate[]): void {
  let fromCounted: Span | null = null;
  for (const c of cands) {
    const fromBefore = fromCounted;
    fromCounted = null;
    if (c.counted !== null || c.kind === 'date' || c.kind === 'year' || c.kind === 'duration') continue;
    const at = firstTokenEndingAfter(tokens, c.start);
    const sentence = tokens[at]?.sentence;
    const floor = at - 8 < 0 ? 0 : at - 8;
    const before = tokens[at - 1]?.sentence === sentence ? tokens[at - 1] : undefined;
    // a capitalised number inside a sentence belongs to a name: "First Union Corp", "Third World", "Group of Five"
    const inName = before !== undefined && before.text !== '"' && /^\p{Lu}/u.test(tokens[at]?.text ?? '') && /\p{L}/u.test(tokens[at]?.text ?? '');
    if (inName) continue;
    if (c.kind === 'ordinal') {
      let k = firstTokenEndingAfter(tokens, c.end);
      if (tokens[k]?.text === '-' && tokens[k]!.start === c.end) k++;
      let head = -1;
      for (let j = k; j < k + 4 && tokens[j]?.sentence === sentence && ['NOUN', 'PROPN', 'ADJ'].includes(tokens[j]!.pos); j++) if (NOMINAL.has(tokens[j]!.pos)) head = j;
      if (head >= 0 && tokens[head]!.pos === 'NOUN' && !MEASURE_NOUNS.has(tokens[head]!.lower)) c.counted = { start: tokens[k]!.start, end: tokens[head]!.end };
      continue;
    }
    if (c.unit === 'year-old') {
      if (before?.text === ',') c.counted = phraseEndingAt(tokens, at - 2, floor);
      continue;
    }
    if (!before) continue;
    // "the death toll from fourteen to 31" as one range: its span starts with "from", and the noun before that is what ranges
    if (c.range === 'from' && tokens[at]?.lower === 'from') {
      // (when a change was read from the word before, that word is the change, not what changes: "see the payout fall from 7% to 6%")
      if (before.pos === 'NOUN' && c.change === null) c.counted = rangedPhrase(tokens, at - 1, floor);
      continue;
    }
    const noun = tokens[at - 2];
    // "a payout of one million rubles"; "the death toll from fourteen to 31" (not "to 2.66 billion from 2.78 billion")
    const next = firstTokenEndingAfter(tokens, c.end);
    const fromTo = before.lower === 'from' && next < tokens.length && tokens[next]!.lower === 'to';
    if ((before.lower === 'of' || fromTo) && noun?.pos === 'NOUN' && tokens[at - 3]?.pos !== 'NUM') {
      c.counted = phraseEndingAt(tokens, at - 2, floor);
      if (fromTo) fromCounted = c.counted;
    } else if (before.lower === 'to' && fromBefore !== null) {
      c.counted = fromBefore;
    }
  }
}

/** "as were", "as did", "as has": the comparative that repeats the predicate before it. */
const ELLIPTIC_AS = /\bas\s+(?:were|was|are|is|did|do|does|have|has|had)\s+$/i;
/** What joins the members of a list: ", ", " and ", ", and ", " or ". */
const LIST_JOIN = /^\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)$/;

/**
 * Counts listed together share what happened to the last of them: "150 security forces, 95 civilians, and
 * hundreds of Taliban were killed" — all three were killed.
 */
function shareListEvents(text: string, tokens: Doc['tokens'], cands: Candidate[]): void {
  // the verb before the first of them ("killing 150 soldiers, 95 civilians and …")
  for (let i = 0; i + 1 < cands.length; i++) {
    const c = cands[i]!;
    const next = cands[i + 1]!;
    if (c.event !== null && c.event.end <= c.start && next.event === null && listed(text, c, next)) shareEvent(next, c);
  }
  // "90 civilians were wounded, as were seventeen from the army": "as" and an auxiliary stand for the predicate before
  for (let i = 1; i < cands.length; i++) {
    const c = cands[i]!;
    if (c.kind !== 'count' || c.event !== null || !ELLIPTIC_AS.test(text.slice(Math.max(0, c.start - 20), c.start))) continue;
    for (let j = i - 1; j >= 0; j--) {
      const earlier = cands[j]!;
      if (earlier.event !== null && earlier.event.end <= c.start) { shareEvent(c, earlier); break; }
    }
  }
  // the predicate after the last of them ("… and hundreds of Taliban were killed"), unless a verb of its own
  // takes the earlier one as object ("scored 20 points and 5 players were hurt")
  for (let i = cands.length - 2; i >= 0; i--) {
    const c = cands[i]!;
    const next = cands[i + 1]!;
    if (c.event === null && next.event !== null && next.event.start >= next.end && !verbBefore(tokens, c.start) && listed(text, c, next)) shareEvent(c, next);
  }
}

/** Whether two counts stand next to each other in a list. */
function listed(text: string, c: Candidate, next: Candidate): boolean {
  if (c.kind !== 'count' || next.kind !== 'count') return false;
  const from = c.counted ? Math.max(c.end, c.counted.end) : c.end;
  return from <= next.start && LIST_JOIN.test(text.slice(from, next.start));
}

function shareEvent(to: Candidate, from: Candidate): void {
  to.event = from.event;
  to.eventLemma = from.eventLemma;
  to.eventClass = from.eventClass;
}

/** Sentences scanned as one: `span` runs from the first member's start to the last one's end. */
interface ScanUnit { span: Sentence; members: readonly Sentence[] }

/**
 * Non-heading sentences, joined where the sentence splitter cut inside a token ("RM23." | "50", "PS2." | "7m"):
 * a sentence that starts right where the previous one ends, with no space, continues it.
 */
function scanUnits(sentences: readonly Sentence[]): ScanUnit[] {
  const units: ScanUnit[] = [];
  let group: Sentence[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const first = group[0]!;
    const last = group[group.length - 1]!;
    units.push({ span: group.length === 1 ? first : { ...first, end: last.end, tokenEnd: last.tokenEnd }, members: group });
    group = [];
  };
  for (const s of sentences) {
    if (s.heading) { flush(); continue; }
    const prev = group[group.length - 1];
    if (prev && s.start !== prev.end) flush();
    group.push(s);
  }
  flush();
  return units;
}

/** The index of the unit member that holds `offset` (the last one when none does). */
function sentenceAt(members: readonly Sentence[], offset: number): number {
  for (const m of members) if (offset < m.end) return m.index;
  return members[members.length - 1]!.index;
}

function toMention(c: Candidate, sentence: number): NumberMention {
  return {
    id: '',
    span: { start: c.start, end: c.end },
    kind: c.kind,
    value: c.kind === 'date' ? null : c.value,
    approx: c.approx,
    lower: c.lower,
    upper: c.upper,
    bounds: c.bounds,
    change: c.change,
    unit: c.unit,
    counted: c.counted,
    event: c.event,
    eventLemma: c.eventLemma,
    eventClass: c.eventClass,
    date: c.date,
    dateInferred: c.dateInferred,
    claimId: null,
    sentence,
    ruleId: c.ruleId,
  };
}
