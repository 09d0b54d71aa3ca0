import type { Claim, ClaimSource, Doc, Entity, Evidence, NumberMention, Quote, Sentence, Span, Token } from '../model.js';
import { CONFIRM_PASSIVE, CONFIRMED_FIGURE, cueEntry, DENIAL_FRAME, HEDGES } from '../rules/cues.js';
import { DISCOURSE_OPENERS } from '../rules/names.js';
import { quotesMeeting, SpanIndex } from '../text/spanIndex.js';
import { firstTokenEndingAfter } from '../text/tokenSearch.js';
import { scoreCheckworthinessOfTokens } from './checkworthiness/index.js';
import { hasDigit } from './checkworthiness/features.js';

const OUTLET: ClaimSource = { name: null, entityId: null, anonymous: false, kind: 'outlet' };
/** A sentence whose words are mostly inside attributed contents is not also the outlet's claim. */
const COVERED_SHARE = 0.5;

function sourceOf(quote: Quote, entities: ReadonlyMap<string, Entity>): ClaimSource {
  const sp = quote.speaker;
  if (!sp) return { name: null, entityId: null, anonymous: true, kind: 'anonymous' };
  if (sp.anonymous) return { name: sp.name, entityId: null, anonymous: true, kind: 'anonymous' };
  const entity = sp.entityId ? entities.get(sp.entityId) : undefined;
  const kind = entity
    ? (entity.type === 'person' ? 'person' : entity.type === 'unknown' ? guessKind(sp.name) : 'organization')
    : guessKind(sp.name);
  return { name: sp.name, entityId: sp.entityId, anonymous: false, kind };
}

function guessKind(name: string): 'person' | 'organization' {
  const words = name.split(/\s+/);
  return words.length >= 2 && words.length <= 4 && words.every(w => /^[\p{Lu}]\p{Ll}/u.test(w)) ? 'person' : 'organization';
}

/**
 * Matches wherever any hedge pattern does (and, case aside, nowhere else): most claims have no hedge and are
 * cleared in one scan. The word boundary every pattern opens with is tested once at each position rather
 * than once for each pattern, which halves the scan.
 */
const ANY_HEDGE = anyOf(HEDGES.map(([pattern]) => pattern.source), 'i');

/** One expression for the alternatives, with a word boundary that all of them open with hoisted in front. */
function anyOf(sources: readonly string[], flags: string): RegExp {
  const hoist = sources.every(source => source.startsWith('\\b'));
  const alternatives = sources.map(source => `(?:${hoist ? source.slice(2) : source})`).join('|');
  return new RegExp(hoist ? `\\b(?:${alternatives})` : alternatives, flags);
}

function findHedge(text: string): { hedge: string; ruleId: string } | null {
  if (!ANY_HEDGE.test(text)) return null;
  for (const [pattern, ruleId] of HEDGES) {
    const m = pattern.exec(text);
    if (m) return { hedge: m[0], ruleId };
  }
  return null;
}

function trimSentence(doc: Readonly<Doc>, s: Sentence): Span {
  const raw = doc.norm.slice(s.start, s.end);
  const opener = DISCOURSE_OPENERS.exec(raw);
  let start = s.start + (opener ? opener[0].length : 0);
  let end = s.end;
  while (end > start && /[\s.]/.test(doc.norm[end - 1] ?? '')) end--;
  while (start < end && /\s/.test(doc.norm[start] ?? '')) start++;
  return { start, end };
}

/** The share of a sentence inside attributed contents. */
function coveredShare(span: Span, quotes: readonly Quote[]): number {
  let covered = 0;
  for (const q of quotes) covered += Math.max(0, Math.min(span.end, q.content.end) - Math.max(span.start, q.content.start));
  return covered / Math.max(1, span.end - span.start);
}

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);
const within = (t: Span, s: Span): boolean => s.start <= t.start && t.end <= s.end;

/** Whether a token lies inside a quote's content, its cue or its speaker's mention. */
function insideAttribution(t: Span, quotes: readonly Quote[]): boolean {
  for (const q of quotes) {
    if (within(t, q.content) || (q.cue && within(t, q.cue)) || (q.speaker?.mention && within(t, q.speaker.mention))) return true;
  }
  return false;
}

