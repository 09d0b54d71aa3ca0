import type { Sentence, Token } from '../../model.js';

/**
 * The learned half of cue detection: an averaged perceptron that says whether a token is the head
 * of an attribution cue ("said", "wants", "according", "statement", ":"). Trained by
 * scripts/train-cues.ts on PolNeAR train; see docs/model-card-cues.md. The features are strings
 * built from wink-nlp tokens only, so the weights file is all the model there is.
 */

export const CUE_WEIGHTS_FORMAT = 'claimsift-cue-perceptron/2';

/**
 * The detector's weights as scripts/train-cues.ts writes them: filed by template (fileCueWeights),
 * so that loading builds each table from its pairs at once. Feature strings name them as
 * "template=value" (cueFeatures); flatCueWeights gives them back under those names.
 */
export interface CueWeights {
  format: typeof CUE_WEIGHTS_FORMAT;
  /** a candidate is a cue head when its score exceeds this */
  threshold: number;
  /** the weights of the features without a value ("b", "inQ", "ing", ...) */
  flags: Record<string, number>;
  /** word and tag features around the token ("w=said", "pp=NOUN"): [value, weight] by template */
  context: Record<string, Array<[string, number]>>;
  /** the tag trigram ("ppn=NOUN|VERB|SCONJ"): [previous, own, next, weight] */
  trigram: Array<[string, string, string, number]>;
  /** the features that name a lemma: its own weight, its flags' ("inQ_l"), and its pairs' ("l_nw", "lp") by the word or tag paired */
  lemmas: Record<string, FiledLemma>;
  meta: Record<string, unknown>;
}

export interface FiledLemma {
  l?: number;
  flags?: Record<string, number>;
  pairs?: Record<string, Array<[string, number]>>;
}

const OPEN_MARK = /^(?:["\u201C\u201E`]|''|``)$/;

/** A token the detector scores: a verb, auxiliary, noun or adjective (the parts of speech a cue head can have), ":" or "according". */
export function isCueCandidate(t: Token): boolean {
  const p = t.pos;
  // (the tags compared one by one: cheaper, for every token, than a lookup in a set)
  return p === 'VERB' || p === 'AUX' || p === 'NOUN' || p === 'ADJ' || t.text === ':' || t.lower === 'according';
}

export interface CueContext {
  tokens: readonly Token[];
  sentence: Sentence;
  /** true when the offset lies inside a pair of quotation marks */
  insideQuote: (offset: number) => boolean;
}

/** A token's lower-cased text with curly quotes made straight, as the features spell words (the same string when it has none). */
export function featureWord(lower: string): string {
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x201e) {
      return lower.replace(/[\u201C\u201D\u201E]/g, '"').replace(/[\u2018\u2019]/g, "'");
    }
  }
  return lower;
}

function word(t: Token | undefined): string {
  return t ? featureWord(t.lower) : '';
}

/** An opening quotation mark: OPEN_MARK without a regular expression. */
function isOpenMark(text: string): boolean {
  return text === '"' || text === '\u201C' || text === '\u201E' || text === '`' || text === "''" || text === '``';
}

/** The feature strings of token `i`; `b` is the bias. */
export function cueFeatures(ctx: CueContext, i: number): string[] {
  const { tokens, sentence } = ctx;
  const t = tokens[i];
  if (!t) return [];
  const at = (k: number): Token | undefined => (k >= sentence.tokenStart && k < sentence.tokenEnd ? tokens[k] : undefined);
  const l = t.lemma;
  const p = t.pos;
  const prev = at(i - 1);
  const next = at(i + 1);
  const pw = prev ? word(prev) : '<s>';
  const pp = prev ? prev.pos : '<s>';
  const nw = next ? word(next) : '</s>';
  const np = next ? next.pos : '</s>';
  const n2 = at(i + 2) ? word(at(i + 2)) : '</s>';
  const p2 = at(i - 2) ? word(at(i - 2)) : '<s>';
  const f = ['b', `l=${l}`, `lp=${l}|${p}`, `w=${word(t)}`, `p=${p}`, `pw=${pw}`, `pp=${pp}`, `nw=${nw}`, `np=${np}`,
    `l_nw=${l}|${nw}`, `l_pw=${l}|${pw}`, `l_np=${l}|${np}`, `l_pp=${l}|${pp}`, `n2=${n2}`, `l_n2=${l}|${n2}`, `p2=${p2}`,
    `ppn=${pp}|${p}|${np}`];
  if (ctx.insideQuote(t.start)) f.push('inQ', `inQ_l=${l}`);
  if (sentence.heading) f.push('head', `head_l=${l}`);
  if (/ing$/.test(t.lower)) f.push('ing');
  if (/ed$/.test(t.lower)) f.push('ed');
  let that = false;
  let quoteAfter = false;
  for (let k = i + 1; k <= i + 4; k++) {
    const u = at(k);
    if (!u) break;
    if (k <= i + 3 && u.lower === 'that') that = true;
    if (OPEN_MARK.test(u.text)) quoteAfter = true;
  }
  if (that) f.push('that3', `that3_l=${l}`);
  if (quoteAfter) f.push('qafter', `qafter_l=${l}`);
  if (i === sentence.tokenStart) f.push('first');
  if (i >= sentence.tokenEnd - 2) f.push('last', `last_l=${l}`);
  return f;
}

