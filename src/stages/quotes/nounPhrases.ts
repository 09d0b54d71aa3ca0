import type { Token } from '../../model.js';

/** A noun phrase as token indices [first, last). */
export interface Phrase {
  first: number;
  last: number;
}

const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM', 'DET', 'PRON']);
/** Words that may stand between a subject and its cue: "also", "has", "later", "repeatedly". */
const BETWEEN_SUBJECT_AND_CUE_POS = new Set(['ADV', 'AUX', 'PART']);
const CONNECTORS = new Set(['of', 'for', 'and', '&', 'de', 'al', 'bin', 'van', 'von']);
const POSSESSIVE = new Set(["'s", '\u2019s', "'", 's']);
const SUBJECT_PREPOSITIONS = new Set(['of', 'for', 'from', 'to', 'at', 'within', 'with', 'in', 'on', 'during', 'across', 'among', 'inside', 'outside', 'throughout', 'around']);
const STOP_WORDS = new Set(['that', 'which', 'who', 'whom', 'whose', 'when', 'where', 'while', 'because', 'if', 'as', 'than', 'but', 'so']);

const isCap = (t: Token | undefined): boolean => !!t && /^[\p{Lu}]/u.test(t.text);

/*
 * Reads of token `k` that may fall before the first token or past the last. The bounds test comes first: optimised code
 * that reads outside an array is thrown away the first time it does. A field outside the tokens is '' (-1 for an
 * offset) rather than undefined, so that a comparison that has only met strings (numbers) does not meet undefined
 * either, which throws optimised code away too.
 */
/** Token `k`, or undefined outside the tokens. */
export const tokenAt = (tokens: readonly Token[], k: number): Token | undefined => (k >= 0 && k < tokens.length ? tokens[k] : undefined);
/** The text of token `k`, '' outside the tokens. */
export const textAt = (tokens: readonly Token[], k: number): string => (k >= 0 && k < tokens.length ? tokens[k]!.text : '');
/** The lower-case text of token `k`, '' outside the tokens. */
export const lowerAt = (tokens: readonly Token[], k: number): string => (k >= 0 && k < tokens.length ? tokens[k]!.lower : '');
/** The part of speech of token `k`, '' outside the tokens. */
export const posAt = (tokens: readonly Token[], k: number): string => (k >= 0 && k < tokens.length ? tokens[k]!.pos : '');
/**
 * Whether token `k` reads `text` (false outside the tokens). Every such test is this one comparison: a comparison of
 * its own that has met only strings V8 keeps one copy of (punctuation, lemmas), which it compares by address, has its
 * optimised code thrown away at the first string of another kind, one of the words' own.
 */
export const textIs = (tokens: readonly Token[], k: number, text: string): boolean => textAt(tokens, k) === text;
/** Whether token `k`'s lower-case text is `lower` (false outside the tokens): one comparison for every test, as textIs. */
export const lowerIs = (tokens: readonly Token[], k: number, lower: string): boolean => lowerAt(tokens, k) === lower;
/** Where token `k` starts, -1 outside the tokens. */
const startAt = (tokens: readonly Token[], k: number): number => (k >= 0 && k < tokens.length ? tokens[k]!.start : -1);
/** Where token `k` ends, -1 outside the tokens. */
export const endAt = (tokens: readonly Token[], k: number): number => (k >= 0 && k < tokens.length ? tokens[k]!.end : -1);

/** "Obama's", "voters'": a possessive mark sits on a word; a closing '' after a comma does not. */
function isPossessiveMark(tokens: readonly Token[], k: number): boolean {
  const t = tokenAt(tokens, k);
  const prev = tokenAt(tokens, k - 1);
  if (!t || !prev || prev.end !== t.start || !/\p{L}$/u.test(prev.text)) return false;
  return !(t.text === "'" && textIs(tokens, k + 1, "'") && startAt(tokens, k + 1) === t.end);
}

function isNounish(t: Token): boolean {
  return t.pos === 'PROPN' || t.pos === 'NOUN' || (t.pos === 'PRON' && !['it', 'this', 'that', 'which', 'who', 'what'].includes(t.lower)) || t.lower === 'it';
}

/** An -ing form that heads a noun phrase: "Cruz’s thinking", "the bombing", "his reasoning". */
function isGerundNoun(tokens: readonly Token[], k: number, isHead: boolean): boolean {
  const t = tokens[k];
  if (!isHead || !t || t.pos !== 'VERB' || !/ing$/.test(t.lower)) return false;
  const before = tokenAt(tokens, k - 1);
  return !!before && (isPossessiveMark(tokens, k - 1) || before.pos === 'DET' || ['his', 'her', 'its', 'their', 'our', 'my', 'your'].includes(before.lower));
}

/** Capitalised words that open a clause rather than name someone. */
const CLAUSE_OPENING_WORDS = new Set(['and', 'but', 'or', 'although', 'though', 'while', 'because', 'if', 'when', 'since', 'so', 'yet', 'as', 'after', 'before', 'then', 'still', 'meanwhile', 'instead', 'also']);

/** Words that count a group and take "of": "Many of you", "some of the voters", "half of them". */
const QUANTIFIERS = new Set(['many', 'some', 'most', 'several', 'all', 'few', 'none', 'one', 'each', 'both', 'half', 'two', 'three',
  'four', 'five', 'any', 'either', 'neither', 'much', 'others', 'dozens', 'hundreds', 'thousands', 'millions']);