/**
 * Whether a sentence states something besides its attributions: "The ministry confirmed that …"
 * says nothing of its own once the content, the cue and the speaker are taken out.
 */
function saysMoreThanItsAttributions(span: Span, quotes: readonly Quote[], tokens: readonly Token[]): boolean {
  const r = tokenRange(tokens, span.start, span.end);
  let own = 0;
  for (let i = r.first; i < r.end; i++) {
    const t = tokens[i]!;
    if (CONTENT_POS.has(t.pos) && !insideAttribution(t, quotes) && ++own >= 2) return true;
  }
  return false;
}

/** A short sentence about someone else: a verb, and no "I", "we" or "you" (a speaker's aside, not a statement of fact). */
function isShortStatement(tokens: readonly Token[], r: TokenRange): boolean {
  const first = r.first < r.end ? tokens[r.first]! : undefined;
  if (!first || (first.pos === 'VERB' && first.lower === first.lemma)) return false;
  let verb = false;
  for (let i = r.first; i < r.end; i++) {
    const t = tokens[i]!;
    if (FIRST_AND_SECOND_PERSON.has(t.lower) || t.text === '?') return false;
    if (t.pos === 'VERB' || t.pos === 'AUX') verb = true;
  }
  return verb;
}
const FIRST_AND_SECOND_PERSON = new Set(['i', 'me', 'my', 'we', 'us', 'our', 'you', 'your', "let's", 'let']);

/**
 * The writer's own clause that opens a sentence before its first attribution, joined to it by "and" or "but": "[The
 * embassy declined the request] and said …". It needs a finite verb and two words of content; null otherwise.
 */
function leadingOwnClause(span: Span, quotes: readonly Quote[], tokens: readonly Token[]): Span | null {
  let first = span.end;
  // (the speaker may be the subject of both: "[The embassy declined the request] and said …")
  for (const q of quotes) first = Math.min(first, q.content.start, q.cue?.start ?? first);
  const words = tokenRange(tokens, span.start, first);
  let end = words.end;
  const lastWord = end > words.first ? tokens[end - 1]!.lower : '';
  if (lastWord !== 'and' && lastWord !== 'but') return null;
  end--;
  if (end > words.first && tokens[end - 1]!.text === ',') end--;
  if (end - words.first < 3) return null;
  let finite = false;
  let content = 0;
  for (let i = words.first; i < end; i++) {
    const t = tokens[i]!;
    if (t.pos === 'VERB' && !t.lower.endsWith('ing')) finite = true;
    if (CONTENT_POS.has(t.pos)) content++;
  }
  return finite && content >= 2 ? { start: span.start, end: tokens[end - 1]!.end } : null;
}

/** Few words of content are an object, not a statement ("claimed responsibility"): the claim is the whole clause. */
const SHORT_CONTENT_WORDS = 3;
function claimSpanOf(doc: Readonly<Doc>, quote: Quote, tokens: readonly Token[]): Span {
  const mention = quote.speaker?.mention;
  if (quote.kind === 'direct' || !quote.cue || !mention || hasMoreWordsThan(tokens, quote.content, SHORT_CONTENT_WORDS)) return quote.content;
  const s = doc.sentences[quote.sentence];
  if (!s || mention.start < s.start || mention.start > quote.cue.start || quote.cue.end > quote.content.start) return quote.content;
  return { start: mention.start, end: quote.content.end };
}

/** Whether a span holds more than `count` tokens other than punctuation (counted up to the first past `count`). */
function hasMoreWordsThan(tokens: readonly Token[], span: Span, count: number): boolean {
  const r = tokenRange(tokens, span.start, span.end);
  let words = 0;
  for (let i = r.first; i < r.end; i++) if (tokens[i]!.pos !== 'PUNCT' && ++words > count) return true;
  return false;
}

/**
 * The quotes no other quote's content holds, in one sweep (an article may have thousands).
 * (copied and kept by pushing one by one: `slice` and `filter` make arrays of another kind than `push` into a `[]`
 * literal, depending on whether they run optimized, and the code that reads the result would meet both)
 */