/**
 * The weights of a lemma's own features, for one lemma. Words and tags are paired by their ids in
 * the model's vocabulary and tag set (CueModel), so scoring a token looks each of its words up once.
 */
export interface LemmaWeights {
  l: number;
  /** l_nw, l_pw, l_n2: keyed by the id of the word paired with the lemma */
  nw: ReadonlyMap<number, number>;
  pw: ReadonlyMap<number, number>;
  n2: ReadonlyMap<number, number>;
  /** l_np, l_pp, lp: indexed by the id of the tag paired with the lemma */
  np: Float64Array;
  pp: Float64Array;
  lp: Float64Array;
  inQ: number;
  head: number;
  that3: number;
  qafter: number;
  last: number;
}

const PAIR_TEMPLATES = ['nw', 'pw', 'np', 'pp', 'n2', 'lp'] as const;
type PairTemplate = typeof PAIR_TEMPLATES[number];
const LEMMA_FLAGS = ['inQ', 'head', 'that3', 'qafter', 'last'] as const;
type LemmaFlag = typeof LEMMA_FLAGS[number];
const CONTEXT_TEMPLATES = ['w', 'p', 'pw', 'pp', 'nw', 'np', 'n2', 'p2'] as const;
type ContextTemplate = typeof CONTEXT_TEMPLATES[number];
const FLAGS = ['b', 'inQ', 'head', 'ing', 'ed', 'that3', 'qafter', 'first', 'last'] as const;
type Flag = typeof FLAGS[number];
const FLAG_INDEX = Object.fromEntries(FLAGS.map((f, i) => [f, i])) as Record<Flag, number>;
const F_BIAS = FLAG_INDEX.b, F_INQ = FLAG_INDEX.inQ, F_HEAD = FLAG_INDEX.head, F_ING = FLAG_INDEX.ing, F_ED = FLAG_INDEX.ed;
const F_THAT3 = FLAG_INDEX.that3, F_QAFTER = FLAG_INDEX.qafter, F_FIRST = FLAG_INDEX.first, F_LAST = FLAG_INDEX.last;

/** Where a template's weights go: the template names, each with the table it fills. */
type Filing =
  | { kind: 'lemma' }
  | { kind: 'trigram' }
  | { kind: 'context'; template: ContextTemplate }
  | { kind: 'pair'; template: PairTemplate }
  | { kind: 'lemmaFlag'; flag: LemmaFlag };
/** The feature name of each pair template: "l_nw=say|that", "lp=say|VERB". */
const PAIR_PREFIX: Record<PairTemplate, string> = { nw: 'l_nw', pw: 'l_pw', np: 'l_np', pp: 'l_pp', n2: 'l_n2', lp: 'lp' };
const FILING = new Map<string, Filing>([
  ['l', { kind: 'lemma' }],
  ['ppn', { kind: 'trigram' }],
  ...CONTEXT_TEMPLATES.map(template => [template, { kind: 'context', template }] as const),
  ...PAIR_TEMPLATES.map(template => [PAIR_PREFIX[template], { kind: 'pair', template }] as const),
  ...LEMMA_FLAGS.map(flag => [`${flag}_l`, { kind: 'lemmaFlag', flag }] as const),
]);

/** The lemmas' word-pair tables start as this one, shared and never written: most lemmas fill few of them. */
const NO_WORD_PAIRS: ReadonlyMap<number, number> = new Map();
/** Words and tags paired with a lemma, and tags of the context and trigram (which pair with tags only). */
const WORD_PAIRS = ['nw', 'pw', 'n2'] as const;
const TAG_PAIRS = ['np', 'pp', 'lp'] as const;
const WORD_CONTEXT = ['w', 'pw', 'nw', 'n2', 'p2'] as const;
const TAG_CONTEXT = ['p', 'pp', 'np'] as const;
/** What the features say for a word or tag that is not there: before the sentence's first token, after its last. */
const START = '<s>';
const END = '</s>';

