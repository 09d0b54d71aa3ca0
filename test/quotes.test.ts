import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract.js';

type Expect = { kind?: string; speaker?: string | null; mention?: string | null; anonymous?: boolean; cue?: string | null; content: string };

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
  ['a cue-less quotation right after an attributed one is the same attribution (PolNeAR convention)',
    '“We are ready,” Coach Sam Hill said. “The team has worked hard all year.”',
    [{ kind: 'direct', speaker: 'Sam Hill', cue: 'said', content: 'We are ready,” Coach Sam Hill said. “The team has worked hard all year.' }]],
  ['a cue-less quotation in the next paragraph carries the previous speaker',
    '“We are ready,” Coach Sam Hill said, adding that the players were rested.\n\n“The team has worked hard all year.”',
    [{ kind: 'direct', speaker: 'Sam Hill', content: 'We are ready,' }, { kind: 'indirect', speaker: 'Sam Hill', cue: 'adding', content: 'the players were rested' },
      { kind: 'direct', speaker: 'Sam Hill', cue: null, content: 'The team has worked hard all year.' }]],
  ['a quotation two paragraphs after the last attribution is left unattributed',
    '“We are ready,” Coach Sam Hill said.\n\nThe match starts at noon.\n\n“The team has worked hard all year, and the fans know it.”',
    [{ kind: 'direct', speaker: 'Sam Hill', content: 'We are ready,' }]],
  ['a quotation interrupted by its attribution is one attribution',
    '“We will win,” Coach Sam Hill said, “because we are ready.”',
    [{ kind: 'direct', speaker: 'Sam Hill', cue: 'said', content: 'We will win,” Coach Sam Hill said, “because we are ready.' }]],
  ['an interruption longer than the quoted words keeps the two stretches apart',
    '“The schools are full,” said Maria Lopez, a teacher at the Lincoln school who has taught there for twenty-two years and who leads the union. “We need two more buildings.”',
    [{ kind: 'direct', speaker: 'Maria Lopez', cue: 'said', content: 'The schools are full,' }, { kind: 'direct', speaker: 'Maria Lopez', cue: null, content: 'We need two more buildings.' }]],
  ['straight quotes work like curly ones',
    '"Prices will rise," the central bank governor Ida Falk said.',
    [{ kind: 'direct', speaker: 'Ida Falk', content: 'Prices will rise,' }]],
  ["NYT-style ''…'' marks",
    "''We lost everything,'' said Maria Gomez, a resident.",
    [{ kind: 'direct', speaker: 'Maria Gomez', content: 'We lost everything,' }]],
  // PolNeAR conventions: the speaker's whole mention, the cue with its auxiliaries and particles
  ['an appositive with a relative clause belongs to the mention; the name is the speaker',
    'Geoff Garin, a pollster who advises the campaign, said the race was close.',
    [{ kind: 'indirect', speaker: 'Geoff Garin', mention: 'Geoff Garin, a pollster who advises the campaign', cue: 'said', content: 'the race was close' }]],
  ['a relative pronoun is the mention, its antecedent the speaker',
    'The plan was backed by Senator Ann Ray, who said it would pass.',
    [{ kind: 'indirect', speaker: 'Ann Ray', mention: 'who', cue: 'said', content: 'it would pass' }]],
  ['an adverbial clause before the appositive is not the speaker',
    'After the meeting ended in chaos, Roberta Lange, the state party chairwoman, said she had received threats.',
    [{ speaker: 'Roberta Lange', mention: 'Roberta Lange, the state party chairwoman', cue: 'said', content: 'she had received threats' }]],
  ['a description and a name in apposition speak as the name',
    'The military’s media wing, ISPR, confirmed that over 200 militants were killed.',
    [{ speaker: 'ISPR', mention: 'The military’s media wing, ISPR', cue: 'confirmed', content: 'over 200 militants were killed' }]],
  ['auxiliaries and adverbs before the verb are part of the cue',
    'Governor Tom Lee has also said the budget is balanced.',
    [{ kind: 'indirect', speaker: 'Tom Lee', cue: 'has also said', content: 'the budget is balanced' }]],
  ['a particle the cue takes is part of it',
    'Mayor Jo Park called for an end to the strike.',
    [{ kind: 'indirect', speaker: 'Jo Park', cue: 'called for', content: 'an end to the strike' }]],
  ['a stated belief with a clause is an attribution',
    'Senator Ann Ray believes the deal will collapse.',
    [{ kind: 'indirect', speaker: 'Ann Ray', cue: 'believes', content: 'the deal will collapse' }]],
  ['content that goes on after a parenthetical cue',
    'In 2008, Trump said, the foundation made a large donation.',
    [{ kind: 'indirect', speaker: 'Trump', cue: 'said', content: 'In 2008, Trump said, the foundation made a large donation' }]],
  ['content ends where the next attribution in the sentence begins',
    'Smith said the vote was fair, and Jones said it was rigged.',
    [{ speaker: 'Smith', content: 'the vote was fair' }, { speaker: 'Jones', content: 'it was rigged' }]],
  ['a speaker label opens a transcript line',
    'PENCE: Hillary Clinton is running a campaign of insults.',
    [{ kind: 'indirect', speaker: 'PENCE', cue: ':', content: 'Hillary Clinton is running a campaign of insults' }]],
  ['a dash and a name after the quotation',
    '“Maybe we can build a wall around him.” ― Steve Quinlan',
    [{ kind: 'direct', cue: '―', content: 'Maybe we can build a wall around him.' }]],
  ['a name and a dash before the quotation',
    'Sonya Herridge ― “He has empowered the worst among us.”',
    [{ kind: 'direct', speaker: 'Sonya Herridge', cue: '―', content: 'He has empowered the worst among us.' }]],
  ['a lead-in ending in a colon attributes the quotation in the next paragraph',
    'Senator Cruz answered the question:\n\n“The questions asked in this debate illustrate the problem.”',
    [{ kind: 'direct', speaker: 'Cruz', cue: 'answered', content: 'The questions asked in this debate illustrate the problem.' }]],
  ['an aside between dashes does not take the quotation',
    'House Speaker John Bercow commented on the matter — which the BBC noted as unusual — "It is blindingly obvious what is happening."',
    [{ kind: 'direct', speaker: 'John Bercow', content: 'It is blindingly obvious what is happening.' }]],
  ['an -ing verb after the object reports for the clause subject',
    'US Secretary of State Mike Pompeo posted a message on Twitter blaming Iran for the attacks.',
    [{ speaker: 'Mike Pompeo', cue: 'blaming', content: 'Iran for the attacks' }]],
  ['an anonymous source keeps a proper-noun modifier',
    'FSB sources said the blast was deliberate.',
    [{ anonymous: true, cue: 'said', content: 'the blast was deliberate' }]],
  // negatives
  ['scare quotes around a term are not a quote', 'The so-called “deal” was never signed by either side.', []],
  ['a title of a work is not a quote', 'The film “Gone Tomorrow” opened in 300 cinemas last week.', []],
  ['a heading with quote marks is not a quote', 'Taliban accused of “war economy”\nThe fighting continued for a third day.', []],
  ['an intention is not speech', 'The government plans to announce new measures next week.', []],
  ['a target of criticism is not content (speech scope)', 'The senator criticized the plan.', []],
  ['a name introduced by "known as" is not an attribution', 'Local groups, also known as the Blue Wave, marched on Sunday.', []],
  ['"Update:" is not a speaker label', 'Update: The road is closed until Monday.', []],
  ['an infinitive after "to" is not a cue', 'The defeat prompted the party to announce a review of its rules.', []],
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
        if (e.mention !== undefined) expect(q.speaker?.mention?.text ?? null).toBe(e.mention);
        if (e.cue !== undefined) expect(q.cue?.text ?? null).toBe(e.cue);
      });
    });
  }
});
