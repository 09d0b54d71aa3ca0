import { describe, expect, it } from 'vitest';
import { annotate, extract } from '../src/extract.js';
import { parseAnn, predictionsFrom, scorePolnear, type PredDoc } from '../src/eval/index.js';
import type { Quote } from '../src/model.js';
import { readRulesJson } from '../src/rules/cueData.js';
import { calibrateQuotes, QUOTE_CONFIDENCE_FORMAT, QuoteConfidenceModel, quoteFeatures, type QuoteConfidenceWeights } from '../src/stages/quotes/confidence.js';

const quote = (over: Partial<Quote> = {}): Quote => ({
  id: 'q1', kind: 'indirect', content: { start: 22, end: 50 }, verbatim: [],
  speaker: { name: 'Police', entityId: null, mention: { start: 0, end: 6 }, anonymous: true, resolution: 'anonymous' },
  cue: { start: 7, end: 11, lemma: 'say', entry: { lemma: 'say', status: 'asserted', polarity: 'affirmed' } },
  sentence: 0, confidence: 0.85, ruleId: 'reported-cue-after-subject', explain: [], ...over,
});
const TEXT = 'Police said on Monday the driver had been drinking.';

describe('quote confidence: the learned model', () => {
  const model = new QuoteConfidenceModel({ format: QUOTE_CONFIDENCE_FORMAT, bias: -1, weights: { 'rule=reported-cue-after-subject': 2, 'kind=indirect': 0.5 }, meta: {} });

  it('is the logistic of the bias and the weights of the features that fired', () => {
    expect(model.probability(['rule=reported-cue-after-subject', 'kind=indirect', 'unknown=feature'])).toBeCloseTo(1 / (1 + Math.exp(-1.5)), 12);
    expect(model.probability([])).toBeCloseTo(1 / (1 + Math.exp(1)), 12);
  });

  it('describes a quote by its rule, kind, speaker, cue and content length', () => {
    const f = quoteFeatures(quote(), TEXT);
    expect(f).toEqual(expect.arrayContaining(['rule=reported-cue-after-subject', 'ruleConfidence=0.85', 'kind=indirect', 'resolution=anonymous',
      'anonymous=true', 'cue=say', 'cueStance=asserted|affirmed', 'length=3-5', 'verbatim=false']));
    expect(f).not.toContain('noSpeaker');
    expect(quoteFeatures(quote({ speaker: null, cue: null }), TEXT)).toEqual(expect.arrayContaining(['noSpeaker', 'noCue', 'cue=none', 'resolution=none']));
  });

  it('replaces each confidence with the probability, to two decimals, and changes nothing else', () => {
    const [q] = calibrateQuotes({ text: TEXT }, [quote()], model);
    expect(q!.confidence).toBe(Math.round((1 / (1 + Math.exp(-1.5))) * 100) / 100);
    expect({ ...q, confidence: 0, explain: [] }).toEqual({ ...quote(), confidence: 0 });
    expect(q!.explain).toEqual(['confidence 0.82 from the learned quote-confidence model (the rule gave 0.85)']);
  });

  it('without a model the rules\' confidences stand', () => {
    expect(calibrateQuotes({ text: TEXT }, [quote()], null).map(q => q.confidence)).toEqual([0.85]);
  });

  it('refuses weights of another format', () => {
    expect(() => new QuoteConfidenceModel({ format: 'something-else/1', bias: 0, weights: {}, meta: {} } as never)).toThrow(/E203/);
  });
});

describe('quote confidence: the committed model in the pipeline', () => {
  const cases: Array<[string, string]> = [
    ['“We will rebuild,” Mayor Ann Lee said on Monday.', 'direct-cue-after'],
    ['Police said the driver had been drinking.', 'reported-cue-after-subject'],
    ['According to officials, 23 soldiers were killed.', 'reported-according-to'],
  ];
  for (const [text, rule] of cases) {
    it(`gives a probability in (0, 1) with two decimals: ${rule}`, () => {
      const q = extract(text).quotes.find(x => x.ruleId === rule);
      expect(q).toBeDefined();
      expect(q!.confidence).toBeGreaterThan(0);
      expect(q!.confidence).toBeLessThan(1);
      expect(Math.round(q!.confidence * 100) / 100).toBe(q!.confidence);
    });
  }

  it('scores a quote from its weights by template exactly as from its feature strings, bit for bit', () => {
    const w = readRulesJson<QuoteConfidenceWeights>('quote-confidence.weights.json');
    if (!w) return;
    const model = new QuoteConfidenceModel(w);
    const text = '“We will rebuild,” Mayor Ann Lee said on Monday. Police said the driver had been drinking. According to officials, '
      + '23 soldiers were killed. “It is over. We lost,” a spokesman said. Smith, who spoke of the legacy of racism, left early. '
      + 'The ministry denied that it had ordered the strike.';
    const quotes = annotate(text).quotes;
    const rules = [quote(), quote({ speaker: null, cue: null }), quote({ verbatim: [{ start: 22, end: 30 }] }), ...quotes];
    for (const q of rules) expect(model.quoteProbability(q, text)).toBe(model.probability(quoteFeatures(q, text)));
    expect(quotes.length).toBeGreaterThan(4);
  });

  it('rates a quotation with its speaker and cue after it above a speaker read off a relative clause', () => {
    const direct = extract('“We have rebuilt the bridge and the school,” Mayor Ann Lee said on Monday.').quotes[0]!;
    const relative = extract('Smith, who spoke of the legacy of racism, left early.').quotes[0];
    expect(direct.ruleId).toBe('direct-cue-after');
    expect(relative).toBeDefined();
    expect(direct.confidence).toBeGreaterThan(relative!.confidence);
  });
});

describe('claimsift eval on PolNeAR: quotes by confidence', () => {
  const text = 'Officials said the bridge was closed. Fans cheered loudly all night.';
  const at = (needle: string) => { const i = text.indexOf(needle); return `${i} ${i + needle.length}`; };
  const ann = [`T1\tSource ${at('Officials')}\tOfficials`, `T2\tCue ${at('said')}\tsaid`, `T3\tContent ${at('the bridge was closed')}\tthe bridge was closed`,
    'E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3', ''].join('\n');
  const span = (needle: string) => { const i = text.indexOf(needle); return { start: i, end: i + needle.length, text: needle }; };
  const d: PredDoc = {
    article: { id: 'p1' }, text, offsetUnit: 'utf16', numbers: [], claims: [],
    quotes: [
      { kind: 'indirect', content: span('the bridge was closed'), speaker: { name: 'Officials' }, cue: span('said'), ruleId: 'r', confidence: 0.82 },
      { kind: 'indirect', content: span('Fans cheered loudly all night'), speaker: { name: 'Fans' }, cue: null, ruleId: 'r', confidence: 0.31 },
      { kind: 'indirect', content: span('all night'), speaker: null, cue: null, ruleId: 'r' },
    ],
  };
  it('puts each quote in its tenth of confidence with the share that is right and the mean confidence', () => {
    const slices = scorePolnear([{ id: 'p1', text, attributions: parseAnn(ann) }], predictionsFrom([d])).breakdown['quotes.byConfidence']!.slices;
    expect(slices['0.8-0.9']).toMatchObject({ counts: { predicted: 1, matched: 1 }, rates: { precision: 1, meanConfidence: 0.82 } });
    expect(slices['0.3-0.4']).toMatchObject({ counts: { predicted: 1, matched: 0 }, rates: { precision: 0, meanConfidence: 0.31 } });
    expect(slices['(none)']).toMatchObject({ counts: { predicted: 1, matched: 0 } });
  });
});
