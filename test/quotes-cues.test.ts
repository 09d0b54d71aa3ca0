import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate } from '../src/extract.js';
import { cueCounts, cueWeights } from '../src/rules/cueData.js';
import { CUE_WEIGHTS_FORMAT, CueModel, cueFeatures, isCueCandidate } from '../src/stages/quotes/cueModel.js';
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
    expect(Object.keys(w?.lemmas ?? {}).length).toBeGreaterThan(1000);
    expect(w?.context.w?.length).toBeGreaterThan(1000);
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

describe('the detector scores from its tables exactly as from feature strings', () => {
  it('scoreToken equals score(cueFeatures) for every candidate, bit for bit', () => {
    const w = cueWeights();
    if (!w) return;
    const model = new CueModel(w);
    const doc = annotate('“We will not back down,” the senator said on Tuesday. The ministry denied that it had ordered the strike.\n\n'
      + 'Critics argued the plan was “a reckless gamble”; the mayor’s office called for calm, according to officials. '
      + 'She believes that voters want change: “They do.”');
    const insideQuote = (o: number): boolean => doc.quoteSpans.some(q => q.inner.start <= o && o < q.inner.end);
    let checked = 0;
    for (const sentence of doc.sentences) {
      for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
        const t = doc.tokens[i];
        if (!t || !isCueCandidate(t)) continue;
        const ctx = { tokens: doc.tokens, sentence, insideQuote };
        expect(model.scoreToken(ctx, i)).toBe(model.score(cueFeatures(ctx, i)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('data scripts', () => {
  it('skip cleanly when ../shared is absent', () => {
    for (const script of ['count-cues.js', 'train-cues.js']) {
      const out = execFileSync(process.execPath, [path.join(ROOT, 'dist', 'scripts', script), '--shared', path.join(ROOT, 'no-such-shared')], { encoding: 'utf8' });
      expect(out).toMatch(/not found/);
    }
  });
});
