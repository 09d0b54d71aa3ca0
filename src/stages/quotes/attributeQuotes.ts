import type { Doc, Quote, QuotedSpan, QuoteKind, Sentence, Span, Speaker, Token } from '../../model.js';
import { ACT_OBJECTS, ATTRIBUTION_SCOPE, cueEntry, CUE_NOUNS, EVIDENCE_HEADS, EVIDENCE_LEMMAS, INFINITIVE_CONTENT_LEMMAS, JUDGEMENT_LEMMAS, JUDGEMENT_REASON_WORDS, NP_CONTENT_LEMMAS, STANCE_LEMMAS, STATED_POSITION_NP_LEMMAS } from '../../rules/cues.js';
import { DISCOURSE_OPENERS } from '../../rules/names.js';
import { findCues, type CueMatch } from './findCues.js';
import { clauseSubject, phraseEndingAt, phraseStartingAt, sourceAfter, sourceBefore, subjectBefore, type Phrase, type SourcePhrase } from './nounPhrases.js';
import { SpeakerResolver, speakerAs } from './resolveSpeaker.js';
import { quotesMeeting, SpanIndex } from '../../text/spanIndex.js';
import { firstTokenEndingAfter } from '../../text/tokenSearch.js';

/** How sure each rule is, measured on PolNeAR train; shown as `confidence`. */
export const QUOTE_RULES = {
  'direct-cue-after': { kind: 'direct', confidence: 0.95, description: '“…,” he said — speaker and cue after the quotation' },
  'direct-cue-before': { kind: 'direct', confidence: 0.9, description: 'He said: “…” — speaker and cue before the quotation' },
  'direct-participle': { kind: 'direct', confidence: 0.85, description: '…, saying, “…” — the clause subject speaks' },
  'direct-carried': { kind: 'direct', confidence: 0.7, description: 'a quotation with no cue continues the previous speaker' },
  'direct-continued': { kind: 'direct', confidence: 0.8, description: 'a quotation running over paragraphs keeps its speaker' },
  'reported-cue-after-subject': { kind: 'indirect', confidence: 0.85, description: 'Tarar said (that) … — subject, cue, content' },
  'reported-participle': { kind: 'indirect', confidence: 0.75, description: '…, claiming … — the clause subject reports' },
  'reported-inverted': { kind: 'indirect', confidence: 0.8, description: '…, sources said / said Tarar — content before the cue' },
  'reported-according-to': { kind: 'indirect', confidence: 0.85, description: '… according to X' },
  'reported-relative': { kind: 'indirect', confidence: 0.75, description: 'X, who said … — the relative pronoun stands for the speaker' },
  'reported-noun-that': { kind: 'indirect', confidence: 0.75, description: 'Trump’s claim that … — a cue noun, its possessor and a that-clause' },
  'reported-label': { kind: 'indirect', confidence: 0.8, description: 'SPEAKER: … — a line that opens with a speaker and a colon (transcripts, headlines)' },
  'reported-sourceless': { kind: 'indirect', confidence: 0.5, description: '… is expected to / seemed to … — a cue with no one named' },
  'reported-asked': { kind: 'indirect', confidence: 0.7, description: 'Asked (by X) whether …, he said — the question is what X asked; X, when named, its source' },
  'reported-in-poll': { kind: 'indirect', confidence: 0.7, description: 'In a CNN poll, Clinton led … / … led in January polls — what a poll found' },
  'mixed-carried': { kind: 'mixed', confidence: 0.6, description: 'a sentence with quoted words and no cue continues the previous speaker' },
} as const;
export type QuoteRuleId = keyof typeof QUOTE_RULES;

/**
 * PolNeAR's convention: a quotation interrupted by its attribution ("“X,” he said. “Y.”") or run on
 * into cue-less sentences is one attribution whose content runs from the first quoted word to the
 * last. Off, every quoted stretch is a quote of its own (the seed and Wikinews gold files' way).
 */
export const MERGE_INTERRUPTED = true;
/** Report cues with nobody named as their source ("is expected to", "seemed"), with a null speaker. */
export const SOURCELESS_CUES = false;

interface Draft {
  kind: QuoteKind;
  content: Span;
  speaker: Speaker | null;
  cue: CueMatch | null;
  sentence: number;
  ruleId: QuoteRuleId;
  /** quotation marks this draft's content stands on, in order */
  quotes: QuotedSpan[];
  /** drafts merged into this one (an interrupted quotation) */
  merged: number;
}

const CLOSING_QUOTE = /["'\u201D\u2019]$/;
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday',
  'today', 'tonight', 'earlier', 'later', 'again', 'also', 'previously', 'recently', 'repeatedly', 'publicly', 'privately',
  'separately', 'then', 'now']);
