import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type WinkNLPFactory from 'wink-nlp';

type WinkNLP = ReturnType<typeof WinkNLPFactory>;
type WinkModel = Parameters<typeof WinkNLPFactory>[0];

/** The parts of wink-nlp's core model used here (`list[i]` is word i, `hash[word]` is i). */
interface CoreModel {
  features: Record<string, { list: unknown[]; hash?: Record<string, number>; intrinsicSize?: number; index?: number; maxIndex?: number }> & {
    lexeme: { list: string[]; hash: Record<string, number>; intrinsicSize?: number };
  };
  packing: { layout: Record<string, number[]>; efList: string[]; size?: number };
  pos: { hash: Record<string, number> };
  lexicon: unknown;
  xpansions: unknown;
}

const require = createRequire(import.meta.url);
// required, not imported: an ES import of a CommonJS package first scans its source for export names
const winkNLP = require('wink-nlp') as typeof WinkNLPFactory;

let instance: WinkNLP | null = null;
let core: CoreModel | null = null;
/** the lexeme index of `core` */
let lexemes: LexemeIndex | null = null;
/** words below this index were known before the current text */
let mark = 0;
let intrinsic = 0;
/** past this many words learned (and forgotten) a fresh instance is made, to give their memory back */
const RELOAD_AFTER = 100_000;

const uint32FromBase64 = (data: string): Uint32Array => {
  const bytes = Buffer.from(data, 'base64');
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Uint32Array(copy.buffer);
};

/**
 * wink-eng-lite-web-model's core loader (read-core-model.js + load-core-model.js of 1.8) without
 * its startup costs: the package parses the 3 MB model JSON when imported, then deep-copies it
 * (JSON.parse(JSON.stringify())) for each instance; here it is parsed once, when needed, afresh for
 * each instance. Cuts ~60 ms from every cold start. Any other version of the model package goes
 * through its own loader.
 */
export function modelPackage(): WinkModel {
  const pkgFile = require.resolve('wink-eng-lite-web-model/package.json');
  const version = (JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { version?: string }).version ?? '';
  const dist = path.join(path.dirname(pkgFile), 'dist');
  const own = (): WinkModel => require('wink-eng-lite-web-model') as WinkModel;
  if (!/^1\.8\./.test(version)) return wrapCore(own());
  const load = (file: string): unknown => require(path.join(dist, file));
  const readCore = (): CoreModel => {
    const model = JSON.parse(fs.readFileSync(path.join(dist, 'languages', 'cur', 'models', 'eng-core-web-model.json'), 'utf8')) as CoreModel & { lexicon: string; xpansions: string };
    const { packing, features, pos } = model;
    (model as CoreModel).lexicon = uint32FromBase64(model.lexicon);
    (model as CoreModel).xpansions = uint32FromBase64(model.xpansions);
    for (const f in packing.layout) {
      const feature = features[f];
      if (packing.layout[f]?.[3] !== 0 || !feature) continue;
      const hash: Record<string, number> = Object.create(null) as Record<string, number>;
      for (let k = 0; k < feature.list.length; k++) hash[feature.list[k] as string] = k;
      feature.hash = hash;
    }
    indexLexemes(model);
    const clusters = features.posClusters?.list ?? [];
    for (let k = 0; k < clusters.length; k++) clusters[k] = new Set(String(clusters[k]).split('_').map(e => pos.hash[e] ?? 0));
    // load-core-model.js
    packing.efList = [];
    for (const f in packing.layout) {
      const layout = packing.layout[f] ?? [];
      const feature = features[f];
      if (layout[3] === 0 && feature) {
        feature.intrinsicSize = feature.list.length;
        feature.index = feature.list.length;
        feature.maxIndex = (layout[1] ?? 0) >>> (layout[2] ?? 0);
      }
      if (layout[4] === 1) packing.efList.push(f);
    }
    features.lexeme.intrinsicSize = features.lexeme.list.length;
    (features.lexeme as { index?: number }).index = features.lexeme.list.length;
    return model;
  };
  try {
    const model = Object.assign(Object.create(null) as object, {
      core: () => (core = readCore()),
      // wink-nlp asks for these after core(), with that core model in `core`
      sbd: () => withHintTransformers(load('load-sbd-model.js') as () => MachineModel, core, 'sbd'),
      pos: () => withHintTransformers(load('load-pos-model.js') as () => MachineModel, core, 'pos'),
      // wink-nlp sets up every model it knows, whatever the pipe; these three never run here (see
      // nlp()), and reading them would cost ~20 ms of each start (the NER and sentiment machines)
      ner: unusedModel,
      negation: unusedModel,
      sa: unusedModel,
      metaCER: load('load-cer-meta-model.js'),
      featureFn: load('feature.js'),
      // the stemmer and the readability statistics are never asked for here: read when first called
      addons: Object.assign(Object.create(null) as object, {
        stem: onFirstCall(() => load('porter-stemmer.js')),
        lemmatize: load('lemmatize.js'),
        readabilityStats: withRawDocument(onFirstCall(() => load('readability-stats.js'))),
        wordVectors: undefined,
      }),
    });
    return model as unknown as WinkModel;
  } catch {
    return wrapCore(own());
  }
}

