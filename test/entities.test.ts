import { describe, expect, it } from 'vitest';
import { annotate } from '../src/extract.js';

// [name, text, entities that must exist as [name, type], names that must not exist]
const CASES: Array<[string, string, Array<[string, string]>, string[]]> = [
  ['a full name does not take an "of" phrase in',
    'Member of Parliament Yvette Cooper of the Labour Party spoke on Tuesday.',
    [['Labour Party', 'organization']], ['Yvette Cooper of the Labour Party', 'Member of Parliament Yvette Cooper of the Labour Party']],
  ['an institution keeps its "of" phrase',
    'The Bank of England raised its main rate on Thursday.',
    [['Bank of England', 'organization']], []],
  ['a multi-word place is not a person',
    'Police in El Paso and officials in the United States gave no figures.',
    [['El Paso', 'place'], ['United States', 'place']], []],
  ['a surname the tagger reads as a verb stays in the name',
    'Apple chief executive Tim Cook met Yvette Cooper in London.',
    [['Tim Cook', 'person']], []],
  ['a description and a name',
    'The military’s media wing, ISPR, released a statement.',
    [['ISPR', 'organization']], []],
  ['a website keeps its domain in its name',
    'The cause was a gas leak. One news site, Znak.com, claims otherwise.',
    [['Znak.com', 'organization']], ['Znak']],
  ['a lowercase particle stays inside a person’s name',
    'Arnel dela Vega of the army’s Western Mindanao Command spoke on Monday.',
    [['Arnel dela Vega', 'person'], ['Western Mindanao Command', 'organization']], ['Vega']],
  ['a particle at the end of a run is no part of the name', 'They met Carlos de in Madrid.', [], ['Carlos de']],
  ['a full stop and a space are no domain', 'They met Dr. Smith. Com officials were absent.', [], ['Smith.Com', 'Smith. Com']],
];

describe('entities', () => {
  for (const [name, text, present, absent] of CASES) {
    it(name, () => {
      const doc = annotate(text);
      const found = doc.entities.map(e => [e.name, e.type] as const);
      for (const [n, type] of present) expect(found, JSON.stringify(found)).toContainEqual([n, type]);
      for (const n of absent) expect(found.map(f => f[0])).not.toContain(n);
    });
  }
});

describe('a description before a name', () => {
  it('stays within its sentence', () => {
    const doc = annotate('The cause was not a gas leak. One news site, Znak.com, claims otherwise.');
    expect(doc.entities.find(e => e.name === 'Znak.com')?.titles).toEqual(['One news site']);
  });
});
