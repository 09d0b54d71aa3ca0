import type { Doc, Quote } from '../../model.js';

/**
 * A quote's confidence as a probability: how likely an annotator marked the same content for it.
 * The rules give each pattern a fixed confidence (0.95 for a quotation with its cue after it, 0.85
 * for reported speech after its subject, ...); on PolNeAR train those fixed values are far from the
 * share of quotes that are right (0.76 is right 44% of the time, 0.60 38%). A logistic regression
 * over what the quote is made of (its rule, kind, speaker resolution, cue, content length) gives a
 * number that is. Trained by scripts/train-quote-confidence.ts; see docs/model-card-quote-confidence.md.
 * The set of quotes is not changed: only the `confidence` each carries.
 */

export const QUOTE_CONFIDENCE_FORMAT = 'claimsift-quote-confidence/1';

export interface QuoteConfidenceWeights {
  format: typeof QUOTE_CONFIDENCE_FORMAT;
  bias: number;
  weights: Record<string, number>;
  meta: Record<string, unknown>;
}

/** How many runs of non-space characters `text` holds (as `text.split(/\s+/).filter(Boolean).length`, without the arrays). */
function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(text[i] as string));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function wordsBucket(n: number): string {
  if (n <= 2) return '1-2';
  if (n <= 5) return '3-5';
  if (n <= 10) return '6-10';
  if (n <= 20) return '11-20';
  return n <= 40 ? '21-40' : '41+';
}

/** The feature strings of a quote: its rule and its rule's confidence, kind, speaker, cue and content. */
export function quoteFeatures(q: Quote, text: string): string[] {
  const rule = q.ruleId;
  const resolution = q.speaker?.resolution ?? 'none';
  const content = text.slice(q.content.start, q.content.end);
  const length = wordsBucket(countWords(content));
  const lemma = q.cue?.lemma ?? 'none';
  const stance = q.cue ? `${q.cue.entry.status}|${q.cue.entry.polarity}` : 'none';
  const f = [
    `rule=${rule}`, `ruleConfidence=${q.confidence.toFixed(2)}`, `kind=${q.kind}`, `resolution=${resolution}`,
    `rule_resolution=${rule}|${resolution}`, `anonymous=${q.speaker?.anonymous === true}`, `cue=${lemma}`, `cueStance=${stance}`,
    `length=${length}`, `rule_length=${rule}|${length}`, `kind_length=${q.kind}|${length}`,
    `verbatim=${q.verbatim.length > 0}`, `multiSentence=${/[.!?]["\u201D']?\s+\p{Lu}/u.test(content)}`,
  ];
  if (!q.speaker) f.push('noSpeaker');
  if (!q.cue) f.push('noCue');
  return f;
}

export class QuoteConfidenceModel {
  private readonly weights: ReadonlyMap<string, number>;
  private readonly bias: number;

  constructor(w: QuoteConfidenceWeights) {
    if (w.format !== QUOTE_CONFIDENCE_FORMAT) throw new Error(`[E203] quote-confidence weights have format ${String(w.format)}, expected ${QUOTE_CONFIDENCE_FORMAT}: retrain with scripts/train-quote-confidence.ts`);
    this.weights = new Map(Object.entries(w.weights));
    this.bias = w.bias;
  }

  /** The probability, from the features' weights summed in their order. */
  probability(features: readonly string[]): number {
    let z = this.bias;
    for (const f of features) z += this.weights.get(f) ?? 0;
    return 1 / (1 + Math.exp(-z));
  }
}

/** Quotes with the model's confidence (the rules' one when there is no model), to two decimals as the output writes it. */
export function calibrateQuotes(doc: Pick<Doc, 'text'>, quotes: readonly Quote[], model: QuoteConfidenceModel | null): Quote[] {
  if (!model) return [...quotes];
  return quotes.map(q => {
    const confidence = Math.round(model.probability(quoteFeatures(q, doc.text)) * 100) / 100;
    return { ...q, confidence, explain: [...q.explain, `confidence ${confidence} from the learned quote-confidence model (the rule gave ${q.confidence})`] };
  });
}