const OPEN_MARK_TOKEN = /^(?:["\u201C\u201E`]|''|``)$/;
const CLOSE_MARK_TOKEN = /^(?:["\u201D]|'')$/;
/** After a comma, these open a clause that is no longer the reported content. */
const CONTENT_STOPPERS = new Set(['which', 'who', 'whom', 'whose', 'although', 'though', 'whereas', 'according']);
/** Line openers with a colon that announce a kind of text, not a speaker: "Update: …", "Editor's note: …". */
const NOT_SPEAKER_LABELS = new Set(['update', 'updated', 'note', "editor's note", 'editor\u2019s note', 'correction', 'clarification',
  'watch', 'read', 'read more', 'related', 'see also', 'photo', 'photos', 'video', 'live', 'breaking', 'breaking news', 'warning',
  'the latest', 'latest', 'delegate update', 'live updates', 'editor’s note', 'programming note', 'disclosure', 'full disclosure', 'background', 'context', 'analysis', 'opinion', 'exclusive', 'source', 'sources', 'credit',
  'image', 'caption', 'transcript', 'summary', 'tl;dr', 'ps', 'p.s', 'faq', 'dateline', 'where', 'when', 'what', 'why', 'how', 'who']);
/** Cues that take an object and then a that-clause: "told reporters that", "assured voters that". */
const OBJECT_THEN_CLAUSE_LEMMAS = new Set(['tell', 'assure', 'remind', 'warn', 'inform', 'brief', 'notify', 'convince', 'persuade', 'promise', 'show', 'teach']);
/** Words that stand for a whole statement after a verb of saying. */
const SAID_PROFORMS = /^(?:so|yes|no|otherwise|as much|the same(?: thing)?(?: (?:of|about) .+)?|nothing(?: of the sort)?|much the same)$/i;
/** Pronouns that, opening a sentence, name its speaker. */
const PERSONAL_SUBJECTS = new Set(['he', 'she', 'they', 'i', 'we']);
/** Verbs of saying whose content is a clause: a long content after them is one, whatever the tagger says. */
const CLAUSE_CUES = new Set(['say', 'tell', 'add', 'write', 'argue', 'claim', 'insist', 'state', 'explain', 'note', 'warn', 'predict', 'contend', 'assert', 'believe', 'think']);
/** Words that end a noun-phrase content: what follows says when or where it was said. */
const MONTHS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;
const NP_CONTENT_ENDERS = new Set(['during', 'amid', 'while', 'when', 'after', 'before', 'where', 'yesterday', 'today', 'tonight']);
/** Words that, after the noun phrase a cue takes as its content, open an adjunct of the cue's clause (when, where, why it was said). */
const NP_ADJUNCT_OPENERS = new Set(['during', 'amid', 'when', 'after', 'before', 'where', 'yesterday', 'today', 'tonight', 'last', 'since', 'until', 'following']);
const ADJUNCT_AFTER_POS = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
/** Words after which a bare "asked" opens a question the writer reports: "When asked whether …", "after being asked". */
const ASKED_OPENERS = new Set(['when', 'after', 'once', 'if', 'before', 'while']);
/** Words that open the question after "asked": "asked whether", "asked about", "asked to". */
const QUESTION_OPENERS = new Set(['if', 'whether', 'what', 'who', 'whom', 'whose', 'why', 'how', 'when', 'where', 'which', 'about', 'to']);
const RELATIVE_PRONOUNS = new Set(['which', 'who', 'whom', 'whose']);
/** Heads of the noun phrase after "in" that make a poll the source of the clause: "in a CNN poll", "in most surveys". */
const POLL_HEADS = new Set(['poll', 'polls', 'survey', 'surveys', 'polling']);
/** Pronouns that may stand in the poll's phrase: "in its latest poll", "in our survey". */
const POLL_OWNERS = new Set(['its', 'our']);
/** Determiners that open a noun phrase summing up the clause before its comma (CONTENT_END_AFTER_COMMA). */
const APPOSITIVE_DETERMINERS = new Set(['a', 'an', 'another']);
/** Particles that, with a preposition after them, belong to the verb before: "spoke out against", "backed away from". */
const CUE_PARTICLES = new Set(['out', 'up', 'away', 'back', 'down']);
/** The prepositions of "call for" and "call on", which belong to the cue. */
const CALL_PREPOSITIONS = new Set(['for', 'on']);
/** Prepositions that, after an object that is only a name or a pronoun, open the verb's adjunct (npAdjunctEnd). */
const NAME_ADJUNCT_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'since', 'last', 'through']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'it', 'me', 'us', 'you']);
const DASH = /^(?:\u2015|\u2014|\u2013|--|-)$/;
/** Words between two attributions in one sentence: "…, and Forbes says …". */
const ATTRIBUTION_BOUNDARY = new Set([',', ';', '\u2014', '--', 'and', 'but', 'while', 'or', 'yet']);
/** After a comma, these open an adverbial or coordinate clause that ends the content (", until …", ", yet …"); ", when", ", since", ", even" and ", despite" clauses stay with what was said (PolNeAR train). */
const CLAUSE_OPENERS = new Set(['until', 'unless', 'before', 'after', 'yet', 'instead']);

/** Forms of verbs of saying the tagger sometimes reads as nouns ("…, Trump says."). */
const NOUN_CUE_VERB_FORMS = /^(?:says|said|tweets|tweeted|claims|warns|adds|notes|insists|writes)$/;

const VERB_POS = new Set(['VERB', 'AUX']);
const NOUN_POS = new Set(['NOUN', 'PROPN']);
/** Tags of the words before a verb that belong to it: "has also said", "did not say". */
const CUE_PREFIX_POS = new Set(['AUX', 'ADV', 'PART']);
const COLON_OR_SEMICOLON = new Set([':', ';']);
/** Words that open a relative clause on the noun before them: "a call that had been made". */
const RELATIVE_WORDS = new Set(['that', 'which', 'who']);
/** After "and"/"but", an -ed form before a common noun or an adjective modifies it ("and [reported] gains"): no verb. */
const NOUN_OR_ADJECTIVE_POS = new Set(['NOUN', 'ADJ']);

/** Possessive determiners: "his proposed budget" (not "she violated rules"). */
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** Prepositions whose object is the subject of the -ing cue after it: "despite X claiming", "with officials saying". */
const GERUND_SUBJECT_PREPOSITIONS = new Set(['despite', 'with', 'without', 'amid', 'after', 'before']);

/** Subordinators that, opening a sentence, make a clause the sentence's first comma closes. */
const SUBORDINATE_OPENERS = new Set(['while', 'although', 'though', 'whereas', 'because', 'since', 'if', 'unless', 'when', 'once']);

/** Whether a UTF-16 code unit is white space as `\s` (and `String.prototype.trim`) read it. */
function isWhiteSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x80 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** `text.slice(start, end).trim().split(/\s+/).length` without the strings: the runs of non-space, at least one. */
export function countWords(text: string, start: number, end: number): number {
  let words = 0;
  let inWord = false;
  for (let k = start; k < end; k++) {
    const space = isWhiteSpace(text.charCodeAt(k));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return Math.max(1, words);
}

/**
 * Whether a token's text or a lemma is the one character `code`. (Compared as numbers: texts and lemmas are strings of
 * two kinds, interned or not, and a `===` that optimized code met with one kind only throws that code out when the other
 * kind comes.)
 */
function isChar(text: string, code: number): boolean {
  return text.length === 1 && text.charCodeAt(0) === code;
}
const COMMA = 0x2c;
const COLON = 0x3a;
const FULL_STOP = 0x2e;

/** "with" at `at`, then one to four words of a noun phrase, then an -ing verb: "with Lewandowski taking …". */
function withAbsolute(tokens: readonly Token[], at: number): boolean {
  for (let k = at + 1; k < at + 6; k++) {
    const t = tokens[k];
    if (!t) return false;
    if (t.pos === 'VERB' && /ing$/.test(t.lower)) return k > at + 1;
    if (!['DET', 'PROPN', 'NOUN', 'ADJ', 'NUM', 'PRON'].includes(t.pos)) return false;
  }
  return false;
}

/** What, after a comma, ends reported content: the writer's aside. Each rule sees the tokens and the index of the word after the comma. */
interface ContentEndRule { id: string; test: (tokens: readonly Token[], at: number) => boolean }
export const CONTENT_END_AFTER_COMMA: readonly ContentEndRule[] = [
  // "a favorable view of Clinton, compared with 64 percent who …"
  { id: 'compared-with', test: (tokens, at) => tokens[at]?.lower === 'compared' && ['with', 'to'].includes(tokens[at + 1]?.lower ?? '') },
  // "it happened, with Lewandowski taking to Twitter …": "with", a short noun phrase and an -ing verb, the writer's own clause
  { id: 'with-absolute', test: (tokens, at) => tokens[at]?.lower === 'with' && withAbsolute(tokens, at) },
  // "said some families would pay more, an acknowledgment that …", ", a swipe at …": an indefinite noun phrase after the clause
  // sums it up in the writer's words
  { id: 'summing-appositive', test: (tokens, at) => APPOSITIVE_DETERMINERS.has(tokens[at]?.lower ?? '') && summingAppositive(tokens, at) },
];

/** "the plan, a tax on imports, would pass": a comma and a finite verb after the noun phrase, which was an aside inside the clause. */
function clauseGoesOn(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < from + 30; k++) {
    const t = tokens[k];
    if (!t || /^[.;!?]$/.test(t.text)) return false;
    const next = tokens[k + 1];
    if (t.text === ',' && next && (next.pos === 'VERB' || next.pos === 'AUX') && !/ing$/.test(next.lower)) return true;
  }
  return false;
}

/** A determiner, up to four modifiers and a common noun, then the end, a preposition or a relative word: "a swipe at", "an offer the". */
function summingAppositive(tokens: readonly Token[], at: number): boolean {
  for (let k = at + 1; k < at + 6; k++) {
    const t = tokens[k];
    if (!t) return false;
    if (t.pos === 'NOUN') {
      // ", a claim that could not be verified": a cue noun takes up what was said, and may hedge it
      if (CUE_NOUNS.has(t.lower)) return false;
      const next = tokens[k + 1];
      if (!next || next.pos === 'ADP' || next.pos === 'DET' || /^(?:that|which|who|[.;])$/.test(next.lower)) return !clauseGoesOn(tokens, k + 1);
      if (next.pos === 'NOUN') continue;
      return false;
    }
    if (!['ADJ', 'ADV', 'NUM'].includes(t.pos) && t.text !== '-') return false;
  }
  return false;
}

export function attributeQuotes(doc: Readonly<Doc>): Quote[] {
  const { tokens, sentences, quoteSpans, norm, text } = doc;
  // (built field by field: one shape for every quotation, whatever the shape of its span)
  const inners = new SpanIndex(quoteSpans.map(q => ({ start: q.inner.start, end: q.inner.end, quote: q })));
  const opens = new SpanIndex(quoteSpans.map(q => ({ start: q.open.start, end: q.open.start + 1, quote: q })));
  const insideQuote = (offset: number): boolean => inners.containing(offset) !== undefined;
  /** Whether a token is the (first character of the) opening mark of a quotation. */
  const openingMarkStarts = new Set(quoteSpans.map(q => q.open.start));
  const opensQuotation = (t: Token): boolean => openingMarkStarts.has(t.start);
  /** Where the closing marks of quotations whose words end in a comma end (`“…,”`). */
  const closesAfterComma = new Set(quoteSpans.filter(q => /,\s*$/.test(norm.slice(q.inner.start, q.inner.end))).map(q => q.close.end));
  const draftByCue = new Map<CueMatch, Draft>();
  const draftByQuote = new Map<QuotedSpan, Draft>();
  /** Contents only ever collide with attributions found close by, so the check looks back a little way. */
  const overlapsRecentDraft = (content: Span): boolean => {
    for (let i = drafts.length - 1; i >= Math.max(0, drafts.length - 40); i--) {
      const d = drafts[i];
      if (d && overlapsSpan(d.content, content)) return true;
    }
    return false;
  };
  /**
   * Like overlapsRecentDraft, but a properly nested attribution is no clash: "Znak.com reported its source
   * said “three terrorists” were killed" is two relations, one inside the other's content (NESTED_ATTRIBUTIONS).
   */
  const clashesWithRecentDraft = (parts: AttributionParts): boolean => {
    for (let i = drafts.length - 1; i >= Math.max(0, drafts.length - 40); i--) {
      const d = drafts[i];
      if (d && overlapsSpan(d.content, parts.content) && !nestedEitherWay(partsOf(d, tokens), parts)) return true;
    }
    return false;
  };
  /** A mention stands as a subject when a verb follows it or it opens its sentence. */
  const isSubject = (mention: Span): boolean => {
    const first = tokens[firstTokenEndingAfter(tokens, mention.start)];
    if (!first || first.start >= mention.end) return false;
    let lastIndex = first.index;
    // (bounds tested first: a read past the end of the tokens throws out the optimized code)
    while (lastIndex + 1 < tokens.length && tokens[lastIndex + 1]!.start < mention.end) lastIndex++;
    const last = tokens[lastIndex];
    if (!last) return false;
    const next = last.index + 1 < tokens.length ? tokens[last.index + 1] : undefined;
    const s = sentences[first.sentence];
    if (next && (next.pos === 'VERB' || next.pos === 'AUX' || (next.pos === 'ADV' && tokens[last.index + 2]?.pos === 'VERB'))) return true;
    return !!s && first.index <= s.tokenStart + 1;
  };
  const resolver = new SpeakerResolver(text, doc.entities, insideQuote, isSubject);
  const drafts: Draft[] = [];
  const consumedCues = new Set<number>();
  const usedQuoteSpans = new Set<QuotedSpan>();
  let lastAttributionParagraph = -10;

  const sentenceAt = (offset: number): Sentence | undefined => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sentences[mid];
      if (!s) break;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return s;
    }
    return sentences[Math.max(0, Math.min(sentences.length - 1, lo))];
  };
  const firstTokenFrom = (offset: number, s: Sentence): number => {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) if ((tokens[i]?.start ?? Infinity) >= offset) return i;
    return s.tokenEnd;
  };
  const lastTokenBefore = (offset: number, s: Sentence): number => {
    for (let i = s.tokenEnd - 1; i >= s.tokenStart; i--) if ((tokens[i]?.end ?? -1) <= offset) return i;
    return s.tokenStart - 1;
  };
  const cuesBySentence = new Map<number, CueMatch[]>();
  /** The cues whose head stands outside quotation marks, kept in place in the array findCues made. */
  const withoutQuotedHeads = (cues: CueMatch[]): CueMatch[] => {
    let kept = 0;
    for (const c of cues) if (!insideQuote(tokens[c.head]?.start ?? 0)) cues[kept++] = c;
    // (only when a cue went: setting an array's length calls into the runtime)
    if (kept < cues.length) cues.length = kept;
    return cues;
  };
  const cuesOf = (s: Sentence): CueMatch[] => {
    let found = cuesBySentence.get(s.index);
    if (!found) {
      found = s.heading ? [] : withoutQuotedHeads(findCues(tokens, s, insideQuote));
      cuesBySentence.set(s.index, found);
    }
    return found;
  };
  const spanOf = (p: Phrase): Span => ({ start: tokens[p.first]?.start ?? 0, end: tokens[p.last - 1]?.end ?? 0 });
  /** Speakers already resolved, by their mention's first and last token: a mention resolves the same way twice. */
  const resolvedMentions = new Map<number, Speaker>();
  const speakerFrom = (source: SourcePhrase | Phrase | null): Speaker | null => {
    if (!source) return null;
    const phrase = 'core' in source ? source.full : source;
    // (a number for the pair, no string: first and last are token indexes, at most tokens.length)
    const key = phrase.first * (tokens.length + 1) + phrase.last;
    const known = resolvedMentions.get(key);
    if (known) return known;
    const speaker = resolveSource(source);
    if (speaker) resolvedMentions.set(key, speaker);
    return speaker;
  };
  const resolveSource = (source: SourcePhrase | Phrase): Speaker | null => {
    if ('core' in source) {
      // a relative pronoun resolves through its antecedent; an appositive phrase as a whole ("The military's media wing, ISPR")
      // … and a possessor through its name without the mark ("The senator's" → the senator)
      const possessive = /^['\u2019]s?$/.test(tokens[source.full.last - 1]?.text ?? '');
      // … and a phrase with a relative clause by its head: "officials who spoke with X" → officials
      // … with or without a comma: "Jolly, who was elected to Congress in 2014," → Jolly
      const after = tokens[source.core.last]?.text === ',' ? tokens[source.core.last + 1] : tokens[source.core.last];
      const relativeClause = source.core.last < source.full.last && !!after && ['who', 'that', 'whom', 'whose'].includes(after.lower);
      const words = source.relative || possessive || relativeClause ? source.core : source.full;
      return resolver.resolve(tokens, words.first, words.last, spanOf(source.full));
    }
    return resolver.resolve(tokens, source.first, source.last);
  };
  const record = (draft: Omit<Draft, 'quotes' | 'merged'>): Draft => {
    // built field by field: a spread of drafts from many call sites is a slow, megamorphic copy
    const full: Draft = { kind: draft.kind, content: draft.content, speaker: draft.speaker, cue: draft.cue, sentence: draft.sentence, ruleId: draft.ruleId, quotes: [], merged: 0 };
    drafts.push(full);
    if (draft.cue) { consumedCues.add(draft.cue.first); draftByCue.set(draft.cue, full); }
    if (draft.speaker) resolver.noteSpeaker(draft.speaker);
    lastAttributionParagraph = sentences[draft.sentence]?.paragraph ?? lastAttributionParagraph;
    return full;
  };
  /**
   * Who a cue-less quotation continues: whoever spoke last, unless that attribution shares its sentence
   * with an earlier quotation ("“It was very nice,” X told Reuters when asked if … “He was very charming.”").
   */
  const carriedSpeaker = (s: Sentence): Speaker | null => {
    const latest = drafts.at(-1);
    if (latest?.speaker && latest.kind !== 'direct') {
      // a quotation earlier in the latest attribution's own sentence speaks on
      for (let i = drafts.length - 2; i >= Math.max(0, drafts.length - 4); i--) {
        const d = drafts[i];
        if (!d || d.sentence !== latest.sentence || (sentences[d.sentence]?.paragraph ?? -10) < s.paragraph - 1) break;
        if (d.kind === 'direct' && d.cue && d.speaker) return d.speaker;
      }
    }
    return resolver.previousSpeaker;
  };
  const useQuote = (q: QuotedSpan, d: Draft): void => {
    usedQuoteSpans.add(q);
    d.quotes.push(q);
    draftByQuote.set(q, d);
  };

  /** Speaker and cue right after a closing mark: `,” he said` / `,” said Tarar` / `,” one source noted`. */
  const cueAfter = (q: QuotedSpan, closing: Sentence): { cue: CueMatch; speaker: SourcePhrase | null } | null => {
    let s = closing;
    let i = firstTokenFrom(q.close.end, s);
    // '"… here?" Sanders said. "Okay"': the tokenizer may end the sentence at the closing mark; "Sanders said." is its attribution
    const next = sentences[s.index + 1];
    const splitAtMark = i >= s.tokenEnd && !!next && next.paragraph === s.paragraph && !next.heading;
    if (splitAtMark && next) { s = next; i = next.tokenStart; }
    if (tokens[i]?.text === ',' || tokens[i]?.text === '\u2014' || tokens[i]?.text === '-') i++;
    const cues = cuesOf(s).filter(c => c.first >= i && c.first <= i + 45 && !consumedCues.has(c.first) && c.lemma !== ':');
    // '“Go back to Univision,” Trump barked': after a quotation its punctuation leaves open, a past-tense verb next to a
    // subject is its verb of saying, known to the lexicon or not
    const verb = /[,?!]\s*$/.test(norm.slice(q.inner.start, q.inner.end)) ? pastVerbAfterQuotation(i, s) : -1;
    // '“…,” Cruz, who has proposed repealing the mandate, said': a cue in a relative clause on the speaker is not the quotation's
    const inRelativeClause = (c: CueMatch): boolean => !!sourceBefore(tokens, c.first, i)?.relative;
    const own = cues.length > 1 && inRelativeClause(cues[0] as CueMatch) ? cues.slice(1).find(c => !inRelativeClause(c)) : cues[0];
    const cue = verb >= 0 && !(own && own.first <= verb) ? verbCue(verb) : own;
    if (!cue) return null;
    // '“… terrorists.” Mr. Zahed said: “…”': after a finished sentence, a cue that opens a quotation is the next one's
    const lastInner = norm.slice(Math.max(q.inner.start, q.inner.end - 2), q.inner.end);
    const opensNext = (k: number): boolean => tokens[k]?.text === ':' || OPEN_MARK_TOKEN.test(tokens[k]?.text ?? '') || (tokens[k]?.text === ',' && OPEN_MARK_TOKEN.test(tokens[k + 1]?.text ?? ''));
    if (/[.!?]\s*$/.test(lastInner) && opensNext(afterCueModifiers(cue, s))) return null;
    if (splitAtMark) {
      // only a bare attribution: "Sanders said." — not "He said the plan would fail."
      const k = afterCueModifiers(cue, s);
      if (k < s.tokenEnd && !/^[.!?]$/.test(tokens[k]?.text ?? '')) return null;
    }
    if (cue.first === i) {
      // inverted: said Tarar / according to officials
      return { cue, speaker: sourceAfter(tokens, cue.last, s.tokenEnd) };
    }
    const subject = sourceBefore(tokens, cue.first, i);
    if (!subject || subject.full.first !== i) return null;
    return { cue, speaker: subject };
  };

  /** A past-tense verb as a cue of its own (step 1's cue after a quotation). */
  const verbCue = (at: number): CueMatch => ({ first: at, last: at + 1, head: at, lemma: tokens[at]?.lemma ?? '', frame: 'speech', complement: 'clause',
    sourceAfter: false, participle: false, negated: false, ruleId: 'cue-verb-after-quotation', score: 0 });
  /**
   * The token index of a past-tense verb that follows a quotation with its subject (`” Trump barked`, `” an angry Hollande
   * retaliated`) or before it (`” retorted Smith.`), or -1.
   */
  const pastVerbAfterQuotation = (i: number, s: Sentence): number => {
    const isPast = (t: Token | undefined): boolean => !!t && (t.pos === 'VERB' || (t.pos === 'PROPN' && /ed$/.test(t.lower)))
      && !/ing$/.test(t.lower) && (/ed$/.test(t.lower) || t.lemma !== t.lower) && !/s$/.test(t.lower);
    if (isPast(tokens[i])) {
      const after = sourceAfter(tokens, i + 1, s.tokenEnd);
      const end = after ? tokens[after.full.last] : undefined;
      return after && after.core.first === i + 1 && (after.full.last >= s.tokenEnd || /^[.,;!?]$/.test(end?.text ?? '')) ? i : -1;
    }
    for (let v = i + 1; v < Math.min(s.tokenEnd, i + 20); v++) {
      const t = tokens[v];
      if (!t || (t.pos === 'PUNCT' && !isChar(t.text, COMMA)) || t.pos === 'AUX') return -1;
      if (!isPast(t)) continue;
      const subject = sourceBefore(tokens, v, i);
      return subject && !subject.relative && subject.full.first === i && subject.full.last === v ? v : -1;
    }
    return -1;
  };

  /** Cue right before an opening mark: `Tarar said: “` / `He added, “` / `saying, “`. */
  const cueBefore = (q: QuotedSpan, s: Sentence): CueMatch | null => {
    const openToken = firstTokenFrom(q.open.start, s);
    let k = openToken - 1;
    while (k >= s.tokenStart && (tokens[k]?.text === ',' || tokens[k]?.text === ':')) k--;
    // "X commented on the matter — which the BBC noted as unusual — “…”": the aside between dashes is skipped
    if (DASH.test(tokens[k]?.text ?? '') && tokens[k]?.text !== '-') {
      let open = k - 1;
      while (open > s.tokenStart && open > k - 30 && tokens[open]?.text !== tokens[k]?.text) open--;
      if (open > s.tokenStart && tokens[open]?.text === tokens[k]?.text) k = open - 1;
    }
    const cue = cuesOf(s).find(c => !consumedCues.has(c.first) && c.last <= openToken && c.lemma !== ':' && c.last - 1 <= k
      && (c.last - 1 === k || afterCueModifiers(c, s) === k + 1));
    if (cue) return cue;
    const colon = cuesOf(s).find(c => c.lemma === ':' && c.last === openToken && !consumedCues.has(c.first));
    if (!colon) return null;
    return verbCueBefore(s, colon.first) ?? colon;
  };

  /**
   * The first token of the reported words between a cue and the colon before a quotation ("adds [that American Muslims
   * have two choices]: “…”"), or -1 when only the cue's own modifiers stand there.
   */
  const leadInWords = (cue: CueMatch, openToken: number, s: Sentence): number => {
    if (tokens[openToken - 1]?.text !== ':') return -1;
    const from = afterCueModifiers(cue, s);
    for (let k = from; k < openToken - 1; k++) if (/[\p{L}\p{N}]/u.test(tokens[k]?.text ?? '')) return contentStart(cue, s);
    return -1;
  };

  /** The verb cue of a lead-in that ends in a colon: "the source said with a caveat:" → "said". */
  const verbCueBefore = (s: Sentence, colonAt: number): CueMatch | null => {
    const verb = cuesOf(s).filter(c => c.lemma !== ':' && !consumedCues.has(c.first) && c.last <= colonAt && !c.sourceAfter).at(-1);
    if (!verb) return null;
    for (let k = verb.last; k < colonAt; k++) if (OPEN_MARK_TOKEN.test(tokens[k]?.text ?? '') || CLOSE_MARK_TOKEN.test(tokens[k]?.text ?? '')) return null;
    return verb;
  };

  /** A quotation that opens a paragraph right after one ending in a lead-in colon: "Cruz called them on it:" ¶ "“The questions…”". */
  const leadInBefore = (q: QuotedSpan, s: Sentence): { cue: CueMatch; sentence: Sentence } | null => {
    const prev = sentences[s.index - 1];
    if (!prev || prev.paragraph !== s.paragraph - 1 || prev.heading || q.open.start !== doc.paragraphs[s.paragraph]?.start) return null;
    const last = tokens[prev.tokenEnd - 1];
    if (!last || last.text !== ':') return null;
    const verb = verbCueBefore(prev, prev.tokenEnd - 1);
    if (verb) return { cue: verb, sentence: prev };
    const colonAt = prev.tokenEnd - 1;
    if (consumedCues.has(colonAt)) return null;
    return { cue: { first: colonAt, last: colonAt + 1, head: colonAt, lemma: ':', frame: 'speech', complement: 'clause', sourceAfter: false, participle: false, negated: false, ruleId: 'cue-colon', score: 0 }, sentence: prev };
  };

  const speakerOfCue = (cue: CueMatch, s: Sentence): { source: SourcePhrase | null; inverted: boolean } => {
    if (cue.sourceAfter) {
      // "as reported by X": the phrase's own words after the cue lead to the source
      const from = ['by', 'of'].includes(tokens[cue.last]?.lower ?? '') ? cue.last + 1 : cue.last;
      const after = sourceAfter(tokens, from, s.tokenEnd);
      // "According to exit polls, …": an opening "according to" names everything up to its comma, whatever the tagger made of it
      // … and a source the tagger could not read as a noun phrase ("according to police, who …") is the words up to the clause end
      // … and so does one right after a colon or semicolon: "And it hasn’t gone unnoticed: According to recent polls, …"
      const opening = cue.first <= s.tokenStart + 1 || COLON_OR_SEMICOLON.has(tokens[cue.first - 1]?.text ?? '');
      if (opening || !after) {
        let comma = from;
        // ("According to early results of the exit poll conducted by Edison Research for the AP, …": a long source may run on
        // over participles that modify its nouns, never over a finite verb)
        const reach = opening ? 30 : 10;
        while (comma < s.tokenEnd && comma < from + reach && !/^[,.;!?]$/.test(tokens[comma]?.text ?? '') && !OPEN_MARK_TOKEN.test(tokens[comma]?.text ?? '')) comma++;
        const ends = (/^[,.;!?]$/.test(tokens[comma]?.text ?? '') || comma === s.tokenEnd) && (comma - from <= 10 || participleModifiersOnly(from, comma));
        // … and an opening one's source ends at that comma even when what follows reads like an appositive ("…, the account that …")
        const clauseAsAppositive = opening && !!after && after.core.last <= comma && after.full.last > comma && hasFiniteVerb(comma + 1, after.full.last);
        if (ends && comma > from && (!after || after.full.last < comma || clauseAsAppositive) && (opening || comma - from <= 4)) {
          const core = after && after.core.last <= comma ? after.core : { first: from, last: comma };
          return { source: { core, full: { first: from, last: comma }, relative: false }, inverted: true };
        }
      }
      return { source: after, inverted: true };
    }
    if (cue.ruleId === 'cue-position-modifier') {
      // "a group backing Bush": the noun the participle modifies
      const owner = phraseEndingAt(tokens, cue.first, clauseFloor(s, cue.first));
      return { source: owner ? { core: owner, full: owner, relative: false } : null, inverted: false };
    }
    if (cue.participle) {
      // "despite Znak.com claiming …", "with officials saying …": the gerund has a subject of its own
      const own = gerundSubject(cue, s);
      if (own) return { source: own, inverted: false };
      const earlier = earlierSpeakerMention(s, cue.first);
      if (earlier) return { source: earlier, inverted: false };
      // "X has voiced support …, telling …": the subject of the clause's own cue, found before that cue's draft exists
      const mainSubject = mainCueSubject(cue, s) ?? verbSubjectBefore(cue.first, s, true);
      if (mainSubject) return { source: mainSubject, inverted: false };
      const subject = clauseSubject(tokens, s.tokenStart, cue.first);
      return { source: subject ? { core: subject, full: subject, relative: false } : null, inverted: false };
    }
    if (isPassive(cue)) return { source: null, inverted: false };
    if (cue.ruleId === 'cue-noun-that') return { source: possessorOf(cue, s), inverted: false };
    if (cue.first <= clauseFloor(s, cue.first) && /ing$/.test(tokens[cue.head]?.lower ?? '')) {
      // "Citing “obligations in Tennessee,” the spokeswoman told POLITICO …": the main clause's subject
      const main = cuesOf(s).find(c => c.first > cue.last && !c.participle && !c.sourceAfter && c.lemma !== ':');
      const subject = main ? sourceBefore(tokens, main.first, cue.last) : null;
      if (subject && !subject.relative) return { source: subject, inverted: false };
    }
    if (isReducedParticiple(cue, s)) {
      // "the group of contests, known as Super Tuesday": the noun before the comma is what is named
      const named = subjectBefore(tokens, cue.first - 1, clauseFloor(s, cue.first));
      return { source: named ? { core: named, full: named, relative: false } : null, inverted: false };
    }
    const floor = clauseFloor(s, cue.first);
    const before = sourceBefore(tokens, cue.first, floor);
    if (before && !(before.full.last < cue.first - 1 && tokens[cue.first - 1]?.text === ',' && invertedSourceAtClauseEnd(cue, s))) return { source: before, inverted: false };
    const prev = tokens[cue.first - 1];
    if (prev && (prev.lower === 'and' || prev.lower === 'but' || prev.lower === 'then') && cue.first - 1 > s.tokenStart) {
      // a second verb of the same subject: "The embassy declined the request and said ...", "he described … and urged …"
      const earlier = earlierSpeakerMention(s, cue.first);
      if (earlier) return { source: earlier, inverted: false };
      // "While the donor didn't say, he did say … and called …": the subject of the verb the cue is coordinated with
      const main = mainCueSubject(cue, s, true) ?? verbSubjectBefore(cue.first - 1, s);
      if (main) return { source: main, inverted: false };
      const subject = clauseSubject(tokens, s.tokenStart, cue.first);
      return { source: subject ? { core: subject, full: subject, relative: false } : null, inverted: false };
    }
    // "Matt Bennett, a founder of Third Way, said …", "Mr. Slinker, whose start-up …, said …": the subject before an aside
    const framed = subjectBeforeAside(cue, s, floor) ?? subjectWithParticiple(cue, s, floor);
    if (framed) return { source: framed, inverted: false };
    const after = sourceAfter(tokens, cue.last, s.tokenEnd);
    // inverted order only ends a clause: "..., said Tarar." / "..., said the minister, adding ..."
    const end = after ? tokens[after.full.last] : undefined;
    // … or opens a quotation: "Stated Stone: “…”"
    // (an opening mark after the phrase is no clause end: "Cross called November’s election “a test.”")
    if (after && after.full.last < s.tokenEnd && end && !/^[.,;:!?\u2014]$/.test(end.text) && !(CLOSING_QUOTE.test(end.text) && !opensQuotation(end))) return { source: null, inverted: true };
    return { source: after, inverted: true };
  };

  /**
   * The noun phrase that opens the clause and a comma, then an appositive or a relative clause and a comma right before
   * the cue: "[Matt Bennett], a founder of the center-left think tank Third Way, said …". A relative word or a noun
   * phrase opens the aside; no other cue, quotation mark or semicolon may stand in it.
   */
  const subjectBeforeAside = (cue: CueMatch, s: Sentence, floor: number): SourcePhrase | null => {
    const close = cue.first - 1;
    if (tokens[close]?.text !== ',' || cue.participle || cue.sourceAfter) return null;
    const subject = sourceAfter(tokens, floor, close);
    if (!subject || subject.relative || subject.full.first !== floor) return null;
    const open = subject.full.last;
    if (tokens[open]?.text !== ',' || close - open < 2 || close - open > 25) return null;
    const opener = tokens[open + 1];
    if (!opener || !(RELATIVE_PRONOUNS.has(opener.lower) || ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(opener.pos))) return null;
    for (let k = open + 1; k < close; k++) {
      const t = tokens[k];
      if (!t || t.text === ';' || OPEN_MARK_TOKEN.test(t.text) || CLOSE_MARK_TOKEN.test(t.text)) return null;
    }
    if (cuesOf(s).some(c => c !== cue && c.first > open && c.first < close)) return null;
    return { core: subject.core, full: { first: subject.full.first, last: open }, relative: false };
  };

  /**
   * A subject that a past participle modifies, opening the clause: "[New polls] released Sunday showed …", "[The report]
   * published Tuesday showed that …", "[A Times poll] conducted last week found …". Between the participle and the cue
   * only a short noun phrase, a time word or a prepositional phrase may stand.
   */
  const subjectWithParticiple = (cue: CueMatch, s: Sentence, floor: number): SourcePhrase | null => {
    if (cue.participle || cue.sourceAfter) return null;
    for (let v = cue.first - 1; v > floor && v >= cue.first - 8; v--) {
      const t = tokens[v];
      if (!t || t.pos === 'PUNCT' || t.pos === 'AUX' || insideQuote(t.start)) return null;
      if (t.pos !== 'VERB') continue;
      if (!/(?:ed|en|wn)$/.test(t.lower) || t.lower === t.lemma) return null;
      const subject = phraseEndingAt(tokens, v, floor);
      if (!subject || subject.first !== floor || !NOUN_POS.has(tokens[v - 1]?.pos ?? '')) return null;
      return { core: subject, full: { first: subject.first, last: cue.first }, relative: false };
    }
    return null;
  };

  /**
   * "in El Paso, Texas, with the toll rising, reported officials, …": a noun phrase after the cue that ends its clause
   * makes the cue inverted, whatever stands before the aside.
   */
  const invertedSourceAtClauseEnd = (cue: CueMatch, s: Sentence): boolean => {
    const after = sourceAfter(tokens, cue.last, s.tokenEnd);
    if (!after || after.core.first !== cue.last || tokens[cue.last]?.pos === 'PRON') return false;
    const end = tokens[after.full.last];
    return after.full.last >= s.tokenEnd || (!!end && /^[.,;!?]$/.test(end.text));
  };

  /**
   * The subject of the latest finite cue before `cue` in its sentence, when it has one of its own (not a relative pronoun).
   * `speechOnly`: that cue must be a verb of saying from the lexicon ("he did say … and called …", not "she's glad X appeared … and looks …").
   */
  const mainCueSubject = (cue: CueMatch, s: Sentence, speechOnly = false): SourcePhrase | null => {
    const main = cuesOf(s).filter(c => c.last <= cue.first && !c.participle && !c.sourceAfter && c.lemma !== ':').at(-1);
    if (main && speechOnly && !isSpeechCue(main)) return null;
    const subject = main ? sourceBefore(tokens, main.first, clauseFloor(s, main.first)) : null;
    return subject && !subject.relative ? subject : null;
  };

  /**
   * "…, Mrs. Clinton shook her head and said": the subject of the nearest finite verb before token `before`, when that
   * subject opens its clause (the sentence's start, a comma or a conjunction before it). `overCommas`: look back past commas.
   */
  const verbSubjectBefore = (before: number, s: Sentence, overCommas = false): SourcePhrase | null => {
    const floor = clauseFloor(s, before);
    for (let k = before - 1; k > floor && k >= before - 30; k--) {
      const t = tokens[k];
      // a participle looks back over its own comma and its clause's object ("Trump went after Bush, calling him …")
      if (!t || (t.text === ',' && !overCommas) || insideQuote(t.start)) return null;
      if (t.pos !== 'VERB' || /ing$/.test(t.lower) || tokens[k - 1]?.lower === 'to') continue;
      let first = k;
      while (first - 1 > floor && CUE_PREFIX_POS.has(tokens[first - 1]?.pos ?? '')) first--;
      const subject = sourceBefore(tokens, first, floor);
      if (!subject || subject.relative) return null;
      const opener = tokens[subject.full.first - 1];
      return subject.full.first === floor || !opener || opener.text === ',' || ['CCONJ', 'SCONJ', 'ADV'].includes(opener.pos) ? subject : null;
    }
    return null;
  };

  /** A cue that can follow its content ("…, he said", "…, said Tarar"): a verb, not an -ing form. */
  const invertibleCue = (cue: CueMatch): boolean => {
    const head = tokens[cue.head];
    // … and no infinitive: "co-founded ZANU to oppose the white minority rule" reports nothing before it
    return !!head && (head.pos === 'VERB' || head.pos === 'AUX' || NOUN_CUE_VERB_FORMS.test(head.lower)) && !/ing$/.test(head.lower)
      && tokens[cue.first - 1]?.lower !== 'to';
  };

  /** The noun phrase right before an -ing cue when a preposition opens it: "despite [Znak.com] claiming", "with [officials] saying". */
  const gerundSubject = (cue: CueMatch, s: Sentence): SourcePhrase | null => {
    const subject = sourceBefore(tokens, cue.first, clauseFloor(s, cue.first));
    if (!subject || subject.relative || subject.full.last !== cue.first) return null;
    const before = tokens[subject.full.first - 1];
    if (before && GERUND_SUBJECT_PREPOSITIONS.has(before.lower)) return subject;
    // "– Ryan saying he was “very encouraged” and Trump calling it …": a name right before the -ing form, after a
    // comma, a dash or "and", is its subject (an absolute clause)
    const absolute = !!before && (before.text === ',' || before.lower === 'and' || DASH.test(before.text));
    return absolute && tokens[subject.core.last - 1]?.pos === 'PROPN' && subject.full.last - subject.full.first <= 4 ? subject : null;
  };

  /** Whose the cue noun is: "Donald Trump’s [claim]" (the mark stays in the mention), "his [repeated claim]". */
  const possessorOf = (cue: CueMatch, s: Sentence): SourcePhrase | null => {
    let k = cue.first - 1;
    while (k > s.tokenStart && (tokens[k]?.pos === 'ADJ' || tokens[k]?.pos === 'ADV')) k--;
    const mark = tokens[k];
    if (!mark || k < s.tokenStart) return null;
    if (mark.pos === 'PRON') return { core: { first: k, last: k + 1 }, full: { first: k, last: k + 1 }, relative: false };
    const owner = phraseEndingAt(tokens, k, clauseFloor(s, k));
    return owner ? { core: owner, full: { first: owner.first, last: k + 1 }, relative: false } : null;
  };

  /** The speaker mention of the latest attribution in this sentence whose mention stands before token `before`. */
  const earlierSpeakerMention = (s: Sentence, before: number): SourcePhrase | null => {
    for (let i = drafts.length - 1; i >= Math.max(0, drafts.length - 10); i--) {
      const d = drafts[i];
      if (!d || d.sentence !== s.index || !d.speaker) continue;
      const mention = d.speaker.mention;
      if (!mention) return null;
      const first = firstTokenFrom(mention.start, s);
      const last = lastTokenBefore(mention.end, s) + 1;
      if (first < last && last <= before) return { core: { first, last }, full: { first, last }, relative: false };
      return null;
    }
    return null;
  };

  /** "also known as", "…, described as": a past participle with no auxiliary, modifying the noun before it. */
  const isReducedParticiple = (cue: CueMatch, s: Sentence): boolean => {
    const head = tokens[cue.head];
    if (!head || !/(?:ed|en|wn)$/.test(head.lower) || head.lower === head.lemma) return false;
    for (let k = cue.first; k < cue.head; k++) if (tokens[k]?.pos === 'AUX') return false;
    // (bounds tested first: a read before the start of the tokens throws out the optimized code)
    const before = cue.first > 0 ? tokens[cue.first - 1] : undefined;
    const naming = ['know', 'dub', 'name', 'nickname', 'call', 'label', 'brand', 'describe', 'title'].includes(head.lemma) || tokens[cue.head + 1]?.lower === 'as';
    if (!before || before.text !== ',' || !naming) return false;
    // "De Blasio, speaking on WOR710, called Trump …", "Meg Whitman, a former candidate …, labeled Mr. Trump …": a subject
    // with an aside or an appositive before the comma makes the verb finite
    const subject = sourceBefore(tokens, cue.first, s.tokenStart);
    if (!subject || subject.relative) return true;
    const aside = subject.full.last < cue.first - 1;
    // (a subject, not an opening adverbial: "On October 12, the forces …, also known as …, launched")
    const appositive = subject.full.last === cue.first - 1 && subject.core.last < subject.full.last && tokens[subject.core.first]?.pos !== 'ADP';
    return !aside && !appositive;
  };

  /** "was acknowledged", "is expected": whoever holds the view is not the subject. */
  const isPassive = (cue: CueMatch): boolean => {
    const head = tokens[cue.head];
    if (!head || /ing$/.test(head.lower) || head.lower === head.lemma || /s$/.test(head.lower)) return false;
    for (let k = cue.first; k < cue.head; k++) if (tokens[k]?.lemma === 'be') return true;
    // "was on Wednesday reported": a time phrase between the auxiliary and the participle
    for (let k = cue.first - 1; k >= Math.max(0, cue.first - 4); k--) {
      const t = tokens[k];
      if (!t) break;
      if (t.lemma === 'be' && t.pos === 'AUX') return k < cue.first - 1;
      if (!['ADP', 'PROPN', 'NOUN', 'NUM', 'ADV'].includes(t.pos)) break;
    }
    return false;
  };

  /** Content never reaches back over an earlier clause boundary such as "; " or a previous cue's content. */
  const clauseFloor = (s: Sentence, before: number): number => {
    for (let k = before - 1; k > s.tokenStart; k--) if (tokens[k]?.text === ';') return k + 1;
    return s.tokenStart;
  };

  for (const s of sentences) {
    // '“…” ― Francisco Herrero' has no full stop at its end, but is a quotation and its source, not a heading
    if (s.heading && !isQuotedLineWithSource(s)) continue;
    resolver.advanceTo(s.start);

    const sentenceLabel = labelAt(s);
    // (each step is a function of its own: the optimising compiler takes one at a time, and a deoptimisation
    // recompiles one step, not all of them at once)
    attributeOpeningQuotations(s, sentenceLabel);
    attributeLabelLine(s, sentenceLabel);
    attributeReportedSpeech(s);
    attributePolls(s);
    attributeLooseQuotations(s);
  }

  /** 1. quotations that open in this sentence and stand on their own */
  function attributeOpeningQuotations(s: Sentence, sentenceLabel: { first: number; colon: number } | null): void {
    for (const { quote: q } of opens.overlapping(s.start, s.end)) {
      if (usedQuoteSpans.has(q)) continue;
      // '"PENCE: …': the speaker label inside the mark attributes the line (step 2)
      if (sentenceLabel && q.open.end <= (tokens[sentenceLabel.first]?.start ?? -1)) continue;
      const lead = norm.slice(s.start, q.open.start).trim();
      const closeSentence = sentenceAt(Math.max(q.close.start - 1, q.open.end)) ?? s;
      const wordCount = countWords(norm, q.inner.start, q.inner.end);
      if (!/[\p{L}\p{N}]/u.test(lead)) {
        const after = cueAfter(q, closeSentence);
        // '“Absolutely,” he said': one word is a reply when its own punctuation closes it and a cue follows
        const reply = wordCount === 1 && /[,!?]$/.test(norm.slice(q.inner.start, q.inner.end).trim());
        if (after && (wordCount >= 2 || reply)) {
          const speaker = speakerFrom(after.speaker);
          useQuote(q, record({ kind: 'direct', content: q.inner, speaker, cue: after.cue, sentence: closeSentence.index, ruleId: 'direct-cue-after' }));
          continue;
        }
        const dash = dashAfter(q, closeSentence);
        if (dash && wordCount >= 2) {
          useQuote(q, record({ kind: 'direct', content: q.inner, speaker: speakerFrom(dash.source), cue: dash.cue, sentence: closeSentence.index, ruleId: 'direct-cue-after' }));
          continue;
        }
        const leadIn = leadInBefore(q, s);
        if (leadIn && wordCount >= 2) {
          const source = leadIn.cue.lemma === ':' ? colonSource(leadIn.cue, leadIn.sentence) : speakerOfCue(leadIn.cue, leadIn.sentence).source;
          useQuote(q, record({ kind: 'direct', content: q.inner, speaker: speakerFrom(source), cue: leadIn.cue, sentence: leadIn.sentence.index, ruleId: 'direct-cue-before' }));
          continue;
        }
        const tail = norm.slice(q.close.end, closeSentence.end).trim();
        const prev = carriedSpeaker(s);
        const nearby = s.paragraph - lastAttributionParagraph <= 1 || q.continued;
        if (/^[.!?]?$/.test(tail) && wordCount >= 3 && prev && nearby) {
          useQuote(q, record({ kind: 'direct', content: q.inner, speaker: speakerAs(prev, null, 'carried'), cue: null, sentence: s.index, ruleId: q.continued ? 'direct-continued' : 'direct-carried' }));
          continue;
        }
        if (/^[.!?]?$/.test(tail) && wordCount >= 3 && q.continued === false && nextParagraphContinues(q)) {
          // a quotation that runs on into the next paragraph and is attributed there
          continue;
        }
      } else {
        // "Neither man was impressed - ''Born with a silver spoon,'' Mr. Elkins said - but …": an aside that opens with a dash
        // or a parenthesis starts afresh, and its cue follows the quotation
        const opener = tokens[firstTokenFrom(q.open.start, s) - 1];
        if (opener && (DASH.test(opener.text) || opener.text === '(') && wordCount >= 2) {
          const aside = cueAfter(q, closeSentence);
          if (aside) {
            useQuote(q, record({ kind: 'direct', content: q.inner, speaker: speakerFrom(aside.speaker), cue: aside.cue, sentence: closeSentence.index, ruleId: 'direct-cue-after' }));
            continue;
          }
        }
        const dash = dashBefore(q, s);
        if (dash && wordCount >= 2) {
          useQuote(q, record({ kind: 'direct', content: q.inner, speaker: speakerFrom(dash.source), cue: dash.cue, sentence: s.index, ruleId: 'direct-cue-before' }));
          continue;
        }
        // '…what her husband did: “Men, you will not cease to exist,” she wrote.': a lead-in colon, but the quotation's own
        // comma hands it to the cue after it
        if (tokens[firstTokenFrom(q.open.start, s) - 1]?.text === ':' && /,\s*$/.test(norm.slice(q.inner.start, q.inner.end)) && wordCount >= 2) {
          const after = cueAfter(q, closeSentence);
          if (after) {
            useQuote(q, record({ kind: 'direct', content: q.inner, speaker: speakerFrom(after.speaker), cue: after.cue, sentence: closeSentence.index, ruleId: 'direct-cue-after' }));
            continue;
          }
        }
        const cue = cueBefore(q, s);
        // "For example: “…,” he told CNN": a lead-in with no verb gives way to a cue after the quotation
        if (cue?.lemma === ':' && !hasVerbBetween(s.tokenStart, cue.first)) {
          const after = cueAfter(q, closeSentence);
          if (after && wordCount >= 2) {
            useQuote(q, record({ kind: 'direct', content: q.inner, speaker: speakerFrom(after.speaker), cue: after.cue, sentence: closeSentence.index, ruleId: 'direct-cue-after' }));
            continue;
          }
        }
        if (cue && wordCount >= 2) {
          const source = cue.lemma === ':' ? colonSource(cue, s) : speakerOfCue(cue, s).source;
          const speaker = speakerFrom(source);
          // "calls the issue of security “a priority”": what is called so belongs to the content
          const openToken = firstTokenFrom(q.open.start, s);
          const object = cue.complement === 'predicate' && openToken > cue.last && !/^[,:]$/.test(tokens[openToken - 1]?.text ?? '') ? tokens[cue.last] : undefined;
          // 'says “the wind is at our backs” despite his loss': the clause goes on after the quotation
          const tail = closeSentence === s && cue.lemma !== ':' ? clauseTailAfter(q, s) : null;
          // "adds that American Muslims have two choices: “…”": a verb whose lead-in colon comes after words of the
          // reported clause keeps those words in the content
          const leadWords = cue.lemma !== ':' && !object ? leadInWords(cue, openToken, s) : -1;
          const lead = leadWords >= 0 ? tokens[leadWords] : undefined;
          const start = lead ? lead.start : object ? object.start : tail ? q.open.start : q.inner.start;
          const content = object || tail || lead ? { start, end: tail?.end ?? q.close.end } : q.inner;
          const draft = record({ kind: object || tail || lead ? 'mixed' : 'direct', content, speaker, cue, sentence: s.index, ruleId: cue.participle ? 'direct-participle' : 'direct-cue-before' });
          useQuote(q, draft);
          continue;
        }
        // “X,” he said, “Y.” — the second half of an interrupted quotation
        const earlier = interruptedBy(q, s);
        if (earlier && wordCount >= 1) {
          if (MERGE_INTERRUPTED && mergeable(earlier, q.inner)) {
            earlier.content = { start: earlier.content.start, end: q.inner.end };
            earlier.merged++;
            useQuote(q, earlier);
          } else {
            useQuote(q, record({ kind: 'direct', content: q.inner, speaker: earlier.speaker ? speakerAs(earlier.speaker, null, 'carried') : null, cue: null, sentence: s.index, ruleId: 'direct-carried' }));
          }
        }
      }
    }
  }

  /** 2. a line that opens with its speaker: "FALLIN: I think…", "Poll: Trump leads…", "Q: …" */
  function attributeLabelLine(s: Sentence, label: { first: number; colon: number } | null): void {
    if (label && !cuesOf(s).some(c => c.first > label.colon && isSpeechCue(c))) {
      // the label's turn runs on over the paragraph's sentences until one carries a verb of saying of its own
      let lastSentence = s;
      for (let k = s.index + 1; k < sentences.length; k++) {
        const next = sentences[k];
        if (!next || next.paragraph !== s.paragraph || next.heading || cuesOf(next).some(isSpeechCue)) break;
        lastSentence = next;
      }
      const end = lastSentence.tokenEnd;
      const first = tokens[label.colon + 1];
      const last = tokens[end - 1];
      const content = first && last ? trimContent(first.start, last.end) : null;
      if (content && !overlapsRecentDraft(content)) {
        const speaker = speakerFrom({ first: label.first, last: label.colon });
        const fragments = quotesMeeting(inners, content.start, content.end);
        const colon: CueMatch = { first: label.colon, last: label.colon + 1, head: label.colon, lemma: ':', frame: 'speech', complement: 'clause', sourceAfter: false, participle: false, negated: false, ruleId: 'cue-label-colon', score: 0 };
        const draft = record({ kind: fragments.length ? (fragments.length === 1 && fragments[0]?.inner.start === content.start + 1 ? 'direct' : 'mixed') : 'indirect', content, speaker, cue: colon, sentence: s.index, ruleId: 'reported-label' });
        for (const q of fragments) useQuote(q, draft);
        consumedCues.add(label.colon);
      }
    }
  }

  /** 3. reported speech: every cue not used by a quotation */
  function attributeReportedSpeech(s: Sentence): void {
    // (a heading has no cues, and its empty list is an array of another kind than findCues' lists, which the loop below
    // would meet for the first time)
    if (s.heading) return;
    const cues = cuesOf(s);
    // a lead-in ("Cruz called them on it:") keeps its cue for the quotation that opens the next paragraph
    const leadInCue = endsInLeadIn(s) ? verbCueBefore(s, s.tokenEnd - 1) : null;
    for (const cue of cues) {
      if (consumedCues.has(cue.first) || cue.lemma === ':' || cue === leadInCue) continue;
      const question = askedQuestion(cue, s);
      if (question) {
        if (!overlapsRecentDraft(question.content)) record({ kind: 'indirect', content: question.content, speaker: speakerFrom(question.asker), cue, sentence: s.index, ruleId: 'reported-asked' });
        continue;
      }
      const { source, inverted } = speakerOfCue(cue, s);
      let content: Span | null;
      let ruleId: QuoteRuleId;
      if (cue.sourceAfter) {
        const after = source ? source.full.last : cue.last;
        // "On Sunday in London, according to witnesses, a man entered a store": what comes before has no verb, what follows is the clause
        const before = previousBoundary(cues, cue, s);
        const clauseAfter = tokens[after]?.text === ',' && !hasFiniteVerb(before, cue.first) && hasFiniteVerb(after + 1, contentEnd(after, s));
        // "Rescuers, working in the cold, according to the ministry recovered ten survivors": with no comma after the source,
        // the verb that follows it goes on with what is reported
        // (only when what comes before is the subject alone: "…, according to a speech Mrs. Clinton delivered" ends a clause)
        const verbAfterSource = !!source && VERB_POS.has(tokens[after]?.pos ?? '') && !/ing$/.test(tokens[after]?.lower ?? '')
          && isChar(tokens[cue.first - 1]?.text ?? '', COMMA) && !hasFiniteVerb(before, cue.first);
        const atStart = cue.first <= s.tokenStart + 1 || COLON_OR_SEMICOLON.has(tokens[cue.first - 1]?.text ?? '') || clauseAfter || verbAfterSource;
        content = atStart ? tokenRange(after, contentEnd(after, s), s) : (reportedAttribution(cue, s) ?? tokenRange(before, cue.first, s));
        ruleId = 'reported-according-to';
      } else if (inverted || (!cue.participle && isAtClauseEnd(cue, source?.full ?? null, s))) {
        // content before its cue needs a finite verb of saying: not a noun ("endorsements of"), not an -ing form ("…, denouncing X")
        if (!invertibleCue(cue)) continue;
        const end = inverted ? cue.first : (source?.full.first ?? cue.first);
        const start = previousBoundary(cues, cue, s);
        content = tokenRange(start, end, s);
        // "In 2008, Trump said, the foundation…" / "X, he said, and Y": the content goes on after the cue
        const k = inverted && source ? source.full.last : afterCueModifiers(cue, s);
        if (tokens[k]?.text === ',' && k + 1 < s.tokenEnd && !CONTENT_STOPPERS.has(tokens[k + 1]?.lower ?? '') && !(tokens[k + 1]?.pos === 'VERB' && /ing$/.test(tokens[k + 1]?.lower ?? ''))) {
          const rest = contentEnd(k, s);
          if (rest > k + 2) content = tokenRange(start, rest, s) ?? content;
        }
        ruleId = 'reported-inverted';
      } else {
        const start = contentStart(cue, s);
        // "…, also known as Fitna al-Khawarij, launched …": a participle modifier names its object and no more
        const reduced = isReducedParticiple(cue, s) || cue.ruleId === 'cue-position-modifier';
        let end = reduced ? (phraseStartingAt(tokens, start, s.tokenEnd)?.last ?? start) : nextBoundary(cues, cue, s);
        if (cue.ruleId === 'cue-noun-that' && !hasVerbBetween(s.tokenStart, cue.first)) end = Math.min(end, mainVerbAfterClause(start, end));
        content = tokenRange(start, end, s);
        ruleId = cue.ruleId === 'cue-noun-that' ? 'reported-noun-that' : cue.participle ? 'reported-participle' : source?.relative ? 'reported-relative' : 'reported-cue-after-subject';
      }
      if (!content) continue;
      if (!source && !(SOURCELESS_CUES && ruleId === 'reported-cue-after-subject')) continue;
      if (!source) ruleId = 'reported-sourceless';
      const contentTokens = tokensIn(content, s);
      if (contentTokens < 1) continue;
      if (!inScope(cue, content, s, source)) continue;
      if (ruleId !== 'reported-inverted' && ruleId !== 'reported-according-to') content = npAdjunctEnd(npContentEnd(content, s), s);
      content = extendOverQuotation(content);
      const speaker = speakerFrom(source);
      if (clashesWithRecentDraft({ content, cue: cueSpan(cue, tokens), mention: speaker?.mention ?? null, speaker: speaker?.name ?? null, speechCue: isLexiconSpeechCue(cue) })) continue;
      const fragments = quotesMeeting(inners, content.start, content.end);
      const draft = record({ kind: fragments.length ? 'mixed' : 'indirect', content, speaker, cue, sentence: s.index, ruleId });
      // a quotation a nested attribution already holds stays with it: the outer one only contains it
      for (const q of fragments) if (!usedQuoteSpans.has(q)) useQuote(q, draft);
    }
  }

  /** 3b. what a poll says: "In a CNN poll released Monday, Clinton led …" */
  function attributePolls(s: Sentence): void {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (tokens[i]?.lower !== 'in') continue;
      const poll = pollAt(i, s);
      if (!poll) continue;
      const content = tokenRange(poll.content.first, poll.content.last, s);
      if (!content || !hasFiniteVerb(poll.content.first, poll.content.last) || overlapsRecentDraft(content)) continue;
      const cue: CueMatch = { first: i, last: i + 1, head: i, lemma: 'in', frame: 'speech', complement: 'clause', sourceAfter: true, participle: false, negated: false, ruleId: 'cue-in-poll', score: 0 };
      record({ kind: inners.overlapping(content.start, content.end).length ? 'mixed' : 'indirect', content, speaker: speakerFrom({ first: i + 1, last: poll.head + 1 }), cue, sentence: s.index, ruleId: 'reported-in-poll' });
      i = poll.source.last;
    }
  }

  /** 4. quoted words in a sentence with no cue: the previous speaker goes on */
  function attributeLooseQuotations(s: Sentence): void {
    const cues = cuesOf(s);
    const loose: QuotedSpan[] = [];
    for (const { quote: q } of opens.overlapping(s.start, s.end)) {
      if (!usedQuoteSpans.has(q) && countWords(norm, q.inner.start, q.inner.end) >= 3) loose.push(q);
    }
    const prev = carriedSpeaker(s);
    if (loose.length && cues.length === 0 && prev && s.paragraph - lastAttributionParagraph <= 1) {
      const content = trimContent(s.start + openerLength(norm.slice(s.start, s.end)), s.end);
      if (content && !overlapsRecentDraft(content)) {
        // "She informed police she had …, but “…”": a personal pronoun subject says who, better than the last speaker
        const first = firstTokenFrom(content.start, s);
        const subject = tokens[first];
        const ownSpeaker = subject && PERSONAL_SUBJECTS.has(subject.lower) && ['VERB', 'AUX', 'ADV'].includes(tokens[first + 1]?.pos ?? '')
          ? speakerFrom({ first, last: first + 1 }) : null;
        const speaker: Speaker = ownSpeaker ?? speakerAs(prev, null, 'carried');
        const draft = record({ kind: 'mixed', content, speaker, cue: null, sentence: s.index, ruleId: 'mixed-carried' });
        for (const q of loose) useQuote(q, draft);
      }
    }
  }

  /**
   * "Asked if he was ever bullied, he said no", "…, she said when asked whether …", "X was asked by Y whether …": a
   * participle or passive "asked" with no one asked after it, then the question (QUESTION_OPENERS). The asker, when
   * "by" names one, is the source; the question runs to a comma that opens the main clause, or to the sentence end.
   */
  function askedQuestion(cue: CueMatch, s: Sentence): { content: Span; asker: SourcePhrase | null } | null {
    const head = tokens[cue.head];
    if (!head || head.lower !== 'asked' || cue.head !== cue.last - 1 || cue.negated) return null;
    const before = tokens[cue.first - 1];
    const passive = isPassive(cue);
    const opening = cue.first === s.tokenStart || (!!before && ASKED_OPENERS.has(before.lower));
    if (!passive && !opening) return null;
    let k = cue.last;
    let asker: SourcePhrase | null = null;
    for (let guard = 0; guard < 4 && k < s.tokenEnd; guard++) {
      const t = tokens[k];
      if (!t) break;
      if (t.pos === 'ADV' && !QUESTION_OPENERS.has(t.lower)) { k++; continue; }
      if (t.lower === 'by' && !asker) {
        const who = sourceAfter(tokens, k + 1, s.tokenEnd);
        if (!who || who.full.first !== k + 1) return null;
        asker = who;
        k = who.full.last;
        continue;
      }
      if (t.pos === 'ADP' && !QUESTION_OPENERS.has(t.lower)) {
        const obj = phraseStartingAt(tokens, k + 1, s.tokenEnd);
        if (!obj) return null;
        k = obj.last;
        continue;
      }
      break;
    }
    const opener = tokens[k];
    if (!opener || !QUESTION_OPENERS.has(opener.lower) || (opener.lower === 'to' && tokens[k + 1]?.pos !== 'VERB')) return null;
    let end = s.tokenEnd;
    for (let j = k + 1; j < s.tokenEnd; j++) {
      const t = tokens[j];
      if (!t || insideQuote(t.start)) continue;
      if (t.text === ';' || (DASH.test(t.text) && t.text !== '-')) { end = j; break; }
      if (t.text !== ',' && !closesAfterComma.has(t.end)) continue;
      // the main clause after the question: not a relative clause, an aside opened by a preposition, or a that-clause
      const next = tokens[j + 1];
      if (!next || RELATIVE_PRONOUNS.has(next.lower) || next.pos === 'ADP' || next.pos === 'SCONJ' || (next.pos === 'CCONJ' && next.lower !== 'but')) continue;
      end = closesAfterComma.has(t.end) ? j + 1 : j;
      break;
    }
    const content = tokenRange(k, end, s);
    return content ? { content, asker } : null;
  }

  /**
   * "in" and a noun phrase headed by a poll (POLL_HEADS) that opens the sentence: "In [an NBC News poll released Monday], …";
   * the clause after its comma is what the poll found. Returns the poll phrase's tokens, its head, and the content's tokens.
   */
  function pollAt(i: number, s: Sentence): { source: Phrase; head: number; content: Phrase } | null {
    let head = -1;
    let end = i + 1;
    for (; end < s.tokenEnd && end < i + 16; end++) {
      const t = tokens[end];
      if (!t || insideQuote(t.start) || t.text === ',' || t.text === ';' || /^[.!?:]$/.test(t.text) || DASH.test(t.text)) break;
      if (head < 0 && POLL_HEADS.has(t.lower)) head = end;
      if (head < 0 && (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON' && !POLL_OWNERS.has(t.lower))) return null;
    }
    if (head < 0) return null;
    const source = { first: i + 1, last: end };
    // opening the sentence (after "But", "And", "Meanwhile"), up to its comma
    const opener = tokens[s.tokenStart];
    const opens = i === s.tokenStart || (i === s.tokenStart + 1 && !!opener && ['CCONJ', 'ADV'].includes(opener.pos));
    // (a poll at the clause's end, "leads in the polls", is as often the writer's own summary: PolNeAR train)
    return opens && tokens[end]?.text === ',' ? { source, head, content: { first: end + 1, last: contentEnd(end, s) } } : null;
  }

  /**
   * "“…,” Obama said of the families, according to the pool report": an "according to" at the end of a sentence whose
   * words before it are one attribution reports all of it, quotation, speaker and cue (a nested attribution).
   */
  function reportedAttribution(cue: CueMatch, s: Sentence): Span | null {
    const cueStart = tokens[cue.first]?.start ?? 0;
    const last = tokens[cue.first - 1];
    if (!last || last.text !== ',') return null;
    const d = drafts.at(-1);
    if (!d || !d.cue || !d.speaker?.mention || d.content.end > cueStart) return null;
    const dCue = cueSpan(d.cue, tokens);
    const mention = d.speaker.mention;
    if (!dCue || dCue.end > cueStart || mention.end > cueStart || mention.start < s.start || dCue.start < s.start) return null;
    const start = Math.min(d.quotes[0]?.open.start ?? d.content.start, d.content.start, mention.start, dCue.start);
    // the attribution opens the sentence: nothing of the writer's own stands before it
    if (start > s.start && /[\p{L}\p{N}]/u.test(norm.slice(s.start, start))) return null;
    return trimContent(start, last.start);
  }

  /** A speaker label that opens a paragraph: one to five capitalised words (or "Q"/"A") and a colon. */
  function labelAt(s: Sentence): { first: number; colon: number } | null {
    const para = doc.paragraphs[s.paragraph];
    const opener = tokens[s.tokenStart];
    if (!para || !opener || opener.start !== para.start) return null;
    // '"PENCE: Well, …': a transcript quoted paragraph by paragraph opens each one with a mark
    const start = OPEN_MARK_TOKEN.test(opener.text) && /^[\p{Lu}]{2,}$/u.test(tokens[s.tokenStart + 1]?.text ?? '') ? s.tokenStart + 1 : s.tokenStart;
    for (let k = start; k < Math.min(s.tokenEnd - 1, start + 6); k++) {
      const t = tokens[k];
      if (!t) return null;
      if (t.text === ':') {
        if (k === start || (tokens[k + 1]?.start ?? 0) > t.end + 2) return null;
        const label = norm.slice(tokens[start]?.start ?? 0, tokens[k - 1]?.end ?? 0).toLowerCase();
        // "Follow X on Twitter: @x" is a byline, not a speaker
        if (NOT_SPEAKER_LABELS.has(label) || /^follow\b/.test(label)) return null;
        if (/^\d/.test(tokens[k + 1]?.text ?? '')) return null;      // 8:30
        return { first: start, colon: k };
      }
      const word = /^[\p{Lu}]/u.test(t.text) || t.text === '.' || t.pos === 'PROPN' || (['of', 'on', 'the', 'and'].includes(t.lower) && k > start);
      if (!word || t.pos === 'VERB' && !/^[\p{Lu}]/u.test(t.text)) return null;
    }
    return null;
  }

  function dashCue(at: number): CueMatch {
    return { first: at, last: at + 1, head: at, lemma: 'dash', frame: 'speech', complement: 'clause', sourceAfter: false, participle: false, negated: false, ruleId: 'cue-dash', score: 0 };
  }

  /** "Sonya Herridge ― “…”": a name and a dash open the sentence, the quotation follows. */
  function dashBefore(q: QuotedSpan, s: Sentence): { cue: CueMatch; source: SourcePhrase } | null {
    const openToken = firstTokenFrom(q.open.start, s);
    const dashAt = openToken - 1;
    if (!DASH.test(tokens[dashAt]?.text ?? '') || dashAt <= s.tokenStart) return null;
    const name = sourceAfter(tokens, s.tokenStart, dashAt);
    if (!name || name.full.last !== dashAt || !/^[\p{Lu}]/u.test(tokens[s.tokenStart]?.text ?? '')) return null;
    return { cue: dashCue(dashAt), source: name };
  }

  /** "“…” — Commissioner Jane Roe": a dash and a name end the sentence after the quotation. */
  function dashAfter(q: QuotedSpan, closing: Sentence): { cue: CueMatch; source: SourcePhrase } | null {
    let s = closing;
    let dashAt = firstTokenFrom(q.close.end, s);
    // the tokenizer may end the sentence at the closing mark: the dash opens the next one
    const next = sentences[s.index + 1];
    if (dashAt >= s.tokenEnd && next && next.paragraph === s.paragraph) { s = next; dashAt = next.tokenStart; }
    // '"…" ¶ - Bernie Sanders': a quotation that fills its paragraph, and a line of its own that opens with a dash and a name
    else if (dashAt >= s.tokenEnd && next && next.paragraph === s.paragraph + 1 && !next.heading
      && /^[\s.]*$/.test(norm.slice(q.close.end, doc.paragraphs[s.paragraph]?.end ?? q.close.end))) { s = next; dashAt = next.tokenStart; }
    if (!DASH.test(tokens[dashAt]?.text ?? '')) return null;
    const name = sourceAfter(tokens, dashAt + 1, s.tokenEnd);
    if (!name || !/^[\p{Lu}]/u.test(tokens[dashAt + 1]?.text ?? '')) return null;
    const rest = tokens[name.full.last];
    if (name.full.last < s.tokenEnd && rest && !/^[.,;!?)]$/.test(rest.text)) return null;
    return { cue: dashCue(dashAt), source: name };
  }

  /**
   * "The senator's claim that the bill would cut taxes was false": when the cue noun's phrase is the
   * sentence's subject, its clause ends where the sentence's own verb begins — a finite verb after
   * the clause's verb and a noun.
   */
  function mainVerbAfterClause(from: number, to: number): number {
    let sawVerb = false;
    for (let k = from + 1; k < to; k++) {
      const t = tokens[k];
      if (!t || insideQuote(t.start)) continue;
      const finite = (t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(t.lower) && tokens[k - 1]?.lower !== 'to';
      if (finite && sawVerb && ['NOUN', 'PROPN', 'PRON', 'NUM'].includes(tokens[k - 1]?.pos ?? '')) return k;
      if (finite) sawVerb = true;
    }
    return to;
  }

  /** A line that is a quotation followed by a dash and a capitalised name: '“…” ― Jane Roe'. */
  function isQuotedLineWithSource(s: Sentence): boolean {
    const first = tokens[s.tokenStart];
    if (!first || !OPEN_MARK_TOKEN.test(first.text)) return false;
    for (let k = s.tokenStart + 1; k < s.tokenEnd - 1; k++) {
      if (DASH.test(tokens[k]?.text ?? '') && CLOSING_QUOTE.test(tokens[k - 1]?.text ?? '') && /^[\p{Lu}]/u.test(tokens[k + 1]?.text ?? '')) return true;
    }
    return false;
  }

  function hasFiniteVerb(from: number, to: number): boolean {
    for (let k = from; k < to; k++) {
      const t = tokens[k];
      if (t && (t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(t.lower) && tokens[k - 1]?.lower !== 'to' && !insideQuote(t.start)) return true;
    }
    return false;
  }

  /**
   * Whether tokens [from, to) hold participles that modify a noun before them, and no other verb: "the poll conducted by Edison
   * Research", "a report released on Thursday", "the study published last week" — not "officials the attack killed 12".
   */
  function participleModifiersOnly(from: number, to: number): boolean {
    let participles = 0;
    for (let k = from; k < to; k++) {
      const t = tokens[k];
      if (!t || t.pos === 'AUX') return false;
      // ("the Associated Press": a capitalised verb form inside a name)
      if (t.pos !== 'VERB' || /ing$/.test(t.lower) || (/^\p{Lu}/u.test(t.text) && /^\p{Lu}/u.test(tokens[k + 1]?.text ?? ''))) continue;
      const before = tokens[k - 1];
      const after = tokens[k + 1];
      const modifiesNoun = !!before && NOUN_POS.has(before.pos) && t.lower !== t.lemma;
      const adjunctAfter = !!after && (after.pos === 'ADP' || TIME_WORDS.has(after.lower) || MONTHS.test(after.text));
      if (!modifiesNoun || !adjunctAfter) return false;
      participles++;
    }
    return participles > 0;
  }

  function hasVerbBetween(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (tokens[k]?.pos === 'VERB' || tokens[k]?.pos === 'AUX') return true;
    return false;
  }

  function endsInLeadIn(s: Sentence): boolean {
    if (tokens[s.tokenEnd - 1]?.text !== ':') return false;
    // (bounds tested first: a read past the end of an array throws out the optimized code)
    if (s.paragraph + 1 >= doc.paragraphs.length || s.index + 1 >= sentences.length) return false;
    const next = doc.paragraphs[s.paragraph + 1];
    return !!next && sentences[s.index + 1]?.paragraph === s.paragraph + 1 && opens.overlapping(next.start, next.start + 1).length > 0;
  }

  function nextParagraphContinues(q: QuotedSpan): boolean {
    return opens.overlapping(q.close.end, q.close.end + 4).some(o => o.quote.continued && o.quote !== q);
  }

  /** A verb of saying, confirming, denying or accusing from the hand lexicon (not a belief or a stance). */
  function isSpeechCue(c: CueMatch): boolean {
    const entry = cueEntry(c.lemma);
    return !!entry && entry.frame !== 'belief';
  }

  /**
   * The rest of the clause after a quotation that a preposition continues ("“…” despite his loss",
   * "“2,521 shooting incidents” in the city"): its end, or null when the quotation ends the clause.
   */
  function clauseTailAfter(q: QuotedSpan, s: Sentence): Span | null {
    const k = firstTokenFrom(q.close.end, s);
    const next = tokens[k];
    // '“three terrorists” were killed': the quotation is the clause's subject, its verb follows
    const verbAfter = (next?.pos === 'VERB' || next?.pos === 'AUX') && !/ing$/.test(next.lower);
    // 'says “the whole game has become screwed up” because “football has become soft”': a reason that quotes the speaker again
    const quotedReason = next?.pos === 'SCONJ' && ['because', 'since', 'as', 'so'].includes(next.lower);
    if (!next || k >= s.tokenEnd || (next.pos !== 'ADP' && !verbAfter && !quotedReason) || next.lower === 'that' || next.lower === 'according') return null;
    const end = nextBoundaryAfterQuote(k, s);
    const last = tokens[end - 1];
    if (end <= k + 1 || !last) return null;
    if (quotedReason && !tokens.slice(k + 1, end).some(t => OPEN_MARK_TOKEN.test(t.text))) return null;
    return trimContent(q.open.start, last.end);
  }

  /** Where the clause after token k ends: contentEnd, or the first cue after k. */
  function nextBoundaryAfterQuote(k: number, s: Sentence): number {
    const end = contentEnd(k, s);
    const cue = cuesOf(s).find(c => c.first > k && c.first < end);
    if (!cue) return end;
    // the next attribution starts with its speaker and the words that join it on: ", while footage … showed"
    const source = sourceBefore(tokens, cue.first, k + 1);
    let b = source && !source.relative ? source.full.first : cue.first;
    while (b - 1 > k && (ATTRIBUTION_BOUNDARY.has(tokens[b - 1]?.lower ?? '') || tokens[b - 1]?.lower === 'while')) b--;
    return Math.max(k + 1, b);
  }

  /** A cue other than the draft's own among tokens [from, to) of sentence s. */
  function otherCueBetween(d: Draft, from: number, to: number, s: Sentence): boolean {
    // ("“…,” said Caddell, speaking of Clinton’s health. “…”": a participle goes with the cue's own speaker)
    const own = d.cue ? d.cue.first : -1;
    return cuesOf(s).some(c => c.first >= from && c.first < to && c.first !== own && !isChar(c.lemma, COLON) && !c.participle);
  }

  /** The draft of the quotation that a `,” he said, “` interruption right before `q` belongs to. */
  function interruptedBy(q: QuotedSpan, s: Sentence): Draft | null {
    const openToken = firstTokenFrom(q.open.start, s);
    // 'Cruz said after a brief "I'm sorry"', 'said on the podcast “Here’s the Thing.”': a quotation that a determiner, an
    // adjective, a preposition or a common noun leads into is a phrase of the writer's sentence, not the speech going on
    const lead = tokens[openToken - 1];
    if (lead && (['DET', 'ADJ', 'ADP'].includes(lead.pos) || (lead.pos === 'NOUN' && /^\p{Ll}/u.test(lead.text)))) return null;
    // walk back over the interruption: punctuation, a speaker and a cue, at most a dozen tokens
    for (let k = openToken - 1; k >= s.tokenStart && k >= openToken - 60; k--) {
      const t = tokens[k];
      if (!t) break;
      if (CLOSE_MARK_TOKEN.test(t.text) || (t.text === "'" && tokens[k - 1]?.text === "'")) {
        // the last quoted character stands before the whole mark: `,”` or `,''` (two tokens)
        const markStart = t.text === "'" ? (tokens[k - 1]?.start ?? t.start) : t.start;
        const closed = inners.containing(markStart - 1)?.quote ?? inners.overlapping(markStart - 1, markStart).at(-1)?.quote;
        const d = closed ? draftByQuote.get(closed) : undefined;
        if (!d || !d.cue || d.kind !== 'direct') return null;
        // '“…,” the board said, reasoning that Cruz met the criteria because he “did not …”': words of the writer's own after
        // the cue lead into the quotation, which is no second half of the first
        // (and a programme's title after a possessive: 'said on CBS's ''Face the Nation''')
        if (lead && lead.index >= d.cue.last && (['PRON', 'VERB', 'AUX', 'PART'].includes(lead.pos) || /^['\u2019]s$/.test(lead.text))) return null;
        const cueTokenIn = d.cue.first > k && d.cue.first < openToken;
        // '“…,” Giuliani said, adding that Clinton showed the “…”': a second cue in the gap starts an attribution of its own
        return cueTokenIn && !otherCueBetween(d, k, openToken, s) ? d : null;
      }
      if (OPEN_MARK_TOKEN.test(t.text) || t.text === ';') return null;
    }
    return null;
  }

  /** Who stands before a lead-in colon: "Trump tweeted:" is a cue of its own; "From Chairwoman X:" names the speaker. */
  function colonSource(cue: CueMatch, s: Sentence): SourcePhrase | null {
    const floor = clauseFloor(s, cue.first);
    // "According to U.S. Attorney Bash, the manifesto could strengthen the case: “…”": the lead-in is the source's own
    const accordingTo = cuesOf(s).find(c => c.sourceAfter && c.first < cue.first && c.first <= floor + 1);
    if (accordingTo) {
      const source = speakerOfCue(accordingTo, s).source;
      if (source && source.full.last < cue.first) return source;
    }
    // "Continued Stone:", "Stated Stone:" — a verb first, its speaker after it
    const first = tokens[floor];
    if (first && first.pos === 'VERB' && cue.first - floor <= 6) {
      const after = sourceAfter(tokens, floor + 1, cue.first);
      if (after && after.full.last === cue.first) return after;
    }
    const before = sourceBefore(tokens, cue.first, s.tokenStart);
    if (before && before.full.first <= s.tokenStart + 1) return before;
    // "POLLS NOT WRONG, JUST EARLY - Mark Blumenthal:", "More from Jones:": a name after a dash or "from" ends the lead-in
    const opener = before ? tokens[before.full.first - 1] : undefined;
    if (before && opener && (DASH.test(opener.text) || opener.lower === 'from')) return before;
    // "a spokesman for Bernie Sanders could only quip:" — the subject of the verb that ends the lead-in
    for (let k = cue.first - 1; k > floor && k >= cue.first - 6; k--) {
      const t = tokens[k];
      if (!t || t.pos === 'PUNCT') break;
      if (t.pos !== 'VERB') continue;
      let v = k;
      while (v - 1 > floor && CUE_PREFIX_POS.has(tokens[v - 1]?.pos ?? '')) v--;
      const subject = sourceBefore(tokens, v, floor);
      if (subject) return subject;
      break;
    }
    // "Trump went even further:" — the lead-in clause's subject
    const subject = clauseSubject(tokens, clauseFloor(s, cue.first), cue.first);
    if (subject) return { core: subject, full: subject, relative: false };
    return before;
  }

  /** Skips what may follow a cue before its content or the clause end: "told reporters", "said on Monday", "said in a statement". */
  function afterCueModifiers(cue: CueMatch, s: Sentence): number {
    let k = cue.last;
    // a cue that ends on its preposition ("commented on") takes that preposition's object
    if (tokens[k - 1]?.pos === 'ADP' && k - 1 > cue.head) {
      const obj = phraseStartingAt(tokens, k, s.tokenEnd);
      if (obj && !OPEN_MARK_TOKEN.test(tokens[k]?.text ?? '')) k = obj.last;
    }
    const entry = cueEntry(cue.lemma);
    const takesObject = ['tell', 'assure', 'remind', 'warn', 'urge', 'encourage', 'inform', 'brief'].includes(cue.lemma) || entry?.complement === 'predicate';
    for (let guard = 0; guard < 4 && k < s.tokenEnd; guard++) {
      const t = tokens[k];
      if (!t) break;
      if (TIME_WORDS.has(t.lower) || (t.pos === 'ADV' && /ly$/.test(t.lower))) { k++; continue; }
      if (t.pos === 'ADP' && t.lower !== 'that' && t.lower !== 'whether' && t.lower !== 'if' && !(cue.lemma === 'call' && CALL_PREPOSITIONS.has(t.lower))) {
        const obj = phraseStartingAt(tokens, k + 1, s.tokenEnd);
        if (obj) { k = obj.last; continue; }
        break;
      }
      if (takesObject && guard === 0 && !OPEN_MARK_TOKEN.test(t.text) && t.lower !== 'that') {
        const obj = phraseStartingAt(tokens, k, s.tokenEnd);
        // "urged the embassy to reconsider": the object is who is to act, and part of what is urged
        // (one noun phrase: "told the LME a decision to change … would" has the recipient first, then the clause)
        const onePhrase = !!obj && !tokens.slice(obj.first + 1, obj.last).some(u => u.pos === 'DET' || u.pos === 'PRON');
        if (obj && onePhrase && tokens[obj.last]?.lower === 'to' && tokens[obj.last + 1]?.pos === 'VERB') break;
        if (obj) {
          // "told reporters today psychiatric assessments will …": the object ends at a time word
          let end = obj.last;
          for (let j = k + 1; j < obj.last; j++) if (TIME_WORDS.has(tokens[j]?.lower ?? '')) { end = j; break; }
          k = end;
          continue;
        }
      }
      break;
    }
    return k;
  }

  function isAtClauseEnd(cue: CueMatch, phrase: Phrase | null, s: Sentence): boolean {
    if (!phrase || phrase.last > cue.first) return false;
    // "Mrs. Clinton shook her head and said, “No.”": a subject of an earlier verb is not an inverted attribution's
    for (let j = phrase.last; j < cue.first; j++) if (['VERB', 'CCONJ'].includes(tokens[j]?.pos ?? '')) return false;
    const k = afterCueModifiers(cue, s);
    const next = tokens[k];
    const atEnd = k >= s.tokenEnd || /^[.!?;]$/.test(next?.text ?? '') || next?.text === '\u2014'
      || (next?.text === ',' && !OPEN_MARK_TOKEN.test(tokens[k + 1]?.text ?? '') && tokens[k + 1]?.lower !== 'that');
    const before = tokens[phrase.first - 1];
    return atEnd && !!before && (before.text === ',' || CLOSING_QUOTE.test(before.text)) && phrase.first > s.tokenStart;
  }

  function previousBoundary(cues: CueMatch[], cue: CueMatch, s: Sentence): number {
    const earlier = cues.filter(c => c.last <= cue.first && c !== cue).at(-1);
    if (earlier) {
      const earlierDraft = draftByCue.get(earlier);
      if (earlierDraft) return firstTokenFrom(earlierDraft.content.end, s);
    }
    return s.tokenStart;
  }

  function contentStart(cue: CueMatch, s: Sentence): number {
    // "called Clinton's use of email “extremely careless”": the object belongs to what was said
    let k = cue.complement === 'predicate' ? cue.last : afterCueModifiers(cue, s);
    // "referring to the Hispanic community.", "talked about trade, and …": a cue ending on its preposition whose object ends
    // the clause has that object as its content
    if (k > cue.last && tokens[cue.last - 1]?.pos === 'ADP' && objectEndsClause(k, s)) k = cue.last;
    if (cue.lemma === 'call' && CALL_PREPOSITIONS.has(tokens[k]?.lower ?? '')) k++;
    // "spoke out against the attack": a particle and its preposition belong with the cue
    if (k === cue.last && CUE_PARTICLES.has(tokens[k]?.lower ?? '') && tokens[k + 1]?.pos === 'ADP' && tokens[k + 1]?.lower !== 'that') k += 2;
    // "is telling customers at a popular Manchester, New Hampshire, breakfast spot that …": the clause opens at "that"
    const that = thatAfterObject(cue, k, s);
    if (that >= 0) return that;
    // a leading "that" stays: trimContent takes off one, and only one ("denied that that was the case")
    while (k < s.tokenEnd && [',', ':', '\u2014', '-'].includes(tokens[k]?.lower ?? '')) k++;
    return k;
  }

  /** Whether the clause ends at token k: the sentence's end, a full stop or ";", or a comma that opens no quotation or "that"-clause. */
  function objectEndsClause(k: number, s: Sentence): boolean {
    const t = tokens[k];
    if (k >= s.tokenEnd || !t) return true;
    if (/^[.!?;]$/.test(t.text)) return true;
    // "pointing to attacks [on U.S. citizens that …]": a preposition or a relative word goes on with the object
    if (t.pos === 'ADP' && t.lower !== 'that' || RELATIVE_PRONOUNS.has(t.lower)) return true;
    const next = tokens[k + 1];
    return t.text === ',' && !!next && !OPEN_MARK_TOKEN.test(next.text) && next.lower !== 'that' && !(next.pos === 'VERB' && /ing$/.test(next.lower));
  }

  /**
   * The "that" which opens a clause after a cue's object and its modifiers, when the words between
   * hold no verb, quotation mark or clause boundary ("told reporters in Concord, N.H., on Monday that …"); else -1.
   */
  function thatAfterObject(cue: CueMatch, from: number, s: Sentence): number {
    if (cue.sourceAfter || tokens[from]?.lower === 'that') return -1;
    // only where an object or a place stands before the clause ("told customers at a diner, …, that"), not a relative "that"
    if (!OBJECT_THEN_CLAUSE_LEMMAS.has(cue.lemma) && tokens[from]?.pos !== 'ADP' && tokens[from]?.text !== ',') return -1;
    for (let k = from; k < Math.min(s.tokenEnd, from + 14); k++) {
      const t = tokens[k];
      if (!t || t.pos === 'VERB' || t.pos === 'AUX' || t.text === ';' || OPEN_MARK_TOKEN.test(t.text) || CONTENT_STOPPERS.has(t.lower)) return -1;
      if (t.lower === 'that' && (t.pos === 'SCONJ' || OPEN_MARK_TOKEN.test(tokens[k + 1]?.text ?? ''))) return k;
    }
    return -1;
  }

  /**
   * Where reported content that starts after `from` ends: at a ";", or at a comma or dash that opens a
   * relative, participle or adverbial clause (", which", ", saying", ", because", ", but"), or, after a
   * bare noun-phrase object, where the subject's next verb begins ("endorsed Trump and has appeared").
   */
  function contentEnd(from: number, s: Sentence): number {
    let sawVerb = false;
    let infinitive = tokens[from]?.lower === 'to' && tokens[from + 1]?.pos === 'VERB';
    for (let k = from + 1; k < s.tokenEnd; k++) {
      const t = tokens[k];
      if (!t) break;
      // quoted words are the speaker's, not the sentence's: a boundary inside them ends nothing (tokens carry straightened
      // marks, so an opening and a closing `"` look alike: the paired spans say what is inside)
      if (insideQuote(t.start)) {
        // 'that Pakistan “has always advocated peace” and has sacrificed …': a quoted verb is the clause's verb too
        if (t.pos === 'VERB' || t.pos === 'AUX') sawVerb = true;
        continue;
      }
      if (t.text === ';') return k;
      // "…could strengthen the case: “The key factor …”": a colon that opens a quotation ends the clause that leads into it
      // (a clause of its own, with a verb: "told ITV's programme: “…”" leads into the quotation as its content)
      // (but "claimed Mr Brown told Mr Blair: “…”": a cue of its own before the colon leads into the quotation, all of it claimed)
      if (t.text === ':' && sawVerb && OPEN_MARK_TOKEN.test(tokens[k + 1]?.text ?? '') && !cuesOf(s).some(c => c.first > from && c.first < k && c.lemma !== ':')) return k;
      const next = tokens[k + 1];
      // (bounds tested first: a read past the end of the tokens throws out the optimized code)
      const verbAfter = next?.pos === 'ADV' ? (k + 2 < tokens.length ? tokens[k + 2] : undefined) : next;
      const modifier = verbAfter && /ed$/.test(verbAfter.lower) && NOUN_OR_ADJECTIVE_POS.has(tokens[verbAfter.index + 1]?.pos ?? '');
      if (!sawVerb && (t.lower === 'and' || t.lower === 'but') && verbAfter && (verbAfter.pos === 'VERB' || verbAfter.pos === 'AUX') && !/ing$/.test(verbAfter.lower) && !modifier && k > from + 1) return k;
      // "calling him a “nice guy” and he didn’t provide …": after an object, a pronoun and its verb start the writer's next clause
      if (!sawVerb && (t.lower === 'and' || t.lower === 'but') && next && PERSONAL_SUBJECTS.has(next.lower) && VERB_POS.has(tokens[k + 2]?.pos ?? '') && k > from + 1) return k;
      // "urged the embassy to reconsider and spoke with Pompeo": an inflected verb cannot go on an infinitive, the subject's next act begins
      if (infinitive && (t.lower === 'and' || t.lower === 'but') && verbAfter?.pos === 'VERB' && verbAfter.lower !== verbAfter.lemma && !/ing$/.test(verbAfter.lower)) return k;
      if (!sawVerb && t.lower === 'to' && tokens[k + 1]?.pos === 'VERB') infinitive = true;
      if (t.pos === 'VERB' || t.pos === 'AUX') sawVerb = true;
      // `“self-deportation,” which …`: a comma inside the closing mark ends the clause as one outside it would, with the mark
      const quotedComma = closesAfterComma.has(t.end);
      // (a hyphen with a space on each side is a dash: "a cheeseburger - an old favorite - …")
      const spacedHyphen = t.text === '-' && norm[t.start - 1] === ' ' && norm[t.end] === ' ';
      if (!quotedComma && t.text !== ',' && t.text !== '\u2014' && t.text !== '--' && !spacedHyphen) continue;
      if (!next) continue;
      const at = quotedComma ? k + 1 : k;
      // "they believe gas, which leaks often, was the trigger": a relative clause between commas, and the clause goes on
      if (next.lower === 'which' || next.lower === 'who') {
        let close = k + 2;
        while (close < s.tokenEnd && close < k + 20 && tokens[close]?.text !== ',' && tokens[close]?.text !== ';') close++;
        const after = close + 1 < tokens.length ? tokens[close + 1] : undefined;
        if (tokens[close]?.text === ',' && after && (after.pos === 'VERB' || after.pos === 'AUX') && !/ing$/.test(after.lower)) { k = close; continue; }
      }
      // (", including …" lists what the clause speaks of: it goes on)
      if (CONTENT_STOPPERS.has(next.lower) || CLAUSE_OPENERS.has(next.lower) || (/ing$/.test(next.lower) && next.pos === 'VERB' && next.lower !== 'including')) return at;
      // ", and the market did", ", but there is growing anger": a second clause with a subject and a verb of its own
      if ((next.lower === 'and' || next.lower === 'or' || next.lower === 'but') && tokens[k + 2]?.lower !== 'that' && startsClause(k + 2, s)) return at;
      if (endsContentAfterComma(k)) return at;
      // "While both candidates say X must lead, they differ …": the cue stands in an opening subordinate clause, and its comma ends it
      if (inOpeningSubordinateClause(from, s) && startsClause(k + 1, s)) return at;
    }
    return s.tokenEnd;
  }

  /**
   * After a comma, words that open the writer's aside rather than more of the reported clause
   * (CONTENT_END_AFTER_COMMA): ", compared with …", ", with X taking …".
   */
  function endsContentAfterComma(k: number): boolean {
    return CONTENT_END_AFTER_COMMA.some(rule => rule.test(tokens, k + 1));
  }

  /** Whether token `from` stands in a clause that opens the sentence with a subordinator ("While", "Although") and no comma yet. */
  function inOpeningSubordinateClause(from: number, s: Sentence): boolean {
    const first = tokens[s.tokenStart];
    if (!first || !SUBORDINATE_OPENERS.has(first.lower)) return false;
    for (let j = s.tokenStart + 1; j <= from; j++) if (tokens[j]?.text === ',' || tokens[j]?.text === ';') return false;
    return true;
  }

  /** A subject (a pronoun, or a short noun phrase) followed by a verb starts at `k`. */
  function startsClause(k: number, s: Sentence): boolean {
    for (let j = k; j < Math.min(s.tokenEnd, k + 7); j++) {
      const t = tokens[j];
      // "he and Mr. Trump still speak": a coordinated subject
      if (t?.pos === 'CCONJ' && j > k && (t.lower === 'and' || t.lower === 'or')) continue;
      // "the turnout in Iowa was", "his battles with Trump have": a preposition inside the subject
      if (t?.pos === 'ADP' && j > k && NOUN_POS.has(tokens[j - 1]?.pos ?? '') && ['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM'].includes(tokens[j + 1]?.pos ?? '')) continue;
      if (!t || t.pos === 'PUNCT' && t.text !== '.' || t.pos === 'ADP' || t.pos === 'CCONJ') return false;
      if ((t.pos === 'VERB' || t.pos === 'AUX') && j > k) return true;
    }
    return false;
  }

  function nextBoundary(cues: CueMatch[], cue: CueMatch, s: Sentence): number {
    const thatClause = tokens[contentStart(cue, s)]?.lower === 'that';
    for (const other of cues) {
      // ("donated to a super PAC supporting Clinton": a modifier inside the content ends nothing)
      if (other.first < cue.last || other.ruleId === 'cue-position-modifier') continue;
      // a second cue of the same subject: "called on Congress to pass a deal and said funding is needed"
      const conj = tokens[other.first - 1];
      const beforeConj = tokens[other.first - 2];
      if (conj && (conj.lower === 'and' || conj.lower === 'but') && other.first - 1 > cue.last + 1 && !insideQuote(conj.start)
        && beforeConj && beforeConj.text !== ',' && beforeConj.pos !== 'AUX' && beforeConj.pos !== 'VERB' && other.first === other.head
        && !other.participle && !other.sourceAfter && other.lemma !== ':' && isSpeechCue(other)) return other.first - 1;
      if (other.participle || other.sourceAfter) {
        // "… despite Znak.com claiming": the preposition and the gerund's subject go with it
        const own = other.participle ? gerundSubject(other, s) : null;
        let k = own && own.full.first - 1 > cue.last ? own.full.first - 1 : other.first;
        // (", further saying": the participle's adverb goes with it)
        if (other.participle && k - 1 > cue.last && (tokens[k - 1]?.pos === 'ADV' || tokens[k - 1]?.lower === 'further')) k--;
        while (k > cue.last && [',', 'and', 'while', 'before', 'after', 'by', 'in', 'without', '\u2014'].includes(tokens[k - 1]?.lower ?? '')) k--;
        // a comma inside the closing mark stays with the quoted words: `excuses,” claiming`
        if (k < other.first && /^["'\u201D\u2019]$/.test(tokens[k]?.text ?? '')) k++;
        return k;
      }
      // an inverted attribution later in the sentence: "..., officials said."
      const subject = subjectBefore(tokens, other.first, cue.last);
      if (subject && tokens[subject.first - 1]?.text === ',' && (other.last >= s.tokenEnd - 1)) return subject.first - 1;
      // another attribution after a clause boundary: "…, Forbes says …", "… and Mr. Trump has disparaged …", ", cited …"
      if (other.lemma === ':' || insideQuote(tokens[other.first]?.start ?? 0)) continue;
      // inside a "that"-clause only a verb of saying starts another attribution: "noted that, in 1972, he supported …" goes on
      if (thatClause && !isSpeechCue(other)) continue;
      const source = sourceBefore(tokens, other.first, cue.last + 1);
      const start = source && !source.relative ? source.full.first : other.first;
      let k = start;
      while (k - 1 > cue.last && ATTRIBUTION_BOUNDARY.has(tokens[k - 1]?.lower ?? '')) k--;
      if (k < start && k > cue.last + 1 && [',', ';', '\u2014', '--', 'but'].includes(tokens[k]?.lower ?? '')) return Math.min(k, contentEnd(cue.last, s));
    }
    return contentEnd(cue.last, s);
  }

  /** Reported content that opens a quotation runs on to where the quotation closes, over sentences. */
  function extendOverQuotation(content: Span): Span {
    let end = content.end;
    for (const { quote } of inners.overlapping(content.start, content.end)) {
      if (quote.inner.start >= content.start && quote.inner.end > end) end = quote.close.end;
    }
    return end === content.end ? content : trimContent(content.start, end) ?? content;
  }

  function tokenRange(first: number, last: number, s: Sentence): Span | null {
    if (first >= last || first < s.tokenStart || last > s.tokenEnd) return null;
    const a = tokens[first];
    const b = tokens[last - 1];
    if (!a || !b) return null;
    return trimContent(a.start, b.end);
  }

  /** What a content is: a quotation, a clause with a verb of its own, an infinitive ("to resign") or a noun phrase. */
  function contentType(span: Span, s: Sentence): 'quote' | 'clause' | 'infinitive' | 'np' {
    if (inners.overlapping(span.start, span.end).length) return 'quote';
    let first = true;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i];
      if (!t || t.start < span.start || t.end > span.end) continue;
      if (first && t.lower === 'to' && tokens[i + 1]?.pos === 'VERB') return 'infinitive';
      // "a summary of a call that had been made": the verbs of a relative clause make no clause of the content
      if (!first && RELATIVE_WORDS.has(t.lower) && NOUN_POS.has(tokens[i - 1]?.pos ?? '')) return 'np';
      first = false;
      // "a former Miss Universe": a capitalised word inside a name is no verb
      const inName = /^[\p{Lu}]/u.test(t.text) && (/^[\p{Lu}]/u.test(tokens[i - 1]?.text ?? '') || /^[\p{Lu}]/u.test(tokens[i + 1]?.text ?? ''));
      // "his proposed budget", "the revised figures": a participle between a determiner and its noun is an adjective
      // (bounds tested first: a read before the start of the tokens throws out the optimized code)
      const before = i > 0 ? tokens[i - 1] : undefined;
      const attributive = /ed$/.test(t.lower) && !!before && (before.pos === 'DET' || POSSESSIVE_DETERMINERS.has(before.lower)) && tokens[i + 1]?.pos === 'NOUN';
      const afterTo = !!before && before.lower === 'to';
      if ((t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(t.lower) && !afterTo && !inName && !attributive) return 'clause';
    }
    return 'np';
  }

  /** In the 'speech' scope a learned cue needs propositional content; see ATTRIBUTION_SCOPE. */
  function inScope(cue: CueMatch, content: Span, s: Sentence, source: SourcePhrase | null): boolean {
    if (ATTRIBUTION_SCOPE === 'stance' || !cue.ruleId.startsWith('cue-learned') || STANCE_LEMMAS.has(cue.lemma)) return true;
    const type = contentType(content, s);
    if (type === 'quote' || type === 'clause') return true;
    // "said inevitable economic changes cost many people their jobs", "said all staffers sign NDAs": a verb the tagger read as a noun
    // (four words or more: "said a few words" stays out; measured on PolNeAR train, three lets in more noise than clauses)
    if (type === 'np' && CLAUSE_CUES.has(cue.lemma) && tokensIn(content, s) >= 4) return true;
    // "half said so", "73 percent said the same of Trump", "Mook said as much": a pro-form stands for what was said
    if (type === 'np' && CLAUSE_CUES.has(cue.lemma) && SAID_PROFORMS.test(norm.slice(content.start, content.end))) return true;
    if (type === 'np') {
      // "claimed responsibility", "took credit": an act, not a claim
      const lastWord = norm.slice(content.start, content.end).split(/\s+/).at(-1)?.toLowerCase() ?? '';
      if (ACT_OBJECTS.has(lastWord)) return false;
      return NP_CONTENT_LEMMAS.has(cue.lemma) || STATED_POSITION_NP_LEMMAS.has(cue.lemma)
        || (JUDGEMENT_LEMMAS.has(cue.lemma) && givesReason(content, s))
        || (EVIDENCE_LEMMAS.has(cue.lemma) && !!source && EVIDENCE_HEADS.has(tokens[source.core.last - 1]?.lower ?? ''));
    }
    return INFINITIVE_CONTENT_LEMMAS.has(cue.lemma);
  }

  /**
   * A content with no verb of its own ends at a comma or dash after its noun phrase: what follows is
   * an aside ("endorsed Clinton on Thursday, another example of …", "a list of endorsements -- most of
   * whom …"). A comma is only an end when no finite verb follows it ("said, in 2008, the foundation made …").
   */
  function npContentEnd(content: Span, s: Sentence): Span {
    let cut = -1;
    let cutByDash = false;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i];
      if (!t || t.start < content.start) continue;
      if (t.end > content.end) break;
      if (cut >= 0 && insideQuote(t.start)) return content;
      if (insideQuote(t.start)) continue;
      const finite = (t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(t.lower) && tokens[i - 1]?.lower !== 'to';
      if (cut < 0) {
        if (finite) return content;
        if (t.start > content.start && [',', ';', '\u2014', '--'].includes(t.text)) {
          cut = i;
          cutByDash = !isChar(t.text, COMMA);
        }
      } else if (finite && !cutByDash) {
        return content;
      }
    }
    if (cut < 0) return content;
    return trimContent(content.start, tokens[cut]?.start ?? content.end) ?? content;
  }

  /**
   * A noun-phrase content ends where an adjunct of the cue's own clause begins: "supported Sanders [in Virginia]",
   * "banned waterboarding [when he took office]", "endorsed Cruz [last week]" (NP_ADJUNCT_OPENERS).
   */
  function npAdjunctEnd(content: Span, s: Sentence): Span {
    let first = -1;
    let cut = -1;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i];
      if (!t || t.start < content.start) continue;
      if (t.end > content.end) break;
      if (first < 0) { first = i; continue; }
      // a finite verb anywhere, quoted or not, makes the content a clause: "his endorsement before the primary will give him …",
      // "Islamabad’s “patience has run out” after …"
      // (after the adjunct's opener, a "verb" right before a preposition or the end is a noun the tagger misread: "a campaign stop in Flint")
      const nextPos = tokens[i + 1]?.pos;
      const misread = cut >= 0 && t.pos === 'VERB' && (!nextPos || nextPos === 'ADP' || nextPos === 'PUNCT' || tokens[i + 1]!.end > content.end);
      if ((t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(t.lower) && tokens[i - 1]?.lower !== 'to' && !misread) return content;
      if (insideQuote(t.start)) continue;
      if (cut >= 0) continue;
      // "supported Sanders [in Virginia]", "endorsed him [on Monday]": a name or a pronoun takes no prepositional phrase of its own
      if (NAME_ADJUNCT_PREPOSITIONS.has(t.lower) && onlyNameBefore(first, i)) { cut = i; continue; }
      if (!NP_ADJUNCT_OPENERS.has(t.lower)) continue;
      const before = tokens[i - 1];
      if (before && (ADJUNCT_AFTER_POS.has(before.pos) || CLOSING_QUOTE.test(before.text))) cut = i;
    }
    const end = tokens[cut - 1];
    return cut >= 0 && end ? trimContent(content.start, end.end) ?? content : content;
  }

  /** Whether tokens [from, to) are a name or a pronoun alone: "Sanders", "Sen. Bernie Sanders", "him". */
  function onlyNameBefore(from: number, to: number): boolean {
    // (the empty range ruled out first, on every call: a test reached only at the end would be new to the optimized code)
    if (to <= from) return false;
    if (to - from === 1 && tokens[from]?.pos === 'PRON' && OBJECT_PRONOUNS.has(tokens[from]?.lower ?? '')) return true;
    for (let k = from; k < to; k++) if (tokens[k]?.pos !== 'PROPN') return false;
    return true;
  }

  /** "the plan for raising taxes": a reason word after the first word of a judgement's object. */
  function givesReason(content: Span, s: Sentence): boolean {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i];
      if (t && t.start > content.start && t.end <= content.end && JUDGEMENT_REASON_WORDS.has(t.lower)) return true;
    }
    return false;
  }

  function tokensIn(span: Span, s: Sentence): number {
    let n = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i];
      if (t && t.start >= span.start && t.end <= span.end && t.pos !== 'PUNCT') n++;
    }
    return n;
  }

  /** Trims spaces, a trailing full stop or comma outside the quotation marks, and a leading "that". */
  function trimContent(start: number, end: number): Span | null {
    let a = start;
    let b = end;
    let thatTrimmed = false;
    for (;;) {
      while (a < b && /[\s,;:\u2014]/.test(norm[a] ?? '')) a++;
      while (b > a && /\s/.test(norm[b - 1] ?? '')) b--;
      // (nothing left: trimming only ever shrinks the span)
      if (b <= a) return null;
      const last = norm[b - 1] ?? '';
      if (/[.,;:\u2014-]/.test(last) && !(isChar(last, FULL_STOP) && /\b[A-Z][a-z]?$|\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|Inc|Co|Corp|Ltd|St)$/.test(norm.slice(Math.max(a, b - 4), b - 1)))) { b--; continue; }
      // one leading "that" only: "denied that that was the case"
      if (!thatTrimmed && /^that[\s,]/i.test(norm.slice(a, a + 5))) { a += 4; thatTrimmed = true; continue; }
      break;
    }
    return b > a ? { start: a, end: b } : null;
  }

  /** A cue in the text between two drafts other than the first one's own: "Clinton told AIPAC, referring to …". */
  const gapHasOtherCue = (d: Draft, next: Draft): boolean => {
    for (let k = sentenceAt(d.content.end)?.index ?? 0; k <= (sentenceAt(next.content.start)?.index ?? -1); k++) {
      const s = sentences[k];
      if (!s || s.heading) continue;
      const from = firstTokenFrom(d.content.end, s);
      const to = lastTokenBefore(next.content.start, s) + 1;
      if (from < to && otherCueBetween(d, from, to, s)) return true;
    }
    return false;
  };
  if (MERGE_INTERRUPTED) mergeRuns(drafts, sentences, gapHasOtherCue);
  return finalize(drafts, tokens, text);
}

