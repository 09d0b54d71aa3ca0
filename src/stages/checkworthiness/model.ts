/**
 * The check-worthiness model: a logistic regression over the named features and a pruned lexical
 * vocabulary, calibrated on cross-validated predictions (Platt scaling) and shifted so that 0.5 is
 * the operating point chosen on the training set. Pure functions over a weights object; index.ts
 * loads the committed weights, scripts/train-checkworthiness.ts fits them.
 */
import { L_DIGIT, L_INFLECTED, LEMMA_LIST_MASKS, MARKER_CODES, NAMED_FEATURES, WORD_LIST_MASKS, flagNames, hasDigit, isYear, lexicalKeys, lowerLemma, namedFlagsOf, type CwToken } from './features.js';

export const WEIGHTS_FORMAT = 'claimsift-checkworthiness/1';

export interface CheckworthinessWeights {
  format: typeof WEIGHTS_FORMAT;
  model: string;
  /** log-odds intercept */
  bias: number;
  /** log-odds weight of each named feature that fires */
  named: Record<string, number>;
  /** log-odds weight of each lexical key ("u:lemma", "b:lemma lemma") kept after pruning */
  lexical: Record<string, number>;
  /** which lexical key families (first letters of lexicalKeys()'s keys) the model was fitted on */
  families: string;
  /** "sqrt": the lexical sum is divided by the square root of the number of the sentence's keys in those families */
  lexicalNorm: 'none' | 'sqrt';
  /** score = sigmoid(slope * margin + intercept - logit(threshold)) */
  calibration: { slope: number; intercept: number; threshold: number };
  /** how the weights were fitted and what they measured (informational) */
  training?: Record<string, unknown>;
}

/**
 * A weights object unpacked for fast scoring. Lexical keys become integer ids: every lemma form that
 * occurs in a kept key gets an id, unigram weights sit in an array by form id, bigram weights in a
 * hash table of form-id pairs, inflected word forms in an array by word id. One vocabulary Map then
 * tells all a token needs: by its lower-cased word, the word lists it is in and its word id; by its
 * lower-cased lemma, the lemma lists and its form id. Most words are their own lemma: one lookup.
 */
export interface CompiledModel {
  bias: number;
  /** by NAMED_FEATURES index */
  named: Float64Array;
  /** how many lemma forms ("<s>", "<num>"... and the lemmas of the kept keys) have ids; id 0 is "<s>" */
  formCount: number;
  /** unigram weight by form id (NaN: no key) */
  unigram: Float64Array;
  bigrams: PairTable;
  /** bigram weight by the index the pair table gives */
  bigram: Float64Array;
  /** inflected word weight by word id */
  word: Float64Array;
  /** lower-cased word or lemma, or a form such as "<num>" → entry of the four arrays below */
  vocabulary: ReadonlyMap<string, number>;
  /** the word lists of each entry, as a word (WORD_LIST_MASKS) */
  wordListMask: Int32Array;
  /** the inflected-word id of each entry, as a word (-1: none) */
  wordId: Int32Array;
  /** the lemma lists of each entry, as a lemma (LEMMA_LIST_MASKS) */
  lemmaListMask: Int32Array;
  /** the form id of each entry, as a lemma (-1: none) */
  formId: Int32Array;
  /** the marker code of each entry, as a word (MARKER_CODES; 0: none) */
  markerCode: Int32Array;
  /** form ids of the forms that stand for figures and marks (-1: not in the model) */
  numberForm: number;
  yearForm: number;
  currencyForm: number;
  questionForm: number;
  exclamationForm: number;
  /** the string-keyed weights, for families the fast path does not cover (empty when `fast`) */
  lexical: ReadonlyMap<string, number>;
  families: string;
  /** true when the model uses only the u, w and b families without normalisation */
  fast: boolean;
  uni: boolean;
  bi: boolean;
  wordFamily: boolean;
  normalise: boolean;
  slope: number;
  offset: number;
}

/** Open addressing over pairs of form ids: `index(first, second)` is the pair's bigram index, or -1. */
export class PairTable {
  private readonly firsts: Int32Array;
  private readonly seconds: Int32Array;
  private readonly indices: Int32Array;
  private readonly mask: number;