/** An annotation model of wink-eng-lite-web-model: its state machines, and what maps tokens to their symbols. */
interface MachineModel {
  machines: unknown[];
  transformers: unknown[];
}

/** The lexeme cache as a transformer sees it. */
interface TransformerCache {
  property(lexeme: number, name: string): unknown;
  value(lexeme: number): string | undefined;
}

/** What the POS machines read for token i instead of its POS (`tokens` are wink's four numbers a token). */
type PosTransformer = (pos: number, cache: TransformerCache, tokens: number[], i: number) => number;
/** What the SBD machine reads for token i instead of its normal's lexeme. */
type SbdTransformer = (normal: number, cache: TransformerCache, tokens: number[], i: number) => number;

/** Where the hint transformers put a hint among the machines' symbols. */
const HINT_DELTA = 1_080_000;
/** sbdHint values that the SBD transformer maps further (sbd-transformers.js): an ambiguous quote */
const RIGHT_AMBIGUOUS_QUOTE = 4;
const RIGHT_SPACED_AMBIGUOUS_QUOTE = 6;
const LIKELY_END_OF_SENTENCE = 7;
const NOT_END_OF_SENTENCE = 8;
const PRECEDING_SPACES = 0xffff;

/**
 * The model's SBD and POS machines with transformers that compute what its own (sbd-transformers.js,
 * pos-transformers.js of 1.8) do, reading each hint from the packed lexicon with a field layout
 * looked up once, instead of through `cache.property(lexeme, name)`, whose string-keyed lookups
 * cost a few percent of readDoc. A lexeme learned from the text has no hints: cache.property gives
 * 0 for a feature it cannot extract. Whether it is an abbreviation is asked of the cache itself.
 * The model's own transformers are kept if its layout is not the one this reads.
 */
function withHintTransformers(loadModel: () => MachineModel, model: CoreModel | null, machine: 'sbd' | 'pos'): MachineModel {
  const loaded = loadModel();
  const own = model === null ? null : hintTransformers(model);
  if (own === null) return loaded;
  const transformer = machine === 'sbd' ? own.sbd : own.pos;
  return { ...loaded, transformers: loaded.transformers.map(() => transformer) };
}

/** A field of the packed lexicon holding a number (not an index into a feature's list). */
interface PackedNumber {
  word: number;
  mask: number;
  shift: number;
}

function packedNumber(model: CoreModel, name: string, learnable: boolean): PackedNumber | null {
  const layout = model.packing.layout[name];
  if (layout === undefined || layout[3] === 0 || layout[5] === 1 || (layout[4] === 1) !== learnable) return null;
  return { word: layout[0] as number, mask: layout[1] as number, shift: layout[2] as number };
}