function outermostQuotes(quotes: readonly Quote[]): Quote[] {
  const sorted: Quote[] = [];
  for (const q of quotes) sorted.push(q);
  sorted.sort((a, b) => a.content.start - b.content.start || b.content.end - a.content.end);
  const nested = new Set<Quote>();
  let reach = -1;
  for (const q of sorted) {
    if (q.content.end <= reach) nested.add(q);
    else reach = q.content.end;
  }
  const outer: Quote[] = [];
  for (const q of quotes) if (!nested.has(q)) outer.push(q);
  return outer;
}

interface ClaimDraft {
  span: Span;
  sentence: number;
  source: ClaimSource;
  quote: Quote | null;
  context: string;
}

/**
 * Claims: every attributed content, and each prose sentence the article states in its own voice.
 * Status, hedge and polarity come with the evidence that decided them; no verdict on truth.
 */
export function findClaims(doc: Readonly<Doc>): { claims: Claim[]; numbers: NumberMention[] } {
  const drafts = draftClaims(doc);
  drafts.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  // (pushed one by one: `map` makes arrays of another kind once it runs optimized, and of yet another when empty,
  // and the loops below and the output would meet them all)
  const claims: Claim[] = [];
  for (let i = 0; i < drafts.length; i++) claims.push(claimFromDraft(doc, drafts[i]!, `c${i + 1}`));
  const claimsBySentence = claimsNearSentences(doc, claims);
  corroborate(doc, claims);
  const numbers: NumberMention[] = [];
  for (const n of doc.numbers) numbers.push(assignToClaim(n, claimsBySentence));
  scoreClaims(doc, claims);
  return { claims, numbers };
}

/** Every attributed content, and each prose sentence that says more than its attributions. */
function draftClaims(doc: Readonly<Doc>): ClaimDraft[] {
  const tokens = doc.tokens;
  const entities = new Map<string, Entity>();
  for (const e of doc.entities) entities.set(e.id, e);
  const drafts: ClaimDraft[] = [];
  // a nested attribution ("Znak.com reported [its source said …]") is relayed by the outer one: one claim, the outer source's
  const outer = outermostQuotes(doc.quotes);
  // (the bounds copied by name: a spread clones through a generic path, and is the dearer; pushed one by one, as above)
  const contents: Array<Span & { quote: Quote }> = [];
  for (const q of outer) contents.push({ start: q.content.start, end: q.content.end, quote: q });
  const quoteContents = new SpanIndex(contents);
  for (const quote of outer) {
    const s = doc.sentences[quote.sentence];
    drafts.push({ span: claimSpanOf(doc, quote, tokens), sentence: quote.sentence, source: sourceOf(quote, entities), quote, context: s ? doc.norm.slice(s.start, s.end) : '' });
  }
  for (const s of doc.sentences) {
    if (s.heading) continue;
    const span = trimSentence(doc, s);
    const inSentence = quotesMeeting(quoteContents, s.start, s.end);
    if (span.end - span.start < 12 || (!inSentence.length && !saysMoreThanItsAttributions(span, inSentence, tokens))) {
      // "He died today.", "He resisted.": a short statement about someone, with a verb, is a claim; "I agree." is not
      if (!inSentence.length && isShortStatement(tokens, tokenRange(tokens, span.start, span.end))) drafts.push({ span, sentence: s.index, source: OUTLET, quote: null, context: doc.norm.slice(s.start, s.end) });
      continue;
    }
    // (a sentence without attributions that gets here has been found to say something of its own)
    if (inSentence.length && (coveredShare(span, inSentence) >= COVERED_SHARE || !saysMoreThanItsAttributions(span, inSentence, tokens))) {
      // "The embassy declined the request and said …": a clause of the writer's own before the attribution
      const own = leadingOwnClause(span, inSentence, tokens);
      if (own) drafts.push({ span: own, sentence: s.index, source: OUTLET, quote: null, context: doc.norm.slice(s.start, s.end) });
      continue;
    }
    drafts.push({ span, sentence: s.index, source: OUTLET, quote: null, context: doc.norm.slice(s.start, s.end) });
  }
  return drafts;
}

