import type { Sentence, Token } from '../../model.js';
import { cueContinuations, cueCounts, cueWeights } from '../../rules/cueData.js';
import { cueEntry, CUE_NOUNS, PHRASE_CUES, type CueEntry, type CueFrame } from '../../rules/cues.js';
import { CueModel, featureWord, isCueCandidate, type CueContext, type LemmaWeights } from './cueModel.js';
import { endAt, isNameReadAsAdverb, lowerAt, lowerIs, posAt, textAt, textIs, tokenAt } from './nounPhrases.js';

export interface CueMatch {
  /** first and one-past-last token index of the cue words ("has also said in a statement") */
  first: number;
  last: number;
  /** the token that carries the cue's meaning ("said") */
  head: number;
  lemma: string;
  frame: CueFrame;
  complement: CueEntry['complement'] | 'phrase';
  /** "according to X": the source follows the cue */
  sourceAfter: boolean;
  participle: boolean;
  negated: boolean;
  ruleId: string;
  /** the detector's score (0 for lexicon and phrase cues) */
  score: number;
}

const TRAILING_MODIFIERS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday',
  'today', 'tonight', 'earlier', 'later', 'recently', 'previously', 'too', 'also']);
const NEGATORS = new Set(['not', "n't", 'never', 'no']);
const OPEN_MARK = /^(?:["\u201C\u201E`]|''|``)$/;
const VERB_POS = new Set(['VERB', 'AUX']);
/** -ing forms of a stated position that modify the noun before them ("a group backing Bush"), by their lemma. */
const POSITION_PARTICIPLES = new Map([['supporting', 'support'], ['backing', 'back'], ['opposing', 'oppose'], ['endorsing', 'endorse']]);
const NOUN_POS = new Set(['NOUN', 'PROPN']);
const OBJECT_START_POS = new Set(['DET', 'PROPN', 'ADJ', 'NOUN', 'PRON', 'NUM']);
/** Nouns wink-nlp sometimes gives to cue verbs ("says", "tweets", "claims"). */
const NOUN_CUE_FORMS = new Set(['says', 'said', 'tweets', 'tweeted', 'claims', 'warns', 'adds', 'notes', 'insists', 'writes']);
/** Words before a cue head that belong to the cue: "has also said", "did not say", "repeatedly claimed". */
const CUE_PREFIX_POS = new Set(['AUX', 'ADV', 'PART']);
/** How far below the detector's threshold a hand-lexicon verb of saying may score and still count. */
const LEXICON_MARGIN = 5;
const DEFAULT_ENTRY: Pick<CueEntry, 'frame' | 'complement'> = { frame: 'speech', complement: 'clause' };

/**
 * A phrase cue as findCues reads it, with its rule id and the words of it that are the cue ("as [reported]
 * by", `cueFrom`..`cueTo`) worked out once. Every one has the same fields (some PhraseCues lack `span`), so
 * the optimized code that reads them meets one shape.
 */
interface PreparedPhrase {
  words: readonly string[];
  lemma: string;
  frame: CueFrame;
  sourceAfter: boolean;
  ruleId: string;
  cueFrom: number;
  cueTo: number;
}
/** Phrase cues by their first word, so each token looks up only the phrases it can open. */
const PHRASE_CUES_BY_FIRST_WORD = new Map<string, PreparedPhrase[]>();
for (const phrase of PHRASE_CUES) {
  const first = phrase.words[0] ?? '';
  const [cueFrom, cueTo] = phrase.span ?? [0, phrase.words.length];
  const prepared: PreparedPhrase = {
    words: phrase.words, lemma: phrase.lemma, frame: phrase.frame, sourceAfter: phrase.sourceAfter,
    ruleId: `cue-phrase-${phrase.lemma.replace(/\s+/g, '-')}`, cueFrom, cueTo,
  };
  PHRASE_CUES_BY_FIRST_WORD.set(first, [...(PHRASE_CUES_BY_FIRST_WORD.get(first) ?? []), prepared]);
}
/** The rule ids of learned (with detector weights) and lexicon cues, by frame. */
const LEARNED_RULE_IDS: Readonly<Record<CueFrame, string>> = { speech: 'cue-learned-speech', confirm: 'cue-learned-confirm', deny: 'cue-learned-deny', belief: 'cue-learned-belief', accuse: 'cue-learned-accuse' };
const LEXICON_RULE_IDS: Readonly<Record<CueFrame, string>> = { speech: 'cue-speech', confirm: 'cue-confirm', deny: 'cue-deny', belief: 'cue-belief', accuse: 'cue-accuse' };
/** Words before an -ing cue that make it a participle of the clause ("…, saying", "and claiming"). */
const PARTICIPLE_OPENERS = new Set(['and', 'while', 'before', 'after', ',']);
/** Prepositions of manner before an -ing cue whose quotation follows at once ("by saying “Too many.”"). */
const MANNER_PREPOSITIONS = new Set(['by', 'in', 'without']);

/** The phrase cue whose words start at token `i` and end before `to`, if any. */
function phraseAt(tokens: readonly Token[], i: number, to: number, candidates: readonly PreparedPhrase[]): PreparedPhrase | undefined {
  for (const phrase of candidates) {
    const words = phrase.words;
    let k = 0;
    while (k < words.length && i + k < to && lowerAt(tokens, i + k) === words[k]) k++;
    if (k === words.length) return phrase;
  }
  return undefined;
}

let model: CueModel | null | undefined;
function cueModel(): CueModel | null {
  if (model === undefined) {
    const w = cueWeights();
    model = w ? new CueModel(w) : null;
  }
  return model;
}

/** What the detector pass needs of a lemma that heads a cue somewhere in PolNeAR train: one lookup per token. */
interface CandidateLemma {
  /** the hand lexicon's entry (cueEntry) */
  entry: CueEntry | undefined;
  /** the detector's weights of the lemma's own features */
  weights: LemmaWeights | undefined;
}
let candidateLemmas: Map<string, CandidateLemma> | undefined;

/** What findCues needs to know of a word that opens a phrase cue or states a position. */
interface CueWord {
  /** the phrase cues the word opens */
  phrases: readonly PreparedPhrase[] | undefined;
  /** the lemma of an -ing form of a stated position (POSITION_PARTICIPLES) */
  position: string | undefined;
}
/** The words that open a phrase cue or state a position, by `lower`: one lookup per token for both. */
const CUE_WORDS = new Map<string, CueWord>();
for (const lower of [...PHRASE_CUES_BY_FIRST_WORD.keys(), ...POSITION_PARTICIPLES.keys()]) {
  CUE_WORDS.set(lower, { phrases: PHRASE_CUES_BY_FIRST_WORD.get(lower), position: POSITION_PARTICIPLES.get(lower) });
}
/**
 * The CUE_WORDS' first letters (their low five bits) by word length, as bits: a word whose bit is not set is none of
 * them, and most tokens are known to need no lookup in CUE_WORDS.
 */
const CUE_WORD_STARTS = new Int32Array(32);
for (const lower of CUE_WORDS.keys()) {
  const length = Math.min(lower.length, 31);
  CUE_WORD_STARTS[length] = (CUE_WORD_STARTS[length] as number) | (1 << (lower.charCodeAt(0) & 31));
}
function mayBeCueWord(lower: string): boolean {
  // (an empty word, which some tokens have, is none of them; its first letter would be read past its end)
  return lower.length !== 0 && ((CUE_WORD_STARTS[Math.min(lower.length, 31)]! >>> (lower.charCodeAt(0) & 31)) & 1) === 1;
}

/**
 * findCues's scratch space, reused from sentence to sentence (findCues never runs inside itself): the detector's ids of
 * the words of the sentence's tokens, by index in the sentence (NOT_LOOKED_UP until a token near them is scored), and the
 * cue heads found, by token index and score. It starts empty, so that the first sentence grows it: the code that grows it
 * has run before findCues is optimised (one that first ran on a long sentence later was thrown away).
 */
const scratch = { wordIds: new Int32Array(0), headTokens: new Int32Array(0), headScores: new Float64Array(0) };
const NOT_LOOKED_UP = -1;
/** The scratch space made ready for a sentence of `length` tokens. */
function scratchFor(length: number): typeof scratch {
  if (scratch.headTokens.length < length) {
    scratch.wordIds = new Int32Array(length);
    scratch.headTokens = new Int32Array(length);
    scratch.headScores = new Float64Array(length);
  }
  scratch.wordIds.fill(NOT_LOOKED_UP, 0, length);
  return scratch;
}

/**
 * The candidate lemmas' last letters (their low five bits, as bits), by length and first letter (low five bits): a lemma
 * whose bit is not set is none of them, and most lemmas that are none are known to be so with no lookup.
 */
const CANDIDATE_LEMMA_ENDS = new Int32Array(32 * 32);
function lemmaShapeIndex(lemma: string): number {
  return Math.min(lemma.length, 31) * 32 + (lemma.charCodeAt(0) & 31);
}

/** The lemmas of the counts file (lemmaCount), each with its lexicon entry and its weights. */
function candidateLemma(detector: CueModel, lemma: string): CandidateLemma | undefined {
  if (!candidateLemmas) {
    candidateLemmas = new Map();
    for (const l of Object.keys(cueCounts()?.lemmas ?? {})) {
      candidateLemmas.set(l, { entry: cueEntry(l), weights: detector.lemmaWeights(l) });
      const at = lemmaShapeIndex(l);
      CANDIDATE_LEMMA_ENDS[at] = (CANDIDATE_LEMMA_ENDS[at] as number) | (1 << (l.charCodeAt(l.length - 1) & 31));
    }
  }
  if (((CANDIDATE_LEMMA_ENDS[lemmaShapeIndex(lemma)]! >>> (lemma.charCodeAt(lemma.length - 1) & 31)) & 1) === 0) return undefined;
  return candidateLemmas.get(lemma);
}

function isNegated(tokens: readonly Token[], index: number, floor: number): boolean {
  for (let k = index - 1; k >= Math.max(floor, index - 3); k--) {
    const t = tokens[k];
    if (!t) break;
    if (NEGATORS.has(t.lower)) return true;
    if (!VERB_POS.has(t.pos) && t.pos !== 'ADV' && t.pos !== 'PART') break;
  }
  return false;
}

function followedByClause(tokens: readonly Token[], index: number, end: number): boolean {
  for (let k = index + 1; k < Math.min(end, index + 5); k++) {
    const t = tokens[k];
    if (!t) return false;
    if (t.lower === 'that' || t.lower === ':' || t.lower === 'whether' || t.lower === 'if' || OPEN_MARK.test(t.text)) return true;
    if (t.pos === 'PUNCT') return k === index + 1 && t.text === ',' && OPEN_MARK.test(textAt(tokens, k + 1));
    if (t.pos === 'VERB') return false;
  }
  return false;
}

const SUBJECT_POS = new Set(['DET', 'PRON', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
/**
 * A clause with no "that" after the cue: a short subject and a finite verb ("reported its source said …",
 * "suggested the plan would fail"). Not an object and an infinitive ("urged voters to …") or a gerund.
 */
export function thatlessClauseAfter(tokens: readonly Token[], index: number, end: number): boolean {
  let nominal = false;
  for (let k = index + 1; k < Math.min(end, index + 6); k++) {
    const t = tokens[k];
    if (!t) return false;
    if (SUBJECT_POS.has(t.pos) && !(t.pos === 'PRON' && /^(?:who|which|what|that|it)$/.test(t.lower) && k > index + 1)) {
      if (t.pos !== 'DET' && t.pos !== 'ADJ') nominal = true;
      continue;
    }
    return nominal && k > index + 1 && VERB_POS.has(t.pos) && !/ing$/.test(t.lower) && t.lower !== 'to';
  }
  return false;
}

/** The hand lexicon's decision, used when no detector weights are installed. */
function lexiconHead(tokens: readonly Token[], i: number, from: number, to: number): boolean {
  const t = tokens[i];
  if (!t || (!VERB_POS.has(t.pos) && !NOUN_CUE_FORMS.has(t.lower))) return false;
  const entry = cueEntry(t.lemma) ?? cueEntry(t.lower);
  if (!entry) return false;
  const prev = tokenAt(tokens, i - 1);
  if (prev && i > from && (prev.lower === 'to' || prev.lower === 'the' || prev.lower === 'a')) return false;
  const next = tokenAt(tokens, i + 1);
  if (entry.complement === 'predicate' || entry.complement === 'object' && entry.needsClause) {
    const quoteSoon = [1, 2, 3, 4, 5, 6].some(k => i + k < to && OPEN_MARK.test(textAt(tokens, i + k)));
    const callFor = entry.lemma === 'call' && (next?.lower === 'for' || next?.lower === 'on');
    if (!quoteSoon && !callFor) return false;
  } else if (entry.needsClause && !followedByClause(tokens, i, to)) {
    let k = i + 1;
    while (k < to && (TRAILING_MODIFIERS.has(lowerAt(tokens, k)) || (lowerIs(tokens, k, 'on') && /^[\p{Lu}]/u.test(textAt(tokens, k + 1))))) k += lowerIs(tokens, k, 'on') ? 2 : 1;
    const atEnd = k >= to || /^[.!?;]$/.test(textAt(tokens, k)) || textIs(tokens, k, ',');
    if (!atEnd) return false;
  }
  if (entry.lemma === 'add' && next && !['that', ',', ':', '.'].includes(next.text) && !OPEN_MARK.test(next.text) && next.pos !== 'PRON' && next.pos !== 'DET' && next.pos !== 'PROPN' && next.pos !== 'NOUN') return false;
  return true;
}

const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

/**
 * A cue noun with a possessor before it and "that" after it: "Trump’s claim that …", "his repeated
 * denial that …" (see CUE_NOUNS). Returns the noun's frame, or null.
 */
export function nounCueFrame(tokens: readonly Token[], i: number, to: number): CueFrame | null {
  const t = tokens[i];
  if (!t || t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'VERB') return null;
  if (i + 1 >= to || !lowerIs(tokens, i + 1, 'that')) return null;
  const frame = CUE_NOUNS.get(t.lower);
  if (!frame) return null;
  let k = i - 1;
  while (k >= 0 && (posAt(tokens, k) === 'ADJ' || posAt(tokens, k) === 'ADV') && k > i - 4) k--;
  const before = k >= 0 ? tokens[k] : undefined;
  if (!before) return null;
  return POSSESSIVE_PRONOUNS.has(before.lower) || (/^['\u2019]s?$/.test(before.text) && endAt(tokens, k - 1) === before.start) ? frame : null;
}

/** A finite verb earlier in the clause, with a noun phrase after it: the -ing form that follows modifies that clause. */
function finiteVerbBefore(tokens: readonly Token[], i: number, from: number): boolean {
  for (let k = i - 2; k >= from && k >= i - 12; k--) {
    const t = tokens[k];
    if (!t || t.text === ',' || t.text === ';') return false;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(t.lower) && !lowerIs(tokens, k - 1, 'to')) return true;
  }
  return false;
}

/** Widens a cue head to the words the cue takes: auxiliaries and adverbs before, particles after ("called for"). */
function cueExtent(tokens: readonly Token[], head: number, from: number, to: number, participle: boolean): { first: number; last: number } {
  let first = head;
  if (!participle) {
    while (first - 1 >= from) {
      const t = tokens[first - 1];
      const contracted = t?.pos === 'AUX' && /^['\u2019]s$/.test(t.text);
      if (!t || !CUE_PREFIX_POS.has(t.pos) || t.lower === 'to' || (POSSESSIVE_MARK.test(t.text) && !contracted) || NOT_CUE_PREFIX.has(t.lower)) break;
      // "Jolly said": a capitalised word that opens the clause is its subject, whatever the tagger called it
      if (isNameReadAsAdverb(tokens, first - 1) && (first - 1 === from || /^[,;:(\u2014"\u201C]$/.test(textAt(tokens, first - 2)))) break;
      first--;
    }
  }
  let last = head + 1;
  const h = tokens[head];
  if (h) {
    for (const words of cueContinuations(h.lemma)) {
      if (head + words.length >= to) continue;
      if (words.every((w, k) => lowerAt(tokens, head + 1 + k) === w)) { last = head + 1 + words.length; break; }
    }
  }
  return { first, last };
}
const POSSESSIVE_MARK = /^['\u2019]s?$/;
const TIME_SUBJECTS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|week|month|year|decade|century|day|night|morning|afternoon|evening|period|season|quarter|half|january|february|march|april|may|june|july|august|september|october|november|december|(?:1[89]|20)\d\d)$/;
/** The subject right before token `i` (over "has", "had", "also") is a time: "Monday saw", "The past decade has seen". */
function timeSubjectBefore(tokens: readonly Token[], i: number, from: number): boolean {
  let k = i - 1;
  while (k >= from && (posAt(tokens, k) === 'AUX' || lowerIs(tokens, k, 'also'))) k--;
  return k >= from && TIME_SUBJECTS.test(lowerAt(tokens, k));
}
/** Verbs that ask for anonymity: "asked not to be identified", "requested anonymity", "declined to be named". */
const ANONYMITY_LEMMAS = new Set(['ask', 'request', 'decline', 'refuse', 'demand', 'insist', 'agree', 'want', 'wish', 'prefer']);
const ANONYMITY_WORDS = new Set(['anonymity', 'anonymous', 'anonymously']);
const IDENTIFIED = new Set(['identified', 'named', 'quoted', 'cited']);
/** "not to be identified", "to be named", "anonymity", "to remain anonymous", "that his name not be used" within the next five words. */
function asksAnonymity(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < from + 5 && k < to; k++) {
    const w = tokens[k]!.lower;
    if (ANONYMITY_WORDS.has(w)) return true;
    if (w === 'be' && IDENTIFIED.has(lowerAt(tokens, k + 1))) return true;
    if (w === 'name' && !lowerIs(tokens, k - 1, 'the')) return tokens.slice(k + 1, k + 4).some(u => u.lower === 'not' || u.lower === 'withheld');
  }
  return false;
}
const startsUpper = (t: Token | undefined): boolean => t !== undefined && t.type === 'word' && /^\p{Lu}/u.test(t.text);
/** A headline or a list item written In Title Case (or IN CAPITALS): most of its words start with a capital. */
function isTitleCase(tokens: readonly Token[], from: number, to: number): boolean {
  let words = 0;
  let upper = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t?.type !== 'word' || t.text.length < 4) continue;
    words++;
    if (startsUpper(t)) upper++;
  }
  return words > 0 && upper / words >= 0.6;
}
/** A capitalised word with capitalised words on both sides, adjacent to it: "Federal [Express] Corp". */
function insideCapitalisedRun(tokens: readonly Token[], i: number, to: number): boolean {
  const t = tokens[i];
  // a word in capitals is a headline's ("EUROPEANS ASK IF …"), not a name's
  return !!t && startsUpper(t) && t.text !== t.text.toUpperCase() && startsUpper(tokens[i - 1]) && i + 1 < to && startsUpper(tokens[i + 1]);
}
/** Adverbs that open a clause or a question rather than modify the cue: "however said", "when asked", "why not say". */
const NOT_CUE_PREFIX = new Set(['however', 'when', 'why', 'how', 'where', 'here', 'there', 'instead', 'so', 'thus', 'therefore',
  'meanwhile', 'nonetheless', 'nevertheless', 'yet', 'also,', 'indeed', 'still', 'most', 'as', 'then']);

/**
 * Attribution cues in one sentence: phrase cues ("according to"), a colon before a quotation, and
 * the heads the detector scores above its threshold (or the hand lexicon accepts, without weights),
 * each widened to its auxiliaries, adverbs and particles. Negation is recorded, not hidden.
 */
export function findCues(tokens: readonly Token[], sentence: Sentence, insideQuote: (offset: number) => boolean = () => false): CueMatch[] {
  const cues: CueMatch[] = [];
  const { tokenStart: from, tokenEnd: to } = sentence;
  const detector = cueModel();
  const { wordIds, headTokens, headScores } = scratchFor(to - from);
  /** how many cue heads (headTokens, headScores) the sentence has */
  let heads = 0;
  const context: CueContext = { tokens, sentence, insideQuote };
  let titleCase: boolean | undefined;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t) continue;
    const cueWord = mayBeCueWord(t.lower) ? CUE_WORDS.get(t.lower) : undefined;
    const phrases = cueWord?.phrases;
    const phrase = phrases ? phraseAt(tokens, i, to, phrases) : undefined;
    if (phrase) {
      cues.push({ first: i + phrase.cueFrom, last: i + phrase.cueTo, head: i + phrase.cueFrom, lemma: phrase.lemma, frame: phrase.frame, complement: 'phrase', sourceAfter: phrase.sourceAfter, participle: false, negated: false, ruleId: phrase.ruleId, score: 0 });
      i += phrase.words.length - 1;
      continue;
    }
    // "a super PAC [supporting] Jeb Bush", "a group [backing] Bush": an -ing form of a stated position that modifies the noun before it
    const position = cueWord?.position;
    if (position && i > from && NOUN_POS.has(posAt(tokens, i - 1)) && OBJECT_START_POS.has(posAt(tokens, i + 1)) && !insideQuote(t.start)) {
      cues.push({ first: i, last: i + 1, head: i, lemma: position, frame: 'speech', complement: 'object', sourceAfter: false, participle: true, negated: false, ruleId: 'cue-position-modifier', score: 0 });
      continue;
    }
    if (t.text === ':' && i > from && i + 1 < to && OPEN_MARK.test(textAt(tokens, i + 1))) {
      cues.push({ first: i, last: i + 1, head: i, lemma: ':', frame: 'speech', complement: 'clause', sourceAfter: false, participle: false, negated: false, ruleId: 'cue-colon', score: 0 });
      continue;
    }
    if (t.text === ':' || t.lower === 'according') continue;
    // "self-described", "so-called": the second half of a hyphenated adjective is no verb of saying
    const before = tokenAt(tokens, i - 1);
    if (before && before.text === '-' && before.end === t.start && endAt(tokens, i - 2) === before.start) continue;
    const nounFrame = nounCueFrame(tokens, i, to);
    if (nounFrame) {
      cues.push({ first: i, last: i + 1, head: i, lemma: t.lemma, frame: nounFrame, complement: 'clause', sourceAfter: false, participle: false, negated: false, ruleId: 'cue-noun-that', score: 0 });
      continue;
    }
    if (detector) {
      // only lemmas that head a cue somewhere in PolNeAR train are worth scoring
      const candidate = isCueCandidate(t) ? candidateLemma(detector, t.lemma) : undefined;
      if (!candidate) continue;
      // "known as the Blue House": a name, not a belief
      if (t.lemma === 'know' && lowerIs(tokens, i + 1, 'as')) continue;
      // "Monday saw police searching …", "2019 has seen a rise": a time that witnessed events, not a belief
      if (t.lemma === 'see' && timeSubjectBefore(tokens, i, from)) continue;
      // "who asked not to be identified", "declined to be named": a condition of anonymity, not an attribution
      if (ANONYMITY_LEMMAS.has(t.lemma) && asksAnonymity(tokens, i + 1, to)) continue;
      // "Federal Express Corp said": a capitalised word inside a run of capitalised words is part of a name
      if (i > from && insideCapitalisedRun(tokens, i, to) && !(titleCase ??= isTitleCase(tokens, from, to))) continue;
      // the words the detector reads: two tokens either side, inside the sentence
      for (let k = Math.max(from, i - 2); k <= i + 2 && k < to; k++) {
        if (wordIds[k - from] === NOT_LOOKED_UP) wordIds[k - from] = detector.wordId(featureWord((tokens[k] as Token).lower));
      }
      const score = detector.scoreTokenWith(context, i, candidate.weights, wordIds, from);
      // a verb of saying, confirming or denying from the hand lexicon needs less evidence ("commented", "denies")
      // (asked only of a score the margin decides)
      const entry = candidate.entry;
      // … and so does one that wants a clause when a clause follows ("reported its source said …")
      const head = score > detector.threshold || (score > detector.threshold - LEXICON_MARGIN
        && VERB_POS.has(t.pos) && !insideQuote(t.start) && !!entry && entry.frame !== 'belief'
        && (!entry.needsClause || (entry.complement === 'clause' && (followedByClause(tokens, i, to) || thatlessClauseAfter(tokens, i, to))))
        && !lowerIs(tokens, i - 1, 'to'));
      if (head) { headTokens[heads] = i; headScores[heads] = score; heads++; }
    } else if (lexiconHead(tokens, i, from, to)) {
      headTokens[heads] = i;
      headScores[heads] = 0;
      heads++;
    }
  }
  for (let h = 0; h < heads; h++) {
    const i = headTokens[h] as number;
    const score = headScores[h] as number;
    const t = tokens[i] as Token;
    const prev = tokenAt(tokens, i - 1);
    // the word before a closing mark: `excuses,” claiming` / `''overblown,'' adding` (a doubled '' is two tokens)
    let markAt = i - 1;
    // (", further saying", ", later adding": an adverb between the comma and the -ing form)
    if ((posAt(tokens, markAt) === 'ADV' || lowerIs(tokens, markAt, 'further')) && /ing$/.test(t.lower) && /^[,"'\u201D\u2019]$/.test(textAt(tokens, markAt - 1))) markAt--;
    while (markAt > i - 3 && /^["'\u201D\u2019]$/.test(textAt(tokens, markAt))) markAt--;
    const wordBeforeMark = lowerAt(tokens, markAt);
    // "…, saying", "and claiming", or an -ing form after the object of the clause's own verb ("posted a message blaming Iran")
    // … or after a preposition of manner when the words it reports follow at once: "punctuated his list by saying “Too many.”"
    const quotationNext = OPEN_MARK.test(textAt(tokens, i + 1)) || textIs(tokens, i + 1, ':') || (textIs(tokens, i + 1, ',') && OPEN_MARK.test(textAt(tokens, i + 2)));
    // (looked up for every head: a lookup that optimized code meets for the first time costs a deoptimization)
    const afterMannerPreposition = MANNER_PREPOSITIONS.has(wordBeforeMark);
    const participle = /ing$/.test(t.lower) && (PARTICIPLE_OPENERS.has(wordBeforeMark)
      || (quotationNext && afterMannerPreposition)
      || (!!prev && NOUN_POS.has(prev.pos) && finiteVerbBefore(tokens, i, from)));
    let { first, last } = cueExtent(tokens, i, from, to, participle);
    // "declined to comment", "refused to say": one cue
    const next = h + 1 < heads ? headTokens[h + 1] as number : -1;
    if (next === last + 1 && lowerIs(tokens, last, 'to')) {
      last = cueExtent(tokens, next, from, to, false).last;
      h++;
    }
    const entry = cueEntry(t.lemma) ?? cueEntry(t.lower);
    const { frame, complement } = entry ?? DEFAULT_ENTRY;
    cues.push({
      first,
      last,
      head: i,
      lemma: entry?.lemma ?? t.lemma,
      frame,
      complement,
      sourceAfter: false,
      participle,
      negated: isNegated(tokens, i, from),
      ruleId: detector ? LEARNED_RULE_IDS[frame] : LEXICON_RULE_IDS[frame],
      score,
    });
  }
  return cues.sort((a, b) => a.first - b.first);
}