/**
 * Files flat weights ("l_nw=say|that" → lemmas.say.pairs.nw ["that", w]) for the weights file.
 * Names no template knows, and pairs without a lemma, are dropped: no feature string can meet them.
 */
export function fileCueWeights(flat: Readonly<Record<string, number>>, threshold: number, meta: Record<string, unknown>): CueWeights {
  const filed: CueWeights = { format: CUE_WEIGHTS_FORMAT, threshold, flags: {}, context: {}, trigram: [], lemmas: {}, meta };
  const lemma = (l: string): FiledLemma => {
    if (!Object.hasOwn(filed.lemmas, l)) filed.lemmas[l] = {};
    return filed.lemmas[l] as FiledLemma;
  };
  for (const key of Object.keys(flat).sort()) {
    const weight = flat[key] as number;
    const eq = key.indexOf('=');
    if (eq < 0) {
      if (Object.hasOwn(FLAG_INDEX, key)) filed.flags[key] = weight;
      continue;
    }
    const filing = FILING.get(key.slice(0, eq));
    if (filing === undefined) continue;
    const value = key.slice(eq + 1);
    switch (filing.kind) {
      case 'lemma':
        lemma(value).l = weight;
        break;
      case 'context':
        (filed.context[filing.template] ??= []).push([value, weight]);
        break;
      case 'lemmaFlag':
        (lemma(value).flags ??= {})[filing.flag] = weight;
        break;
      case 'pair': {
        const bar = value.indexOf('|');
        if (bar <= 0) break;
        const pairs = lemma(value.slice(0, bar)).pairs ??= {};
        (pairs[filing.template] ??= []).push([value.slice(bar + 1), weight]);
        break;
      }
      case 'trigram': {
        const [pp = '', p = '', np = ''] = value.split('|');
        filed.trigram.push([pp, p, np, weight]);
      }
    }
  }
  return filed;
}

/** The filed weights under their feature names again: what `score()` sums. */
export function flatCueWeights(w: CueWeights): Map<string, number> {
  const flat = new Map<string, number>();
  for (const flag of FLAGS) if (Object.hasOwn(w.flags, flag)) flat.set(flag, w.flags[flag] as number);
  for (const template of CONTEXT_TEMPLATES) for (const [value, weight] of w.context[template] ?? []) flat.set(`${template}=${value}`, weight);
  for (const [pp, p, np, weight] of w.trigram) flat.set(`ppn=${pp}|${p}|${np}`, weight);
  for (const l of Object.keys(w.lemmas)) {
    const filed = w.lemmas[l] as FiledLemma;
    if (filed.l !== undefined) flat.set(`l=${l}`, filed.l);
    for (const flag of LEMMA_FLAGS) if (filed.flags && Object.hasOwn(filed.flags, flag)) flat.set(`${flag}_l=${l}`, filed.flags[flag] as number);
    for (const template of PAIR_TEMPLATES) for (const [value, weight] of filed.pairs?.[template] ?? []) flat.set(`${PAIR_PREFIX[template]}=${l}|${value}`, weight);
  }
  return flat;
}

/**
 * The detector. `score(features)` sums the weights of feature strings (what training sees);
 * `scoreToken(ctx, i)` gives the same sum, added in the same order, without building a string:
 * the weights file holds them in tables keyed by template, lemma and word.
 */
export class CueModel {
  readonly threshold: number;
  private readonly filed: CueWeights;
  /** the weights by feature name, made for the first `score()` (training and tests); scoring runs on the tables */
  private flat: Map<string, number> | null = null;
  private readonly flagWeights = new Float64Array(FLAGS.length);
  /** Every word the tables name, by id; a word they do not name has id `wordIds.size`, whose weights are all 0. */
  private readonly wordIds = new Map<string, number>();
  /** Every tag the tables name, by id; a tag they do not name has id `tagIds.size`. */
  private readonly tagIds = new Map<string, number>();
  /** the ids of the words and tags that stand for no token, before the sentence and after it */
  private readonly startWord: number;
  private readonly endWord: number;
  private readonly startTag: number;
  private readonly endTag: number;
  /** the context tables, by word id or tag id */
  private readonly w: Float64Array;
  private readonly pw: Float64Array;
  private readonly nw: Float64Array;
  private readonly n2: Float64Array;
  private readonly p2: Float64Array;
  private readonly p: Float64Array;
  private readonly pp: Float64Array;
  private readonly np: Float64Array;
  /** the tag trigram, at (previous × tags + own) × tags + next, where tags counts the unknown tag too */
  private readonly trigram: Float64Array;
  private readonly tagCount: number;
  private readonly lemmas = new Map<string, LemmaWeights>();

