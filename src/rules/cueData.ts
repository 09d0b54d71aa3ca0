/**
 * The data half of the cue lexicon, read once from src/rules/ (found by walking up from this
 * module, so the same code runs from src/ and dist/src/):
 *   - cues.counts.json  — lemma counts and the words a cue takes after its head, from PolNeAR train
 *                          (scripts/count-cues.ts);
 *   - cues.weights.json — the cue detector's weights (scripts/train-cues.ts).
 * A missing file leaves the hand lexicon in cues.ts to work alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CueWeights } from '../stages/quotes/cueModel.js';

export interface CueCountsFile {
  source: string;
  lemmas: Record<string, [number, number]>;
  after: Record<string, Array<[string, number, number]>>;
}

function findRulesFile(name: string): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    for (const candidate of [path.join(dir, name), path.join(dir, 'src', 'rules', name)]) if (fs.existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** A JSON file of src/rules/ (found as findRulesFile finds it), parsed; null when it is missing. */
export function readRulesJson<T>(name: string): T | null {
  const file = findRulesFile(name);
  return file ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : null;
}

let counts: CueCountsFile | null | undefined;
let weights: CueWeights | null | undefined;

export function cueCounts(): CueCountsFile | null {
  if (counts === undefined) counts = readRulesJson<CueCountsFile>('cues.counts.json');
  return counts;
}

export function cueWeights(): CueWeights | null {
  if (weights === undefined) weights = readRulesJson<CueWeights>('cues.weights.json');
  return weights;
}

/** Words that a cue takes in after its head, longest first: "call" → ["into question", "for", "on", ...]. */
let afterByLemma: Map<string, string[][]> | undefined;
const NONE: readonly string[][] = [];
export function cueContinuations(lemma: string): readonly string[][] {
  if (!afterByLemma) {
    afterByLemma = new Map();
    for (const [l, list] of Object.entries(cueCounts()?.after ?? {})) {
      afterByLemma.set(l, list.map(([words]) => words.split(' ')).sort((a, b) => b.length - a.length));
    }
  }
  return afterByLemma.get(lemma) ?? NONE;
}

/** How often the lemma heads a cue in PolNeAR train, and how often it occurs there. */
let countByLemma: Map<string, [number, number]> | undefined;
export function lemmaCount(lemma: string): [number, number] | undefined {
  countByLemma ??= new Map(Object.entries(cueCounts()?.lemmas ?? {}));
  return countByLemma.get(lemma);
}