  constructor(pairs: ReadonlyArray<number>) {
    const count = pairs.length / 2;
    let size = 16;
    while (size < count * 2) size *= 2;
    this.mask = size - 1;
    this.firsts = new Int32Array(size).fill(-1);
    this.seconds = new Int32Array(size);
    this.indices = new Int32Array(size);
    for (let i = 0; i < count; i++) {
      const first = pairs[2 * i]!;
      const second = pairs[2 * i + 1]!;
      let h = this.slot(first, second);
      while (this.firsts[h] !== -1 && !(this.firsts[h] === first && this.seconds[h] === second)) h = (h + 1) & this.mask;
      this.firsts[h] = first;
      this.seconds[h] = second;
      this.indices[h] = i;
    }
  }

  private slot(first: number, second: number): number {
    return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca77)) & this.mask;
  }

  index(first: number, second: number): number {
    for (let h = this.slot(first, second); ; h = (h + 1) & this.mask) {
      const f = this.firsts[h]!;
      if (f === -1) return -1;
      if (f === first && this.seconds[h] === second) return this.indices[h]!;
    }
  }
}

const START = '<s>';

export function compile(weights: CheckworthinessWeights): CompiledModel {
  if (weights.format !== WEIGHTS_FORMAT) throw new Error(`check-worthiness weights: unknown format ${String(weights.format)}`);
  const { slope, intercept, threshold } = weights.calibration;
  const named = new Float64Array(NAMED_FEATURES.length);
  for (let i = 0; i < NAMED_FEATURES.length; i++) named[i] = weights.named[NAMED_FEATURES[i]!] ?? 0;
  const normalise = weights.lexicalNorm === 'sqrt';
  const fast = !normalise && /^[ubw]*$/.test(weights.families);
  // read once at each start: one pass over the keys, no per-key arrays
  const forms = new Map<string, number>([[START, 0]]);
  const formIdOf = (f: string): number => {
    let id = forms.get(f);
    if (id === undefined) forms.set(f, (id = forms.size));
    return id;
  };
  const unigramIds: number[] = [];
  const unigramWeights: number[] = [];
  const bigramPairs: number[] = [];
  const bigramWeights: number[] = [];
  const wordIds = new Map<string, number>();
  const word: number[] = [];
  const lexicalWeights = weights.lexical;
  for (const key in lexicalWeights) {
    const w = lexicalWeights[key]!;
    if (key.charCodeAt(1) !== COLON) continue;
    const family = key.charCodeAt(0);
    if (family === U) {
      unigramIds.push(formIdOf(key.slice(2)));
      unigramWeights.push(w);
    } else if (family === B) {
      const space = key.indexOf(' ', 2);
      bigramPairs.push(formIdOf(key.slice(2, space)), formIdOf(key.slice(space + 1)));
      bigramWeights.push(w);
    } else if (family === W) {
      wordIds.set(key.slice(2), word.length);
      word.push(w);
    }
  }
  const formCount = forms.size;
  const unigram = new Float64Array(formCount).fill(NaN);
  for (let i = 0; i < unigramIds.length; i++) unigram[unigramIds[i]!] = unigramWeights[i]!;
  // one vocabulary for words and lemmas, each entry with all a token's lookups find
  const vocabulary = new Map<string, number>();
  for (const key of [...WORD_LIST_MASKS.keys(), ...wordIds.keys(), ...LEMMA_LIST_MASKS.keys(), ...forms.keys(), ...MARKER_CODES.keys()]) {
    if (!vocabulary.has(key)) vocabulary.set(key, vocabulary.size);
  }
  const wordListMask = new Int32Array(vocabulary.size);
  const wordId = new Int32Array(vocabulary.size);
  const lemmaListMask = new Int32Array(vocabulary.size);
  const formId = new Int32Array(vocabulary.size);
  const markerCode = new Int32Array(vocabulary.size);
  for (const [key, e] of vocabulary) {
    wordListMask[e] = WORD_LIST_MASKS.get(key) ?? 0;
    wordId[e] = wordIds.get(key) ?? -1;
    lemmaListMask[e] = LEMMA_LIST_MASKS.get(key) ?? 0;
    formId[e] = forms.get(key) ?? -1;
    markerCode[e] = MARKER_CODES.get(key) ?? 0;
  }
  return {
    bias: weights.bias,
    named,
    formCount,
    unigram,
    bigrams: new PairTable(bigramPairs),
    bigram: Float64Array.from(bigramWeights),
    word: Float64Array.from(word),
    vocabulary,
    wordListMask,
    wordId,
    lemmaListMask,
    formId,
    markerCode,
    numberForm: forms.get('<num>') ?? -1,
    yearForm: forms.get('<year>') ?? -1,
    currencyForm: forms.get('<cur>') ?? -1,
    questionForm: forms.get('?') ?? -1,
    exclamationForm: forms.get('!') ?? -1,
    // the fast path never reads the string keys
    lexical: fast ? new Map() : new Map(Object.entries(lexicalWeights)),
    families: weights.families,
    fast,
    uni: weights.families.includes('u'),
    bi: weights.families.includes('b'),
    wordFamily: weights.families.includes('w'),
    normalise,
    slope,
    offset: intercept - Math.log(threshold / (1 - threshold)),
  };
}