/**
 * One content span for two stretches only when the words between them (the interruption) are
 * fewer than the quoted words: a long "said X, a ... who ..., " keeps the stretches apart.
 */
function mergeable(d: Draft, next: Span): boolean {
  const quoted = (d.quotes.reduce((n, q) => n + (q.inner.end - q.inner.start), 0) || (d.content.end - d.content.start)) + (next.end - next.start);
  const gap = next.start - d.content.end;
  return gap >= 0 && gap <= 0.9 * quoted;
}

/**
 * Folds cue-less quotations into the attribution they continue (PolNeAR's one discontinuous
 * content): a direct-carried or direct-continued quote joins the draft right before it when that
 * draft is a quotation from the same speaker in the same or the previous paragraph.
 */
function mergeRuns(drafts: Draft[], sentences: readonly Sentence[], gapHasOtherCue: (d: Draft, next: Draft) => boolean): void {
  // (copied one by one: `map` makes arrays of another kind once it runs optimized; the sort is stable)
  const order: Draft[] = [];
  for (const d of drafts) order.push(d);
  order.sort((a, b) => a.content.start - b.content.start);
  let prev: Draft | null = null;
  for (const d of order) {
    // (the names compared first, for every draft: a comparison that only rare drafts reached would be new to the optimized code)
    const joinable = prev && sameSpeakerName(d.speaker, prev.speaker) && prev.quotes.length > 0
      && (d.ruleId === 'direct-carried' || d.ruleId === 'direct-continued');
    const pPara = prev ? sentences[prev.sentence]?.paragraph ?? -1 : -1;
    const dPara = sentences[d.sentence]?.paragraph ?? -2;
    if (prev && joinable && dPara - pPara <= 1 && dPara >= pPara && mergeable(prev, d.content) && !gapHasOtherCue(prev, d)) {
      prev.content = { start: prev.content.start, end: Math.max(prev.content.end, d.content.end) };
      prev.merged++;
      prev.quotes.push(...d.quotes);
      d.merged = -1;
      continue;
    }
    prev = d;
  }
  for (let i = drafts.length - 1; i >= 0; i--) if (drafts[i]?.merged === -1) drafts.splice(i, 1);
}

