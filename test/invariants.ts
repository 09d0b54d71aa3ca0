import type { OutputDocument, OutputSpan } from '../src/output.js';
import { validateDocument } from '../src/schema.js';

/** Checks that hold for every document claimsift writes; returns the broken ones. */
export function invariantViolations(doc: OutputDocument): string[] {
  const problems: string[] = [];
  const units = doc.offsetUnit === 'codepoint' ? Array.from(doc.text) : null;
  const length = units ? units.length : doc.text.length;
  const slice = (s: OutputSpan): string => (units ? units.slice(s.start, s.end).join('') : doc.text.slice(s.start, s.end));
  const check = (where: string, s: OutputSpan | null | undefined): void => {
    if (!s) return;
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= length)) problems.push(`${where}: span ${s.start}-${s.end} outside the text`);
    else if (slice(s) !== s.text) problems.push(`${where}: text ${JSON.stringify(s.text)} differs from slice ${JSON.stringify(slice(s))}`);
  };
  for (const e of doc.entities) e.mentions.forEach((m, i) => check(`${e.id}.mentions[${i}]`, m));
  for (const q of doc.quotes as Array<Record<string, any>>) {
    check(`${q.id}.content`, q.content);
    q.verbatim.forEach((v: OutputSpan, i: number) => check(`${q.id}.verbatim[${i}]`, v));
    check(`${q.id}.cue`, q.cue);
    check(`${q.id}.speaker.mention`, q.speaker?.mention);
  }
  for (const n of doc.numbers as Array<Record<string, any>>) { check(`${n.id}.span`, n.span); check(`${n.id}.counted`, n.counted); check(`${n.id}.event`, n.event); }
  for (const c of doc.claims as Array<Record<string, any>>) { check(`${c.id}.span`, c.span); c.evidence.forEach((e: any, i: number) => check(`${c.id}.evidence[${i}]`, e.cue)); }
  for (const d of doc.diagnostics) check(`diagnostic ${d.code}`, d.span);
  // contents may nest ("Znak.com reported [its source said [“three terrorists” were killed]]"): the inner
  // relation's content, cue and speaker mention lie inside the outer content; any other overlap, or the same
  // content twice, is a fault
  const quotes = (doc.quotes as Array<Record<string, any>>).slice().sort((a, b) => a.content.start - b.content.start || b.content.end - a.content.end);
  const within = (s: OutputSpan | null | undefined, outer: OutputSpan): boolean => !!s && outer.start <= s.start && s.end <= outer.end;
  const nestsIn = (inner: Record<string, any>, outer: Record<string, any>): boolean =>
    !(inner.content.start === outer.content.start && inner.content.end === outer.content.end)
    && within(inner.content, outer.content) && within(inner.cue, outer.content) && within(inner.speaker?.mention, outer.content);
  for (let i = 0; i < quotes.length; i++) {
    const a = quotes[i] as Record<string, any>;
    for (let j = i + 1; j < quotes.length && (quotes[j] as Record<string, any>).content.start < a.content.end; j++) {
      const b = quotes[j] as Record<string, any>;
      if (!nestsIn(b, a)) problems.push(`quote contents overlap: ${JSON.stringify(a.content.text.slice(0, 40))} and ${JSON.stringify(b.content.text.slice(0, 40))}`);
    }
  }
  const ids = new Set<string>();
  for (const c of doc.claims as Array<Record<string, any>>) ids.add(c.id);
  for (const n of doc.numbers as Array<Record<string, any>>) if (n.claimId !== null && !ids.has(n.claimId)) problems.push(`${n.id}.claimId ${n.claimId} names no claim`);
  const { errors } = validateDocument(doc);
  problems.push(...errors.map(e => `schema: ${e}`));
  return problems;
}
