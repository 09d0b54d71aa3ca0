import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract.js';

type Expect = { kind?: string; speaker?: string | null; anonymous?: boolean; cue?: string | null; content: string };

// [name, text, expected quotes (in text order)] — an empty list means no quote may be found.
const CASES: Array<[string, string, Expect[]]> = [
  ['cue after the quote, pronoun speaker',
    'Minister Jane Roe spoke on Monday. “We will not give up,” she said.',
    [{ kind: 'direct', speaker: 'Jane Roe', cue: 'said', content: 'We will not give up,' }]],
  ['inverted cue after the quote',
    '“The bridge is closed,” said Mayor Tom Bell.',
    [{ kind: 'direct', speaker: 'Tom Bell', cue: 'said', content: 'The bridge is closed,' }]],
  ['cue before the quote with a colon',
    'Governor Ann Lee said: “The budget is balanced.”',
    [{ kind: 'direct', speaker: 'Ann Lee', cue: 'said', content: 'The budget is balanced.' }]],
  ['participle cue takes the clause subject',
    'Senator Mark Diaz issued a warning, saying, “Nobody is above the law.”',
    [{ kind: 'direct', speaker: 'Mark Diaz', cue: 'saying', content: 'Nobody is above the law.' }]],
  ['indirect speech with that',
    'Police Chief Omar Khan said that three suspects had been arrested.',
    [{ kind: 'indirect', speaker: 'Omar Khan', cue: 'said', content: 'three suspects had been arrested' }]],
  ['mixed speech with a quoted fragment',
    'Finance Minister Lena Berg said the plan was “a reckless gamble” for the country.',
    [{ kind: 'mixed', speaker: 'Lena Berg', cue: 'said', content: 'the plan was “a reckless gamble” for the country' }]],
  ['anonymous source after the content',
    'The talks stalled over border security, sources said.',
    [{ kind: 'indirect', anonymous: true, cue: 'said', content: 'The talks stalled over border security' }]],
  ['according to',
    'According to the health ministry, 40 people were injured.',
    [{ kind: 'indirect', speaker: 'health ministry', cue: 'According to', content: '40 people were injured' }]],
  ['pronoun resolves to the latest subject, not the first person',
    'President Ana Silva met Defense Minister Paul Otto. Otto then spoke to reporters. He denied that troops had crossed the border.',
    [{ kind: 'indirect', speaker: 'Paul Otto', cue: 'denied', content: 'troops had crossed the border' }]],
  ['a cue-less quotation carries the previous speaker',
    '“We are ready,” Coach Sam Hill said. “The team has worked hard all year.”',
    [{ kind: 'direct', speaker: 'Sam Hill', content: 'We are ready,' }, { kind: 'direct', speaker: 'Sam Hill', cue: null, content: 'The team has worked hard all year.' }]],
  ['straight quotes work like curly ones',
    '"Prices will rise," the central bank governor Ida Falk said.',
    [{ kind: 'direct', speaker: 'Ida Falk', content: 'Prices will rise,' }]],
  ["NYT-style ''…'' marks",
    "''We lost everything,'' said Maria Gomez, a resident.",
    [{ kind: 'direct', speaker: 'Maria Gomez', content: 'We lost everything,' }]],
  // negatives
  ['scare quotes around a term are not a quote', 'The so-called “deal” was never signed by either side.', []],
  ['a title of a work is not a quote', 'The film “Gone Tomorrow” opened in 300 cinemas last week.', []],
  ['a heading with quote marks is not a quote', 'Taliban accused of “war economy”\nThe fighting continued for a third day.', []],
  ['an intention is not speech', 'The government plans to announce new measures next week.', []],
];

describe('quote attribution', () => {
  for (const [name, text, expected] of CASES) {
    it(name, () => {
      const doc = extract(text);
      const got = doc.quotes.map(q => q as Record<string, any>);
      expect(got.length, JSON.stringify(got.map(q => q.content.text))).toBe(expected.length);
      expected.forEach((e, i) => {
        const q = got[i];
        expect(q).toBeDefined();
        if (!q) return;
        expect(q.content.text).toBe(e.content);
        if (e.kind) expect(q.kind).toBe(e.kind);
        if (e.speaker !== undefined) expect(q.speaker?.name ?? null).toBe(e.speaker);
        if (e.anonymous !== undefined) expect(q.speaker?.anonymous).toBe(e.anonymous);
        if (e.cue !== undefined) expect(q.cue?.text ?? null).toBe(e.cue);
      });
    });
  }
});