export function hintTransformers(model: CoreModel): { sbd: SbdTransformer; pos: PosTransformer } | null {
  const posHintField = packedNumber(model, 'posHint', false);
  const sbdHintField = packedNumber(model, 'sbdHint', false);
  const abbreviationField = packedNumber(model, 'isAbbrev', true);
  const intrinsicSize = model.features.lexeme.intrinsicSize;
  const stride = model.packing.size;
  const lexicon = model.lexicon;
  if (posHintField === null || sbdHintField === null || abbreviationField === null || intrinsicSize === undefined || stride === undefined || !(lexicon instanceof Uint32Array)) return null;
  const { word: posHintWord, mask: posHintMask, shift: posHintShift } = posHintField;
  const { word: sbdHintWord, mask: sbdHintMask, shift: sbdHintShift } = sbdHintField;
  const { word: abbreviationWord, mask: abbreviationMask, shift: abbreviationShift } = abbreviationField;
  const sbdHint = (lexeme: number): number =>
    lexeme < intrinsicSize ? ((lexicon[lexeme * stride + sbdHintWord] as number) & sbdHintMask) >>> sbdHintShift : 0;
  const isAbbreviation = (lexeme: number, cache: TransformerCache): boolean =>
    lexeme < intrinsicSize
      ? (((lexicon[lexeme * stride + abbreviationWord] as number) & abbreviationMask) >>> abbreviationShift) !== 0
      : Boolean(cache.property(lexeme, 'isAbbrev'));
  const pos: PosTransformer = (tag, _cache, tokens, i) => {
    const lexeme = tokens[i * TOKEN_SIZE] as number;
    const hint = lexeme < intrinsicSize ? ((lexicon[lexeme * stride + posHintWord] as number) & posHintMask) >>> posHintShift : 0;
    return hint === 0 ? tag : hint + HINT_DELTA;
  };
  const sbd: SbdTransformer = (normal, cache, tokens, i) => {
    let hint = sbdHint(normal);
    if (hint === 0) hint = sbdHint(tokens[i * TOKEN_SIZE] as number);
    if (hint === RIGHT_AMBIGUOUS_QUOTE && ((tokens[i * TOKEN_SIZE + 1] as number) & PRECEDING_SPACES) !== 0) hint = RIGHT_SPACED_AMBIGUOUS_QUOTE;
    if (hint !== 0) return hint + HINT_DELTA;
    if (!isAbbreviation(normal, cache)) return normal;
    return HINT_DELTA + ((cache.value(normal) as string).length === 2 ? NOT_END_OF_SENTENCE : LIKELY_END_OF_SENTENCE);
  };
  return { sbd, pos };
}

/**
 * The lexeme index: each word's index in the model's `list` (the last one for a word listed twice),
 * and the words wink-nlp learns. Kept in a Map: wink-nlp looks words up by the strings its tokenizer
 * cuts from the text, and a Map finds such a string for a tenth of the instructions of an object's
 * property lookup (which first looks for the string among V8's internalized strings).
 *
 * Nothing is indexed at start: the model lists its words in the order of their lower-case forms, so
 * a word the Map lacks is found by binary search, and put on the Map. After COPY_AFTER_SEARCHES
 * searches (a batch, not one article) all the words are put on the Map, so that a word the model
 * lacks costs one failed lookup. A list out of that order is copied at the first search. Only the
 * model's own words are indexed: wink-nlp appends the words it learns to the same list.
 */
export class LexemeIndex {
  private readonly words = new Map<string, number>();
  private readonly known: readonly string[];
  private searches: number;
  /** What wink-nlp's lexeme cache reads, writes and deletes as `hash[word]`. */
  readonly hash: Record<string, number>;

  constructor(list: readonly string[], private readonly copyAfterSearches = COPY_AFTER_SEARCHES) {
    this.known = list.slice();
    this.searches = inLowerCaseOrder(this.known) ? 0 : copyAfterSearches;
    this.hash = new Proxy(Object.create(null) as Record<string, number>, {
      get: (_target, word) => (typeof word === 'string' ? this.get(word) : undefined),
      has: (_target, word) => typeof word === 'string' && this.get(word) !== undefined,
      set: (_target, word, index: number) => typeof word === 'string' && (this.set(word, index), true),
      deleteProperty: (_target, word) => typeof word !== 'string' || this.delete(word) || true,
    });
  }

  get(word: string): number | undefined {
    const index = this.words.get(word);
    if (index !== undefined || this.searches > this.copyAfterSearches) return index;
    if (++this.searches > this.copyAfterSearches) {
      for (let k = 0; k < this.known.length; k++) this.words.set(this.known[k] as string, k);
      return this.words.get(word);
    }
    const found = searchLowerCaseOrder(this.known, word);
    if (found !== undefined) this.words.set(word, found);
    return found;
  }

