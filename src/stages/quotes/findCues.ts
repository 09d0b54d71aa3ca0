import type { Sentence, Token } from '../../model.js';
import { cueEntry, PHRASE_CUES, type CueEntry, type CueFrame } from '../../rules/cues.js';

export interface CueMatch {
  /** first and one-past-last token index of the cue words */
  first: number;
  last: number;
  lemma: string;
  frame: CueFrame;
  complement: CueEntry['complement'] | 'phrase';
  /** "according to X": the source follows the cue */
  sourceAfter: boolean;
  participle: boolean;
  negated: boolean;
  ruleId: string;
}

const TRAILING_MODIFIERS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday',
  'today', 'tonight', 'earlier', 'later', 'recently', 'previously', 'too', 'also']);
const NEGATORS = new Set(['not', "n't", 'never', 'no']);
const OPEN_MARK = /^(?:["\u201C\u201E`]|'')$/;
const VERB_POS = new Set(['VERB', 'AUX']);
/** Nouns wink-nlp sometimes gives to cue verbs ("says", "tweets", "claims"). */
const NOUN_CUE_FORMS = new Set(['says', 'said', 'tweets', 'tweeted', 'claims', 'warns', 'adds', 'notes', 'insists', 'writes']);

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
    if (t.pos === 'PUNCT') return k === index + 1 && t.text === ',' && OPEN_MARK.test(tokens[k + 1]?.text ?? '');
    if (t.pos === 'VERB') return false;
  }
  return false;
}

/** Reporting cues in one sentence, from the lexicon; negation is recorded, not hidden. */
export function findCues(tokens: readonly Token[], sentence: Sentence): CueMatch[] {
  const cues: CueMatch[] = [];
  const { tokenStart: from, tokenEnd: to } = sentence;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t) continue;
    const phrase = PHRASE_CUES.find(p => p.words.every((w, k) => tokens[i + k]?.lower === w && i + k < to));
    if (phrase) {
      cues.push({ first: i, last: i + phrase.words.length, lemma: phrase.lemma, frame: phrase.frame, complement: 'phrase', sourceAfter: phrase.sourceAfter, participle: false, negated: false, ruleId: `cue-phrase-${phrase.lemma.replace(/\s+/g, '-')}` });
      i += phrase.words.length - 1;
      continue;
    }
    if (t.text === ':' && i > from && i + 1 < to && OPEN_MARK.test(tokens[i + 1]?.text ?? '')) {
      cues.push({ first: i, last: i + 1, lemma: ':', frame: 'speech', complement: 'clause', sourceAfter: false, participle: false, negated: false, ruleId: 'cue-colon' });
      continue;
    }
    if (!VERB_POS.has(t.pos) && !NOUN_CUE_FORMS.has(t.lower)) continue;
    const entry = cueEntry(t.lemma) ?? cueEntry(t.lower);
    if (!entry) continue;
    const prev = tokens[i - 1];
    if (prev && i > from && prev.lower === 'to') continue;      // "to announce": an intention, not an act of saying
    if (prev && i > from && (prev.lower === 'the' || prev.lower === 'a')) continue;
    const next = tokens[i + 1];
    if (entry.complement === 'predicate' || entry.complement === 'object' && entry.needsClause) {
      // "called the move a “smash and grab”", "described it as “a disgrace”": the quoted words are the content
      const quoteSoon = [1, 2, 3, 4, 5, 6].some(k => i + k < to && OPEN_MARK.test(tokens[i + k]?.text ?? ''));
      const callFor = entry.lemma === 'call' && (next?.lower === 'for' || next?.lower === 'on');
      if (!quoteSoon && !callFor) continue;
    } else if (entry.needsClause && !followedByClause(tokens, i, to)) {
      // inverted use keeps the cue: "..., the report found."
      let k = i + 1;
      while (k < to && (TRAILING_MODIFIERS.has(tokens[k]?.lower ?? '') || (tokens[k]?.lower === 'on' && /^[\p{Lu}]/u.test(tokens[k + 1]?.text ?? '')))) k += tokens[k]?.lower === 'on' ? 2 : 1;
      const atEnd = k >= to || /^[.!?;]$/.test(tokens[k]?.text ?? '') || tokens[k]?.text === ',';
      if (!atEnd) continue;
    }
    if (entry.lemma === 'add' && next && !['that', ',', ':', '.'].includes(next.text) && !OPEN_MARK.test(next.text) && next.pos !== 'PRON' && next.pos !== 'DET' && next.pos !== 'PROPN' && next.pos !== 'NOUN') continue;
    const beforeMark = prev && /^["'\u201D\u2019]$/.test(prev.text) ? tokens[i - 2] : prev;
    const participle = /ing$/.test(t.lower) && ['and', 'while', 'before', 'after', ','].includes(beforeMark?.lower ?? '');
    cues.push({
      first: i,
      last: i + 1,
      lemma: entry.lemma,
      frame: entry.frame,
      complement: entry.complement,
      sourceAfter: false,
      participle,
      negated: isNegated(tokens, i, from),
      ruleId: `cue-${entry.frame}`,
    });
  }
  return cues;
}