/** "he did indicate …" opening reported content: the speaker as a pronoun, an emphatic "do" and a verb of saying. */
const EMPHATIC_DO_CLAUSE = /^(?:he|she|they|we|i) (?:did|does|do) (?!not\b|n['\u2019]t\b)(\p{Ll}+)/iu;
function emphaticSaying(text: string): RegExpExecArray | null {
  const m = EMPHATIC_DO_CLAUSE.exec(text);
  const entry = m?.[1] ? cueEntry(m[1]) : undefined;
  return entry && (entry.frame === 'speech' || entry.frame === 'confirm') ? m : null;
}

/** "assert-<cue lemma>" rule ids, by lemma ("point out" → "assert-point-out"). */
const ASSERT_RULE_IDS = new Map<string, string>();
function assertRuleId(lemma: string): string {
  let id = ASSERT_RULE_IDS.get(lemma);
  if (id === undefined) ASSERT_RULE_IDS.set(lemma, (id = `assert-${lemma.replace(/\s+/g, '-')}`));
  return id;
}

/** A claim with its status, hedge and polarity, and the evidence that decided them. */
function claimFromDraft(doc: Readonly<Doc>, d: ClaimDraft, id: string): Claim {
  const text = doc.norm.slice(d.span.start, d.span.end);
  const evidence: Evidence[] = [];
  const explain: string[] = [];
  const cue = d.quote?.cue ?? null;
  let status: Claim['status'] = 'asserted';
  const hedgeSource = d.quote ? `${text} ${cueWindow(doc, d.quote)}` : d.context;
  const hedge = findHedge(hedgeSource) ?? (d.quote ? attributionHedge(doc, d.quote) : null);
  if (cue) explain.push(`cue "${doc.text.slice(cue.start, cue.end)}" (${cue.lemma})`);
  explain.push(d.source.kind === 'outlet' ? 'source: the outlet (no attribution)' : `source: ${d.source.name ?? 'unknown'} (${d.source.kind}${d.quote?.speaker ? `, ${d.quote.speaker.resolution}` : ''})`);
  // ("the confirmed death toll" in the outlet's own words is its assertion; a source must say a figure is confirmed)
  const confirmedFigure = d.source.kind === 'outlet' ? null : CONFIRMED_FIGURE.exec(text);
  const concession = cue && cue.entry.polarity === 'affirmed' && !/\?\s*$/.test(d.context) ? emphaticSaying(text) : null;
  if (cue?.entry.status === 'confirmed') {
    status = 'confirmed';
    evidence.push({ ruleId: 'confirm-verb', cue: { start: cue.start, end: cue.end }, text: doc.text.slice(cue.start, cue.end) });
  } else if (concession) {
    // "Trump said that he did indicate that the aid was contingent": the speaker's emphatic "do" concedes his own words
    status = 'confirmed';
    const at = { start: d.span.start + concession.index, end: d.span.start + concession.index + concession[0].length };
    evidence.push({ ruleId: 'confirm-emphatic-do', cue: at, text: doc.text.slice(at.start, at.end) });
  } else if (confirmedFigure && !hedge && !/\b(?:not|un)\s*$/i.test(text.slice(0, confirmedFigure.index))) {
    status = 'confirmed';
    const at = d.span.start + confirmedFigure.index;
    evidence.push({ ruleId: 'confirmed-figure', cue: { start: at, end: at + confirmedFigure[0].length }, text: confirmedFigure[0] });
  } else if (!d.quote) {
    const passive = CONFIRM_PASSIVE.exec(d.context);
    if (passive && !hedge) {
      status = 'confirmed';
      const s = doc.sentences[d.sentence];
      const at = (s?.start ?? 0) + passive.index;
      evidence.push({ ruleId: 'confirm-passive', cue: { start: at, end: at + passive[0].length }, text: passive[0] });
    } else if (passive && hedge) {
      explain.push(`"${passive[0]}" is itself only reported ("${hedge.hedge}"), so it does not confirm`);
    }
  }
  if (status === 'asserted') evidence.push({ ruleId: cue ? assertRuleId(cue.lemma) : 'assert-default', cue: cue ? { start: cue.start, end: cue.end } : null, text: cue ? doc.text.slice(cue.start, cue.end) : '' });
  if (hedge) evidence.push({ ruleId: hedge.ruleId, cue: null, text: hedge.hedge });
  let polarity = cue?.entry.polarity ?? 'affirmed';
  if (polarity === 'denied' && cue) evidence.push({ ruleId: 'deny-verb', cue: { start: cue.start, end: cue.end }, text: doc.text.slice(cue.start, cue.end) });
  const denial = polarity === 'affirmed' ? DENIAL_FRAME.exec(d.quote ? text : d.context) : null;
  if (denial) {
    polarity = 'denied';
    const base = d.quote ? d.span.start : (doc.sentences[d.sentence]?.start ?? d.span.start);
    evidence.push({ ruleId: 'deny-frame', cue: { start: base + denial.index, end: base + denial.index + denial[0].length }, text: denial[0] });
  }
  explain.push(`status: ${status}${evidence[0] ? ` (${evidence[0].ruleId})` : ''}`);
  explain.push(hedge ? `hedged: "${hedge.hedge}" (${hedge.ruleId})` : 'not hedged');
  if (polarity === 'denied') explain.push('polarity: denied');
  return {
    id,
    span: d.span,
    sentence: d.sentence,
    source: d.source,
    quoteId: d.quote?.id ?? null,
    sourceQuoteIds: d.quote ? [d.quote.id] : [],
    status,
    evidence,
    hedged: !!hedge,
    hedge: hedge?.hedge ?? null,
    polarity,
    numberIds: [],
    checkworthiness: 0,
    features: [],
    explain,
  };
}

/**
 * The claims of each sentence and of the three sentences either side of it, by sentence index.
 * (a map, not an array: sentences without claims would leave holes, and reads and writes past the end)
 */
function claimsNearSentences(doc: Readonly<Doc>, claims: readonly Claim[]): Map<number, Claim[]> {
  const claimsBySentence = new Map<number, Claim[]>();
  for (const c of claims) {
    const first = doc.sentences[c.sentence]?.index ?? c.sentence;
    for (let k = Math.max(0, first - 3); k <= first + 3; k++) {
      let list = claimsBySentence.get(k);
      if (!list) claimsBySentence.set(k, (list = []));
      list.push(c);
    }
  }
  return claimsBySentence;
}

/** A number belongs to the smallest claim that holds it. */
function assignToClaim(n: NumberMention, claimsBySentence: ReadonlyMap<number, Claim[]>): NumberMention {
  let best: Claim | undefined;
  // (no `?? []`: an empty literal is an array of another kind than the lists, and the loop would meet both)
  const near = claimsBySentence.get(n.sentence);
  if (near) {
    for (const c of near) {
      if (c.span.start <= n.span.start && n.span.end <= c.span.end && (!best || c.span.end - c.span.start < best.span.end - best.span.start)) best = c;
    }
  }
  if (best) best.numberIds.push(n.id);
  return { ...n, claimId: best?.id ?? null };
}

/** What a claim takes from its scope's check-worthiness: the rounded score, the features and their explanation. */
interface ScopeScore {
  checkworthiness: number;
  features: string[];
  explain: string;
}

function scopeScore(tokens: readonly Token[], start: number, end: number): ScopeScore {
  const r = tokenRange(tokens, start, end);
  const result = scoreCheckworthinessOfTokens(tokens, r.first, r.end);
  const checkworthiness = Math.round(result.score * 1000) / 1000;
  return { checkworthiness, features: result.features, explain: `check-worthiness ${checkworthiness} from ${result.features.slice(0, 6).join(', ') || 'no features'}` };
}

/** Scores each claim's check-worthiness, in its sentence. */
function scoreClaims(doc: Readonly<Doc>, claims: readonly Claim[]): void {
  // a sentence with a quote and the outlet's own claim is scored once
  const bySentence: (ScopeScore | undefined)[] = [];
  const bySpan = new Map<string, ScopeScore>();
  for (const c of claims) {
    // the model was fitted on whole sentences, so a claim is scored in its sentence
    const sentence = doc.sentences[c.sentence];
    let scored: ScopeScore | undefined;
    if (sentence && sentence.start <= c.span.start && c.span.end <= sentence.end) {
      scored = bySentence[c.sentence];
      if (!scored) bySentence[c.sentence] = scored = scopeScore(doc.tokens, sentence.start, sentence.end);
    } else {
      const key = `${c.span.start}:${c.span.end}`;
      scored = bySpan.get(key);
      if (!scored) bySpan.set(key, (scored = scopeScore(doc.tokens, c.span.start, c.span.end)));
    }
    c.checkworthiness = scored.checkworthiness;
    c.features = scored.features.slice();
    c.explain.push(scored.explain);
  }
}

/** Index of the first token from `from` on that starts at or after `offset`. */
function firstTokenStartingFrom(tokens: readonly Token[], from: number, offset: number): number {
  let lo = from;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tokens that overlap a span: indices `first` up to (not including) `end`. */
interface TokenRange {
  first: number;
  end: number;
}

function tokenRange(tokens: readonly Token[], start: number, end: number): TokenRange {
  const first = firstTokenEndingAfter(tokens, start);
  return { first, end: firstTokenStartingFrom(tokens, first, end) };
}

/** The words around a quote's cue, where "reportedly said" or "allegedly told" would stand, within the cue's clause. */
function cueWindow(doc: Readonly<Doc>, quote: Quote): string {
  if (!quote.cue) return '';
  const s = doc.sentences[quote.sentence];
  const from = Math.max(s?.start ?? 0, quote.cue.start - 30);
  const before = doc.norm.slice(from, quote.cue.start);
  const boundary = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'));
  return before.slice(boundary + 1) + doc.norm.slice(quote.cue.start, Math.min(s?.end ?? doc.norm.length, quote.cue.end + 5));
}

/** Hedges that put the attribution itself in doubt, wherever they stand before the cue. */
const ATTRIBUTION_HEDGES = HEDGES.filter(([, ruleId]) => ['hedge-reportedly', 'hedge-allegedly', 'hedge-purportedly', 'hedge-supposedly', 'hedge-reported-to'].includes(ruleId));

/** "The attacker is reported to have jumped on stage and claimed …": the claim rests on a report, from the sentence's start to its cue. */
function attributionHedge(doc: Readonly<Doc>, quote: Quote): { hedge: string; ruleId: string } | null {
  const s = doc.sentences[quote.sentence];
  if (!quote.cue || !s || quote.cue.start > quote.content.start) return null;
  const before = doc.norm.slice(s.start, quote.cue.start);
  for (const [pattern, ruleId] of ATTRIBUTION_HEDGES) {
    const m = pattern.exec(before);
    if (m) return { hedge: m[0], ruleId };
  }
  return null;
}

const FUNCTION_POS = new Set(['DET', 'ADP', 'PRON', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT', 'SYM', 'SPACE', 'X']);
/** Share of the shorter claim's content words that the longer one also has, above which two claims say the same thing. */
const CORROBORATION_OVERLAP = 0.5;
const CORROBORATION_MIN_WORDS = 4;
const CORROBORATION_STRONG_SHARED = 5;
const CORROBORATION_OVERLAP_SHORTER = 0.7;
/** Lemmas too common to say what a claim is about. */
const LIGHT_LEMMAS = new Set(['say', 'be', 'have', 'do']);
const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'nor', 'neither', 'nobody', 'nothing', 'none', 'cannot']);

/**
 * A claim made by one attributed source and repeated by another, independent one (a different
 * entity, neither the outlet) is confirmed by corroboration. The comparison is on content lemmas,
 * so "over 200 militants were killed" and "more than 200 militants died" need a shared figure too.
 */
function corroborate(doc: Readonly<Doc>, claims: Claim[]): void {
  // (pushed one by one, like the claims themselves)
  const attributed: Claim[] = [];
  for (const c of claims) if (c.source.kind !== 'outlet' && c.source.name && c.polarity === 'affirmed' && !c.hedged) attributed.push(c);
  if (attributed.length < 2 || attributed.length > 400) return;
  // what the comparison reads of each claim, once; content lemmas as ids, so that two claims meet in one merge
  const lemmas: LemmaIds = { ids: new Map(), withDigit: [] };
  const surnames = new Map<string, string>();
  // (pushed one by one: `map` makes arrays of another kind once it runs optimized, and the loops below would meet both)
  const sides: CorroborationSide[] = [];
  for (const c of attributed) {
    const name = c.source.name ?? '';
    let surname = surnames.get(name);
    if (surname === undefined) surnames.set(name, (surname = surnameOf(name)));
    sides.push(corroborationSide(doc, c, surname, lemmas));
  }
  for (const sa of sides) {
    const a = sa.claim;
    if (a.status === 'confirmed') continue;
    const wa = sa.words;
    if (wa.length < CORROBORATION_MIN_WORDS) continue;
    for (const sb of sides) {
      const b = sb.claim;
      if (a === b || sameSource(sa, sb)) continue;
      const wb = sb.words;
      if (wb.length < CORROBORATION_MIN_WORDS) continue;
      // the lemmas both have (the lists are sorted), and whether one of them is a figure
      let shared = 0;
      let sharedFigure = false;
      for (let i = 0, j = 0; i < wa.length && j < wb.length;) {
        const x = wa[i]!;
        const y = wb[j]!;
        if (x < y) i++;
        else if (y < x) j++;
        else {
          shared++;
          if (lemmas.withDigit[x]) sharedFigure = true;
          i++;
          j++;
        }
      }
      // the share of the longer claim's words: a short claim inside a long one ("legalizing same-sex
      // marriage" in a sentence about a candidate's position on it) says far less than the long one
      const overlap = shared / Math.max(wa.length, wb.length);
      // …unless it shares many words and most of its own: "the value of private housing stock is continuing to rise"
      const mostOfShorter = shared >= CORROBORATION_STRONG_SHARED && shared / Math.min(wa.length, wb.length) >= CORROBORATION_OVERLAP_SHORTER;
      const numbersAgree = !sa.hasFigure || sharedFigure;
      if ((overlap >= CORROBORATION_OVERLAP || mostOfShorter) && numbersAgree && sa.negated === sb.negated) {
        a.status = 'confirmed';
        a.evidence = a.evidence.filter(e => !e.ruleId.startsWith('assert-'));
        a.evidence.unshift({ ruleId: 'corroborated', cue: { start: b.span.start, end: b.span.end }, text: `${b.source.name}: ${doc.text.slice(b.span.start, b.span.end)}` });
        a.sourceQuoteIds = [...a.sourceQuoteIds, ...b.sourceQuoteIds];
        a.explain.push(`status: confirmed — corroborated by ${b.source.name} (${b.id}, ${Math.round(overlap * 100)}% of content words shared)`);
        break;
      }
    }
  }
}

/** Ids of the content lemmas corroboration has met in a document, and which of them hold a digit (by id). */
interface LemmaIds {
  ids: Map<string, number>;
  withDigit: boolean[];
}

/** An attributed claim as corroboration compares it. */
interface CorroborationSide {
  claim: Claim;
  /** the ids of its distinct content lemmas, ascending */
  words: Int32Array;
  negated: boolean;
  surname: string;
  /** its text holds a digit */
  hasFigure: boolean;
}

/** A claim's content lemmas (neither function words, names, short words nor light verbs) and whether it is negated, in one pass over its tokens. */
function corroborationSide(doc: Readonly<Doc>, claim: Claim, surname: string, lemmas: LemmaIds): CorroborationSide {
  const tokens = doc.tokens;
  const r = tokenRange(tokens, claim.span.start, claim.span.end);
  const ids: number[] = [];
  // "he gave her drugs" does not corroborate "she has never taken drugs"
  let negated = false;
  for (let i = r.first; i < r.end; i++) {
    const t = tokens[i]!;
    if (!negated && NEGATIONS.has(t.lower)) negated = true;
    if (FUNCTION_POS.has(t.pos) || t.pos === 'PROPN' || t.lemma.length <= 2 || LIGHT_LEMMAS.has(t.lemma)) continue;
    let id = lemmas.ids.get(t.lemma);
    if (id === undefined) {
      id = lemmas.ids.size;
      lemmas.ids.set(t.lemma, id);
      lemmas.withDigit.push(hasDigit(t.lemma));
    }
    ids.push(id);
  }
  // (a typed array sorts numerically, with no comparator to call)
  const sorted = Int32Array.from(ids).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (n === 0 || sorted[n - 1] !== sorted[i]) sorted[n++] = sorted[i]!;
  return { claim, words: sorted.subarray(0, n), negated, surname, hasFigure: textHasDigit(doc.norm, claim.span.start, claim.span.end) };
}

function sameSource(a: CorroborationSide, b: CorroborationSide): boolean {
  return (a.claim.source.entityId !== null && a.claim.source.entityId === b.claim.source.entityId) || a.surname === b.surname;
}

/** Whether text[start, end) holds an ASCII digit. */
function textHasDigit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** The last word of a source's name, without accents, lower-cased: "Imran Khán" → "khan". */
function surnameOf(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/\s+/).at(-1) ?? '';
}