  set(word: string, index: number): void {
    this.words.set(word, index);
  }

  delete(word: string): boolean {
    return this.words.delete(word);
  }
}

/** Gives a core model the lexeme index that the instance's lookups read (`lexemes`). */
function indexLexemes(model: CoreModel): void {
  lexemes = new LexemeIndex(model.features.lexeme.list);
  model.features.lexeme.hash = lexemes.hash;
}

/** Searches of the sorted list before all words are copied: about the words of the first few articles. */
const COPY_AFTER_SEARCHES = 5_000;

/** wink-nlp's constants.js: where a contraction's lemma field holds its count of expansion numbers. */
const { xcMask: EXPANSION_COUNT_MASK, bits4xpPointer: EXPANSION_POINTER_BITS } = require('wink-nlp/src/constants.js') as { xcMask: number; bits4xpPointer: number };
const EXPANSION_POINTER_MASK = (1 << EXPANSION_POINTER_BITS) - 1;

/**
 * wink-nlp's `cache.lookup(text)` (cache.js of 2.4), with the word found in the lexeme index's Map
 * rather than through `hash[text]`: the lexeme of a text, or the four numbers of each expansion of a
 * contraction of the model (lexeme, pointer to its normal, lemma, POS); null for a text not known.
 * Null if the model's layout is not the one this reads.
 */
export function lexemeLookup(model: CoreModel, lexemes: LexemeIndex): ((text: string) => number[] | null) | null {
  const contractionField = model.packing.layout.isContraction;
  const lemmaField = model.packing.layout.lemma;
  const { lexicon, xpansions } = model;
  const stride = model.packing.size;
  const intrinsicSize = model.features.lexeme.intrinsicSize;
  if (contractionField === undefined || lemmaField === undefined || stride === undefined || intrinsicSize === undefined
    || !(lexicon instanceof Uint32Array) || !(xpansions instanceof Uint32Array)) return null;
  const [contractionWord, contractionMask, contractionShift] = contractionField as [number, number, number];
  const [lemmaWord, lemmaMask, lemmaShift] = lemmaField as [number, number, number];
  return (text) => {
    const index = lexemes.get(text);
    if (index === undefined) return null;
    if (index >= intrinsicSize || (((lexicon[contractionWord + index * stride] as number) & contractionMask) >>> contractionShift) === 0) return [index];
    const lemma = ((lexicon[lemmaWord + index * stride] as number) & lemmaMask) >>> lemmaShift;
    const at = lemma & EXPANSION_POINTER_MASK;
    const count = (lemma & (EXPANSION_COUNT_MASK << EXPANSION_POINTER_BITS)) >> EXPANSION_POINTER_BITS;
    const expansions: number[] = [];
    for (let k = 0; k < count; k += 4) {
      expansions.push(xpansions[at + k] as number, at + k + 1, xpansions[at + k + 2] as number, xpansions[at + k + 3] as number);
    }
    return expansions;
  };
}

/** The model's first word is its out-of-vocabulary marker, listed before the order starts. */
const FIRST_ORDERED = 1;

/**
 * Whether the list (past its first word) is in the order of its lower-case forms, checked at a
 * sample of places: the whole list is checked by a test against the installed model.
 */
export function inLowerCaseOrder(list: readonly string[], step = 89): boolean {
  for (let k = FIRST_ORDERED + 1; k < list.length; k += step) {
    if ((list[k - 1] as string).toLowerCase() > (list[k] as string).toLowerCase()) return false;
  }
  return true;
}

/** The index of `word` in a list in lower-case order (the last, if listed twice), as the Map gives it. */
export function searchLowerCaseOrder(list: readonly string[], word: string): number | undefined {
  const key = word.toLowerCase();
  let lo = FIRST_ORDERED;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as string).toLowerCase() < key) lo = mid + 1;
    else hi = mid;
  }
  let found: number | undefined;
  for (let k = lo; k < list.length && (list[k] as string).toLowerCase() === key; k++) if (list[k] === word) found = k;
  return found ?? (list[0] === word ? 0 : undefined);
}