/** Whether two speakers have the same name, or both are unknown. */
function sameSpeakerName(a: Speaker | null, b: Speaker | null): boolean {
  // (names compared only when both are known: a comparison of strings that meets an undefined throws out the optimized code)
  return a && b ? a.name === b.name : a === b;
}

function openerLength(sentenceText: string): number {
  const m = DISCOURSE_OPENERS.exec(sentenceText);
  return m ? m[0].length : 0;
}

function overlapsSpan(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Attributions may nest: the inner relation's content, cue and speaker mention all lie inside the
 * outer one's content ("Znak.com reported [its source said [“three terrorists” were killed]]").
 * Any other overlap, and two relations over the same content, stay forbidden.
 */
export const NESTED_ATTRIBUTIONS = true;

/** What of an attribution must lie inside another's content for it to nest there. */
export interface AttributionParts {
  content: Span;
  cue: Span | null;
  mention: Span | null;
  /** the speaker's name, when known */
  speaker: string | null;
  /** the cue is a verb of saying, confirming, denying or accusing from the hand lexicon */
  speechCue: boolean;
}

const within = (inner: Span, outer: Span): boolean => outer.start <= inner.start && inner.end <= outer.end;

/**
 * Whether `inner` nests properly inside `outer`: its content strictly inside, and the cue and the speaker
 * mention that introduce it inside too. Only a second source reported by the first nests: a verb of
 * saying (not "the shutdown went on", "evidence supported"), a speaker of its own in the outer content
 * (not "…, further saying, “…”") who is not the outer speaker ("Trump said he did indicate …" is one relation).
 */
export function nestsIn(inner: AttributionParts, outer: AttributionParts): boolean {
  if (!NESTED_ATTRIBUTIONS || !inner.cue || !inner.mention || !inner.speechCue) return false;
  if (inner.speaker === null || inner.speaker === outer.speaker) return false;
  const same = inner.content.start === outer.content.start && inner.content.end === outer.content.end;
  return !same && within(inner.content, outer.content) && within(inner.cue, outer.content) && within(inner.mention, outer.content);
}

function nestedEitherWay(a: AttributionParts, b: AttributionParts): boolean {
  return nestsIn(a, b) || nestsIn(b, a);
}

function cueSpan(cue: CueMatch | null, tokens: readonly Token[]): Span | null {
  if (!cue) return null;
  const first = tokens[cue.first];
  const last = tokens[cue.last - 1];
  return first && last ? { start: first.start, end: last.end } : null;
}

function partsOf(d: Draft, tokens: readonly Token[]): AttributionParts {
  return { content: d.content, cue: cueSpan(d.cue, tokens), mention: d.speaker?.mention ?? null, speaker: d.speaker?.name ?? null, speechCue: isLexiconSpeechCue(d.cue) };
}

/** A verb of saying, confirming, denying or accusing from the hand lexicon (not a belief or a stance). */
function isLexiconSpeechCue(c: CueMatch | null): boolean {
  const entry = c ? cueEntry(c.lemma) : undefined;
  return !!entry && entry.frame !== 'belief';
}

function finalize(drafts: Draft[], tokens: readonly Token[], text: string): Quote[] {
  const kept: Draft[] = [];
  for (const d of drafts) {
    let clash = false;
    for (let i = kept.length - 1; i >= Math.max(0, kept.length - 40) && !clash; i--) {
      const k = kept[i] as Draft;
      clash = overlapsSpan(k.content, d.content) && !nestedEitherWay(partsOf(k, tokens), partsOf(d, tokens));
    }
    if (!clash) kept.push(d);
  }
  // an outer attribution before the ones nested in it
  kept.sort((a, b) => a.content.start - b.content.start || b.content.end - a.content.end);
  return kept.map((d, i) => {
    const cueTokens = d.cue ? tokens.slice(d.cue.first, d.cue.last) : [];
    const cueStart = cueTokens[0]?.start ?? 0;
    const cueEnd = cueTokens.at(-1)?.end ?? 0;
    const entry = d.cue ? cueEntry(d.cue.lemma) : undefined;
    const frame = d.cue?.frame;
    const negated = d.cue?.negated ?? false;
    const rule = QUOTE_RULES[d.ruleId];
    const explain = [
      `rule ${d.ruleId}: ${rule.description}`,
      d.cue ? `cue "${text.slice(cueStart, cueEnd)}" (lemma ${d.cue.lemma}, ${d.cue.ruleId}${d.cue.score ? ` ${d.cue.score.toFixed(1)}` : ''}${negated ? ', negated' : ''})` : 'no cue in the sentence',
      d.speaker ? `speaker "${d.speaker.mention ? text.slice(d.speaker.mention.start, d.speaker.mention.end) : '(carried)'}" → ${d.speaker.name} (${d.speaker.resolution})` : 'speaker unknown',
    ];
    if (d.merged > 0) explain.push(`one attribution over ${d.merged + 1} quoted stretches (interrupted or continued quotation)`);
    return {
      id: `q${i + 1}`,
      kind: d.kind,
      content: d.content,
      verbatim: [],
      speaker: d.speaker,
      cue: d.cue ? {
        start: cueStart,
        end: cueEnd,
        lemma: d.cue.lemma,
        entry: {
          lemma: d.cue.lemma,
          status: (frame === 'confirm' && !negated) ? 'confirmed' : 'asserted',
          polarity: frame === 'deny' && !negated ? 'denied' : 'affirmed',
        },
      } : null,
      sentence: d.sentence,
      confidence: rule.confidence * (d.speaker ? 1 : 0.5) * (entry || !d.cue ? 1 : 0.95),
      ruleId: d.ruleId,
      explain,
    };
  });
}
