import type { Doc, NumberMention, Sentence } from '../../model.js';
import { parsePublished, resolveDate, type Ymd } from './resolveDates.js';
import { scanSentence } from './scanSentence.js';
import type { Candidate } from './types.js';

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
    for (const c of scanSentence(doc, unit.span)) {
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
