import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processRecord } from '../src/batch.js';
import { recordFromJson, recordsFromFile } from '../src/io/inputs.js';
import {
  buildReport, detectGoldType, goldArticleFinder, formatReport, loadCt24, loadGold, unquoteTsvField, loadNewsquant, loadPolnear, loadPredictions, parseAnn,
  predictionsFrom, referenceLines, roundMetrics, sameName, scoreCt24, scoreGold, scoreNewsquant, scorePolnear,
  type GoldFile, type PredDoc, type ScoreResult,
} from '../src/eval/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(ROOT, '..', 'shared');

// ---------------------------------------------------------------------------------------------
// Hand-built documents. Spans are found by search and written in the document's offset unit.

type Unit = 'codepoint' | 'utf16';
const cpLength = (s: string): number => Array.from(s).length;
function spanOf(text: string, needle: string, unit: Unit = 'codepoint', occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  const start = unit === 'utf16' ? at : cpLength(text.slice(0, at));
  return { start, end: start + (unit === 'utf16' ? needle.length : cpLength(needle)), text: needle };
}
function doc(id: string, text: string, parts: Partial<Omit<PredDoc, 'article' | 'text'>> = {}, unit: Unit = 'codepoint'): PredDoc {
  return { article: { id }, text, offsetUnit: unit, quotes: [], numbers: [], claims: [], ...parts };
}
const preds = (...docs: PredDoc[]) => predictionsFrom(docs);
const metricsOf = (r: ScoreResult) => roundMetrics(r.metrics);

describe('scoreGold: quotes', () => {
  const text = 'Officials said the bridge was closed. "We will reopen it soon," Mayor Jane Smith told reporters. Fans cheered loudly all night.';
  const gold: GoldFile = {
    article: 'a1.txt',
    quotes: [
      { kind: 'direct', speaker: 'Jane Smith', cue: 'told', content: 'We will reopen it soon,' },
      { kind: 'indirect', speaker: 'officials', anonymous: true, cue: 'said', content: 'the bridge was closed' },
    ],
  };
  const golds = new Map([['a1', gold]]);

  it('counts a match, a miss and a false alarm; the speaker matches by surname', () => {
    const d = doc('a1', text, {
      quotes: [
        { kind: 'direct', content: spanOf(text, 'We will reopen it soon,'), speaker: { name: 'Smith', anonymous: false }, cue: spanOf(text, 'told'), ruleId: 'direct-cue-after' },
        { kind: 'indirect', content: spanOf(text, 'Fans cheered loudly all night'), speaker: { name: 'Fans' }, cue: null, ruleId: 'bogus-rule' },
      ],
    });
    const r = scoreGold(golds, preds(d));
    // tp 1, fp 1, fn 1: P = R = F1 = 1/2; the one match has the right speaker, so attributed P = R = 1/2 too
    expect(metricsOf(r)).toEqual({
      articles: 1, 'quotes.precision': 0.5, 'quotes.recall': 0.5, 'quotes.f1': 0.5, 'quotes.attributedF1': 0.5,
      'quotes.gold': 2, 'quotes.predicted': 2, 'quotes.cueAccuracy': 1, 'quotes.kindAccuracy': 1,
    });
    expect(r.misses).toEqual([
      'a1: missed quote "the bridge was closed"',
      'a1: extra quote "Fans cheered loudly all night"',
    ]);
    const byRule = r.breakdown['quotes.byRule']!.slices;
    expect(byRule['direct-cue-after']!.counts).toMatchObject({ predicted: 1, matched: 1, falseAlarms: 0, speakerRight: 1 });
    expect(byRule['direct-cue-after']!.rates.precision).toBe(1);
    expect(byRule['bogus-rule']!.counts).toMatchObject({ predicted: 1, matched: 0, falseAlarms: 1 });
    expect(byRule['bogus-rule']!.rates.precision).toBe(0);
    expect(byRule['bogus-rule']!.samples.falseAlarm).toEqual([{ article: 'a1', text: 'Fans cheered loudly all night', detail: 'speaker "Fans"' }]);
    expect(r.breakdown['quotes.byGoldKind']!.slices.indirect!.samples.miss).toEqual([{ article: 'a1', text: 'the bridge was closed' }]);
  });

  it('a wrong speaker halves attributedF1; an anonymous gold speaker wants anonymous: true', () => {
    const d = doc('a1', text, {
      quotes: [
        { kind: 'direct', content: spanOf(text, 'We will reopen it soon,'), speaker: { name: 'John Doe' }, cue: spanOf(text, 'told'), ruleId: 'r1' },
        { kind: 'indirect', content: spanOf(text, 'the bridge was closed'), speaker: { name: 'Officials', anonymous: true }, cue: spanOf(text, 'said'), ruleId: 'r2' },
      ],
    });
    const m = metricsOf(scoreGold(golds, preds(d)));
    // 2 tp, 1 attributed: Pa = Ra = 1/2
    expect(m['quotes.f1']).toBe(1);
    expect(m['quotes.attributedF1']).toBe(0.5);
  });

  it('sameName: surname, titles, containment', () => {
    expect(sameName('Smith', 'Jane Smith')).toBe(true);
    expect(sameName('Mr. Smith', 'Jane Smith')).toBe(true);
    expect(sameName('President Joe Biden', 'Joe Biden')).toBe(true);
    expect(sameName('Jane Smithers', 'Jane Smith')).toBe(false);
    expect(sameName(null, 'Jane Smith')).toBe(false);
  });

  it('a missing prediction counts every required gold quote as missed', () => {
    const r = scoreGold(golds, preds());
    expect(metricsOf(r)).toMatchObject({ 'quotes.recall': 0, 'quotes.gold': 2, 'quotes.predicted': 0 });
    expect(r.misses).toEqual(['no prediction for article a1']);
  });
});

