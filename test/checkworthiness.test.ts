import { describe, expect, it } from 'vitest';
import { NAMED_FEATURES, scoreCheckworthiness, type CwToken } from '../src/stages/checkworthiness/index.js';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/extract.js';
import { lexicalKeys, namedFeatures, tokenize } from '../src/stages/checkworthiness/features.js';
import { compile, scoreTokens, type CheckworthinessWeights } from '../src/stages/checkworthiness/model.js';

// Every sentence here is written for this test; none comes from a data set.
const LOW: ReadonlyArray<[string, string]> = [
  ['opinion', 'I think that is a wonderful idea and I hope you agree with me.'],
  ['opinion', 'Personally, I believe we should all be kinder to each other.'],
  ['question', 'What would you do about it?'],
  ['question', 'Do you really think that is fair?'],
  ['greeting', 'Thank you very much, and good evening to everyone.'],
  ['greeting', 'Thank you all for coming tonight.'],
  ['promise', "I'll fight for you every single day."],
];

const HIGH: ReadonlyArray<[string, string]> = [
  ['figure', 'Unemployment rose to 9.8 percent last year, the highest rate since 1983.'],
  ['figure', 'The state cut $4 billion from its school budget in 2019.'],
  ['event', 'The senator voted against the bill that would have raised the minimum wage.'],
  ['event', 'The company laid off 12,000 workers after profits fell by half.'],
  ['comparison', 'Crime in the city fell 20 percent compared with the year before.'],
];