type Addon = (...args: unknown[]) => unknown;

/** A function that loads the addon when first called, then calls it. */
function onFirstCall(loadAddon: () => unknown): Addon {
  let addon: Addon | null = null;
  return (...args) => (addon ??= loadAddon() as Addon)(...args);
}

/** A model with one empty state machine, for the annotations wink-nlp is not asked to make. */
const unusedModel = (): { machines: string[]; transformers: unknown[]; setter: () => void } => ({
  machines: [JSON.stringify([0, 0, {}, {}, {}, {}])],
  transformers: [],
  setter: () => undefined,
});

/** The package's own model, with a handle kept on each instance's core model (to forget learned words). */
function wrapCore(model: WinkModel): WinkModel {
  const original = model as unknown as { core(): CoreModel; addons: Record<string, unknown> };
  const addons = Object.assign(Object.create(null) as object, original.addons, { readabilityStats: withRawDocument(original.addons.readabilityStats as Addon) });
  const readCore = (): CoreModel => {
    core = original.core();
    indexLexemes(core);
    return core;
  };
  return Object.assign(Object.create(null) as object, model, { core: readCore, addons }) as unknown as WinkModel;
}

let wink: WinkModel | null = null;
/** per instance: what readings decode its tokens with */
let decoding: Decoding | null = null;

/** The process-wide wink-nlp instance (sentence boundaries and POS): loading the model costs ~100 ms and ~56 MB, so it is done once. */
export function nlp(): WinkNLP {
  if (instance === null) {
    wink ??= modelPackage();
    // only what the stages read (tokens, POS, lemmas, sentences): wink's NER, negation and
    // sentiment passes cost a third of readDoc and nothing downstream uses them
    instance = winkNLP(wink, ['sbd', 'pos']);
    decoding = new Decoding(instance, (wink as unknown as { addons: unknown }).addons, core);
    if (core !== null && lexemes !== null) {
      // the lexeme cache is reachable only through a document's raw data
      const cache = rawDocument(instance, instance.readDoc('')).cache;
      const lookup = lexemeLookup(core, lexemes);
      if (lookup !== null) cache.lookup = lookup;
    }
    intrinsic = mark = core === null ? 0 : (core as CoreModel).features.lexeme.list.length;
  }
  return instance;
}

/**
 * wink-nlp adds every unknown word it tokenizes to its lexicon, and its tokenizer keeps a word
 * whole when the lexicon holds it: once "UFJ's." has been read, every later "UFJ's" stays one token
 * instead of "UFJ" + "'s". So the analysis of a text would depend on the texts read before it (on
 * the order of a batch, the worker it landed on). Called before each article: the words learned
 * since the last call are taken out of the lexicon's index, so every article is read as by a
 * fresh instance. (Their entries stay in the list, which earlier documents' tokens point into.)
 * Words of plain letters stay known (see staysLearned): they cannot change a reading.
 */
export function forgetLearnedWords(): void {
  if (core === null || lexemes === null) return;
  const { list } = core.features.lexeme;
  for (let i = mark; i < list.length; i++) {
    const word = list[i];
    if (word !== undefined && lexemes.get(word) === i && !staysLearned(word)) lexemes.delete(word);
  }
  mark = list.length;
  if (mark - intrinsic > RELOAD_AFTER) {
    instance = null;
    core = null;
    lexemes = null;
  }
}

/**
 * The only words of plain letters wink-nlp's tokenizer can type as something else: inside a token
 * such as "USD50" its split rules make them currency, which their learned entry would keep.
 */
const CURRENCY_CODES = /^(?:usd|aud|inr|gbp)$/i;

/** A learned word that is kept from article to article: plain letters, and not a currency code. */
function staysLearned(word: string): boolean {
  return isPlainWord(word) && !CURRENCY_CODES.test(word);
}

/**
 * A word of ASCII letters only. Keeping one learned can change nothing: wink-nlp's tokenizer keeps
 * such a word whole whether or not its lexicon holds it, gives it the same features either way, and
 * its lemmatizer ignores learned words. Forgetting them would only make every article learn its
 * names again.
 */
function isPlainWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) return false;
  }
  return word.length > 0;
}