const COLON = 0x3a, U = 0x75, B = 0x62, W = 0x77;

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

export interface Scored {
  score: number;
  features: string[];
}

/** A token's lexical form id when it contributes none (punctuation other than "?" and "!"). */
const NO_FORM = -2;

/**
 * What the model looks up for each token, by token index (grown as needed; scoring is not re-entrant):
 * its word-list mask, lemma bits and marker code (what namedFlagsOf reads), its lexical form id (-1: not
 * in the model; NO_FORM: none) and its inflected-word id (-1: none).
 */
let wordMasks = new Int32Array(256);
let lemmaBits = new Int32Array(256);
let markers = new Int32Array(256);
let tokenForms = new Int32Array(256);
let tokenWords = new Int32Array(256);

/** Looks up tokens `from`..`to` (exclusive) into the arrays above: one Map lookup per token, two when its lemma is not the word. */
function encodeTokens(model: CompiledModel, tokens: ReadonlyArray<CwToken>, from: number, to: number): void {
  if (wordMasks.length < to) {
    const size = Math.max(to, wordMasks.length * 2);
    wordMasks = new Int32Array(size);
    lemmaBits = new Int32Array(size);
    markers = new Int32Array(size);
    tokenForms = new Int32Array(size);
    tokenWords = new Int32Array(size);
  }
  const { vocabulary, wordListMask, wordId, lemmaListMask, formId, markerCode } = model;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const lower = t.lower;
    const lemma = lowerLemma(t);
    const inflected = lemma !== lower;
    const w = vocabulary.get(lower);
    const l = inflected ? vocabulary.get(lemma) : w;
    const digit = hasDigit(lower);
    wordMasks[i] = w === undefined ? 0 : wordListMask[w]!;
    lemmaBits[i] = (l === undefined ? 0 : lemmaListMask[l]!) | (inflected ? L_INFLECTED : 0) | (digit ? L_DIGIT : 0);
    markers[i] = w === undefined ? 0 : markerCode[w]!;
    // as lexForm(): "?" and "!" stand for themselves, figures and currencies for one form each, words for their lemma
    let form: number;
    // (marks of one character only: their strings are internalized, and a comparison optimised for those alone is
    // thrown out at the first longer one, "..." or "?!")
    if (t.type === 'punctuation') form = lower.length !== 1 ? NO_FORM : lower === '?' ? model.questionForm : lower === '!' ? model.exclamationForm : NO_FORM;
    else if (t.type === 'number' || digit) form = isYear(lower) ? model.yearForm : model.numberForm;
    else if (t.type === 'currency') form = model.currencyForm;
    else form = l === undefined ? -1 : formId[l]!;
    tokenForms[i] = form;
    // an inflected word form ("ran", not "run"); a word with a digit has a figure's form, never its own
    tokenWords[i] = t.type === 'word' && (digit || inflected) && w !== undefined ? wordId[w]! : -1;
  }
}

