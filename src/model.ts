/**
 * The one document model every stage annotates. All offsets here are JavaScript string
 * indices (UTF-16) into `Doc.text`, half-open; the output stage converts them to the
 * requested unit.
 */

export interface Span {
  start: number;
  end: number;
}

export interface ArticleMeta {
  id: string;
  source: string | null;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  meta: Record<string, unknown>;
}

export interface Paragraph extends Span {
  heading: boolean;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  heading: boolean;
  /** index of its first token in Doc.tokens, and one past its last */
  tokenStart: number;
  tokenEnd: number;
}

export interface Token extends Span {
  index: number;
  sentence: number;
  /** the token's text as it stands in the normalised text (quotes straightened) */
  text: string;
  lower: string;
  pos: string;
  lemma: string;
  /** wink-nlp's token type: word, number, punctuation, currency, symbol, ... */
  type: string;
}

export const EntityType = {
  person: 'person',
  organization: 'organization',
  place: 'place',
  group: 'group',
  unknown: 'unknown',
} as const;
export type EntityType = (typeof EntityType)[keyof typeof EntityType];

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  titles: string[];
  aliases: string[];
  mentions: Span[];
  ruleId: string;
}

export type QuoteMarkStyle = 'curly' | 'straight' | 'double-single' | 'backtick';

/** A matched pair of quotation marks: `open`/`close` are the marks, `inner` what lies between. */
export interface QuotedSpan {
  open: Span;
  close: Span;
  inner: Span;
  style: QuoteMarkStyle;
  /** true when the quote continues from the previous paragraph's unclosed quote */
  continued: boolean;
  /** true when the quote is a scare quote or a title rather than speech */
  scare: boolean;
}

export type QuoteKind = 'direct' | 'mixed' | 'indirect';

export interface Speaker {
  name: string;
  entityId: string | null;
  mention: Span | null;
  anonymous: boolean;
  resolution: string;
}

export interface Cue extends Span {
  lemma: string;
  /** the cue lexicon entry that matched */
  entry: CueEntryRef;
}

export interface CueEntryRef {
  lemma: string;
  status: 'asserted' | 'confirmed';
  polarity: 'affirmed' | 'denied';
}

export interface Quote {
  id: string;
  kind: QuoteKind;
  content: Span;
  verbatim: Span[];
  speaker: Speaker | null;
  cue: Cue | null;
  sentence: number;
  confidence: number;
  ruleId: string;
  explain: string[];
}

export type NumberKind = 'count' | 'money' | 'percent' | 'measure' | 'date' | 'duration' | 'ordinal' | 'year' | 'other';

export interface NumberMention {
  id: string;
  span: Span;
  kind: NumberKind;
  value: number | null;
  approx: string | null;
  lower: number | null;
  upper: number | null;
  bounds: '[]' | '[)' | '(]' | '()' | null;
  change: 'up' | 'down' | null;
  unit: string | null;
  counted: Span | null;
  event: Span | null;
  eventLemma: string | null;
  eventClass: string | null;
  date: string | null;
  dateInferred: boolean;
  claimId: string | null;
  sentence: number;
  ruleId: string;
}

export type ClaimStatus = 'asserted' | 'confirmed';
export type SourceKind = 'person' | 'organization' | 'anonymous' | 'outlet';

export interface ClaimSource {
  name: string | null;
  entityId: string | null;
  anonymous: boolean;
  kind: SourceKind;
}

export interface Evidence {
  ruleId: string;
  cue: Span | null;
  text: string;
}

export interface Claim {
  id: string;
  span: Span;
  sentence: number;
  source: ClaimSource;
  quoteId: string | null;
  sourceQuoteIds: string[];
  status: ClaimStatus;
  evidence: Evidence[];
  hedged: boolean;
  hedge: string | null;
  polarity: 'affirmed' | 'denied';
  numberIds: string[];
  checkworthiness: number;
  features: string[];
  explain: string[];
}

export interface Diagnostic {
  code: string;
  message: string;
  span: Span | null;
}

export interface Doc {
  /** the text exactly as given (after BOM removal), which every offset indexes */
  readonly text: string;
  /** same length as `text`: curly quotes straightened, NBSP and odd spaces made plain */
  readonly norm: string;
  readonly article: ArticleMeta;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  entities: Entity[];
  quoteSpans: QuotedSpan[];
  quotes: Quote[];
  numbers: NumberMention[];
  claims: Claim[];
  diagnostics: Diagnostic[];
}

export interface ExtractOptions {
  /** offsets in the output: Unicode code points (default) or UTF-16 code units */
  offsets?: 'codepoint' | 'utf16';
  /** include the per-annotation explanation chains */
  explain?: boolean;
}

export const spanText = (text: string, s: Span): string => text.slice(s.start, s.end);
export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
export const contains = (outer: Span, inner: Span): boolean => outer.start <= inner.start && inner.end <= outer.end;
