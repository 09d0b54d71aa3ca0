import { describe, expect, it } from 'vitest';
import { createDoc } from '../src/document.js';
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