/** The noun phrase that ends right before `end` (exclusive), within [floor, end). */
export function phraseEndingAt(tokens: readonly Token[], end: number, floor: number): Phrase | null {
  let k = end - 1;
  let first = end;
  let sawNoun = false;
  while (k >= floor) {
    const t = tokens[k];
    if (!t) break;
    if (STOP_WORDS.has(t.lower)) break;
    if (t.pos === 'PRON') {
      if (first === end) { first = k; sawNoun = isNounish(t); k--; }
      // a possessive pronoun can open the phrase: "its spokesman"
      else if (['his', 'her', 'its', 'their', 'our', 'my', 'your'].includes(t.lower)) { first = k; k--; }
      break;
    }
    if (NP_POS.has(t.pos) || (t.pos === 'PUNCT' && t.text === '.' && /^[\p{Lu}]\p{Ll}{0,3}$/u.test(textAt(tokens, k - 1))) || isGerundNoun(tokens, k, first === end)) {
      first = k;
      if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'NUM' || t.pos === 'VERB') sawNoun = true;
      // "Jolly, who …, said": a capitalised adjective at the head of the phrase is a name the tagger misread
      if (t.pos === 'ADJ' && k === end - 1 && isCap(t) && !isCap(tokenAt(tokens, k + 1))) sawNoun = true;
      k--;
      if (t.pos === 'DET') break;
      continue;
    }
    if ((t.pos === 'PART' || t.pos === 'PUNCT') && POSSESSIVE.has(t.lower) && first < end && isPossessiveMark(tokens, k)) { first = k; k--; continue; }
    if (CONNECTORS.has(t.lower) && isCap(tokenAt(tokens, k - 1)) && isCap(tokenAt(tokens, k + 1))) { first = k; k--; continue; }
    // a hyphen inside a name ("Abdel-Rahman"), not a spaced dash ("LONDON (AP) – Prime Minister …")
    if (t.text === '-' && first < end && endAt(tokens, k - 1) === t.start && startAt(tokens, k + 1) === t.end) { first = k; k--; continue; }
    // "Although Rubio said", "And Trump said": a capitalised conjunction opens the clause, it names nobody
    const opener = ['SCONJ', 'CCONJ'].includes(t.pos) || CLAUSE_OPENING_WORDS.has(t.lower);
    if (isCap(t) && t.lower !== 'i' && !opener && (t.pos !== 'VERB' && t.pos !== 'AUX' || isCap(tokenAt(tokens, k - 1)) || isCap(tokenAt(tokens, k + 1)))) { first = k; sawNoun = true; k--; continue; }
    break;
  }
  if (!sawNoun || first >= end) return null;
  return { first, last: end };
}

/** The noun phrase that starts at `start`, within [start, ceiling). */
export function phraseStartingAt(tokens: readonly Token[], start: number, ceiling: number): Phrase | null {
  let k = start;
  let sawNoun = false;
  let lastNoun = -1;
  while (k < ceiling) {
    const t = tokens[k];
    if (!t) break;
    if (STOP_WORDS.has(t.lower) && k > start) break;
    if (t.pos === 'PRON' && k === start) { sawNoun = true; lastNoun = k; k++; if (['his', 'her', 'its', 'their'].includes(t.lower)) continue; break; }
    if (NP_POS.has(t.pos) && t.pos !== 'PRON') {
      if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'NUM') { sawNoun = true; lastNoun = k; }
      k++;
      continue;
    }
    if (isCap(t) && t.lower !== 'i' && (k > start || t.pos !== 'ADP') && (t.pos !== 'VERB' && t.pos !== 'AUX' || isCap(tokenAt(tokens, k - 1)) || isCap(tokenAt(tokens, k + 1)))) { sawNoun = true; lastNoun = k; k++; continue; }
    if ((t.pos === 'PART' || t.pos === 'PUNCT') && POSSESSIVE.has(t.lower) && k > start && isPossessiveMark(tokens, k)) { k++; continue; }
    if (CONNECTORS.has(t.lower) && isCap(tokenAt(tokens, k - 1)) && isCap(tokenAt(tokens, k + 1))) { k++; continue; }
    if (t.text === '.' && /^[\p{Lu}]\p{Ll}{0,3}$/u.test(textAt(tokens, k - 1)) && isCap(tokenAt(tokens, k + 1))) { k++; continue; }
    // a hyphenated word that the tokenizer split: "whistle-blower"
    if (t.text === '-' && k > start && endAt(tokens, k - 1) === t.start && startAt(tokens, k + 1) === t.end && /^\p{L}/u.test(textAt(tokens, k + 1))) {
      k += 2;
      lastNoun = k - 1;
      continue;
    }
    break;
  }
  if (!sawNoun || lastNoun < start) return null;
  return { first: start, last: lastNoun + 1 };
}

/**
 * The subject right before a cue: skips "also", "has", "later", then takes the noun phrase, with
 * an appositive on either side ("The military's media wing, ISPR, confirmed"; "Bryan English, the
 * campaign's director, said").
 */