describe('scoreCheckworthiness', () => {
  it.each(LOW)('scores a %s low: %s', (_kind, text) => {
    const { score } = scoreCheckworthiness({ text });
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThan(0.5);
  });

  it.each(HIGH)('scores a %s high: %s', (_kind, text) => {
    const { score } = scoreCheckworthiness({ text });
    expect(score).toBeGreaterThanOrEqual(0.5);
    expect(score).toBeLessThanOrEqual(1);
  });

  it('ranks a factual statement with figures above an opinion', () => {
    const fact = scoreCheckworthiness({ text: 'Exports to Canada doubled to $30 billion between 2010 and 2015.' });
    const opinion = scoreCheckworthiness({ text: 'I feel good about where we are headed.' });
    expect(fact.score).toBeGreaterThan(opinion.score);
  });

  const FEATURES: ReadonlyArray<[string, string[]]> = [
    ['Unemployment rose to 9.8 percent last year, the highest rate since 1983.', ['has-number', 'percent', 'year', 'change-verb', 'past-tense', 'superlative', 'time-reference']],
    ['The state cut $4 billion from its school budget in 2019.', ['has-number', 'money', 'large-quantity', 'event-verb']],
    ['The senator voted against the bill.', ['event-verb', 'past-tense', 'vote', 'legislation']],
    ['Prices are higher than they were because the factory closed.', ['comparison', 'cause']],
    ['This is the largest plant in the country.', ['superlative']],
    ['I think that is a wonderful idea.', ['first-person', 'first-person-opinion', 'evaluative-adjective']],
    ['What would you do about it?', ['question', 'second-person']],
    ['Thank you very much.', ['greeting', 'short']],
    ['Officials said the plant will probably reopen next year.', ['anonymous-source', 'attributed', 'hedge', 'prediction']],
    ['The minister, John Smith, said the talks had failed.', ['named-source', 'attributed', 'named-entity']],
    ['We must act now.', ['modal-obligation', 'first-person']],
  ];

  it.each(FEATURES)('lists the features that fired: %s', (text, expected) => {
    const { features } = scoreCheckworthiness({ text });
    for (const name of expected) expect(features).toContain(name);
    // named features come in NAMED_FEATURES order, then at most one lexical summary
    const named = features.filter(f => !f.startsWith('lexical:'));
    const order = named.map(f => (NAMED_FEATURES as readonly string[]).indexOf(f));
    expect(order.every(i => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const lexical = features.filter(f => f.startsWith('lexical:'));
    expect(lexical.length).toBeLessThanOrEqual(1);
    for (const f of lexical) expect(f).toMatch(/^lexical:[+-]\d+\.\d$/);
  });

  it('does not report features that did not fire', () => {
    const { features } = scoreCheckworthiness({ text: 'Thank you very much.' });
    expect(features).not.toContain('has-number');
    expect(features).not.toContain('question');
    expect(features).not.toContain('event-verb');
  });

  it.each([
    'Officials said 40 people were killed in the blast on Monday.',
    'The plant will reopen.',
    'Unemployment fell to 4.1 percent last year, the ministry reported.',
  ])('a claim in the pipeline scores as its sentence does alone, as the model was fitted: %s', text => {
    const doc = extract(text);
    const alone = scoreCheckworthiness({ text });
    expect(doc.claims.length).toBeGreaterThan(0);
    for (const claim of doc.claims) {
      expect(claim.checkworthiness).toBe(Math.round(alone.score * 1000) / 1000);
      expect(claim.features).toEqual(alone.features);
    }
  });

  it('sums the lexical weights through integer ids exactly as through the string keys', () => {
    const file = fileURLToPath(new URL('../src/rules/checkworthiness.weights.json', import.meta.url));
    const weights = JSON.parse(fs.readFileSync(file, 'utf8')) as CheckworthinessWeights;
    const plain = compile({ ...weights, calibration: { slope: 1, intercept: 0, threshold: 0.5 } });
    const texts = [
      'Unemployment rose to 9.8 percent last year, the highest rate since 1983.',
      'The senator voted against the bill that would have raised taxes, and taxes rose anyway.',
      'I think that is a wonderful idea and I hope you agree with me.',
      'What would you do about it? Nothing, nothing at all!',
      '',
    ];
    for (const text of texts) {
      const tokens = tokenize(text);
      const named = namedFeatures(tokens);
      let margin = weights.bias;
      for (const name of named) margin += weights.named[name] ?? 0;
      for (const key of lexicalKeys(tokens, named, weights.families)) margin += weights.lexical[key] ?? 0;
      const p = scoreTokens(plain, tokens).score;
      expect(Math.log(p / (1 - p))).toBeCloseTo(margin, 9);
    }
  });

  it('gives the same answer for given tokens as for its own tokenisation', () => {
    const text = 'Taxes rose 3 percent in two years.';
    const tokens = tokenize(text).map(t => ({ ...t }));
    expect(scoreCheckworthiness({ text, tokens })).toEqual(scoreCheckworthiness({ text }));
  });

  it('reads the features from tokens an earlier stage made', () => {
    const tokens: CwToken[] = [
      { text: 'Taxes', lower: 'taxes', pos: 'NOUN', lemma: 'tax', type: 'word' },
      { text: 'rose', lower: 'rose', pos: 'VERB', lemma: 'rise', type: 'word' },
      { text: '3', lower: '3', pos: 'NUM', lemma: '3', type: 'number' },
      { text: 'percent', lower: 'percent', pos: 'NOUN', lemma: 'percent', type: 'word' },
      { text: '.', lower: '.', pos: 'PUNCT', lemma: '.', type: 'punctuation' },
    ];
    const { score, features } = scoreCheckworthiness({ text: 'Taxes rose 3 percent.', tokens });
    expect(features).toEqual(expect.arrayContaining(['has-number', 'percent', 'change-verb', 'past-tense', 'policy-term', 'short']));
    expect(features).not.toContain('named-entity');
    expect(score).toBeGreaterThanOrEqual(0.5);
  });

  it('is pure, and handles empty and odd input', () => {
    const text = 'The deficit tripled in four years.';
    expect(scoreCheckworthiness({ text })).toEqual(scoreCheckworthiness({ text }));
    for (const odd of ['', '   ', '?!', '—', '12345', 'a'.repeat(2000)]) {
      const { score, features } = scoreCheckworthiness({ text: odd });
      expect(Number.isFinite(score)).toBe(true);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
      expect(Array.isArray(features)).toBe(true);
    }
  });

  it('costs microseconds per sentence when tokens are given', () => {
    const tokens: CwToken[] = 'The budget deficit grew by 40 billion dollars last year , according to the Treasury .'
      .split(' ')
      .map(w => ({ text: w, lower: w.toLowerCase(), pos: /^\d/.test(w) ? 'NUM' : 'NOUN', lemma: w.toLowerCase(), type: /^\d/.test(w) ? 'number' : w === ',' || w === '.' ? 'punctuation' : 'word' }));
    const n = 2000;
    scoreCheckworthiness({ text: '', tokens });
    const t0 = performance.now();
    for (let i = 0; i < n; i++) scoreCheckworthiness({ text: '', tokens });
    const perCall = ((performance.now() - t0) / n) * 1000;
    expect(perCall).toBeLessThan(200); // µs; typically ~10
  });
});