  constructor(w: CueWeights) {
    if (w.format !== CUE_WEIGHTS_FORMAT) throw new Error(`[E201] cue weights have format ${String(w.format)}, expected ${CUE_WEIGHTS_FORMAT}: retrain with scripts/train-cues.ts`);
    this.filed = w;
    this.threshold = w.threshold;
    for (const flag of FLAGS) this.flagWeights[FLAG_INDEX[flag]] = Object.hasOwn(w.flags, flag) ? w.flags[flag] as number : 0;
    const { wordIds, tagIds } = this;
    const addWord = (word: string): void => { if (!wordIds.has(word)) wordIds.set(word, wordIds.size); };
    const addTag = (tag: string): void => { if (!tagIds.has(tag)) tagIds.set(tag, tagIds.size); };
    addWord(START); addWord(END); addTag(START); addTag(END);
    for (const template of WORD_CONTEXT) for (const [word] of w.context[template] ?? []) addWord(word);
    for (const template of TAG_CONTEXT) for (const [tag] of w.context[template] ?? []) addTag(tag);
    for (const [pp, p, np] of w.trigram) { addTag(pp); addTag(p); addTag(np); }
    for (const l of Object.keys(w.lemmas)) {
      const pairs = (w.lemmas[l] as FiledLemma).pairs ?? {};
      for (const template of WORD_PAIRS) for (const [word] of pairs[template] ?? []) addWord(word);
      for (const template of TAG_PAIRS) for (const [tag] of pairs[template] ?? []) addTag(tag);
    }
    this.startWord = wordIds.get(START) as number;
    this.endWord = wordIds.get(END) as number;
    this.startTag = tagIds.get(START) as number;
    this.endTag = tagIds.get(END) as number;
    const tags = this.tagCount = tagIds.size + 1;
    // (filled in the file's order, so a value named twice keeps its last weight, as a Map built from the pairs would)
    const wordTable = (entries: Array<[string, number]> | undefined): Float64Array => {
      const table = new Float64Array(wordIds.size + 1);
      for (const [word, weight] of entries ?? []) table[wordIds.get(word) as number] = weight;
      return table;
    };
    const tagTable = (entries: Array<[string, number]> | undefined): Float64Array => {
      const table = new Float64Array(tags);
      for (const [tag, weight] of entries ?? []) table[tagIds.get(tag) as number] = weight;
      return table;
    };
    this.w = wordTable(w.context.w);
    this.pw = wordTable(w.context.pw);
    this.nw = wordTable(w.context.nw);
    this.n2 = wordTable(w.context.n2);
    this.p2 = wordTable(w.context.p2);
    this.p = tagTable(w.context.p);
    this.pp = tagTable(w.context.pp);
    this.np = tagTable(w.context.np);
    this.trigram = new Float64Array(tags * tags * tags);
    for (const [pp, p, np, weight] of w.trigram) {
      this.trigram[((tagIds.get(pp) as number) * tags + (tagIds.get(p) as number)) * tags + (tagIds.get(np) as number)] = weight;
    }
    const noTagPairs = new Float64Array(tags);
    for (const l of Object.keys(w.lemmas)) {
      const filed = w.lemmas[l] as FiledLemma;
      const flags = filed.flags ?? {};
      const pairs = filed.pairs ?? {};
      const wordPairs = (template: PairTemplate): ReadonlyMap<number, number> => {
        const entries = pairs[template];
        if (!entries) return NO_WORD_PAIRS;
        const table = new Map<number, number>();
        for (const [word, weight] of entries) table.set(wordIds.get(word) as number, weight);
        return table;
      };
      const tagPairs = (template: PairTemplate): Float64Array => (pairs[template] ? tagTable(pairs[template]) : noTagPairs);
      this.lemmas.set(l, {
        l: filed.l ?? 0,
        nw: wordPairs('nw'), pw: wordPairs('pw'), n2: wordPairs('n2'), np: tagPairs('np'), pp: tagPairs('pp'), lp: tagPairs('lp'),
        inQ: flags.inQ ?? 0, head: flags.head ?? 0, that3: flags.that3 ?? 0, qafter: flags.qafter ?? 0, last: flags.last ?? 0,
      });
    }
  }

  /** The weights of a lemma's own features, for scoreTokenWith (undefined: none). */
  lemmaWeights(lemma: string): LemmaWeights | undefined {
    return this.lemmas.get(lemma);
  }

