/**
 * The check-worthiness model: a logistic regression over the named features and a pruned lexical
 * vocabulary, calibrated on cross-validated predictions (Platt scaling) and shifted so that 0.5 is
 * the operating point chosen on the training set. Pure functions over a weights object; index.ts
 * loads the committed weights, scripts/train-checkworthiness.ts fits them.
 */
import { lexicalKeys, namedFeatures, type CwContext, type CwToken } from './features.js';

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

/** A weights object unpacked for fast scoring. */
export interface CompiledModel {
  bias: number;
  named: ReadonlyMap<string, number>;
  lexical: ReadonlyMap<string, number>;
  families: string;
  normalise: boolean;
  slope: number;
  offset: number;
}

export function compile(weights: CheckworthinessWeights): CompiledModel {
  if (weights.format !== WEIGHTS_FORMAT) throw new Error(`check-worthiness weights: unknown format ${String(weights.format)}`);
  const { slope, intercept, threshold } = weights.calibration;
  return {
    bias: weights.bias,
    named: new Map(Object.entries(weights.named)),
    lexical: new Map(Object.entries(weights.lexical)),
    families: weights.families,
    normalise: weights.lexicalNorm === 'sqrt',
    slope,
    offset: intercept - Math.log(threshold / (1 - threshold)),
  };
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

export interface Scored {
  score: number;
  features: string[];
}

/** Scores pre-tokenised text: the named features that fired, then a one-item lexical summary. */
export function scoreTokens(model: CompiledModel, tokens: ReadonlyArray<CwToken>, context?: CwContext): Scored {
  const named = namedFeatures(tokens, context);
  let margin = model.bias;
  for (const name of named) margin += model.named.get(name) ?? 0;
  let lexical = 0;
  let matched = false;
  let count = 0;
  for (const key of lexicalKeys(tokens, named, model.families)) {
    count++;
    const w = model.lexical.get(key);
    if (w !== undefined) {
      lexical += w;
      matched = true;
    }
  }
  if (model.normalise) lexical /= Math.sqrt(Math.max(1, count));
  margin += lexical;
  const score = sigmoid(model.slope * margin + model.offset);
  const features: string[] = named;
  if (matched) {
    const v = model.slope * lexical;
    features.push(`lexical:${v >= 0 ? '+' : '-'}${Math.abs(v).toFixed(1)}`);
  }
  return { score, features };
}
