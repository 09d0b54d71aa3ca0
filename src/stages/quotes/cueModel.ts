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

/** Parts of speech a cue head can have; everything else is never scored. */
const CANDIDATE_POS = new Set(['VERB', 'AUX', 'NOUN', 'ADJ']);
const OPEN_MARK = /^(?:["\u201C\u201E`]|''|``)$/;

export function isCueCandidate(t: Token): boolean {
  return CANDIDATE_POS.has(t.pos) || t.text === ':' || t.lower === 'according';
}

export interface CueContext {
  tokens: readonly Token[];
  sentence: Sentence;
  /** true when the offset lies inside a pair of quotation marks */
  insideQuote: (offset: number) => boolean;
}

/** The token's lower-cased text with curly quotes made straight, as the features spell words. */
function word(t: Token | undefined): string {
  if (!t) return '';
  const lower = t.lower;
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x201e) {
      return lower.replace(/[\u201C\u201D\u201E]/g, '"').replace(/[\u2018\u2019]/g, "'");
    }
  }
  return lower;
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

/** The weights of the features that pair a lemma with something else, for one lemma. */
export interface LemmaWeights {
  l: number;
  /** l_nw, l_pw, l_np, l_pp, l_n2, lp: keyed by the word or tag paired with the lemma */
  nw: ReadonlyMap<string, number>;
  pw: ReadonlyMap<string, number>;
  np: ReadonlyMap<string, number>;
  pp: ReadonlyMap<string, number>;
  n2: ReadonlyMap<string, number>;
  lp: ReadonlyMap<string, number>;
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

/** The lemmas' pair tables start as this one, shared and never written: most lemmas fill few of them. */
const NO_PAIRS: ReadonlyMap<string, number> = new Map();

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
  private readonly context: Record<ContextTemplate, ReadonlyMap<string, number>>;
  /** the tag trigram, by the previous, own and next tag */
  private readonly trigram = new Map<string, Map<string, Map<string, number>>>();
  private readonly lemmas = new Map<string, LemmaWeights>();

  constructor(w: CueWeights) {
    if (w.format !== CUE_WEIGHTS_FORMAT) throw new Error(`[E201] cue weights have format ${String(w.format)}, expected ${CUE_WEIGHTS_FORMAT}: retrain with scripts/train-cues.ts`);
    this.filed = w;
    this.threshold = w.threshold;
    for (const flag of FLAGS) this.flagWeights[FLAG_INDEX[flag]] = Object.hasOwn(w.flags, flag) ? w.flags[flag] as number : 0;
    const table = (template: ContextTemplate): ReadonlyMap<string, number> => new Map(w.context[template] ?? []);
    this.context = { w: table('w'), p: table('p'), pw: table('pw'), pp: table('pp'), nw: table('nw'), np: table('np'), n2: table('n2'), p2: table('p2') };
    for (const [pp, p, np, weight] of w.trigram) {
      let byTag = this.trigram.get(pp);
      if (!byTag) this.trigram.set(pp, byTag = new Map());
      let byNext = byTag.get(p);
      if (!byNext) byTag.set(p, byNext = new Map());
      byNext.set(np, weight);
    }
    for (const l of Object.keys(w.lemmas)) {
      const filed = w.lemmas[l] as FiledLemma;
      const flags = filed.flags ?? {};
      const pairs = filed.pairs ?? {};
      const pairTable = (template: PairTemplate): ReadonlyMap<string, number> => (pairs[template] ? new Map(pairs[template]) : NO_PAIRS);
      this.lemmas.set(l, {
        l: filed.l ?? 0,
        nw: pairTable('nw'), pw: pairTable('pw'), np: pairTable('np'), pp: pairTable('pp'), n2: pairTable('n2'), lp: pairTable('lp'),
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
    return t ? this.scoreTokenWith(ctx, i, this.lemmas.get(t.lemma)) : 0;
  }

  /** scoreToken, with the weights of the token's lemma (lemmaWeights) looked up already by the caller. */
  scoreTokenWith(ctx: CueContext, i: number, lw: LemmaWeights | undefined): number {
    const { tokens, sentence } = ctx;
    const t = tokens[i];
    if (!t) return 0;
    const from = sentence.tokenStart;
    const to = sentence.tokenEnd;
    const c = this.context;
    const fw = this.flagWeights;
    const p = t.pos;
    const prev = i - 1 >= from && i - 1 < to ? tokens[i - 1] : undefined;
    const next = i + 1 >= from && i + 1 < to ? tokens[i + 1] : undefined;
    const pw = prev ? word(prev) : '<s>';
    const pp = prev ? prev.pos : '<s>';
    const nw = next ? word(next) : '</s>';
    const np = next ? next.pos : '</s>';
    const t2 = i + 2 < to ? tokens[i + 2] : undefined;
    const n2 = t2 ? word(t2) : '</s>';
    const b2 = i - 2 >= from ? tokens[i - 2] : undefined;
    const p2 = b2 ? word(b2) : '<s>';
    let s = 0;
    s += fw[F_BIAS]!;
    if (lw) {
      s += lw.l;
      s += lw.lp.get(p) ?? 0;
    }
    s += c.w.get(word(t)) ?? 0;
    s += c.p.get(p) ?? 0;
    s += c.pw.get(pw) ?? 0;
    s += c.pp.get(pp) ?? 0;
    s += c.nw.get(nw) ?? 0;
    s += c.np.get(np) ?? 0;
    if (lw) {
      s += lw.nw.get(nw) ?? 0;
      s += lw.pw.get(pw) ?? 0;
      s += lw.np.get(np) ?? 0;
      s += lw.pp.get(pp) ?? 0;
    }
    s += c.n2.get(n2) ?? 0;
    s += lw?.n2.get(n2) ?? 0;
    s += c.p2.get(p2) ?? 0;
    s += this.trigram.get(pp)?.get(p)?.get(np) ?? 0;
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
