import type { Doc, Quote, Span } from '../../model.js';

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

/** Content that runs over more than one sentence: an end mark, maybe a closing quotation mark, space and a capital. */
const MULTI_SENTENCE = /[.!?]["\u201D']?\s+\p{Lu}/u;

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
    `verbatim=${q.verbatim.length > 0}`, `multiSentence=${MULTI_SENTENCE.test(content)}`,
  ];
  if (!q.speaker) f.push('noSpeaker');
  if (!q.cue) f.push('noCue');
  return f;
}

/** A template's weights by the value the feature names: "cue=say" under "say" (for the prefix "cue="). */
function weightsByValue(weights: ReadonlyMap<string, number>, prefix: string): ReadonlyMap<string, number> {
  const byValue = new Map<string, number>();
  for (const [name, weight] of weights) if (name.startsWith(prefix)) byValue.set(name.slice(prefix.length), weight);
  return byValue;
}

/**
 * The weights of a template that pairs two values ("rule_length=<rule>|<length>"), each pair's found once. Only
 * templates whose values come from short closed lists (rules, kinds, resolutions, buckets, stances) are paired.
 */
class PairWeights {
  private readonly found = new Map<string, Map<string, number>>();

  constructor(private readonly weights: ReadonlyMap<string, number>, private readonly prefix: string) {}

  get(a: string, b: string): number {
    let byB = this.found.get(a);
    if (!byB) this.found.set(a, byB = new Map());
    let weight = byB.get(b);
    if (weight === undefined) {
      weight = this.weights.get(`${this.prefix}${a}|${b}`) ?? 0;
      byB.set(b, weight);
    }
    return weight;
  }
}

export class QuoteConfidenceModel {
  private readonly weights: ReadonlyMap<string, number>;
  private readonly bias: number;
  /** the weights by template, for quoteProbability: the features' values are looked up with no feature string made */
  private readonly rule: ReadonlyMap<string, number>;
  private readonly ruleConfidence: ReadonlyMap<string, number>;
  private readonly kind: ReadonlyMap<string, number>;
  private readonly resolution: ReadonlyMap<string, number>;
  private readonly ruleResolution: PairWeights;
  private readonly anonymous: ReadonlyMap<string, number>;
  private readonly cue: ReadonlyMap<string, number>;
  private readonly cueStance: PairWeights;
  private readonly noCueStance: number;
  private readonly length: ReadonlyMap<string, number>;
  private readonly ruleLength: PairWeights;
  private readonly kindLength: PairWeights;
  private readonly verbatim: ReadonlyMap<string, number>;
  private readonly multiSentence: ReadonlyMap<string, number>;
  private readonly noSpeaker: number;
  private readonly noCue: number;

  constructor(w: QuoteConfidenceWeights) {
    if (w.format !== QUOTE_CONFIDENCE_FORMAT) throw new Error(`[E203] quote-confidence weights have format ${String(w.format)}, expected ${QUOTE_CONFIDENCE_FORMAT}: retrain with scripts/train-quote-confidence.ts`);
    const weights = this.weights = new Map(Object.entries(w.weights));
    this.bias = w.bias;
    this.rule = weightsByValue(weights, 'rule=');
    this.ruleConfidence = weightsByValue(weights, 'ruleConfidence=');
    this.kind = weightsByValue(weights, 'kind=');
    this.resolution = weightsByValue(weights, 'resolution=');
    this.ruleResolution = new PairWeights(weights, 'rule_resolution=');
    this.anonymous = weightsByValue(weights, 'anonymous=');
    this.cue = weightsByValue(weights, 'cue=');
    this.cueStance = new PairWeights(weights, 'cueStance=');
    this.noCueStance = weights.get('cueStance=none') ?? 0;
    this.length = weightsByValue(weights, 'length=');
    this.ruleLength = new PairWeights(weights, 'rule_length=');
    this.kindLength = new PairWeights(weights, 'kind_length=');
    this.verbatim = weightsByValue(weights, 'verbatim=');
    this.multiSentence = weightsByValue(weights, 'multiSentence=');
    this.noSpeaker = weights.get('noSpeaker') ?? 0;
    this.noCue = weights.get('noCue') ?? 0;
  }

  /** The probability, from the features' weights summed in their order. */
  probability(features: readonly string[]): number {
    let z = this.bias;
    for (const f of features) z += this.weights.get(f) ?? 0;
    return 1 / (1 + Math.exp(-z));
  }

  /** probability(quoteFeatures(q, text)), from the weights by template: the same weights added in the same order. */
  quoteProbability(q: Quote, text: string): number {
    const rule = q.ruleId;
    const resolution = q.speaker?.resolution ?? 'none';
    const content = text.slice(q.content.start, q.content.end);
    const length = wordsBucket(countWords(content));
    let z = this.bias;
    z += this.rule.get(rule) ?? 0;
    z += this.ruleConfidence.get(q.confidence.toFixed(2)) ?? 0;
    z += this.kind.get(q.kind) ?? 0;
    z += this.resolution.get(resolution) ?? 0;
    z += this.ruleResolution.get(rule, resolution);
    z += this.anonymous.get(q.speaker?.anonymous === true ? 'true' : 'false') ?? 0;
    z += this.cue.get(q.cue?.lemma ?? 'none') ?? 0;
    z += q.cue ? this.cueStance.get(q.cue.entry.status, q.cue.entry.polarity) : this.noCueStance;
    z += this.length.get(length) ?? 0;
    z += this.ruleLength.get(rule, length);
    z += this.kindLength.get(q.kind, length);
    z += this.verbatim.get(q.verbatim.length > 0 ? 'true' : 'false') ?? 0;
    z += this.multiSentence.get(MULTI_SENTENCE.test(content) ? 'true' : 'false') ?? 0;
    if (!q.speaker) z += this.noSpeaker;
    if (!q.cue) z += this.noCue;
    return 1 / (1 + Math.exp(-z));
  }
}

/** Quotes with the model's confidence (the rules' one when there is no model), to two decimals as the output writes it. */
export function calibrateQuotes(doc: Pick<Doc, 'text'>, quotes: readonly Quote[], model: QuoteConfidenceModel | null): Quote[] {
  // (pushed one by one: `map` and spreads make arrays of other kinds, and the code that reads doc.quotes would meet them all)
  const calibrated: Quote[] = [];
  for (const q of quotes) {
    if (!model) {
      calibrated.push(q);
      continue;
    }
    const confidence = Math.round(model.quoteProbability(q, doc.text) * 100) / 100;
    calibrated.push(quoteWith(q, q.verbatim, confidence, [...q.explain, `confidence ${confidence} from the learned quote-confidence model (the rule gave ${q.confidence})`]));
  }
  return calibrated;
}

/**
 * `q` with other verbatim parts, confidence and explanation, copied field by field: a spread of quotes is a slow,
 * megamorphic copy.
 */
export function quoteWith(q: Quote, verbatim: Span[], confidence: number, explain: string[]): Quote {
  return { id: q.id, kind: q.kind, content: q.content, verbatim, speaker: q.speaker, cue: q.cue, sentence: q.sentence, confidence, ruleId: q.ruleId, explain };
}