/** The parts of wink-nlp's lexeme cache read here. */
interface WinkCache {
  /** the lexeme of a text, or a contraction's expansions (four numbers each); null if unknown */
  lookup(text: string): number[] | null;
  value(lexeme: number): string | undefined;
  property(lexeme: number, name: string): unknown;
  valueOf(feature: string, index: number): string | undefined;
}

/** wink-nlp's "raw document data" of a text it read: what its `out()` calls decode, token by token. */
interface RawDocument {
  /** four numbers a token: lexeme, preceding spaces (above 0xffff: a contraction's expansion), lemma and POS bits, flags */
  tokens: number[];
  /** each sentence's first and last token, then wink's negation and sentiment fields */
  sentences: number[][];
  numOfTokens: number;
  cache: WinkCache;
}

const TOKEN_SIZE = 4;
/** where a token's POS index sits in its third number (wink-nlp's constants.js: posMask, bits4lemma) */
const POS_MASK = 0x3f00000;
const POS_SHIFT = 20;

/**
 * Set while read() asks for a document's raw data. wink-nlp hands it to one addon only, the
 * readability statistics (`doc.out(its.readabilityStats)`), which then returns it as it is.
 */
let capturing = false;

function withRawDocument(readabilityStats: Addon): Addon {
  return (...args) => (capturing ? args[0] : readabilityStats(...args));
}

type TokenMapper = (index: number, rdd: RawDocument, addons: unknown) => unknown;

/**
 * The lemma of each (lexeme, POS) met. The first POS a word of the model is met with is kept in
 * arrays indexed by the word; other POS, and learned words, in a Map.
 */
class LemmaMemo {
  /** for each word of the model, 1 + the POS its lemma in `lemmaAt` is for (0: none yet) */
  private readonly posPlusOne: Uint8Array;
  /** for each word of the model, 1 + where its lemma is in `lemmas` */
  private readonly lemmaAt: Int32Array;
  private readonly lemmas: string[] = [];
  private readonly others = new Map<number, string>();

  constructor(modelWords: number) {
    this.posPlusOne = new Uint8Array(modelWords);
    this.lemmaAt = new Int32Array(modelWords);
  }

  get(lexeme: number, pos: number): string | undefined {
    if (lexeme < this.posPlusOne.length && this.posPlusOne[lexeme] === pos + 1) return this.lemmas[(this.lemmaAt[lexeme] as number) - 1];
    return this.others.get(lexeme * 64 + pos);
  }

  set(lexeme: number, pos: number, lemma: string): void {
    if (lexeme < this.posPlusOne.length && this.posPlusOne[lexeme] === 0) {
      this.posPlusOne[lexeme] = pos + 1;
      this.lemmaAt[lexeme] = this.lemmas.push(lemma);
    } else {
      this.others.set(lexeme * 64 + pos, lemma);
    }
  }
}

/**
 * What the readings of one wink-nlp instance decode tokens with: the names of the POS tags, where
 * a model word's token type is packed in the lexicon (learned words' are asked of wink's cache),
 * the lemmatizer and the lemmas met so far.
 */
export class Decoding {
  readonly lemmaOf: TokenMapper;
  readonly lemmas: LemmaMemo;
  readonly posNames: readonly string[] | null;
  private readonly typeNames: readonly string[] | null;
  private readonly lexicon: Uint32Array | null;
  private readonly stride: number;
  private readonly typeWord: number;
  private readonly typeMask: number;
  private readonly typeShift: number;
  private readonly modelWords: number;

  constructor(instance: WinkNLP, readonly addons: unknown, model: CoreModel | null) {
    this.lemmaOf = instance.its.lemma as unknown as TokenMapper;
    const modelWords = model?.features.lexeme.intrinsicSize ?? 0;
    this.lemmas = new LemmaMemo(modelWords);
    this.posNames = (model?.features.pos?.list as string[] | undefined) ?? null;
    const typeLayout = model?.packing.layout.tokenType;
    // the type is packed as an index into the feature's list (wink's cache.property: layout[3] 0 or layout[5] 1)
    const listed = typeLayout !== undefined && (typeLayout[3] === 0 || typeLayout[5] === 1);
    const lexicon = model?.lexicon;
    this.typeNames = listed ? (model?.features.tokenType?.list as string[] | undefined) ?? null : null;
    this.lexicon = this.typeNames !== null && lexicon instanceof Uint32Array ? lexicon : null;
    this.stride = model?.packing.size ?? 0;
    this.typeWord = typeLayout?.[0] ?? 0;
    this.typeMask = typeLayout?.[1] ?? 0;
    this.typeShift = typeLayout?.[2] ?? 0;
    this.modelWords = this.lexicon === null ? 0 : modelWords;
  }