  score(features: readonly string[]): number {
    const flat = this.flat ??= flatCueWeights(this.filed);
    let s = 0;
    for (const f of features) s += flat.get(f) ?? 0;
    return s;
  }

  /** score(cueFeatures(ctx, i)), computed from the tables: the same terms in the same order. */
  scoreToken(ctx: CueContext, i: number): number {
    const t = ctx.tokens[i];
    if (!t) return 0;
    const wordIds = new Int32Array(5);
    for (let k = i - 2; k <= i + 2; k++) {
      const u = ctx.tokens[k];
      wordIds[k - (i - 2)] = u ? this.wordId(featureWord(u.lower)) : this.unknownWord;
    }
    return this.scoreTokenWith(ctx, i, this.lemmas.get(t.lemma), wordIds, i - 2);
  }

  /** The id of a word (featureWord) in the tables, or the id of a word they do not name. */
  wordId(word: string): number {
    return this.wordIds.get(word) ?? this.unknownWord;
  }

  /** The id of every word the tables do not name; its weights are all 0. */
  get unknownWord(): number {
    return this.wordIds.size;
  }

  private tagId(t: Token): number {
    return this.tagIds.get(t.pos) ?? this.tagIds.size;
  }

  /**
   * scoreToken, with the weights of the token's lemma (lemmaWeights) looked up already by the caller, and the ids
   * (wordId) of the words of the tokens around it: token k's at `wordIds[k - base]`, for the tokens of its sentence
   * from i - 2 to i + 2.
   */
  scoreTokenWith(ctx: CueContext, i: number, lw: LemmaWeights | undefined, wordIds: Int32Array, base: number): number {
    const { tokens, sentence } = ctx;
    const t = tokens[i];
    if (!t) return 0;
    const from = sentence.tokenStart;
    const to = sentence.tokenEnd;
    const fw = this.flagWeights;
    const prev = i - 1 >= from && i - 1 < to ? tokens[i - 1] : undefined;
    const next = i + 1 >= from && i + 1 < to ? tokens[i + 1] : undefined;
    const t2 = i + 2 < to ? tokens[i + 2] : undefined;
    const b2 = i - 2 >= from ? tokens[i - 2] : undefined;
    const p = this.tagId(t);
    const pw = prev ? wordIds[i - 1 - base]! : this.startWord;
    const pp = prev ? this.tagId(prev) : this.startTag;
    const nw = next ? wordIds[i + 1 - base]! : this.endWord;
    const np = next ? this.tagId(next) : this.endTag;
    const n2 = t2 ? wordIds[i + 2 - base]! : this.endWord;
    const p2 = b2 ? wordIds[i - 2 - base]! : this.startWord;
    let s = 0;
    s += fw[F_BIAS]!;
    if (lw) {
      s += lw.l;
      s += lw.lp[p]!;
    }
    s += this.w[wordIds[i - base]!]!;
    s += this.p[p]!;
    s += this.pw[pw]!;
    s += this.pp[pp]!;
    s += this.nw[nw]!;
    s += this.np[np]!;
    if (lw) {
      s += lw.nw.get(nw) ?? 0;
      s += lw.pw.get(pw) ?? 0;
      s += lw.np[np]!;
      s += lw.pp[pp]!;
    }
    s += this.n2[n2]!;
    s += lw?.n2.get(n2) ?? 0;
    s += this.p2[p2]!;
    const tags = this.tagCount;
    s += this.trigram[(pp * tags + p) * tags + np]!;
    if (ctx.insideQuote(t.start)) { s += fw[F_INQ]!; s += lw?.inQ ?? 0; }
    if (sentence.heading) { s += fw[F_HEAD]!; s += lw?.head ?? 0; }
    const lower = t.lower;
    if (lower.endsWith('ing')) s += fw[F_ING]!;
    if (lower.endsWith('ed')) s += fw[F_ED]!;
    let that = false;
    let quoteAfter = false;
    for (let k = i + 1; k <= i + 4 && k < to; k++) {
      const u = tokens[k];
      if (!u) break;
      if (k <= i + 3 && u.lower === 'that') that = true;
      if (isOpenMark(u.text)) quoteAfter = true;
    }
    if (that) { s += fw[F_THAT3]!; s += lw?.that3 ?? 0; }
    if (quoteAfter) { s += fw[F_QAFTER]!; s += lw?.qafter ?? 0; }
    if (i === from) s += fw[F_FIRST]!;
    if (i >= to - 2) { s += fw[F_LAST]!; s += lw?.last ?? 0; }
    return s;
  }
}