describe('offsets: code points vs UTF-16 with an emoji', () => {
  // ten emoji before the quote: its code point offsets are 10 less than its UTF-16 offsets
  const text = `${'🎉'.repeat(10)} "Go now," Ann Lee said.`;
  const gold: GoldFile = { quotes: [{ kind: 'direct', speaker: 'Ann Lee', cue: 'said', content: 'Go now,' }] };
  const golds = new Map([['e1', gold]]);
  const quote = (unit: Unit) => ({ kind: 'direct', content: spanOf(text, 'Go now,', unit), speaker: { name: 'Ann Lee', mention: spanOf(text, 'Ann Lee', unit) }, cue: spanOf(text, 'said', unit), ruleId: 'r' });

  it('the two units differ here', () => {
    expect(spanOf(text, 'Go now,', 'codepoint').start).toBe(12);
    expect(spanOf(text, 'Go now,', 'utf16').start).toBe(22);
  });

  for (const unit of ['codepoint', 'utf16'] as const) {
    it(`score-gold matches a ${unit} document`, () => {
      expect(metricsOf(scoreGold(golds, preds(doc('e1', text, { quotes: [quote(unit)] }, unit))))['quotes.attributedF1']).toBe(1);
    });
    it(`score-polnear matches a ${unit} document (brat offsets are string indices)`, () => {
      const s = (needle: string) => { const at = text.indexOf(needle); return `${at} ${at + needle.length}`; };
      const ann = [`T1\tSource ${s('Ann Lee')}\tAnn Lee`, `T2\tCue ${s('said')}\tsaid`, `T3\tContent ${s('Go now,')}\tGo now,`,
        'T4\tAttribution 0 0\t', 'E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3', ''].join('\n');
      const articles = [{ id: 'e1', text, attributions: parseAnn(ann) }];
      const m = metricsOf(scorePolnear(articles, preds(doc('e1', text, { quotes: [quote(unit)] }, unit))));
      // the gold content (inside the marks) holds no quote mark itself, so the quote-marks slice is empty: 0 / max(1, 0)
      expect(m).toMatchObject({ contentF1: 1, attributedF1: 1, fullF1: 1, exactContentF1: 1, exactSourceF1: 1, exactCueF1: 1, quoteMarksRecall: 0, reportingAttributedRecall: 1 });
    });
  }

  it('UTF-16 offsets labelled as code points land on the wrong words', () => {
    const wrong = doc('e1', text, { quotes: [quote('utf16')] }, 'codepoint');
    const m = metricsOf(scoreGold(golds, preds(wrong)));
    expect(m['quotes.precision']).toBe(0);
    expect(m['quotes.recall']).toBe(0);
  });
});

