import { hash } from 'node:crypto';
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

/** Maps UTF-16 offsets to code point offsets; the identity when the text has no astral characters. */
export function offsetConverter(text: string, unit: 'codepoint' | 'utf16'): (offset: number) => number {
  const astral = unit === 'codepoint' && /[\uD800-\uDBFF]/.test(text);
  const map = astral ? codePointOffsets(text) : countingTo(text.length);
  const count = map[text.length] ?? text.length;
  // (one function and one table lookup for every text: code that calls it, optimized on texts without astral
  // characters, would otherwise be thrown out by the first text with one)
  return o => map[o] ?? (astral ? count : o);
}

/**
 * 0, 1, 2, …: the code point offsets of any text without astral characters; kept, and grown to the
 * longest text so far, up to a million characters (4 MB); a longer text gets a table of its own.
 */
let counting = new Uint32Array(0);
const KEPT_COUNTING = 1 << 20;
function countingTo(last: number): Uint32Array {
  if (last >= KEPT_COUNTING) {
    const own = new Uint32Array(last + 1);
    for (let i = 0; i <= last; i++) own[i] = i;
    return own;
  }
  if (counting.length <= last) {
    counting = new Uint32Array(Math.min(KEPT_COUNTING, Math.max(last + 1, counting.length * 2)));
    for (let i = 0; i < counting.length; i++) counting[i] = i;
  }
  return counting;
}

/** The code point offset of each UTF-16 offset of a text, up to its length. */
function codePointOffsets(text: string): Uint32Array {
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
  return map;
}

export function toOutput(doc: Readonly<Doc>, unit: 'codepoint' | 'utf16' = 'codepoint', explain = false): OutputDocument {
  const conv = offsetConverter(doc.text, unit);
  const span = (s: Span): OutputSpan => ({ start: conv(s.start), end: conv(s.end), text: doc.text.slice(s.start, s.end) });
  const maybe = (s: Span | null): OutputSpan | null => (s ? span(s) : null);
  const quote = (q: Quote): Record<string, unknown> => ({
    id: q.id,
    kind: q.kind,
    content: span(q.content),
    verbatim: q.verbatim.map(span),
    speaker: q.speaker ? {
      name: q.speaker.name,
      entityId: q.speaker.entityId,
      mention: maybe(q.speaker.mention),
      anonymous: q.speaker.anonymous,
      resolution: q.speaker.resolution,
    } : null,
    cue: q.cue ? { start: conv(q.cue.start), end: conv(q.cue.end), text: doc.text.slice(q.cue.start, q.cue.end), lemma: q.cue.lemma } : null,
    sentence: q.sentence,
    confidence: Math.round(q.confidence * 100) / 100,
    ruleId: q.ruleId,
    ...(explain ? { explain: q.explain } : {}),
  });
  const number = (n: NumberMention): Record<string, unknown> => ({
    id: n.id,
    span: span(n.span),
    kind: n.kind,
    value: n.value,
    approx: n.approx,
    lower: n.lower,
    upper: n.upper,
    bounds: n.bounds,
    change: n.change,
    unit: n.unit,
    counted: maybe(n.counted),
    event: n.event ? { start: conv(n.event.start), end: conv(n.event.end), text: doc.text.slice(n.event.start, n.event.end), lemma: n.eventLemma, class: n.eventClass } : null,
    date: n.date,
    dateInferred: n.dateInferred,
    claimId: n.claimId,
    sentence: n.sentence,
    ruleId: n.ruleId,
  });
  const claim = (c: Claim): Record<string, unknown> => ({
    id: c.id,
    span: span(c.span),
    sentence: c.sentence,
    source: c.source,
    quoteId: c.quoteId,
    status: c.status,
    evidence: c.evidence.map(e => ({ ruleId: e.ruleId, cue: maybe(e.cue), text: e.text })),
    hedged: c.hedged,
    hedge: c.hedge,
    polarity: c.polarity,
    numberIds: c.numberIds,
    checkworthiness: c.checkworthiness,
    features: c.features,
    ...(explain ? { explain: c.explain } : {}),
  });
  const diagnostic = (d: Diagnostic): { code: string; message: string; span: OutputSpan | null } => ({ code: d.code, message: d.message, span: maybe(d.span) });
  return {
    schemaVersion: '1.0',
    generator: { name: 'claimsift', version: VERSION },
    article: {
      id: doc.article.id,
      source: doc.article.source,
      title: doc.article.title,
      url: doc.article.url,
      publishedAt: doc.article.publishedAt,
      textSha256: hash('sha256', doc.text, 'hex'),
      meta: doc.article.meta,
    },
    offsetUnit: unit,
    text: doc.text,
    entities: doc.entities.map(e => ({ id: e.id, name: e.name, type: e.type, titles: e.titles, aliases: e.aliases, mentions: e.mentions.map(span), ruleId: e.ruleId })),
    quotes: doc.quotes.map(quote),
    numbers: doc.numbers.map(number),
    claims: doc.claims.map(claim),
    diagnostics: doc.diagnostics.map(diagnostic),
  };
}