// Generation stamps that deduplicate keys within one sentence without a Set.
let generation = 0;
let seenForm = new Uint32Array(0);
let seenBigram = new Uint32Array(0);
let seenWord = new Uint32Array(0);
const flags = new Uint8Array(NAMED_FEATURES.length);

/** The lexical log-odds of encoded tokens `from`..`to` (sum over their distinct keys, in token order) and whether any key matched. */
function lexicalFast(model: CompiledModel, from: number, to: number): { sum: number; matched: boolean } {
  if (seenForm.length !== model.formCount) seenForm = new Uint32Array(model.formCount);
  if (seenBigram.length !== model.bigram.length) seenBigram = new Uint32Array(model.bigram.length);
  if (seenWord.length !== model.word.length) seenWord = new Uint32Array(model.word.length);
  if (++generation === 0xffffffff) {
    generation = 1;
    seenForm.fill(0);
    seenBigram.fill(0);
    seenWord.fill(0);
  }
  const gen = generation;
  const { unigram, bigrams, bigram, word, uni, bi, wordFamily } = model;
  let sum = 0;
  let matched = false;
  let prev = 0; // "<s>"
  for (let i = from; i < to; i++) {
    const id = tokenForms[i]!;
    if (id === NO_FORM) continue;
    if (id >= 0) {
      if (uni && seenForm[id] !== gen) {
        seenForm[id] = gen;
        const w = unigram[id]!;
        if (w === w) {
          sum += w;
          matched = true;
        }
      }
      if (bi && prev >= 0) {
        const b = bigrams.index(prev, id);
        if (b >= 0 && seenBigram[b] !== gen) {
          seenBigram[b] = gen;
          sum += bigram[b]!;
          matched = true;
        }
      }
    }
    const k = tokenWords[i]!;
    if (wordFamily && k >= 0 && seenWord[k] !== gen) {
      seenWord[k] = gen;
      sum += word[k]!;
      matched = true;
    }
    prev = id;
  }
  return { sum, matched };
}

/** The same sum through string keys (lexicalKeys()), for any family and normalisation. */
function lexicalSlow(model: CompiledModel, tokens: ReadonlyArray<CwToken>, named: ReadonlyArray<string>): { sum: number; matched: boolean } {
  let sum = 0;
  let matched = false;
  let count = 0;
  for (const key of lexicalKeys(tokens, named, model.families)) {
    count++;
    const w = model.lexical.get(key);
    if (w !== undefined) {
      sum += w;
      matched = true;
    }
  }
  if (model.normalise) sum /= Math.sqrt(Math.max(1, count));
  return { sum, matched };
}

/**
 * Scores pre-tokenised text: the named features that fired, then a one-item lexical summary. The
 * score is the model's on the tokens alone, exactly as it was fitted (on sentence text, where a
 * source, a hedge or a figure shows only through the words).
 */
export function scoreTokens(model: CompiledModel, tokens: ReadonlyArray<CwToken>): Scored {
  return scoreTokenRange(model, tokens, 0, tokens.length);
}

/** Scores tokens `from`..`to` (exclusive) of a longer list, as scoreTokens scores them on their own. */
export function scoreTokenRange(model: CompiledModel, tokens: ReadonlyArray<CwToken>, from: number, to: number): Scored {
  encodeTokens(model, tokens, from, to);
  const on = namedFlagsOf(tokens, from, to, wordMasks, lemmaBits, markers, flags);
  let margin = model.bias;
  for (let i = 0; i < on.length; i++) if (on[i]) margin += model.named[i]!;
  const features: string[] = flagNames(on);
  const { sum: lexical, matched } = model.fast ? lexicalFast(model, from, to) : lexicalSlow(model, tokens.slice(from, to), features);
  margin += lexical;
  const score = sigmoid(model.slope * margin + model.offset);
  if (matched) {
    const v = model.slope * lexical;
    features.push(`lexical:${v >= 0 ? '+' : '-'}${Math.abs(v).toFixed(1)}`);
  }
  return { score, features };
}
