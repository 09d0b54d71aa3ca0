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
const SUBJECT_PREPOSITIONS = new Set(['of', 'for', 'from', 'at', 'within', 'with', 'in', 'on', 'during']);
const STOP_WORDS = new Set(['that', 'which', 'who', 'whom', 'whose', 'when', 'where', 'while', 'because', 'if', 'as', 'than', 'but', 'so']);

const isCap = (t: Token | undefined): boolean => !!t && /^[\p{Lu}]/u.test(t.text);

function isNounish(t: Token): boolean {
  return t.pos === 'PROPN' || t.pos === 'NOUN' || (t.pos === 'PRON' && !['it', 'this', 'that', 'which', 'who', 'what'].includes(t.lower)) || t.lower === 'it';
}

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
    if (NP_POS.has(t.pos) || (t.pos === 'PUNCT' && t.text === '.' && /^[\p{Lu}]\p{Ll}{0,3}$/u.test(tokens[k - 1]?.text ?? ''))) {
      first = k;
      if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'NUM') sawNoun = true;
      k--;
      if (t.pos === 'DET') break;
      continue;
    }
    if ((t.pos === 'PART' || t.pos === 'PUNCT') && POSSESSIVE.has(t.lower) && first < end) { first = k; k--; continue; }
    if (CONNECTORS.has(t.lower) && isCap(tokens[k - 1]) && isCap(tokens[k + 1])) { first = k; k--; continue; }
    if (t.text === '-' && first < end) { first = k; k--; continue; }
    if (isCap(t) && t.lower !== 'i' && (t.pos !== 'VERB' && t.pos !== 'AUX' || isCap(tokens[k - 1]) || isCap(tokens[k + 1]))) { first = k; sawNoun = true; k--; continue; }
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
    if (isCap(t) && t.lower !== 'i' && (k > start || t.pos !== 'ADP') && (t.pos !== 'VERB' && t.pos !== 'AUX' || isCap(tokens[k - 1]) || isCap(tokens[k + 1]))) { sawNoun = true; lastNoun = k; k++; continue; }
    if ((t.pos === 'PART' || t.pos === 'PUNCT') && POSSESSIVE.has(t.lower) && k > start) { k++; continue; }
    if (CONNECTORS.has(t.lower) && isCap(tokens[k - 1]) && isCap(tokens[k + 1])) { k++; continue; }
    if (t.text === '.' && /^[\p{Lu}]\p{Ll}{0,3}$/u.test(tokens[k - 1]?.text ?? '') && isCap(tokens[k + 1])) { k++; continue; }
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
    if (!t || !BETWEEN_SUBJECT_AND_CUE_POS.has(t.pos) || POSSESSIVE.has(t.lower)) break;
    end--;
  }
  let core = phraseEndingAt(tokens, end, floor);
  if (!core) {
    // "X, who ... , said" is left to later work; a closing comma of an appositive is handled here
    if (tokens[end - 1]?.text === ',') {
      const inner = phraseEndingAt(tokens, end - 1, floor);
      if (inner && tokens[inner.first - 1]?.text === ',') {
        const outer = phraseEndingAt(tokens, inner.first - 1, floor);
        if (outer) core = { first: outer.first, last: inner.last };
      }
    }
    return core;
  }
  // a subject with prepositional attachments: "a spokesman for the ministry", "Another report from the government"
  for (let guard = 0; guard < 3; guard++) {
    const prep = tokens[core.first - 1];
    if (!prep || !SUBJECT_PREPOSITIONS.has(prep.lower) || core.first - 1 <= floor) break;
    const head = phraseEndingAt(tokens, core.first - 1, floor);
    if (!head) break;
    core = { first: head.first, last: core.last };
  }
  // appositive before the subject: "<description>, <Name> confirmed"
  if (tokens[core.first - 1]?.text === ',' && core.first - 1 > floor) {
    const before = phraseEndingAt(tokens, core.first - 1, floor);
    const startsClause = before && (before.first === floor || [',', ';', ':'].includes(tokens[before.first - 1]?.text ?? ''));
    if (before && startsClause && tokens[before.first]?.pos === 'DET') core = { first: before.first, last: core.last };
  }
  return core;
}

/** The first noun phrase of a clause, after an opening adverbial ("Meanwhile,", "In response,"). */
export function clauseSubject(tokens: readonly Token[], from: number, to: number): Phrase | null {
  let k = from;
  const first = tokens[k];
  if (first && (first.pos === 'ADV' || first.pos === 'ADP' || first.pos === 'SCONJ' || first.pos === 'CCONJ')) {
    let comma = -1;
    for (let j = k; j < Math.min(to, k + 12); j++) if (tokens[j]?.text === ',') { comma = j; break; }
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
  if (tokens[phrase.last]?.text !== ',') return phrase;
  const next = phraseStartingAt(tokens, phrase.last + 1, ceiling);
  if (!next) return phrase;
  const after = tokens[next.last];
  if (next.last < ceiling && after && ![',', '.', ';', '\u2014'].includes(after.text)) return phrase;
  const hasName = (p: Phrase): boolean => tokens.slice(p.first, p.last).some(t => t.pos === 'PROPN' || isCap(t));
  return hasName(next) || hasName(phrase) ? { first: phrase.first, last: next.last } : phrase;
}
