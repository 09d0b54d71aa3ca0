/**
 * The check-worthiness model: a logistic regression over the named features and a pruned lexical
 * vocabulary, calibrated on cross-validated predictions (Platt scaling) and shifted so that 0.5 is
 * the operating point chosen on the training set. Pure functions over a weights object; index.ts
 * loads the committed weights, scripts/train-checkworthiness.ts fits them.
 */
import { NAMED_FEATURES, flagNames, lexForm, lexicalKeys, namedFlags, type CwToken } from './features.js';

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
 * occurs in a kept key gets an id (`forms`), unigram weights sit in an array by form id, bigram
 * weights in a Map keyed by `first * formCount + second`, and inflected word forms in a Map of their
 * own. Scoring then needs one Map lookup per token and no per-token strings.
 */
export interface CompiledModel {
  bias: number;
  /** by NAMED_FEATURES index */
  named: Float64Array;
  /** lemma form (or "<s>", "<num>"...) → id; id 0 is "<s>" */
  forms: ReadonlyMap<string, number>;
  formCount: number;
  /** unigram weight by form id (NaN: no key) */
  unigram: Float64Array;
  /** bigram id by first * formCount + second */
  bigramIds: ReadonlyMap<number, number>;
  bigram: Float64Array;
  /** inflected word form → id */
  wordIds: ReadonlyMap<string, number>;
  word: Float64Array;
  /** the string-keyed weights, for families the fast path does not cover (empty when `fast`) */
  lexical: ReadonlyMap<string, number>;
  families: string;
  /** true when the model uses only the u, w and b families without normalisation */
  fast: boolean;
  normalise: boolean;
  slope: number;
  offset: number;
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
  const formId = (f: string): number => {
    let id = forms.get(f);
    if (id === undefined) forms.set(f, (id = forms.size));
    return id;
  };
  const unigramIds: number[] = [];
  const unigramWeights: number[] = [];
  const bigramIds = new Map<number, number>();
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
      unigramIds.push(formId(key.slice(2)));
      unigramWeights.push(w);
    } else if (family === B) {
      const space = key.indexOf(' ', 2);
      bigramPairs.push(formId(key.slice(2, space)), formId(key.slice(space + 1)));
      bigramWeights.push(w);
    } else if (family === W) {
      wordIds.set(key.slice(2), word.length);
      word.push(w);
    }
  }
  const formCount = forms.size;
  const unigram = new Float64Array(formCount).fill(NaN);
  for (let i = 0; i < unigramIds.length; i++) unigram[unigramIds[i]!] = unigramWeights[i]!;
  for (let i = 0; i < bigramWeights.length; i++) bigramIds.set(bigramPairs[2 * i]! * formCount + bigramPairs[2 * i + 1]!, i);
  return {
    bias: weights.bias,
    named,
    forms,
    formCount,
    unigram,
    bigramIds,
    bigram: Float64Array.from(bigramWeights),
    wordIds,
    word: Float64Array.from(word),
    // the fast path never reads the string keys
    lexical: fast ? new Map() : new Map(Object.entries(lexicalWeights)),
    families: weights.families,
    fast,
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

// Generation stamps that deduplicate keys within one sentence without a Set.
let generation = 0;
let seenForm = new Uint32Array(0);
let seenBigram = new Uint32Array(0);
let seenWord = new Uint32Array(0);
const flags = new Uint8Array(NAMED_FEATURES.length);

/** The lexical log-odds (sum over the sentence's distinct keys) and whether any key matched. */
function lexicalFast(model: CompiledModel, tokens: ReadonlyArray<CwToken>): { sum: number; matched: boolean } {
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
  const { forms, unigram, bigramIds, bigram, wordIds, word, formCount } = model;
  const uni = model.families.includes('u');
  const bi = model.families.includes('b');
  const wf = model.families.includes('w');
  let sum = 0;
  let matched = false;
  let prev = 0; // "<s>"
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const form = lexForm(t);
    if (form === null) continue;
    const id = forms.get(form) ?? -1;
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
        const b = bigramIds.get(prev * formCount + id);
        if (b !== undefined && seenBigram[b] !== gen) {
          seenBigram[b] = gen;
          sum += bigram[b]!;
          matched = true;
        }
      }
    }
    if (wf && t.type === 'word' && t.lower !== form) {
      const k = wordIds.get(t.lower);
      if (k !== undefined && seenWord[k] !== gen) {
        seenWord[k] = gen;
        sum += word[k]!;
        matched = true;
      }
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
  const on = namedFlags(tokens, flags);
  let margin = model.bias;
  for (let i = 0; i < on.length; i++) if (on[i]) margin += model.named[i]!;
  const features: string[] = flagNames(on);
  const { sum: lexical, matched } = model.fast ? lexicalFast(model, tokens) : lexicalSlow(model, tokens, features);
  margin += lexical;
  const score = sigmoid(model.slope * margin + model.offset);
  if (matched) {
    const v = model.slope * lexical;
    features.push(`lexical:${v >= 0 ? '+' : '-'}${Math.abs(v).toFixed(1)}`);
  }
  return { score, features };
}