describe('scoreGold: numbers', () => {
  const text = 'Over 200 Taliban militants were killed near a post about 5 km from the border, and 12 soldiers died in 2025.';
  const gold: GoldFile = {
    quotes: [],
    numbers: [
      { text: 'Over 200', kind: 'count', value: 200, approx: 'over', counted: 'militants', event: 'killed' },
      { text: 'about 5 km', kind: 'measure', value: 5, approx: 'about' },
      { text: '12', kind: 'count', value: 12 },
    ],
  };
  it('value, approx class, counted and event; a missed number and a false alarm', () => {
    const d = doc('n1', text, {
      numbers: [
        { span: spanOf(text, 'Over 200'), kind: 'count', value: 200, approx: 'more than', counted: spanOf(text, 'Taliban militants'), event: spanOf(text, 'killed'), ruleId: 'modified-count' },
        { span: spanOf(text, 'about 5 km'), kind: 'measure', value: 5, approx: null, ruleId: 'measure' },
        { span: spanOf(text, '2025'), kind: 'year', value: 2025, ruleId: 'year' },
      ],
    });
    const r = scoreGold(new Map([['n1', gold]]), preds(d));
    // recall 2/3; value 2/2; approx: "more than" and "over" are both "gt" (right), null vs "about" (wrong) = 1/2
    expect(metricsOf(r)).toMatchObject({
      'numbers.recall': 0.667, 'numbers.valueAccuracy': 1, 'numbers.approxAccuracy': 0.5,
      'numbers.countedAccuracy': 1, 'numbers.eventAccuracy': 1,
    });
    expect(r.misses).toEqual(['n1: missed number "12"']);
    const byRule = r.breakdown['numbers.byRule']!.slices;
    expect(byRule['year/year']!.counts).toMatchObject({ predicted: 1, matched: 0, falseAlarms: 1 });
    expect(byRule['measure/measure']!.counts).toMatchObject({ matched: 1, approxChecked: 1, approxRight: 0 });
    expect(byRule['measure/measure']!.samples.wrongApprox?.[0]?.detail).toBe('approx null, gold "about"');
  });
  it('a wrong value', () => {
    const d = doc('n1', text, { numbers: [{ span: spanOf(text, 'Over 200'), kind: 'count', value: 2000, approx: 'over', ruleId: 'r' }] });
    const m = metricsOf(scoreGold(new Map([['n1', { ...gold, numbers: gold.numbers!.slice(0, 1) }]]), preds(d)));
    expect(m).toMatchObject({ 'numbers.recall': 1, 'numbers.valueAccuracy': 0, 'numbers.approxAccuracy': 1, 'numbers.countedAccuracy': 0 });
  });
});

