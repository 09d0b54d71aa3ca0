import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDoc } from '../src/document.js';
import { annotate } from '../src/extract.js';
import { inLowerCaseOrder, LexemeIndex, searchLowerCaseOrder } from '../src/nlp.js';
import { isHeadingLine, segment } from '../src/stages/segment.js';
import { normalizeText } from '../src/text/normalize.js';

describe('headings', () => {
  const cases: Array<[string, boolean]> = [
    ['Talks fail amid rising tensions', true],
    ['Taliban accused of “war economy”', true],
    ['Friday, January 4, 2019', true],
    ['Pakistan’s patience “has run its course”', true],
    ['He said the talks failed.', false],
    ['“We are done,” he said.', false],
    ['the lower-case start of a wrapped line', false],
    ['A long line that goes on and on with many words in it and no full stop at its end at all here', false],
  ];
  for (const [line, heading] of cases) it(`${heading ? 'is' : 'is not'} a heading: ${line}`, () => expect(isHeadingLine(line)).toBe(heading));
});

describe('normalisation keeps offsets', () => {
  it('has the same length as the input', () => {
    const text = '“Hi,” she said\u00A0— ‘ok’ – done\r\n';
    expect(normalizeText(text)).toHaveLength(text.length);
    expect(normalizeText(text)).toBe('"Hi," she said \u2014 \'ok\' - done \n');
  });
});

describe('segment', () => {
  it('splits paragraphs by lines, keeps headings apart, rebuilds token offsets', () => {
    const doc = createDoc('Talks fail\nThe minister said 12 people died. Rescuers are searching.\n\n“We will stay,” he said.');
    const { paragraphs, sentences, tokens } = segment(doc);
    expect(paragraphs.map(p => p.heading)).toEqual([true, false, false]);
    expect(sentences.map(s => doc.text.slice(s.start, s.end))).toEqual([
      'Talks fail', 'The minister said 12 people died.', 'Rescuers are searching.', '“We will stay,” he said.',
    ]);
    for (const t of tokens) expect(doc.norm.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.find(t => t.text === 'said')?.lemma).toBe('say');
  });
});

describe('segment reads each paragraph as if alone', () => {
  const paragraphs = [
    'Storm hits coast',
    'The storm killed 12 people on Monday, officials said',
    '“We will rebuild,” Mayor Ann Lee said. She did not say when.',
    'the wrapped end of a line without a full stop',
    'By John Smith',
    'Prices rose 5% in March.',
  ];
  const view = (text: string) => {
    const doc = createDoc(text);
    const { sentences, tokens } = segment(doc);
    return {
      tokens: tokens.map(t => `${t.text}/${t.pos}/${t.lemma}/${t.type}`),
      sentences: sentences.filter(s => !s.heading).map(s => doc.norm.slice(s.start, s.end)),
    };
  };
  it('gives the tokens, tags and prose sentences of the paragraphs read one by one', () => {
    const text = paragraphs.join('\n');
    const whole = view(text);
    expect(whole.tokens).toEqual(paragraphs.flatMap(p => view(p).tokens));
    // read alone, a heading is the last line of its text, so prose: compare the paragraphs that are prose here
    const headings = segment(createDoc(text)).paragraphs.map(p => p.heading);
    expect(whole.sentences).toEqual(paragraphs.filter((_p, i) => !headings[i]).flatMap(p => view(p).sentences));
  });
  it('never lets a sentence run across a line break', () => {
    const doc = createDoc('He said 5\n6 more people came\nand then\n\nleft');
    const { sentences } = segment(doc);
    for (const s of sentences) expect(doc.norm.slice(s.start, s.end)).not.toContain('\n');
  });
});