export function subjectBefore(tokens: readonly Token[], cue: number, floor: number): Phrase | null {
  let end = cue;
  while (end - 1 >= floor) {
    const t = tokens[end - 1];
    // "Durbin and Schiff both yesterday questioned": a floating quantifier or a time word is no part of the subject
    const floating = !!t && FLOATING_WORDS.has(t.lower) && end - 1 > floor;
    // "He’s claiming": a contracted auxiliary is no possessive
    const contracted = !!t && t.pos === 'AUX' && /^['\u2019]s$/.test(t.text);
    if (!t || (!BETWEEN_SUBJECT_AND_CUE_POS.has(t.pos) && !floating) || (POSSESSIVE.has(t.lower) && !contracted)) break;
    // "Jolly said": a capitalised word that opens the clause before its verb is the subject, whatever the tagger called it
    if (isNameReadAsAdverb(tokens, end - 1) && (end - 1 === floor || /^[,;:(\u2014"\u201C]$/.test(textAt(tokens, end - 2)))) break;
    end--;
  }
  // "those surveyed said", "56 percent of Cuban-Americans polled said": a participle after the subject's noun modifies it
  const participle = tokenAt(tokens, end - 1);
  if (participle && participle.pos === 'VERB' && /ed$/.test(participle.lower) && end - 2 >= floor) {
    const head = phraseEndingAt(tokens, end - 1, floor) ?? (['those', 'people', 'all', 'many', 'most'].includes(lowerAt(tokens, end - 2)) ? { first: end - 2, last: end - 1 } : null);
    const headWord = head ? tokens[head.last - 1] : undefined;
    if (head && headWord && (['NOUN', 'PROPN'].includes(headWord.pos) || headWord.pos === 'DET' || headWord.pos === 'PRON') && PARTICIPLE_MODIFIERS.has(participle.lower)) {
      return { first: head.first, last: end };
    }
  }
  // "42% say": a percentage is a subject
  if (textIs(tokens, end - 1, '%') && posAt(tokens, end - 2) === 'NUM' && end - 2 >= floor) {
    const first = ['some', 'about', 'nearly', 'almost', 'roughly', 'only', 'just'].includes(lowerAt(tokens, end - 3)) && end - 3 >= floor ? end - 3 : end - 2;
    return { first, last: end };
  }
  let core = phraseEndingAt(tokens, end, floor);
  if (!core) {
    // "Some chanted", "Another tweeted", "Yet another said": a quantifier standing for its noun
    const lone = tokenAt(tokens, end - 1);
    if (lone && end - 1 >= floor && (QUANTIFIERS.has(lone.lower) || ['another', 'others', 'one'].includes(lone.lower)) && ['DET', 'PRON', 'NUM', 'ADJ', 'NOUN'].includes(lone.pos)) {
      return { first: end - 1, last: end };
    }
    // "The self-described democratic socialist said": a determiner and adjectives the tagger left without a noun
    if (posAt(tokens, end - 1) === 'ADJ') {
      let k = end - 1;
      while (k > floor && k >= end - 6 && ['ADJ', 'NOUN', 'VERB', 'PUNCT'].includes(posAt(tokens, k - 1)) && !textIs(tokens, k - 1, ',')) k--;
      if (posAt(tokens, k - 1) === 'DET' && k - 1 >= floor) return { first: k - 1, last: end };
    }
    // "X, who ... , said" is left to later work; a closing comma of an appositive is handled here
    if (textIs(tokens, end - 1, ',')) {
      const inner = phraseEndingAt(tokens, end - 1, floor);
      if (inner && textIs(tokens, inner.first - 1, ',')) {
        const outer = phraseEndingAt(tokens, inner.first - 1, floor);
        if (outer) core = { first: outer.first, last: inner.last };
      }
    }
    return core;
  }
  // "RNC spokesman Sean Spicer on Thursday evening said": a time phrase is no part of the speaker
  if (isTimePhrase(tokens, core) && SUBJECT_PREPOSITIONS.has(lowerAt(tokens, core.first - 1)) && core.first - 1 > floor) {
    const head = phraseEndingAt(tokens, core.first - 1, floor);
    if (head) core = head;
  }
  // a subject with prepositional attachments: "a spokesman for the ministry", "Another report from the government"
  for (let guard = 0; guard < 3; guard++) {
    let p: number = core.first - 1;
    // "critics from across Britain's political spectrum": one or two prepositions in a row
    while (p > floor && SUBJECT_PREPOSITIONS.has(lowerAt(tokens, p)) && p >= core.first - 2) p--;
    if (p === core.first - 1 || p <= floor - 1) break;
    const head: Phrase | null = phraseEndingAt(tokens, p + 1, floor)
      ?? (lowerIs(tokens, p + 1, 'of') && QUANTIFIERS.has(lowerAt(tokens, p)) && p >= floor ? { first: p, last: p + 1 } : null);
    if (!head) break;
    core = { first: head.first, last: core.last };
  }
  // coordinated speakers: "Mr. Rubio and his advisers", "he and election-law experts", "Neither Cruz nor Christie"
  for (let guard = 0; guard < 2; guard++) {
    // ("Politicians and even some technologists": an adverb after the conjunction)
    const focus = ['even', 'also', 'especially', 'particularly', 'notably'].includes(lowerAt(tokens, core.first - 1)) ? 1 : 0;
    const conj = tokenAt(tokens, core.first - 1 - focus);
    if (!conj || !['and', 'or', 'nor'].includes(conj.lower) || core.first - 1 - focus <= floor || textIs(tokens, core.first - 2 - focus, ',')) break;
    const left = phraseEndingAt(tokens, core.first - 1 - focus, floor);
    if (!left) break;
    let first = left.first;
    if (['neither', 'both', 'either'].includes(lowerAt(tokens, first - 1)) && first - 1 >= floor) first--;
    core = { first, last: core.last };
  }
  // appositive before the subject: "<description>, <Name> confirmed" — but not before a parenthetical cue, whose
  // comma-fenced subject is the content's ("The museum, Mr. Bush said, would make visitors face …")
  if (textIs(tokens, core.first - 1, ',') && core.first - 1 > floor && !isParentheticalCue(tokens, cue)) {
    const before = phraseEndingAt(tokens, core.first - 1, floor);
    const startsClause = before && (before.first === floor || [',', ';', ':'].includes(textAt(tokens, before.first - 1)));
    if (before && startsClause && posAt(tokens, before.first) === 'DET' && !isTimePhrase(tokens, before)) core = { first: before.first, last: core.last };
  }
  // "Ivan's condition was on Wednesday reported": a phrase that only says when is no subject
  if (isTimePhrase(tokens, core)) return null;
  // "This year Camil said", "This month, Forbes": a leading time expression is not the speaker
  while (core.last - core.first > 1 && (TIME_NOUNS.has(lowerAt(tokens, core.first)) || (['this', 'last', 'next', 'that', 'each', 'every'].includes(lowerAt(tokens, core.first)) && TIME_NOUNS.has(lowerAt(tokens, core.first + 1))))) {
    core = { first: core.first + (TIME_NOUNS.has(lowerAt(tokens, core.first)) ? 1 : 2), last: core.last };
  }
  return afterFrontedEvent(tokens, core);
}

/**
 * "In a Bloomberg interview Trump said", "At a rally Sanders said": a noun for the occasion of speaking
 * takes no name in apposition, so a capitalised name right after it starts the speaker.
 */
function afterFrontedEvent(tokens: readonly Token[], core: Phrase): Phrase {
  for (let k = core.last - 2; k >= core.first; k--) {
    const t = tokens[k];
    const name = tokens[k + 1];
    if (t && name && t.pos === 'NOUN' && OCCASION_NOUNS.has(t.lower) && name.pos === 'PROPN' && isCap(name)) return { first: k + 1, last: core.last };
  }
  return core;
}

/** Nouns for an occasion of speaking or writing: "in an interview", "at a briefing", "in a statement". */
const OCCASION_NOUNS = new Set(['interview', 'interviews', 'speech', 'speeches', 'statement', 'letter', 'op-ed', 'tweet', 'tweets', 'post',
  'email', 'memo', 'call', 'conference', 'briefing', 'hearing', 'debate', 'rally', 'meeting', 'appearance', 'broadcast', 'podcast',
  'address', 'remarks', 'session', 'sermon', 'testimony', 'event', 'forum', 'luncheon', 'dinner', 'breakfast', 'visit', 'stop',
  'campaign', 'town', 'hall', 'editorial', 'column', 'essay', 'book', 'memoir', 'video', 'ad', 'advertisement', 'message', 'release']);

/** The cue is set off by commas inside the clause it reports: "The museum, Mr. Bush said, would …". */
function isParentheticalCue(tokens: readonly Token[], cue: number): boolean {
  let k = cue + 1;
  while (k <= cue + 3 && ['ADV', 'PROPN', 'NOUN'].includes(posAt(tokens, k)) && !textIs(tokens, k, ',')) k++;
  const after = tokenAt(tokens, k + 1);
  return textIs(tokens, k, ',') && !!after && /^\p{Ll}/u.test(after.text) && !['adding', 'saying', 'noting', 'and', 'but', 'according'].includes(after.lower);
}

/** Adverbs that open a clause before its verb: never a name, whatever their case ("Once interest becomes …", "Also said"). */
const CLAUSE_ADVERBS = new Set(['once', 'now', 'then', 'so', 'thus', 'still', 'yet', 'also', 'just', 'only', 'never', 'even', 'soon',
  'later', 'earlier', 'again', 'here', 'there', 'instead', 'otherwise', 'meanwhile', 'however', 'nevertheless', 'nonetheless',
  'rather', 'finally', 'first', 'recently', 'previously', 'reportedly', 'allegedly', 'apparently', 'simply', 'indeed', 'already',
  'often', 'always', 'sometimes', 'perhaps', 'maybe', 'not', 'together', 'separately', 'privately', 'publicly', 'immediately', 'today']);

/** "Jolly said": a capitalised word the tagger read as an adverb, right before a verb, that no clause adverb explains. */
export function isNameReadAsAdverb(tokens: readonly Token[], k: number): boolean {
  const t = tokenAt(tokens, k);
  return !!t && t.pos === 'ADV' && isCap(t) && !CLAUSE_ADVERBS.has(t.lower) && !FLOATING_WORDS.has(t.lower)
    && (posAt(tokens, k + 1) === 'VERB' || posAt(tokens, k + 1) === 'AUX');
}

/** Participles that say which people are meant: "those surveyed", "voters polled", "residents interviewed". */
const PARTICIPLE_MODIFIERS = new Set(['surveyed', 'polled', 'interviewed', 'questioned', 'asked', 'contacted', 'sampled', 'involved',
  'affected', 'concerned', 'quoted', 'cited', 'named', 'mentioned', 'consulted', 'gathered', 'assembled', 'present']);

const FLOATING_WORDS = new Set(['both', 'all', 'each', 'yesterday', 'today', 'tonight', 'since']);
const TIME_NOUNS = new Set(['year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'morning', 'afternoon', 'evening',
  'night', 'weekend', 'today', 'yesterday', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'time', 'spring',
  'summer', 'fall', 'autumn', 'winter', 'season', 'decade', 'century', 'hour', 'hours', 'minute', 'minutes']);

/** A phrase that only says when: "Thursday evening", "last week", "this month", "2008". */
function isTimePhrase(tokens: readonly Token[], p: Phrase): boolean {
  for (let k = p.first; k < p.last; k++) {
    const t = tokens[k];
    if (!t) return false;
    if (TIME_NOUNS.has(t.lower) || /^\d{1,4}(?:s)?$/.test(t.text) || ['this', 'last', 'next', 'that', 'early', 'late', 'the'].includes(t.lower)) continue;
    return false;
  }
  return true;
}

/** Where a time phrase that ends right before `end` starts ("on Wednesday", "in 2010", "just this month"), or -1. */
function timePhraseBefore(tokens: readonly Token[], end: number, floor: number): number {
  let k = end - 1;
  let sawTime = false;
  while (k >= floor) {
    const t = tokens[k];
    if (!t) break;
    if (TIME_NOUNS.has(t.lower) || /^\d{4}$/.test(t.text)) { sawTime = true; k--; continue; }
    if (sawTime && ['this', 'last', 'next', 'early', 'late', 'earlier', 'just', 'the'].includes(t.lower)) { k--; continue; }
    break;
  }
  if (!sawTime) return -1;
  if (['on', 'in', 'at', 'during', 'since'].includes(lowerAt(tokens, k))) k--;
  return k + 1;
}

/** The first noun phrase of a clause, after an opening adverbial ("Meanwhile,", "In response,"). */
export function clauseSubject(tokens: readonly Token[], from: number, to: number): Phrase | null {
  let k = from;
  // "Washington (AFP) – Democrat Hillary Clinton has …": a dateline before a dash is no subject
  for (let j = from; j < Math.min(to, from + 8); j++) {
    const t = tokens[j];
    if (!t) break;
    if (/^(?:\u2014|\u2013|--|-)$/.test(t.text) && j > from) { k = j + 1; break; }
    if (!['PROPN', 'NUM', 'PUNCT', 'X'].includes(t.pos) && !/^[\p{Lu}]/u.test(t.text)) break;
  }
  const first = tokenAt(tokens, k);
  if (first && (first.pos === 'ADV' || first.pos === 'ADP' || first.pos === 'SCONJ' || first.pos === 'CCONJ')) {
    let comma = -1;
    for (let j = k; j < Math.min(to, k + 12); j++) if (textIs(tokens, j, ',')) { comma = j; break; }
    k = comma >= 0 ? comma + 1 : k + 1;
  }
  for (let tries = 0; k < to && tries < 3; tries++) {
    const phrase = phraseStartingAt(tokens, k, to);
    if (phrase) return phrase;
    k++;
  }
  return null;
}

/** Extends a phrase by a following appositive: "the El Paso mayor, Dee Margo," / "Bryan English, the campaign's director". */
export function withAppositive(tokens: readonly Token[], phrase: Phrase, ceiling: number): Phrase {
  if (!textIs(tokens, phrase.last, ',')) return phrase;
  const next = phraseStartingAt(tokens, phrase.last + 1, ceiling);
  if (!next) return phrase;
  const after = tokenAt(tokens, next.last);
  if (next.last < ceiling && after && ![',', '.', ';', '\u2014'].includes(after.text)) return phrase;
  const hasName = (p: Phrase): boolean => tokens.slice(p.first, p.last).some(t => t.pos === 'PROPN' || isCap(t));
  return hasName(next) || hasName(phrase) ? { first: phrase.first, last: next.last } : phrase;
}

/** A speaker's words: `core` names who it is ("Bryan English"), `full` is the whole mention with its appositives. */
export interface SourcePhrase {
  core: Phrase;
  full: Phrase;
  /** a relative pronoun stands for the speaker ("X, who said ...") */
  relative: boolean;
}

const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that']);
const APPOSITIVE_OPENERS = new Set(['a', 'an', 'the', 'who', 'whom', 'whose', 'which', 'where', 'its', 'his', 'her', 'their', 'our',
  'former', 'then', 'now', 'both', 'also', 'like', 'one', 'another', 'chief', 'senior', 'deputy', 'executive']);
const SEGMENT_STOP = /^(?:[;:"\u201C\u201D\u201E`]|''|``)$/;

/** Whether tokens [from, to) read as an appositive or a relative clause: ", a former governor," / ", 66," / ", who ...". */
function isAppositive(tokens: readonly Token[], from: number, to: number): boolean {
  if (to <= from || to - from > 40) return false;
  const first = tokens[from];
  if (!first) return false;
  // "During Mr. Clinton's 1992 campaign," / "Although …" / "This month," open an adverbial, not an appositive
  // ", now a paid commentator," / ", then the party's chair," open an appositive with an adverb of time
  const timeAdverb = first.pos === 'ADV' && APPOSITIVE_OPENERS.has(first.lower);
  // "— and two-thirds of Republicans in New Hampshire —": more speakers added between dashes
  if ((first.lower === 'and' || first.lower === 'or') && isDash(tokens, from - 1) && phraseStartingAt(tokens, from + 1, to)
    && !tokens.slice(from + 1, to).some(t => t.pos === 'VERB' || t.pos === 'AUX')) return true;
  if (['ADP', 'SCONJ', 'ADV', 'CCONJ', 'PART'].includes(first.pos) && !['who', 'whose', 'which', 'whom'].includes(first.lower) && !timeAdverb) return false;
  if (isTimePhrase(tokens, { first: from, last: to })) return false;
  for (let k = from; k < to; k++) if (SEGMENT_STOP.test(textAt(tokens, k))) return false;
  if (['who', 'whom', 'whose', 'which'].includes(first.lower)) return true;
  // "a top operative who played a major role in … and is now running …": a relative clause may make a noun appositive long
  let hasRelative = false;
  for (let k = from + 1; k < to && !hasRelative; k++) hasRelative = ['who', 'whose', 'whom'].includes(lowerAt(tokens, k));
  if (to - from > (hasRelative ? 40 : 24)) return false;
  // an appositive has no finite verb of its own, unless a relative clause inside it has: "a pollster who advises the campaign"
  let relative = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t && ['who', 'which', 'that', 'whose', 'whom'].includes(t.lower)) relative = true;
    // "a paid commentator": a verb form after a determiner or adjective modifies the noun
    const attributive = (['DET', 'ADJ'].includes(posAt(tokens, k - 1)) && t?.pos === 'VERB')
      // "the Metropolitan Police Counter Terrorism Command": a capitalised verb inside a name
      || (isCap(t) && isCap(tokenAt(tokens, k - 1)) && k - 1 >= from)
      // "the House Ways and Means Committee": … or before one
      || (isCap(t) && isCap(tokenAt(tokens, k + 1)) && k + 1 < to);
    // "the only candidate to campaign in Wyoming": an infinitive is no finite verb
    const infinitive = lowerIs(tokens, k - 1, 'to');
    if (t && !relative && (t.pos === 'VERB' || t.pos === 'AUX') && !/(?:ed|en|ing)$/.test(t.lower) && k > from && !attributive && !infinitive) return false;
    // "a man entered a store": a past form with an object of its own is a finite verb, not a participle
    if (t && !relative && t.pos === 'VERB' && /ed$/.test(t.lower) && k > from && ['NOUN', 'PROPN'].includes(posAt(tokens, k - 1)) && posAt(tokens, k + 1) === 'DET') return false;
  }
  return APPOSITIVE_OPENERS.has(first.lower) || first.pos === 'NUM' || first.pos === 'PROPN' || first.pos === 'NOUN' || first.pos === 'ADJ' || isCap(first);
}

/**
 * The noun phrase that a subject relative clause ending at `end` is about: "[officials] who spoke with X", "[a witness]
 * interviewed by X" — a verb between the relative word and `end` (not "the man who Trump …"), no punctuation, and the
 * phrase opening its clause. Null otherwise.
 */
function antecedentOfRelativeClause(tokens: readonly Token[], end: number, floor: number): Phrase | null {
  let sawVerb = false;
  for (let j = end - 1; j > floor && j >= end - 15; j--) {
    const t = tokens[j];
    if (!t || t.pos === 'PUNCT') return null;
    const relative = (t.lower === 'who' || t.lower === 'that') && sawVerb;
    // "a witness interviewed by X", "a news report published Wednesday", "officials based in Iowa"
    const next = tokens[j + 1];
    const participle = t.pos === 'VERB' && /ed$/.test(t.lower) && ['NOUN', 'PROPN'].includes(posAt(tokens, j - 1))
      && !!next && (next.pos === 'ADP' || TIME_NOUNS.has(next.lower));
    if (t.pos === 'VERB' || t.pos === 'AUX') sawVerb = true;
    if (!relative && !participle) continue;
    const antecedent = phraseEndingAt(tokens, j, floor);
    if (!antecedent || !isNounish(tokens[j - 1] as Token)) return null;
    const opener = tokenAt(tokens, antecedent.first - 1);
    return antecedent.first === floor || !opener || opener.text === ',' || ['CCONJ', 'SCONJ', 'ADV'].includes(opener.pos) ? antecedent : null;
  }
  return null;
}

/** Words that open an aside between a subject and its cue: "however", "meanwhile", "in …", "after …", "when asked …", "clad in …". */
const ASIDE_OPENER_POS = new Set(['ADV', 'ADP', 'SCONJ']);
/**
 * An adverbial aside between commas (`from` to `to`, exclusive): an adverb, a prepositional phrase or a
 * subordinate clause, short and with no quotation or clause break of its own.
 */
function isAdverbialAside(tokens: readonly Token[], from: number, to: number): boolean {
  if (to <= from || to - from > 20) return false;
  const first = tokens[from];
  if (!first || ['who', 'whom', 'whose', 'which', 'that', 'where'].includes(first.lower)) return false;
  const opener = ASIDE_OPENER_POS.has(first.pos) || (first.pos === 'ADJ' && posAt(tokens, from + 1) === 'ADP');
  if (!opener) return false;
  for (let k = from; k < to; k++) if (SEGMENT_STOP.test(textAt(tokens, k))) return false;
  return true;
}

/**
 * The speaker before a cue with everything PolNeAR counts as its mention: appositives and relative
 * clauses between commas ("Geoff Garin, a pollster who is now advising Priorities, said"), a
 * parenthetical ("Sen. Chuck Schumer (D-N.Y.) said"), or a relative pronoun alone ("X, who said").
 * `end` is the cue's first token.
 */
export function sourceBefore(tokens: readonly Token[], end: number, floor: number): SourcePhrase | null {
  const last = tokenAt(tokens, end - 1);
  if (!last || end - 1 < floor) return null;
  // "who in 2010 said", "Wells Fargo just this month announced": the speaker stands before a time phrase
  const time = timePhraseBefore(tokens, end, floor);
  if (time > floor) {
    const before = sourceBefore(tokens, time, floor);
    if (before) return before;
  }
  if (RELATIVE_PRONOUNS.has(last.lower) && end - 2 >= floor && (textIs(tokens, end - 2, ',') || isNounish(tokens[end - 2] as Token))) {
    const antecedentEnd = textIs(tokens, end - 2, ',') ? end - 2 : end - 1;
    // "according to police, who said": a one-word object the tagger misread ("police" as a verb) is the antecedent too
    const word = tokenAt(tokens, antecedentEnd - 1);
    const objectWord = word && /^\p{L}+$/u.test(word.text) && ['to', 'by', 'from', 'of'].includes(lowerAt(tokens, antecedentEnd - 2)) && antecedentEnd - 1 >= floor
      ? { first: antecedentEnd - 1, last: antecedentEnd } : null;
    const antecedent = subjectBefore(tokens, antecedentEnd, floor) ?? objectWord;
    const self = { first: end - 1, last: end };
    return { core: antecedent ?? self, full: self, relative: true };
  }
  // "Jane Doe, 45, of Leeds said": where a person is from is no subject
  const origin = originBefore(tokens, end, floor);
  if (origin > floor) {
    const before = sourceBefore(tokens, origin, floor);
    if (before && !before.relative) return { core: before.core, full: { first: before.full.first, last: textIs(tokens, end - 1, ',') ? end - 1 : end }, relative: false };
  }
  // "Sen. Jack Reed (D-R.I.), said": a comma after a parenthetical tag, before the verb, sets nothing off
  if (last.text === ',' && textIs(tokens, end - 2, ')') && end - 2 > floor && !tokens.slice(floor, end - 1).some(t => t.text === ',')) {
    const before = sourceBefore(tokens, end - 1, floor);
    if (before && !before.relative) return before;
  }
  let k = end;
  let fullEnd = end;
  /** the leftmost appositive accepted so far: the speaker when nothing stands before it ("After …, Roberta Lange, the chairwoman, said") */
  let leftmost: Phrase | null = null;
  /** a relative clause between commas: the mention only when no subject can be read before it */
  let relativeSegment: Phrase | null = null;
  for (let guard = 0; guard < 5; guard++) {
    const t = tokenAt(tokens, k - 1);
    if (!t) break;
    if (t.text === ')') {
      let open = k - 2;
      while (open >= floor && open > k - 12 && !textIs(tokens, open, '(')) open--;
      if (open < floor || !textIs(tokens, open, '(')) break;
      k = open;
      continue;
    }
    // (compared once: a comparison of its own, met mostly with commas, had its optimised code thrown away at a dash)
    const comma = t.text === ',';
    if (comma || isDash(tokens, k - 1)) {
      let open = k - 2;
      while (open >= floor && open > k - 42 && !isMark(tokens, open, comma) && !SEGMENT_STOP.test(textAt(tokens, open))) open--;
      if (open <= floor || !isMark(tokens, open, comma)) break;
      // "Fiorina, speaking to Iowans, said": a participle aside is skipped, and left out of the mention
      const aside = tokens[open + 1];
      if (aside && aside.pos === 'VERB' && /(?:ing|ed)$/.test(aside.lower) && k - 1 - open <= 20) {
        if (fullEnd === end && k === end) fullEnd = open;
        k = open;
        continue;
      }
      // "Hunter, meanwhile, told", "X, in a statement released Thursday, said": an adverbial aside is skipped and left out too
      // … also before an appositive ("Sanders, meanwhile, who has no such endorsements, said"), where it stays in the mention
      // … and after an age: "Mr Mubanga, 32, from Wembley, London, said"
      if (!isAppositive(tokens, open + 1, k - 1) && isAdverbialAside(tokens, open + 1, k - 1) && open > floor
        && (isNounish(tokens[open - 1] as Token) || isAge(tokens, open - 1))) {
        if (k === end) fullEnd = open;
        k = open;
        if (isAge(tokens, k - 1)) k -= 2;
        continue;
      }
      // "Woodrow Benford, 58, who …": an age between commas
      const age = k - 1 - open === 2 && /^\d{1,3}$/.test(textAt(tokens, open + 1));
      // "Mr. Slinker, whose latest start-up, Paradata, uses big data …, said": a relative clause with commas of its own
      if (!age && !isAppositive(tokens, open + 1, k - 1) && comma) {
        const relativeOpen = relativeClauseOpening(tokens, open, floor, k - 1);
        if (relativeOpen > floor) open = relativeOpen;
      }
      if (!age && !isAppositive(tokens, open + 1, k - 1)) break;
      if (fullEnd === end && k === end) fullEnd = k - 1;
      // a relative clause or an age is never the speaker itself
      if (!age && !RELATIVE_PRONOUNS.has(lowerAt(tokens, open + 1)) && !['and', 'or'].includes(lowerAt(tokens, open + 1))) leftmost = { first: open + 1, last: k - 1 };
      else if (!age) relativeSegment = { first: open + 1, last: k - 1 };
      // the segment's opening comma may close another appositive: "X, the attorney general, one of …, said"
      k = open + 1;
      continue;
    }
    break;
  }
  if (k < end && (textIs(tokens, k - 1, ',') || isDash(tokens, k - 1))) k--;
  let core = subjectBefore(tokens, k, floor);
  // "Current and former officials who spoke with The Huffington Post said": the phrase before the cue ends a relative
  // clause; the speaker is what that clause is about
  if (core && k === end && !leftmost) {
    const antecedent = antecedentOfRelativeClause(tokens, core.first, floor);
    if (antecedent) return { core: antecedent, full: { first: antecedent.first, last: core.last }, relative: false };
  }
  // "After the meeting ended in chaos, Roberta Lange, …, said": a phrase after a preposition or verb is no subject
  const objectLike = !!core && ['ADP', 'VERB', 'AUX'].includes(posAt(tokens, core.first - 1)) && core.first > floor;
  if ((!core || core.last !== k || objectLike) && leftmost && isNounish(tokens[leftmost.last - 1] as Token)) {
    // the leftmost segment names the speaker itself; what stands before it is an adverbial clause
    return { core: leftmost, full: { first: leftmost.first, last: fullEnd }, relative: false };
  }
  if (!core && relativeSegment && !leftmost) return { core: relativeSegment, full: { first: relativeSegment.first, last: fullEnd }, relative: false };
  // "A House staff member who asked not to be identified said": a relative clause with no commas ends right before the cue
  if (!core && k === end && !leftmost) {
    const clause = relativeClauseEndingAt(tokens, end, floor);
    if (clause) return clause;
  }
  if (!core && k === end) {
    // "Cook said": a capitalised word that opens the clause right before the cue is a name, whatever its tag
    const t = tokens[k - 1];
    // … but not a function word or a headline verb: "As stated", "When pressed", "Keeps saying"
    const functionWord = !!t && (['ADP', 'SCONJ', 'ADV', 'CCONJ', 'DET', 'PART', 'PRON'].includes(t.pos) || (t.pos === 'VERB' && /s$/.test(t.lower)));
    if (t && isCap(t) && !functionWord && (k - 1 === floor || [',', ';', '"', '\u201C', '\u201D'].includes(textAt(tokens, k - 2)))) core = { first: k - 1, last: k };
  }
  if (!core) return null;
  if (k === end) return { core, full: core, relative: false };
  // the core must end where the appositives begin
  if (core.last !== k) return null;
  return { core, full: { first: core.first, last: fullEnd }, relative: false };
}

/**
 * The comma that opens a relative clause ending at `close`, looking back from the comma `from` over at most two more
 * commas: ", whose latest start-up, Paradata, uses …". -1 when none.
 */
function relativeClauseOpening(tokens: readonly Token[], from: number, floor: number, close: number): number {
  let commas = 0;
  for (let j = from; j > floor && j > close - 40; j--) {
    const t = tokens[j];
    if (!t || SEGMENT_STOP.test(t.text)) return -1;
    if (t.text !== ',') continue;
    if (['who', 'whom', 'whose'].includes(lowerAt(tokens, j + 1))) return j;
    if (++commas > 3) return -1;
  }
  return -1;
}

/** Token `k` is a mark of the kind that closes a segment: a comma when `comma`, a dash otherwise. */
function isMark(tokens: readonly Token[], k: number, comma: boolean): boolean {
  return comma ? textIs(tokens, k, ',') : isDash(tokens, k);
}

/** An em dash, "--", or a hyphen with a space on each side. */
function isDash(tokens: readonly Token[], k: number): boolean {
  const t = tokenAt(tokens, k);
  if (!t) return false;
  if (t.text === '\u2014' || t.text === '--') return true;
  return (t.text === '-' || t.text === '\u2013') && endAt(tokens, k - 1) !== t.start && startAt(tokens, k + 1) !== t.end;
}

/** ", 45," — an age between commas, token `k` being the number. */
function isAge(tokens: readonly Token[], k: number): boolean {
  return /^\d{1,3}$/.test(textAt(tokens, k)) && textIs(tokens, k - 1, ',');
}

/** The comma before ", of Leeds" or ", from Wembley, London" right before `end` (after a name or an age); -1 when there is none. */
function originBefore(tokens: readonly Token[], end: number, floor: number): number {
  let k = end - 1;
  if (textIs(tokens, k, ',')) k--;
  let names = 0;
  while (k > floor && (posAt(tokens, k) === 'PROPN' || (textIs(tokens, k, ',') && posAt(tokens, k - 1) === 'PROPN')) && names < 6) { k--; names++; }
  if (!names || !['of', 'from'].includes(lowerAt(tokens, k)) || !textIs(tokens, k - 1, ',')) return -1;
  const before = tokenAt(tokens, k - 2);
  if (isAge(tokens, k - 2)) return k - 3;
  return before?.pos === 'PROPN' ? k - 1 : -1;
}

/** The noun phrase before "who" when "who …" runs, without a comma or a mark, up to `end`. */
function relativeClauseEndingAt(tokens: readonly Token[], end: number, floor: number): SourcePhrase | null {
  for (let w = end - 2; w > floor && w >= end - 12; w--) {
    const t = tokens[w] as Token;
    if (t.type === 'punctuation' || SEGMENT_STOP.test(t.text) || t.text === ',') return null;
    if (t.lower !== 'who') continue;
    if (!tokens.slice(w + 1, end).some(u => u.pos === 'VERB' || u.pos === 'AUX')) return null;
    const antecedent = subjectBefore(tokens, w, floor);
    return antecedent && antecedent.last === w ? { core: antecedent, full: { first: antecedent.first, last: end }, relative: false } : null;
  }
  return null;
}

/** The speaker after an inverted cue ("said Tad Devine, a senior adviser on the campaign."), appositives to the clause end. */
export function sourceAfter(tokens: readonly Token[], start: number, ceiling: number): SourcePhrase | null {
  const core = phraseStartingAt(tokens, start, ceiling);
  if (!core) return null;
  let last = core.last;
  // attachments PolNeAR keeps in the mention: "a poll by RealClearPolitics", "the average of polls", "Mikulski of Maryland"
  for (let guard = 0; guard < 3; guard++) {
    // "a person familiar with the talks", "an official close to the campaign": an adjective that takes a preposition
    const adjective = posAt(tokens, last) === 'ADJ' && ['with', 'to', 'about'].includes(lowerAt(tokens, last + 1)) ? 1 : 0;
    const prep = tokenAt(tokens, last + adjective);
    if (!prep || !(SOURCE_ATTACHMENTS.has(prep.lower) || (adjective && ['to', 'about'].includes(prep.lower)))) break;
    last += adjective;
    const obj = phraseStartingAt(tokens, last + 1, ceiling);
    if (!obj || isTimePhrase(tokens, obj)) break;
    last = obj.last;
  }
  // "said a former official who oversaw the inquiry.": a relative clause with no comma before it belongs to the mention
  if (['who', 'whom', 'whose'].includes(lowerAt(tokens, last))) {
    let close = last + 1;
    while (close < ceiling && close < last + 30 && !/^[,.;!?\u2014]$/.test(textAt(tokens, close)) && !SEGMENT_STOP.test(textAt(tokens, close))) close++;
    if (close > last + 1 && (close === ceiling || /^[,.;!?\u2014]$/.test(textAt(tokens, close)))) last = close;
  }
  // "said Rep. Bobby Scott (D-Va.)": a parenthesis after the name belongs to the mention
  if (textIs(tokens, last, '(')) {
    let close = last + 1;
    while (close < ceiling && close < last + 10 && !textIs(tokens, close, ')')) close++;
    if (textIs(tokens, close, ')')) last = close + 1;
  }
  for (let guard = 0; guard < 4; guard++) {
    if (!textIs(tokens, last, ',')) break;
    let close = last + 1;
    while (close < ceiling && close < last + 30 && !/^[,.;!?\u2014]$/.test(textAt(tokens, close)) && !SEGMENT_STOP.test(textAt(tokens, close))) close++;
    if (!isAppositive(tokens, last + 1, close)) break;
    last = close;
  }
  return { core, full: { first: core.first, last }, relative: false };
}
const SOURCE_ATTACHMENTS = new Set(['of', 'by', 'from', 'at', 'for', 'with', 'in']);