  /** wink-nlp's `cache.property(lexeme, 'tokenType')` */
  tokenType(lexeme: number, cache: WinkCache): string | undefined {
    if (lexeme >= this.modelWords) return cache.property(lexeme, 'tokenType') as string | undefined;
    const packed = (this.lexicon as Uint32Array)[lexeme * this.stride + this.typeWord] as number;
    return (this.typeNames as readonly string[])[(packed & this.typeMask) >>> this.typeShift];
  }
}

/**
 * A text as wink-nlp read it, decoded token by token from its own arrays: what
 * `doc.tokens().out(its.value | its.type | its.pos | its.lemma)` return, without building an array
 * of strings for each.
 */
export class WinkReading {
  readonly size: number;
  private readonly tokens: number[];
  private readonly cache: WinkCache;

  constructor(
    private readonly raw: RawDocument,
    private readonly decoding: Decoding,
  ) {
    this.size = raw.numOfTokens;
    this.tokens = raw.tokens;
    this.cache = raw.cache;
  }

  value(i: number): string | undefined {
    return this.cache.value(this.tokens[i * TOKEN_SIZE] as number);
  }

  type(i: number): string | undefined {
    return this.decoding.tokenType(this.tokens[i * TOKEN_SIZE] as number, this.cache);
  }

  pos(i: number): string | undefined {
    const posNames = this.decoding.posNames;
    return posNames === null ? this.cache.valueOf('pos', this.posIndex(i)) : posNames[this.posIndex(i)];
  }

  /**
   * wink-nlp's lemma, remembered for each lexeme and POS: its lemmatizer reads nothing else (it
   * checks candidate base forms against the model's own words only, never learned ones).
   * A contraction's expansion carries its lemma itself.
   */
  lemma(i: number): string | undefined {
    const { lemmaOf, lemmas, addons } = this.decoding;
    if ((this.tokens[i * TOKEN_SIZE + 1] as number) > 0xffff) return lemmaOf(i, this.raw, addons) as string | undefined;
    const lexeme = this.tokens[i * TOKEN_SIZE] as number;
    const pos = this.posIndex(i);
    let lemma = lemmas.get(lexeme, pos);
    if (lemma === undefined) {
      // a contraction the tokenizer left whole ("cannot" before a comma): the lexicon's lemma field of
      // such a word points into the expansions, and wink-nlp would read whatever learned word sits at
      // that index, so the lemma would depend on the articles read before
      lemma = this.cache.property(lexeme, 'isContraction') === 1
        ? (this.cache.value(lexeme) ?? '').toLowerCase()
        : lemmaOf(i, this.raw, addons) as string | undefined;
      if (lemma !== undefined) lemmas.set(lexeme, pos, lemma);
    }
    return lemma;
  }

  get sentenceCount(): number {
    return this.raw.sentences.length;
  }

  sentenceFirst(k: number): number {
    return (this.raw.sentences[k] as number[])[0] as number;
  }

  sentenceLast(k: number): number {
    return (this.raw.sentences[k] as number[])[1] as number;
  }

  private posIndex(i: number): number {
    return ((this.tokens[i * TOKEN_SIZE + 2] as number) & POS_MASK) >>> POS_SHIFT;
  }
}

/** Reads a text with the process-wide instance (sentences, tokens, POS). */
export function read(text: string): WinkReading {
  const wink = nlp();
  return new WinkReading(rawDocument(wink, wink.readDoc(text)), decoding as Decoding);
}

function rawDocument(wink: WinkNLP, doc: ReturnType<WinkNLP['readDoc']>): RawDocument {
  capturing = true;
  try {
    return doc.out(wink.its.readabilityStats) as unknown as RawDocument;
  } finally {
    capturing = false;
  }
}