describe('scoreGold: claims', () => {
  const text = 'The ministry confirmed the bridge was closed. Prices rose sharply last year.';
  const gold: GoldFile = {
    quotes: [],
    claims: [
      { contains: 'the bridge was closed', status: 'confirmed', source: 'Ministry' },
      { contains: 'Prices rose sharply', status: 'asserted', source: null },
    ],
  };
  it('status, source and the per-class F1s', () => {
    const d = doc('c1', text, {
      claims: [
        { span: spanOf(text, 'the bridge was closed'), status: 'asserted', source: { name: 'the ministry', kind: 'organization' }, hedged: false, polarity: 'affirmed' },
        { span: spanOf(text, 'Prices rose sharply last year.'), status: 'asserted', source: { name: null, kind: 'outlet' }, hedged: false, polarity: 'affirmed' },
      ],
    });
    const r = scoreGold(new Map([['c1', gold]]), preds(d));
    // confirmed: one fn -> F1 0; asserted: 1 tp + 1 fp -> 2/3; hedged, denied: nothing either side -> 1
    expect(metricsOf(r)).toEqual({
      articles: 1, 'quotes.precision': 0, 'quotes.recall': 0, 'quotes.f1': 0, 'quotes.attributedF1': 0, 'quotes.gold': 0, 'quotes.predicted': 0,
      'claims.recall': 1, 'claims.statusAccuracy': 0.5, 'claims.sourceAccuracy': 1,
      'claims.confirmedF1': 0, 'claims.confirmedGold': 1, 'claims.assertedF1': 0.667, 'claims.assertedGold': 1,
      'claims.hedgedF1': 1, 'claims.hedgedGold': 0, 'claims.deniedF1': 1, 'claims.deniedGold': 0, 'claims.statusMacroF1': 0.333,
    });
    expect(r.misses).toEqual(['c1: status asserted for "the bridge was closed" (gold confirmed)']);
    const byStatus = r.breakdown['claims.byStatus']!.slices;
    expect(byStatus.confirmed!.counts).toEqual({ gold: 1, found: 1, predicted: 0, correct: 0 });
    expect(byStatus.asserted!.counts).toEqual({ gold: 1, found: 1, predicted: 2, correct: 1 });
    expect(byStatus.asserted!.rates).toEqual({ recall: 1, precision: 0.5 });
    expect(byStatus.asserted!.samples.falseAlarm).toEqual([{ article: 'c1', text: 'the bridge was closed', detail: 'gold confirmed' }]);
  });
});

describe('scoreNewsquant and scoreCt24', () => {
  it('values, ranges, change classes, units and counted nouns', () => {
    const records = [{ id: 's1', text: 'Sales rose 5% to about $3 million, hiring 10-12 people in 2019.', quantities: [
      { value: '5', change: 'up', unit: '%' }, { value: '3000000', change: '=', unit: '$' }, { value: '10-12', change: '=', unit: 'people' }] }];
    const d = doc('s1', records[0]!.text, { numbers: [
      { kind: 'percent', value: 5, change: 'up', unit: '%', ruleId: 'pct' },
      { kind: 'money', value: 3000000, approx: 'about', unit: 'USD', ruleId: 'money' },
      { kind: 'count', value: null, lower: 10, upper: 12, counted: { start: 0, end: 0, text: 'people' }, ruleId: 'range' },
      { kind: 'year', value: 2019, ruleId: 'year' },
      { kind: 'count', value: 7, ruleId: 'count' },
    ] });
    const r = scoreNewsquant(records, preds(d));
    // 4 predicted (the year is left out), 3 gold, 3 value matches, 2 with the right class ("about" is ~, gold =)
    expect(metricsOf(r)).toEqual({ gold: 3, predicted: 4, missingDocs: 0, valueP: 0.75, valueR: 1, valueF1: 0.857, changeF1: 0.571, unitAccuracy: 1, countedAccuracy: 1 });
    expect(r.breakdown['numbers.byRule']!.slices['count/count']!.counts).toMatchObject({ predicted: 1, falseAlarms: 1 });
  });
  it('threshold, precision/recall and average precision', () => {
    const rows = [['1', 'a', 'Yes'], ['2', 'b', 'No'], ['3', 'c', 'Yes'], ['4', 'd', 'No']];
    const cw = (id: string, checkworthiness: number) => doc(id, 'x', { claims: [{ checkworthiness, status: 'asserted' }] });
    const r = scoreCt24(rows, predictionsFrom([cw('1', 0.9), cw('2', 0.6), cw('3', 0.2)], 'ct24'));
    // tp 1 fp 1 fn 1; ranking Y N Y N: AP = (1/1 + 2/3) / 2
    expect(metricsOf(r)).toEqual({ sentences: 4, missing: 1, precision: 0.5, recall: 0.5, f1: 0.5, averagePrecision: 0.833 });
    expect(r.breakdown['sentences.byLabel']!.slices.Yes!.samples.miss).toEqual([{ article: '3', text: 'c', detail: 'score 0.2' }]);
    expect(referenceLines('ct24', roundMetrics(r.metrics), [])[0]).toBe('sentences          4');
  });
  it.each([
    ['"And he called this woman ""Miss Piggy."""', 'And he called this woman "Miss Piggy."'],
    ['"Yes"', 'Yes'],
    ['He said "no" twice', 'He said "no" twice'],
    ['"', '"'],
    ['', ''],
  ])('TSV field %j reads as %j', (field, text) => {
    expect(unquoteTsvField(field)).toBe(text);
  });
});

