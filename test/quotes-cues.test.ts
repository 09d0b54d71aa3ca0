import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate } from '../src/extract.js';
import { cueCounts, cueWeights } from '../src/rules/cueData.js';
import { CUE_WEIGHTS_FORMAT } from '../src/stages/quotes/cueModel.js';
import { findCues } from '../src/stages/quotes/findCues.js';
import { ROOT } from './helpers.js';

/** The cue words findCues reports in the first sentence of `text`. */
function cueTexts(text: string): string[] {
  const doc = annotate(text);
  const s = doc.sentences[0];
  if (!s) return [];
  return findCues(doc.tokens, s).map(c => doc.text.slice(doc.tokens[c.first]?.start ?? 0, doc.tokens[c.last - 1]?.end ?? 0));
}

describe('cue lexicon data and detector weights', () => {
  it('ship with the repository and have the expected shape', () => {
    const counts = cueCounts();
    expect(counts?.lemmas.say?.[0]).toBeGreaterThan(1000);
    expect(counts?.after.call?.map(a => a[0])).toContain('for');
    const w = cueWeights();
    expect(w?.format).toBe(CUE_WEIGHTS_FORMAT);
    expect(Object.keys(w?.weights ?? {}).length).toBeGreaterThan(1000);
  });
});

// [name, text, cue spans expected in the first sentence]
const CUES: Array<[string, string, string[]]> = [
  ['the verb alone', 'The mayor said the bridge would reopen.', ['said']],
  ['auxiliaries and adverbs join the cue', 'The mayor has also said the bridge would reopen.', ['has also said']],
  ['a particle the cue takes', 'The mayor called for calm.', ['called for']],
  ['"according to" is a phrase cue', 'According to the mayor, the bridge will reopen.', ['According to']],
  ['"declined" takes no "to comment" (PolNeAR marks the verb alone)', 'The mayor declined to comment on the report.', ['declined']],
  ['a learned continuation and a colon before a quotation', 'The mayor put it simply: “The bridge is safe.”', ['put it', ':']],
  // negatives
  ['a cue word inside a quotation is not a cue of this sentence', '“I said no,” the mayor recalled.', ['recalled']],
  ['no cue in a plain statement', 'The bridge reopened on Monday after repairs.', []],
];

describe('findCues', () => {
  for (const [name, text, expected] of CUES) {
    it(name, () => {
      const got = cueTexts(text);
      for (const cue of expected) expect(got).toContain(cue);
      if (!expected.length) expect(got).toEqual([]);
    });
  }
});

describe('data scripts', () => {
  it('skip cleanly when ../shared is absent', () => {
    for (const script of ['count-cues.js', 'train-cues.js']) {
      const out = execFileSync(process.execPath, [path.join(ROOT, 'dist', 'scripts', script), '--shared', path.join(ROOT, 'no-such-shared')], { encoding: 'utf8' });
      expect(out).toMatch(/not found/);
    }
  });
});
