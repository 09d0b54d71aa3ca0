import type { Span } from '../../model.js';
import { isLower, isText, lexemeAt } from './lex.js';
import type { Candidate, Lexeme } from './types.js';

const ARTICLES = new Set(['the', 'a', 'an']);
const POSSESSIVES = /^(?:its|their|his|her|our|my|your|whose)$/;
const COORDINATORS = new Set(['and', 'or', '&']);
/** Words that end a noun phrase: they say when, not what. */
const STOPS = new Set(['today', 'tomorrow', 'yesterday', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** Words wink-nlp may tag as nouns that never head a counted noun phrase. */
const NOT_HEADS = new Set(['than', 'per', 'cent', 'percent', 'times', 'ago', 'earlier', 'later', 'each', 'apiece', 'more', 'less', 'so', 'or', 'of', 'aged', 'apart', 'overall', 'altogether', 'total', 'respectively', 'vs', 'versus', 'v']);
/** "$639m year-earlier", "a month earlier": a time word that says when, not what */
const WHEN_WORDS = /^(?:year|month|week|day|quarter|decade)s?$/;
const WHEN_DETERMINERS = new Set(['last', 'this', 'next', 'that', 'each', 'every', 'per', 'a']);
const WHEN_AFTER = new Set(['earlier', 'ago', 'later', 'before', 'on', 'after', 'prior', 'end', 'old', 'long']);
const MAX_WORDS = 9;
/** Words that may stand in a list of suspended compounds ("four-, five- or six-cylinder"). */
const SUSPENDED_OK = new Set(['and', 'or', 'to']);
/** Adverbs that belong to the clause, not to a noun phrase ("23 also injured"). */
const CLAUSE_ADVERBS = new Set(['also', 'only', 'just', 'still', 'even', 'not', 'now', 'then', 'already', 'reportedly', 'allegedly', 'later', 'again', 'since', 'once', 'so', 'too', 'as', 'more', 'most', 'less']);

/**
 * Participles that introduce a name or description rather than modify a noun ("one called therapeutic cloning"), and
 * reporting verbs, which start a clause ("82% said Mr Blunkett had…").
 */
const NAMING_VERBS = new Set(['called', 'named', 'known', 'dubbed', 'titled', 'entitled', 'labelled', 'labeled', 'described', 'including', 'according', 'compared', 'ranging', 'totalling', 'totaling', 'worth',
  'said', 'says', 'told', 'claimed']);
const isParticiple = (l: Lexeme): boolean => l.pos === 'VERB' && /(?:ed|en|ing)$/.test(l.lower) && !NAMING_VERBS.has(l.lower);
/** Nouns, and capitalised words wink-nlp took for verbs ("its Echo devices") */
const isNounish = (l: Lexeme): boolean => (l.pos === 'NOUN' || l.pos === 'PROPN' || (l.cap && l.pos === 'VERB')) && !NOT_HEADS.has(l.lower);
const isPremod = (l: Lexeme): boolean => l.pos === 'ADJ' || isParticiple(l) || isNounish(l);
/** A hyphen joining two words: "first-team", "coal-fired", "e-cigarette". */
const joiner = (lx: readonly Lexeme[], k: number): boolean => isText(lx, k, '-') && !lx[k]!.gap && lx[k + 1] !== undefined && !lx[k + 1]!.gap && lx[k + 1]!.type === 'word';

const CONTENT = new Set(['ADJ', 'ADV', 'VERB', 'NOUN', 'PROPN']);
/** Words that can open a hyphenated modifier ("per-day", "with-profits", "after-tax"); a number word there ("one-way") starts a quantity of its own. */
const HYPHEN_FIRST_POS = new Set([...CONTENT, 'ADP']);
/** A noun within the next three words, with nothing but modifiers and hyphens between. */
function nounAhead(lx: readonly Lexeme[], p: number): boolean {
  for (let q = p + 1; q <= p + 4 && q < lx.length; q++) {
    const l = lx[q]!;
    if (l.text === '-' && !l.gap) continue;
    if (l.type !== 'word' || !CONTENT.has(l.pos) || STOPS.has(l.lower)) return false;
    if (isNounish(l)) return true;
  }
  return false;
}

/** A common noun within the next three words, with only modifiers between: "Robeson [common shares]". */
function commonNounAhead(lx: readonly Lexeme[], p: number): boolean {
  for (let q = p; q <= p + 3 && q < lx.length; q++) {
    const l = lx[q]!;
    if (l.text === '-' && !l.gap) continue;
    if (l.type !== 'word' || STOPS.has(l.lower) || NOT_HEADS.has(l.lower)) return false;
    if (l.pos === 'NOUN') return true;
    if (l.pos !== 'ADJ' && !isParticiple(l)) return false;
  }
  return false;
}

/** The last lexeme of an abbreviation like "U.S." or "U.N." starting at p, or p - 1 when there is none. */
function abbreviationEnd(lx: readonly Lexeme[], p: number): number {
  let q = p;
  while (lexemeAt(lx, q)?.type === 'word' && lx[q]!.text.length <= 2 && lx[q]!.cap && isText(lx, q + 1, '.') && !lx[q + 1]!.gap && (q === p || !lx[q]!.gap)) q += 2;
  return q - p >= 4 ? q - 1 : p - 1;
}

export interface Phrase { first: number; last: number }

/**
 * The noun phrase starting at lexeme `k`: modifiers (adjectives, participles, nouns, hyphenated compounds) and
 * a head noun, extended over "and"/"or" when what follows ends in a common noun ("Afghan Taliban and affiliated
 * militants", "soldiers and civilians"). Returns null when no noun heads it.
 */
export function nounPhrase(lx: readonly Lexeme[], k: number, afterPreposition = false): Phrase | null {
  let count = 0;
  /** one run of modifiers and nouns from `from`; `head` is its last noun */
  const chunk = (from: number): { end: number; head: number } => {
    let p = from;
    let head = -1;
    let compound = false;
    while (p < lx.length && count < MAX_WORDS) {
      const l = lx[p]!;
      const next = lx[p + 1];
      if (l.type === 'word') {
        // "U.S.", "U.K.": letters and full stops make one name
        const abbr = abbreviationEnd(lx, p);
        if (abbr > p) { head = abbr; p = abbr + 1; count++; compound = false; continue; }
        // "the country's 50 legislatures": a possessive before a number leaves the counting to that number
        if (l.lower.endsWith("'s") && (l.pos === 'PROPN' || l.pos === 'NOUN' || l.cap)) {
          if (next?.type !== 'word') return { end: from, head: -1 };
          // "Saudi Arabia's entire production": the possessor determines the phrase, whose head comes after it
          head = -1;
          p++;
          count++;
          continue;
        }
        // right after a number, a word ending in -s is a plural noun even when tagged as a verb ("3.7 rebounds", "26 saves")
        const noun = isNounish(l) || (p === k && l.pos === 'VERB' && (/[^s]s$/.test(l.lower) || afterPreposition) && !isParticiple(l)) || (compound && l.pos !== 'VERB');
        // wink-nlp tags some modifiers as verbs or adverbs ("offshore wind capacity"): before the first noun, any
        // content word counts as a modifier when a noun follows within three words
        // "32,800 Robeson common shares": a name before modifiers and a common noun is a modifier too
        const afterName = head >= 0 && lx[head]!.pos === 'PROPN' && head === p - 1 && l.pos === 'ADJ' && commonNounAhead(lx, p);
        // "per-day production", "out-of-court settlement": the first word of a hyphenated compound modifies what follows
        const premod = afterName || head < 0 && (l.pos === 'ADJ' || isParticiple(l) || compound || (HYPHEN_FIRST_POS.has(l.pos) && joiner(lx, p + 1) && nounAhead(lx, p + 1)) || (CONTENT.has(l.pos) && !NAMING_VERBS.has(l.lower) && !CLAUSE_ADVERBS.has(l.lower) && nounAhead(lx, p)));
        const adverb = head < 0 && l.pos === 'ADV' && !CLAUSE_ADVERBS.has(l.lower) && next !== undefined && (next.pos === 'ADJ' || isParticiple(next));
        // "heavy human and financial losses", "combined digital and physical sales": coordinated modifiers
        const coord = head < 0 && p > from && COORDINATORS.has(l.lower) && next !== undefined && next.type === 'word' && (next.pos === 'ADJ' || isParticiple(next));
        if (!noun && !premod && !adverb && !coord) break;
        if (STOPS.has(l.lower)) break;
        if (noun && !NOT_HEADS.has(l.lower)) head = p;
        p++;
        count++;
        compound = joiner(lx, p);
        if (compound) p++;
        continue;
      }
      // "Model 3 sedans": a number inside a name
      if (l.type === 'num' && p > from && lx[p - 1]!.pos === 'PROPN' && next !== undefined && isNounish(next)) { p++; continue; }
      break;
    }
    return { end: p, head };
  };
  const first = chunk(k);
  if (first.head < 0) return null;
  let lastHead = first.head;
  let j = first.end;
  const firstIsCommon = lx[first.head]!.pos === 'NOUN';
  while (COORDINATORS.has(lexemeAt(lx, j)?.lower ?? '')) {
    const n = lx[j + 1];
    if (!n || n.type !== 'word' || !isPremod(n)) break;
    const next = chunk(j + 1);
    if (next.head < 0 || lx[next.head]!.pos !== 'NOUN') break;
    // "5 goals and Smith": extend only when the result is one coordinated group of things
    if (firstIsCommon && !/s$/.test(lx[next.head]!.lower)) break;
    lastHead = next.head;
    j = next.end;
  }
  return { first: k, last: lastHead };
}

/** What follows "of": "of the uaw workers" → "uaw workers"; nothing for pronouns ("of them", "of which"). */
function ofPhrase(lx: readonly Lexeme[], k: number): Phrase | null {
  if (!isLower(lx, k, 'of')) return null;
  let j = k + 1;
  if (ARTICLES.has(lexemeAt(lx, j)?.lower ?? '')) j++;
  const l = lx[j];
  if (!l || l.type !== 'word') return null;
  if (POSSESSIVES.test(l.lower)) {
    const np = nounPhrase(lx, j + 1);
    return np ? { first: j, last: np.last } : null;
  }
  if (l.pos === 'PRON' || l.pos === 'DET') return null;
  return nounPhrase(lx, j, true);
}

/** "in connection with", "in exchange for": phrases that say how, not what. */
const IN_IDIOMS = new Set(['connection', 'exchange', 'addition', 'total', 'return', 'response', 'order', 'part', 'place', 'effect', 'advance',
  'fact', 'principle', 'turn', 'line', 'light', 'view', 'case', 'terms', 'time', 'full', 'all', 'excess', 'lieu', 'favour', 'favor', 'charge', 'relation', 'respect']);
/** "in military aid", "in new loans": a common noun phrase after "in", with no article and no name or date in it. */
function moneyInPhrase(lx: readonly Lexeme[], k: number): Phrase | null {
  if (!isLower(lx, k, 'in') || lx[k]!.gap === false) return null;
  const first = lx[k + 1];
  if (!first || first.type !== 'word' || first.cap || first.pos === 'PROPN' || first.pos === 'DET' || STOPS.has(first.lower) || IN_IDIOMS.has(first.lower)) return null;
  const np = nounPhrase(lx, k + 1, true);
  if (!np) return null;
  for (let q = np.first; q <= np.last; q++) if (lx[q]!.cap || lx[q]!.pos === 'PROPN' || WHEN_WORDS.test(lx[q]!.lower)) return null;
  return lx[np.last]!.pos === 'NOUN' ? np : null;
}

const span = (lx: readonly Lexeme[], p: Phrase): Span => ({ start: lx[p.first]!.start, end: lx[p.last]!.end });

/**
 * The counted noun phrase of a quantity: the noun phrase right after it ("23 Pakistani soldiers", "four-day
 * talks", "a 25% tax"), or the one after "of" ("dozens of people", "60% of its revenue", "four years of heavy
 * losses"). `after` is the first lexeme after the quantity.
 */
export function findCounted(lx: readonly Lexeme[], cand: Candidate, after: number, bare = false): Span | null {
  if (cand.kind === 'year') return yearModified(lx, cand, after);
  if (cand.kind === 'date' || cand.kind === 'ordinal' || cand.unitType === 'times') return null;
  if (cand.ruleId === 'time' || cand.ruleId === 'phone' || cand.ruleId === 'score') return null;
  let k = after;
  if (bare) {
    if (ARTICLES.has(lexemeAt(lx, k)?.lower ?? '') || POSSESSIVES.test(lexemeAt(lx, k)?.lower ?? '')) k++;
    const np = lexemeAt(lx, k)?.type === 'word' ? nounPhrase(lx, k, true) : null;
    return np ? span(lx, np) : null;
  }
  // "four-, five- and six-cylinder engines": a suspended hyphen borrows the last compound's noun
  if (isText(lx, k, '-') && !lx[k]!.gap && (isText(lx, k + 1, ',') || COORDINATORS.has(lexemeAt(lx, k + 1)?.lower ?? ''))) {
    for (let q = k + 1; q < k + 12 && q < lx.length; q++) {
      const h = lx[q]!;
      if (h.text === '-' && !h.gap && lexemeAt(lx, q + 1)?.type === 'word' && !lx[q + 1]!.gap && lexemeAt(lx, q - 1)?.type !== 'punct') {
        // the unit the numbers share ("two- or three-day talks") is not what they count
        const np = nounPhrase(lx, cand.unit !== null ? q + 2 : q + 1);
        return np ? span(lx, np) : null;
      }
      if (h.type === 'word' && !COORDINATORS.has(h.lower) && h.pos !== 'NUM' && !SUSPENDED_OK.has(h.lower)) break;
    }
    return null;
  }
  // a hyphen left after a number word ("four-cylinder engine")
  if (isText(lx, k, '-') && !lx[k]!.gap && lx[k + 1] && !lx[k + 1]!.gap) k++;
  const of = ofPhrase(lx, k);
  if (of) return span(lx, of);
  // "US$400 million in military aid", "$5 billion in loans": what an amount of money is, after "in"
  if (cand.kind === 'money') {
    const inPhrase = moneyInPhrase(lx, k);
    if (inPhrase) return span(lx, inPhrase);
  }
  // durations count something only when they modify it ("four-day talks"), not "for two hours"
  if (cand.kind === 'duration' && !cand.hyphenated) return null;
  // "half the condos", "half his sentence"
  if (cand.fraction && (ARTICLES.has(lexemeAt(lx, k)?.lower ?? '') || POSSESSIVES.test(lexemeAt(lx, k)?.lower ?? ''))) k++;
  const l = lx[k];
  if (!l || l.type !== 'word') {
    // "another pick or two": the thing counted comes before "or"
    const or = lexemeAt(lx, cand.first - 1);
    const noun = lexemeAt(lx, cand.first - 2);
    if (or?.lower === 'or' && noun && noun.pos === 'NOUN' && cand.words) return { start: noun.start, end: noun.end };
    return null;
  }
  // "$5bn last year", "20,000 this month": a time phrase after the amount says when
  if (WHEN_DETERMINERS.has(l.lower) && WHEN_WORDS.test(lexemeAt(lx, k + 1)?.lower ?? '')) return null;
  if (WHEN_WORDS.test(l.lower)) {
    const n = isText(lx, k + 1, '-') ? lx[k + 2] : lx[k + 1];
    if (n && WHEN_AFTER.has(n.lower)) return null;
  }
  const np = nounPhrase(lx, k);
  if (!np) return null;
  // "Fifteen-year-old Donald Young's first appearance": an age is of the person, who is the possessor
  if (cand.unitType === 'age') {
    for (let q = np.first; q < np.last; q++) if (lx[q]!.lower.endsWith("'s")) return { start: lx[np.first]!.start, end: lx[q]!.end - 2 };
  }
  return span(lx, { first: np.first, last: ofTail(lx, np.last) });
}

/** "23 members of the ruling party", "220 members of the House of Representatives": the counted phrase runs on over "of" phrases that complete its noun. */
function ofTail(lx: readonly Lexeme[], last: number, depth = 0): number {
  if (depth > 1 || !isLower(lx, last + 1, 'of') || lx[last + 1]!.gap === false) return last;
  const tail = ofPhrase(lx, last + 1);
  return tail ? ofTail(lx, tail.last, depth + 1) : last;
}

/**
 * "the 1973 building", "its 2019 report": a year between a determiner and a noun modifies that noun, which is
 * what the year is of. A year with no determiner before it ("in 1973 buildings were…") is left alone.
 */
function yearModified(lx: readonly Lexeme[], cand: Candidate, after: number): Span | null {
  const before = lexemeAt(lx, cand.first - 1)?.lower ?? '';
  if (!ARTICLES.has(before) && !POSSESSIVES.test(before)) return null;
  const l = lx[after];
  // (a verb there is the clause's own, "in the 1990s became…", unless it is a gerund-like noun: "the 1973 building")
  if (!l || l.type !== 'word' || l.cap || (l.pos === 'VERB' && !l.lower.endsWith('ing'))) return null;
  // what stands between the determiner's year and the verb is a noun even where the tagger reads "building" as a verb
  const np = nounPhrase(lx, after, true);
  return np && lx[np.last]!.pos !== 'PROPN' ? span(lx, np) : null;
}