describe('loaders and gold detection', () => {
  let dir = '';
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimsift-eval-')); });
  afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('reads a folder of .json and .jsonl documents; the later duplicate wins', () => {
    const p = path.join(dir, 'pred');
    fs.mkdirSync(p);
    fs.writeFileSync(path.join(p, 'a.json'), JSON.stringify(doc('a', 'one')));
    fs.writeFileSync(path.join(p, 'b.jsonl'), `${JSON.stringify(doc('b', 'two'))}\n${JSON.stringify(doc('a', 'three'))}\n${JSON.stringify({ article: { id: 'c' } })}\n`);
    const strict = loadPredictions(p, 'gold');
    expect([...strict.keys()].sort()).toEqual(['a', 'b']);
    expect(strict.get('a')!.text).toBe('three');
    expect([...loadPredictions(p, 'newsquant').keys()].sort()).toEqual(['a', 'b', 'c']);
    expect([...loadPredictions(path.join(p, 'b.jsonl'), 'polnear').keys()].sort()).toEqual(['a', 'b']);
  });

  it('tells the kinds of gold apart', () => {
    fs.mkdirSync(path.join(dir, 'brat', 'text'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'brat', 'attributions'));
    fs.writeFileSync(path.join(dir, 'x.tsv'), 'Sentence_id\tText\tclass_label\n');
    fs.writeFileSync(path.join(dir, 'nq.jsonl'), '{"id":"1","text":"t","quantities":[]}\n');
    fs.writeFileSync(path.join(dir, 'other.jsonl'), '{"id":"1","text":"t"}\n');
    fs.mkdirSync(path.join(dir, 'golds'));
    fs.writeFileSync(path.join(dir, 'golds', 'a.gold.json'), '{"article":"a.txt","quotes":[]}');
    expect(detectGoldType(path.join(dir, 'brat'))).toBe('polnear');
    expect(detectGoldType(path.join(dir, 'x.tsv'))).toBe('ct24');
    expect(detectGoldType(path.join(dir, 'nq.jsonl'))).toBe('newsquant');
    expect(detectGoldType(path.join(dir, 'golds'))).toBe('gold');
    expect(detectGoldType(path.join(dir, 'golds', 'a.gold.json'))).toBe('gold');
    expect(() => detectGoldType(path.join(dir, 'other.jsonl'))).toThrow(/NewsQuant/);
    expect(() => detectGoldType(path.join(dir, 'nope'))).toThrow(/not found/);
  });
});

// ---------------------------------------------------------------------------------------------
// The port against the reference scorers in ../shared/tools, on documents the library extracts.