describe('an article is read the same whatever was read before it', () => {
  const tokensOf = (text: string): string[] => annotate(text).tokens.map(t => `${t.text}/${t.pos}/${t.lemma}/${t.type}`);
  // words wink-nlp learns from one text, which would change how it splits the other if kept: "UFJ's." whole,
  // a hyphenated name, a word with a letter outside Latin-1, digits with a unit
  const cases: Array<[string, string]> = [
    ['Shares in UFJ\'s. rose while Qorvex\'s. fell.', 'UFJ\'s chief and Qorvex\'s board met.'],
    ['Zbrodnik-Walsh spoke; Brudziński left; RM23.50 was paid.', 'Zbrodnik-Walsh and Brudziński said RM23 was due.'],
    ['Xanthor Quibble and Plimsworth met at Vendrake.', 'Vendrake\'s Xanthor Quibble. Plimsworth-Vendrake said so.'],
  ];
  for (const [before, text] of cases) {
    it(`reads "${text}" alike after "${before}"`, () => {
      const alone = tokensOf(text);
      tokensOf(before);
      expect(tokensOf(text)).toEqual(alone);
    });
  }
  it('types a currency code by its own text, whichever way it was met first', () => {
    // alone "AUD" is a word; inside "AUD50" wink-nlp's split rules make it currency, and a learned entry keeps its first type
    const typeOf = (text: string, word: string): string | undefined => annotate(text).tokens.find(t => t.text === word)?.type;
    expect(typeOf('It cost AUD50 in all.', 'AUD')).toBe('currency');
    expect(typeOf('The AUD rose.', 'AUD')).toBe('word');
    expect(typeOf('It cost AUD50 in all.', 'AUD')).toBe('currency');
  });
  it('gives a contraction left whole ("cannot,") the same lemma after tens of thousands of new words', () => {
    // wink-nlp's lemma of such a word reads the lexicon at an index past its own words (131,184 in
    // the current model), where the words it learns land
    const text = 'He said that he cannot, but she can.';
    const alone = tokensOf(text);
    tokensOf(Array.from({ length: 45_000 }, (_, i) => `q${i}z`).join(' '));
    expect(tokensOf(text)).toEqual(alone);
  });
});

describe('the lexeme index finds words by binary search as a Map would', () => {
  const require = createRequire(import.meta.url);
  const modelFile = path.join(path.dirname(require.resolve('wink-eng-lite-web-model/package.json')), 'dist', 'languages', 'cur', 'models', 'eng-core-web-model.json');
  const list = (JSON.parse(fs.readFileSync(modelFile, 'utf8')) as { features: { lexeme: { list: string[] } } }).features.lexeme.list;
  const indexOf = new Map<string, number>();
  list.forEach((word, k) => indexOf.set(word, k));

  it('the installed model lists its words in lower-case order, every one of them', () => {
    expect(list.length).toBeGreaterThan(80_000);
    expect(inLowerCaseOrder(list, 1)).toBe(true);
  });
  it('finds every listed word at the index the Map gives, and misses what is not listed', () => {
    for (let k = 0; k < list.length; k += 7) expect(searchLowerCaseOrder(list, list[k] as string)).toBe(indexOf.get(list[k] as string));
    for (const word of ['Said', 'SAID', 'said', 'Pakistan', "'A", "'a", 'UFJ\'s.', 'q123z', 'Zbrodnik-Walsh', '', '\u00e9t\u00e9', list[0] as string]) {
      expect(searchLowerCaseOrder(list, word)).toBe(indexOf.get(word));
    }
  });
  it('tells a list out of that order, so its words are copied at once', () => {
    expect(inLowerCaseOrder(['<oov>', 'b', 'a'], 1)).toBe(false);
    expect(inLowerCaseOrder(['<oov>', 'A', 'a', 'B'], 1)).toBe(true);
    expect(searchLowerCaseOrder(['<oov>', 'A', 'a', 'B'], 'a')).toBe(2);
    expect(searchLowerCaseOrder(['<oov>', 'A', 'a', 'B'], 'b')).toBeUndefined();
  });
  it('indexes only the words listed when it was made: wink-nlp appends the words it learns to the list', () => {
    const words = ['<oov>', 'Alpha', 'beta', 'Gamma'];
    const index = new LexemeIndex(words);
    const hash = index.hash;
    words.push('aardvark', 'Beta');
    expect(hash.beta).toBe(2);
    expect(hash.aardvark).toBeUndefined();
    expect(hash.Beta).toBeUndefined();
    hash.aardvark = 4;
    expect(hash.aardvark).toBe(4);
    expect(index.get('aardvark')).toBe(4);
    expect('aardvark' in hash).toBe(true);
    delete hash.aardvark;
    expect(hash.aardvark).toBeUndefined();
    expect('aardvark' in hash).toBe(false);
  });
  it('copies all the words onto the index after so many searches, keeping the words learned', () => {
    const words = ['<oov>', 'Alpha', 'beta', 'beta', 'Gamma'];
    const index = new LexemeIndex(words, 2);
    expect(index.get('Alpha')).toBe(1);
    index.set('aardvark', 5);
    expect(index.get('delta')).toBeUndefined();
    expect(index.get('zeta')).toBeUndefined();
    words.reverse();
    for (const [word, at] of Object.entries({ '<oov>': 0, Alpha: 1, beta: 3, Gamma: 4, aardvark: 5 })) expect(index.get(word)).toBe(at);
    expect(new LexemeIndex(['<oov>', 'b', 'a'], 2).get('a')).toBe(2);
  });
});
