import type { Sentence, Token } from '../../model.js';

/**
 * The learned half of cue detection: an averaged perceptron that says whether a token is the head
 * of an attribution cue ("said", "wants", "according", "statement", ":"). Trained by
 * scripts/train-cues.ts on PolNeAR train; see docs/model-card-cues.md. The features are strings
 * built from wink-nlp tokens only, so the weights file is all the model there is.
 */

export const CUE_WEIGHTS_FORMAT = 'claimsift-cue-perceptron/1';

export interface CueWeights {
  format: typeof CUE_WEIGHTS_FORMAT;
  /** a candidate is a cue head when its score exceeds this */
  threshold: number;
  weights: Record<string, number>;
  meta: Record<string, unknown>;
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
const FILING = new Map<string, Filing>([
  ['l', { kind: 'lemma' }],
  ['ppn', { kind: 'trigram' }],
  ...CONTEXT_TEMPLATES.map(template => [template, { kind: 'context', template }] as const),
  ...PAIR_TEMPLATES.map(template => [template === 'lp' ? 'lp' : `l_${template}`, { kind: 'pair', template }] as const),
  ...LEMMA_FLAGS.map(flag => [`${flag}_l`, { kind: 'lemmaFlag', flag }] as const),
]);

/** The lemmas' pair tables start as this one, shared and never written: most lemmas fill few of them. */
const NO_PAIRS: ReadonlyMap<string, number> = new Map();

/**
 * The detector. `score(features)` sums the weights of feature strings (what training sees);
 * `scoreToken(ctx, i)` gives the same sum, added in the same order, without building a string:
 * the weights are read into tables keyed by template, lemma and word once, at load.
 */
export class CueModel {
  /** the weights as read, for `score()` (training and tests); scoring runs on the tables */
  private readonly weights: Readonly<Record<string, number>>;
  readonly threshold: number;
  private readonly flagWeights = new Float64Array(FLAGS.length);
  private readonly context: Record<ContextTemplate, Map<string, number>> = { w: new Map(), p: new Map(), pw: new Map(), pp: new Map(), nw: new Map(), np: new Map(), n2: new Map(), p2: new Map() };
  /** the tag trigram, by the previous, own and next tag */
  private readonly trigram = new Map<string, Map<string, Map<string, number>>>();
  private readonly lemmas = new Map<string, LemmaWeights>();

  constructor(w: CueWeights) {
    if (w.format !== CUE_WEIGHTS_FORMAT) throw new Error(`[E201] cue weights have format ${String(w.format)}, expected ${CUE_WEIGHTS_FORMAT}: retrain with scripts/train-cues.ts`);
    this.weights = w.weights;
    this.threshold = w.threshold;
    for (const key in w.weights) this.index(key, w.weights[key] as number);
  }

  /** The weights of a lemma's own features, for scoreTokenWith (undefined: none). */
  lemmaWeights(lemma: string): LemmaWeights | undefined {
    return this.lemmas.get(lemma);
  }

  private lemma(l: string): LemmaWeights {
    let entry = this.lemmas.get(l);
    if (!entry) {
      entry = { l: 0, nw: NO_PAIRS, pw: NO_PAIRS, np: NO_PAIRS, pp: NO_PAIRS, n2: NO_PAIRS, lp: NO_PAIRS, inQ: 0, head: 0, that3: 0, qafter: 0, last: 0 };
      this.lemmas.set(l, entry);
    }
    return entry;
  }

  /** Files one weight under its template: "l_nw=say|that" → lemmas[say].nw[that]. */
  private index(key: string, weight: number): void {
    const eq = key.indexOf('=');
    if (eq < 0) {
      const flag = FLAG_INDEX[key as Flag];
      if (flag !== undefined && Object.hasOwn(FLAG_INDEX, key)) this.flagWeights[flag] = weight;
      return;
    }
    const filing = FILING.get(key.slice(0, eq));
    if (filing === undefined) return;
    const value = key.slice(eq + 1);
    switch (filing.kind) {
      case 'lemma':
        this.lemma(value).l = weight;
        return;
      case 'context':
        this.context[filing.template].set(value, weight);
        return;
      case 'lemmaFlag':
        this.lemma(value)[filing.flag] = weight;
        return;
      case 'pair': {
        const bar = value.indexOf('|');
        if (bar <= 0) return;
        const entry = this.lemma(value.slice(0, bar));
        let pairs = entry[filing.template] as Map<string, number>;
        if (pairs === NO_PAIRS) entry[filing.template] = pairs = new Map();
        pairs.set(value.slice(bar + 1), weight);
        return;
      }
      case 'trigram': {
        const [pp = '', p = '', np = ''] = value.split('|');
        let byTag = this.trigram.get(pp);
        if (!byTag) this.trigram.set(pp, byTag = new Map());
        let byNext = byTag.get(p);
        if (!byNext) byTag.set(p, byNext = new Map());
        byNext.set(np, weight);
      }
    }
  }

  score(features: readonly string[]): number {
    let s = 0;
    for (const f of features) s += Object.hasOwn(this.weights, f) ? this.weights[f] as number : 0;
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