describe.skipIf(!fs.existsSync(SHARED))('same figures as the reference scorers', () => {
  const tools = path.join(SHARED, 'tools');
  const seedDir = path.join(SHARED, 'corpus', 'seed');
  const polnearDir = path.join(SHARED, 'datasets', 'polnear', 'dev');
  const newsquantFile = path.join(SHARED, 'datasets', 'newsquant', 'dev.jsonl');
  const ct24File = path.join(SHARED, 'datasets', 'checkthat2024', 'dev.tsv');
  let tmp = '';
  const reference = (tool: string, args: string[]): string[] =>
    execFileSync(process.execPath, [path.join(tools, tool), ...args], { encoding: 'utf8' }).trimEnd().split('\n');
  /** --json output: the JSON, then the closing `ok` line. */
  const referenceJson = (tool: string, args: string[]): Record<string, unknown> => JSON.parse(reference(tool, [...args, '--json']).slice(0, -1).join('\n'));
  const writeDocs = (dir: string, docs: unknown[]) => {
    fs.mkdirSync(dir, { recursive: true });
    docs.forEach((d, i) => fs.writeFileSync(path.join(dir, `doc${i}.json`), JSON.stringify(d)));
  };
  const extract = (records: Iterable<ReturnType<typeof recordFromJson>>, offsets: Unit = 'codepoint') =>
    [...records].map(r => processRecord(r, { offsets })).flatMap(r => (r.ok ? [r.document] : []));

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimsift-eval-ref-'));
    const seed = extract(recordsFromFile(path.join(seedDir, 'pakistan-afghanistan-istanbul-talks.txt')));
    writeDocs(path.join(tmp, 'seed'), seed);
    writeDocs(path.join(tmp, 'seed16'), extract(recordsFromFile(path.join(seedDir, 'pakistan-afghanistan-istanbul-talks.txt')), 'utf16'));
    const texts = fs.readdirSync(path.join(polnearDir, 'text')).filter(f => f.endsWith('.txt')).sort().slice(0, 6);
    writeDocs(path.join(tmp, 'polnear'), [...seed, ...extract(texts.flatMap(f => [...recordsFromFile(path.join(polnearDir, 'text', f))]))]);
    const nq = loadNewsquant(newsquantFile).slice(0, 40);
    const nqDocs = extract(nq.map(r => recordFromJson({ id: r.id, text: r.text }, r.id, 'newsquant')));
    fs.writeFileSync(path.join(tmp, 'newsquant.jsonl'), nqDocs.map(d => JSON.stringify(d)).join('\n') + '\n');
    const ct = loadCt24(ct24File).slice(0, 50);
    const ctDocs = extract(ct.map(([id = '', text = '']) => recordFromJson({ id, text }, id, 'ct24')));
    fs.writeFileSync(path.join(tmp, 'ct24.jsonl'), ctDocs.map(d => JSON.stringify(d)).join('\n') + '\n');
  }, 60_000);
  afterAll(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

  for (const predDir of ['seed', 'seed16']) {
    it(`score-gold, seed article (${predDir === 'seed' ? 'code point' : 'UTF-16'} offsets)`, () => {
      const pred = path.join(tmp, predDir);
      const ref = referenceJson('score-gold.mjs', ['--gold', seedDir, '--pred', pred]);
      const golds = new Map([...loadGold([seedDir])].map(([id, e]) => [id, e.gold]));
      const mine = scoreGold(golds, loadPredictions(pred, 'gold'));
      expect({ metrics: roundMetrics(mine.metrics), misses: mine.misses }).toEqual(ref);
      expect(referenceLines('gold', roundMetrics(mine.metrics), mine.misses)).toEqual(reference('score-gold.mjs', ['--gold', seedDir, '--pred', pred]));
    });
  }

  it('eval without --pred extracts the seed article itself and reports the same figures', () => {
    const ref = referenceJson('score-gold.mjs', ['--gold', seedDir, '--pred', path.join(tmp, 'seed')]);
    const report = buildReport({ gold: [seedDir], json: true });
    expect({ metrics: report.metrics, misses: report.misses }).toEqual(ref);
    expect(report.extraction).toMatchObject({ articles: 1, errors: [], missingArticles: [] });
    const text = formatReport(report).split('\n');
    expect(text.slice(0, text.indexOf(report.summary) + 1)).toEqual(reference('score-gold.mjs', ['--gold', seedDir, '--pred', path.join(tmp, 'seed')]));
  });

  it('score-polnear, six dev articles (the rest missing)', () => {
    const args = ['--gold', polnearDir, '--pred', path.join(tmp, 'polnear')];
    const mine = scorePolnear(loadPolnear(polnearDir), loadPredictions(path.join(tmp, 'polnear'), 'polnear'));
    expect(roundMetrics(mine.metrics)).toEqual(referenceJson('score-polnear.mjs', args));
    expect(referenceLines('polnear', roundMetrics(mine.metrics), [])).toEqual(reference('score-polnear.mjs', args));
    expect(mine.metrics.predicted).toBeGreaterThan(0);
  });

  it('score-newsquant, forty dev sentences', () => {
    const args = ['--gold', newsquantFile, '--pred', path.join(tmp, 'newsquant.jsonl')];
    const mine = scoreNewsquant(loadNewsquant(newsquantFile), loadPredictions(path.join(tmp, 'newsquant.jsonl'), 'newsquant'));
    expect(roundMetrics(mine.metrics)).toEqual(referenceJson('score-newsquant.mjs', args));
    expect(referenceLines('newsquant', roundMetrics(mine.metrics), [])).toEqual(reference('score-newsquant.mjs', args));
  });

  it('score-ct24, fifty dev sentences (it has no --json: compare the printed lines)', () => {
    const args = ['--gold', ct24File, '--pred', path.join(tmp, 'ct24.jsonl')];
    const mine = scoreCt24(loadCt24(ct24File), loadPredictions(path.join(tmp, 'ct24.jsonl'), 'ct24'));
    expect(referenceLines('ct24', roundMetrics(mine.metrics), [])).toEqual(reference('score-ct24.mjs', args));
  });

  // The library does not fill every field yet (numbers, say), so also feed both scorers random
  // perturbations of the gold itself: every branch of the number, claim and speaker rules gets exercised.
  describe('random perturbations of the gold', () => {
    let seed = 20240611;
    const rand = () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const maybe = <T,>(x: T): T | null => (rand() < 0.8 ? x : null);
    const APPROX = [null, 'over', 'more than', 'above', 'exceeding', 'at-least', 'under', 'less than', 'fewer than', 'below', 'at most', 'up to',
      'about', 'around', 'approximately', 'roughly', 'nearly', 'almost', 'some', 'close to', 'between', 'Over'];

    it('score-gold on perturbed test/gold and seed annotations', () => {
      const goldDir = path.join(ROOT, 'test', 'gold');
      const golds = loadGold([goldDir, seedDir]);
      const find = goldArticleFinder(path.join(ROOT, 'corpus'));
      const docs: PredDoc[] = [];
      for (const [id, entry] of golds) {
        const record = find(id, entry);
        if (!record?.ok || rand() < 0.05) continue;
        const text = record.text;
        const unit: Unit = rand() < 0.5 ? 'codepoint' : 'utf16';
        const at = (needle: string | null | undefined, shrink = 0) => {
          if (!needle) return null;
          const i = text.indexOf(needle);
          if (i < 0) return null;
          const a = i + Math.floor(shrink * needle.length * rand()), b = i + needle.length - Math.floor(shrink * needle.length * rand());
          const conv = (o: number) => (unit === 'utf16' ? o : cpLength(text.slice(0, o)));
          return { start: conv(a), end: conv(Math.max(a + 1, b)), text: text.slice(a, Math.max(a + 1, b)) };
        };
        const g = entry.gold;
        const quotes = g.quotes.filter(() => rand() < 0.85).map(q => ({
          kind: pick(['direct', 'mixed', 'indirect', q.kind ?? 'direct']), content: at(q.content, 0.7),
          speaker: rand() < 0.1 ? null : { name: pick([q.speaker ?? null, String(q.speaker ?? '').split(' ').at(-1) ?? '', 'Someone Else', 'the minister']), anonymous: rand() < 0.3, mention: at(q.speakerMention) },
          cue: rand() < 0.2 ? null : at(pick([q.cue ?? 'said', 'said', 'told'])), ruleId: pick(['r1', 'r2', 'r3']),
        }));
        for (let i = 0; i < 3; i++) { const s = Math.floor(rand() * (text.length - 40)); quotes.push({ kind: 'direct', content: at(text.slice(s, s + 5 + Math.floor(rand() * 30))), speaker: null, cue: null, ruleId: 'noise' }); }
        const numbers = (g.numbers ?? []).filter(() => rand() < 0.85).map(n => ({
          span: at(n.text, 0.4), kind: n.kind ?? 'count', value: rand() < 0.8 ? n.value ?? null : 7, approx: rand() < 0.7 ? n.approx ?? null : pick(APPROX),
          counted: rand() < 0.7 ? at(n.counted) : at('the'), event: maybe(at(n.event)), date: rand() < 0.7 ? n.date ?? null : '2020-01', ruleId: pick(['n1', 'n2']),
        }));
        const claims = (g.claims ?? []).filter(() => rand() < 0.85).map(c => ({
          span: at(c.contains, 0.3), status: rand() < 0.8 ? c.status ?? 'asserted' : pick(['asserted', 'confirmed']),
          source: rand() < 0.2 ? null : { name: rand() < 0.7 ? c.source ?? null : 'Nobody', kind: pick(['person', 'organization', 'outlet', 'anonymous']) },
          hedged: rand() < 0.8 ? !!c.hedged : rand() < 0.5, polarity: rand() < 0.8 ? c.polarity ?? 'affirmed' : pick(['affirmed', 'denied']),
        }));
        docs.push({ article: { id }, text, offsetUnit: unit, quotes, numbers, claims });
      }
      expect(docs.length).toBeGreaterThan(5);
      const pred = path.join(tmp, 'perturbed-gold');
      writeDocs(pred, docs);
      const ref = referenceJson('score-gold.mjs', ['--gold', goldDir, '--gold', seedDir, '--pred', pred]);
      const mine = scoreGold(new Map([...golds].map(([id, e]) => [id, e.gold])), loadPredictions(pred, 'gold'));
      expect({ metrics: roundMetrics(mine.metrics), misses: mine.misses }).toEqual(ref);
      expect(mine.metrics['numbers.recall']).toBeGreaterThan(0);
    });

    it('score-newsquant on perturbed NewsQuant quantities (four rounds)', () => {
      for (let round = 0; round < 4; round++) {
        const docs: PredDoc[] = loadNewsquant(newsquantFile).filter(() => rand() < 0.9).map(r => ({
          article: { id: r.id }, text: r.text,
          numbers: r.quantities.filter(() => rand() < 0.85).map(q => {
            const [lo = '', hi = lo] = String(q.value).split(/(?<=\d)-/);
            const range = rand() < 0.5;
            return {
              kind: pick(['count', 'money', 'percent', 'measure', 'date', 'year']), value: rand() < 0.85 ? Number(lo) : Number(hi) + 1,
              lower: range ? Number(lo) : null, upper: range ? Number(hi) : null,
              change: pick([null, null, 'up', 'down']), approx: pick(APPROX),
              unit: pick([null, q.unit ?? null, '%', 'USD', 'EUR', 'GBP', 'km']), counted: rand() < 0.5 ? { start: 0, end: 1, text: String(q.unit ?? 'things') } : null,
              ruleId: 'r',
            };
          }),
        }));
        const pred = path.join(tmp, `perturbed-newsquant-${round}.jsonl`);
        fs.writeFileSync(pred, docs.map(d => JSON.stringify(d)).join('\n') + '\n');
        const args = ['--gold', newsquantFile, '--pred', pred];
        const mine = scoreNewsquant(loadNewsquant(newsquantFile), loadPredictions(pred, 'newsquant'));
        expect(roundMetrics(mine.metrics)).toEqual(referenceJson('score-newsquant.mjs', args));
        expect(mine.metrics.valueF1).toBeGreaterThan(0.3);
      }
    });

    it('score-ct24 on random check-worthiness scores', () => {
      const docs = loadCt24(ct24File).filter(() => rand() < 0.95).map(([id = '']) => ({ article: { id: rand() < 0.5 ? Number(id) : id }, text: '', claims: rand() < 0.2 ? [] : [{ checkworthiness: Math.round(rand() * 100) / 100 }] }));
      const pred = path.join(tmp, 'random-ct24');
      writeDocs(pred, docs);
      const args = ['--gold', ct24File, '--pred', pred];
      const mine = scoreCt24(loadCt24(ct24File), loadPredictions(pred, 'ct24'));
      expect(referenceLines('ct24', roundMetrics(mine.metrics), [])).toEqual(reference('score-ct24.mjs', args));
    });
  });
});
