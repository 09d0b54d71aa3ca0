/**
 * Check-worthiness: a score in [0, 1] for a claim, and the named features that fired.
 *
 * The score combines interpretable features (a figure, an event verb, a comparison, a cause, a
 * named source, a hedge, first-person opinion, a question...) and a pruned lexical vocabulary in a
 * logistic regression fitted by scripts/train-checkworthiness.ts on CLEF CheckThat! 2024 English
 * (see docs/model-card-checkworthiness.md). 0.5 is the operating point: at or above it the claim is
 * check-worthy. The weights are read once, when this module loads, from
 * src/rules/checkworthiness.weights.json (found by walking up from this module, so the same code
 * runs from src/ and from dist/src/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenize, type CwToken } from './features.js';
import { compile, scoreTokenRange, scoreTokens, type CheckworthinessWeights, type CompiledModel } from './model.js';

export { NAMED_FEATURES, type NamedFeature, type CwToken } from './features.js';

export interface CheckworthinessInput {
  text: string;
  /** the claim's tokens, when an earlier stage has them; otherwise the text is tokenised here */
  tokens?: ReadonlyArray<CwToken>;
}

export interface CheckworthinessResult {
  /** in [0, 1]; check-worthy at or above 0.5 */
  score: number;
  /** the named features that fired, in a stable order, then "lexical:+0.8" (the vocabulary's log-odds) */
  features: string[];
}

const WEIGHTS_PATH = path.join('src', 'rules', 'checkworthiness.weights.json');

function findWeights(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, WEIGHTS_PATH);
    if (fs.existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`check-worthiness: ${WEIGHTS_PATH} not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

const MODEL: CompiledModel = compile(JSON.parse(fs.readFileSync(findWeights(), 'utf8')) as CheckworthinessWeights);

/**
 * Scores one claim. Pure: the same input always gives the same output. With tokens given it costs
 * a few microseconds (about 7 µs for a 25-token sentence); without, the text is tokenised with the
 * shared wink-nlp instance first.
 */
export function scoreCheckworthiness(input: CheckworthinessInput): CheckworthinessResult {
  const tokens = input.tokens ?? tokenize(input.text);
  return scoreTokens(MODEL, tokens);
}

/** Scores tokens `from`..`to` (exclusive) of a document's tokens, as scoreCheckworthiness scores them on their own. */
export function scoreCheckworthinessOfTokens(tokens: ReadonlyArray<CwToken>, from: number, to: number): CheckworthinessResult {
  return scoreTokenRange(MODEL, tokens, from, to);
}
