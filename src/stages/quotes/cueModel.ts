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

const word = (t: Token | undefined): string => (t ? t.lower.replace(/[\u201C\u201D\u201E]/g, '"').replace(/[\u2018\u2019]/g, "'") : '');

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

export class CueModel {
  private readonly weights: Map<string, number>;
  readonly threshold: number;

  constructor(w: CueWeights) {
    if (w.format !== CUE_WEIGHTS_FORMAT) throw new Error(`[E201] cue weights have format ${String(w.format)}, expected ${CUE_WEIGHTS_FORMAT}: retrain with scripts/train-cues.ts`);
    this.weights = new Map(Object.entries(w.weights));
    this.threshold = w.threshold;
  }

  score(features: readonly string[]): number {
    let s = 0;
    for (const f of features) s += this.weights.get(f) ?? 0;
    return s;
  }
}
