import { createHash } from 'node:crypto';
import type { Claim, Diagnostic, Doc, Entity, NumberMention, Quote, Span } from './model.js';
import { VERSION } from './version.js';

/** The JSON document of the output contract (docs: ../shared/docs/output-contract.md). */
export interface OutputSpan { start: number; end: number; text: string }

export interface OutputDocument {
  schemaVersion: '1.0';
  generator: { name: 'claimsift'; version: string };
  article: { id: string; source: string | null; title: string | null; url: string | null; publishedAt: string | null; textSha256: string; meta: Record<string, unknown> };
  offsetUnit: 'codepoint' | 'utf16';
  text: string;
  entities: Array<Omit<Entity, 'mentions' | 'ruleId'> & { mentions: OutputSpan[]; ruleId: string }>;
  quotes: Array<Record<string, unknown>>;
  numbers: Array<Record<string, unknown>>;
  claims: Array<Record<string, unknown>>;
  diagnostics: Array<{ code: string; message: string; span: OutputSpan | null }>;
}

const sameOffset = (offset: number): number => offset;

/** Maps UTF-16 offsets to code point offsets; the identity when the text has no astral characters. */
export function offsetConverter(text: string, unit: 'codepoint' | 'utf16'): (offset: number) => number {
  if (unit === 'utf16' || !/[\uD800-\uDBFF]/.test(text)) return sameOffset;
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { map[i + 1] = cp; i++; }
    }
    cp++;
  }
  map[text.length] = cp;
  return o => map[o] ?? cp;
}

/** The text and offset unit every span of one document is written in. */
interface Writer {
  readonly text: string;
  readonly conv: (offset: number) => number;
}

const outSpan = (w: Writer, s: Span): OutputSpan => ({ start: w.conv(s.start), end: w.conv(s.end), text: w.text.slice(s.start, s.end) });
const outSpanOrNull = (w: Writer, s: Span | null): OutputSpan | null => (s ? outSpan(w, s) : null);

function outQuote(w: Writer, q: Quote, explain: boolean): Record<string, unknown> {
  const verbatim: OutputSpan[] = [];
  for (const v of q.verbatim) verbatim.push(outSpan(w, v));
  const out: Record<string, unknown> = {
    id: q.id,
    kind: q.kind,
    content: outSpan(w, q.content),
    verbatim,
    speaker: q.speaker ? {
      name: q.speaker.name,
      entityId: q.speaker.entityId,
      mention: outSpanOrNull(w, q.speaker.mention),
      anonymous: q.speaker.anonymous,
      resolution: q.speaker.resolution,
    } : null,
    cue: q.cue ? { start: w.conv(q.cue.start), end: w.conv(q.cue.end), text: w.text.slice(q.cue.start, q.cue.end), lemma: q.cue.lemma } : null,
    sentence: q.sentence,
    confidence: Math.round(q.confidence * 100) / 100,
    ruleId: q.ruleId,
  };
  if (explain) out.explain = q.explain;
  return out;
}

function outNumber(w: Writer, n: NumberMention): Record<string, unknown> {
  return {
    id: n.id,
    span: outSpan(w, n.span),
    kind: n.kind,
    value: n.value,
    approx: n.approx,
    lower: n.lower,
    upper: n.upper,
    bounds: n.bounds,
    change: n.change,
    unit: n.unit,
    counted: outSpanOrNull(w, n.counted),
    event: n.event ? { start: w.conv(n.event.start), end: w.conv(n.event.end), text: w.text.slice(n.event.start, n.event.end), lemma: n.eventLemma, class: n.eventClass } : null,
    date: n.date,
    dateInferred: n.dateInferred,
    claimId: n.claimId,
    sentence: n.sentence,
    ruleId: n.ruleId,
  };
}

function outClaim(w: Writer, c: Claim, explain: boolean): Record<string, unknown> {
  const evidence: Array<{ ruleId: string; cue: OutputSpan | null; text: string }> = [];
  for (const e of c.evidence) evidence.push({ ruleId: e.ruleId, cue: outSpanOrNull(w, e.cue), text: e.text });
  const out: Record<string, unknown> = {
    id: c.id,
    span: outSpan(w, c.span),
    sentence: c.sentence,
    source: c.source,
    quoteId: c.quoteId,
    status: c.status,
    evidence,
    hedged: c.hedged,
    hedge: c.hedge,
    polarity: c.polarity,
    numberIds: c.numberIds,
    checkworthiness: c.checkworthiness,
    features: c.features,
  };
  if (explain) out.explain = c.explain;
  return out;
}

function outEntity(w: Writer, e: Entity): OutputDocument['entities'][number] {
  const mentions: OutputSpan[] = [];
  for (const m of e.mentions) mentions.push(outSpan(w, m));
  return { id: e.id, name: e.name, type: e.type, titles: e.titles, aliases: e.aliases, mentions, ruleId: e.ruleId };
}

const outDiagnostic = (w: Writer, d: Diagnostic): { code: string; message: string; span: OutputSpan | null } => ({ code: d.code, message: d.message, span: outSpanOrNull(w, d.span) });

export function toOutput(doc: Readonly<Doc>, unit: 'codepoint' | 'utf16' = 'codepoint', explain = false): OutputDocument {
  const w: Writer = { text: doc.text, conv: offsetConverter(doc.text, unit) };
  const entities: OutputDocument['entities'] = [];
  for (const e of doc.entities) entities.push(outEntity(w, e));
  const quotes: Array<Record<string, unknown>> = [];
  for (const q of doc.quotes) quotes.push(outQuote(w, q, explain));
  const numbers: Array<Record<string, unknown>> = [];
  for (const n of doc.numbers) numbers.push(outNumber(w, n));
  const claims: Array<Record<string, unknown>> = [];
  for (const c of doc.claims) claims.push(outClaim(w, c, explain));
  const diagnostics: OutputDocument['diagnostics'] = [];
  for (const d of doc.diagnostics) diagnostics.push(outDiagnostic(w, d));
  return {
    schemaVersion: '1.0',
    generator: { name: 'claimsift', version: VERSION },
    article: {
      id: doc.article.id,
      source: doc.article.source,
      title: doc.article.title,
      url: doc.article.url,
      publishedAt: doc.article.publishedAt,
      textSha256: createHash('sha256').update(doc.text).digest('hex'),
      meta: doc.article.meta,
    },
    offsetUnit: unit,
    text: doc.text,
    entities,
    quotes,
    numbers,
    claims,
    diagnostics,
  };
}
