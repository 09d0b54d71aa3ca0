import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract.js';

// "it" and "they" as speakers: [name, text, the speaker's mention, the name it resolves to]
const CASES: Array<[string, string, string, string]> = [
  ['"it" is the body that just spoke, not an organisation named in a phrase since',
    'In a filing with the Securities and Exchange Commission, the group said it bought 32,800 shares. Afterwards it may recommend that management make changes.',
    'it', 'group'],
  ['"they" is the plural description that just spoke',
    'The central bank will sell bills tomorrow, short-term money houses said. The bills will mature in May, they said.',
    'they', 'short-term money houses'],
  ['"It says" after "The city of X … The city sent …" is the city',
    'The city of Phoenix is demanding changes. Officials at Acme Corp declined to comment. The city said the letter was sent Thursday. It says the campaign violated the law.',
    'It', 'city'],
  ['"he" is the person who spoke in the sentence before, not a subject named since',
    'Robert Mugabe ruled Zimbabwe for 37 years. At the next elections in 2008, both Mugabe and Morgan Tsvangirai claimed victory in the presidential vote. Refusing to give up power, Mugabe agreed to power-sharing in which Tsvangirai became prime minister. "Only God who appointed me will remove me — not the MDC, not the British," he declared.',
    'he', 'Robert Mugabe'],
  // negative cases: the last speaker does not agree in number, so the organisation named last is used
  ['"it" does not take a plural speaker',
    'Local residents said the plant was closed. Acme Corp released a statement. It said the plant would reopen.',
    'It', 'Acme Corp'],
  ['"it" does not take a person',
    'Mayor Ann Lee said the road was closed. The Transport Ministry issued a notice. It said repairs would take a week.',
    'It', 'Transport Ministry'],
];

// descriptions: [name, text, the speaker's mention, the name it resolves to]
const DESCRIPTIONS: Array<[string, string, string, string]> = [
  ['a title names the person the article names with that title, even later on',
    'Mr Martin Mubanga said he was mistreated. The home secretary said he would not launch an inquiry. Later, Home Secretary Charles Clarke told the BBC: "I am not organising an investigation."',
    'The home secretary', 'Charles Clarke'],
  ['a synonymous office goes to the recent person who holds one',
    'Foreign Secretary Marcelo Ebrard spoke on Sunday. The foreign minister said Mexico would seek extradition.',
    'The foreign minister', 'Marcelo Ebrard'],
  // negative: a deputy prime minister is not the prime minister
  ['"the prime minister" is not the deputy prime minister',
    'The prime minister said the deal was off. Deputy Prime Minister John Prescott later agreed.',
    'The prime minister', 'prime minister'],
  ['a name in apposition stays in a description\'s name',
    'The Scottish Green Party\'s health spokeswoman, Eleanor Scott, said she was pleased.',
    'The Scottish Green Party\'s health spokeswoman, Eleanor Scott', 'Eleanor Scott'],
  ['an organisation\'s name runs on over "of"',
    'According to the National Conference of State Legislatures, the season continues on March 10.',
    'the National Conference of State Legislatures', 'National Conference of State Legislatures'],
  // negative: an honorific is no office, so the description stays as written
  ['"Mr" is not an office, and the last speaker is two sentences back',
    'Mr Martin Mubanga said he was mistreated. The hearing lasted an hour. The home secretary said he would not launch an inquiry.',
    'The home secretary', 'home secretary'],
  ['an office right after a named speaker is that speaker',
    'Andy Robinson said he would keep working on the kicking. However, the England coach added that he would take some time off.',
    'the England coach', 'Andy Robinson'],
  ['"sources close to" a person are anonymous, not that person',
    'Damian Hockney spoke on Monday. Sources close to Mr Hockney said eight other members would follow.',
    'Sources close to Mr Hockney', 'Sources close to Mr Hockney'],
  ['an age and a home town between the speaker and the cue belong to the speaker',
    'Martin Mubanga spoke to the Observer. Mr Mubanga, 32, from Wembley, London, said he was brutally interrogated.',
    'Mr Mubanga, 32, from Wembley, London', 'Martin Mubanga'],
  ['"of Leeds" after an age, with no comma before the cue',
    'Jane Doe, 45, of Leeds said the bridge was unsafe.',
    'Jane Doe, 45, of Leeds', 'Jane Doe'],
  // negative: "of" inside the subject itself is kept
  ['"Residents of Leeds" are the speakers',
    'Residents of Leeds said the bridge was unsafe.',
    'Residents of Leeds', 'Residents of Leeds'],
  ['a nationality before a common noun describes the speaker; it is not the speaker',
    'He was questioned by a British man who said he was from MI6.',
    'who', 'British man'],
  ['a possessor is whose the speaker is, not the speaker',
    'In a broadcast, President Castro\'s chief aide said the tax was necessary.',
    'President Castro\'s chief aide', 'President Castro\'s chief aide'],
  ['"he" after a possessed description is the one who spoke',
    'President Fidel Castro announced a tax. President Castro\'s chief aide said it was necessary. "The tax applies only to the dollar," he said.',
    'he', 'President Castro\'s chief aide'],
  ['the occasion of speaking before a name is no part of the speaker',
    'In a Bloomberg interview Trump said the plan would pass.',
    'Trump', 'Trump'],
  ['"In a statement" before an organisation',
    'In a statement BHP said the rights would be priced at 25 cents.',
    'BHP', 'BHP'],
  ['a parenthetical cue: the phrase before the comma opens the content, it is not the speaker',
    'Mayor Ann Lee spoke on Friday. The museum, Mrs. Lee said, would open in May.',
    'Mrs. Lee', 'Ann Lee'],
  // negatives: a role noun takes a name in apposition, and a description before a name with a quotation after the cue stays
  ['a role noun before a name is part of the speaker',
    'Campaign spokesman Brian Fallon said the ad would run.',
    'Campaign spokesman Brian Fallon', 'Brian Fallon'],
  ['a description in apposition before a name, with the quotation after the cue',
    'The foreign minister, Sergei Lavrov, said, "We will not accept this."',
    'The foreign minister, Sergei Lavrov', 'Sergei Lavrov'],
  ['a place\'s office is the person who holds it',
    'Regional governor Boris Dubrovsky said the blast was unrelated. Later, Chelyabinsk\'s governor promised each victim would be paid.',
    'Chelyabinsk\'s governor', 'Boris Dubrovsky'],
  // negative: a person's lawyer is not the lawyer named last
  ['a person\'s office-holder is not the one named with the office',
    'Lawyer John Bell spoke for the city. Then Mr Smith\'s lawyer said the claim was false.',
    'Mr Smith\'s lawyer', 'Mr Smith\'s lawyer'],
  // negative: with nobody possessed, "he" is still the person named last
  ['"he" after a named speaker is that speaker',
    'President Fidel Castro announced a tax. "The tax applies only to the dollar," he said.',
    'he', 'Fidel Castro'],
];

describe('descriptions resolve to the person or body they describe', () => {
  it.each(DESCRIPTIONS)('%s', (_name, text, mention, expected) => {
    const doc = extract(text, { id: 'speakers' });
    const quote = doc.quotes.find(q => q.speaker?.mention && text.slice(q.speaker.mention.start, q.speaker.mention.end) === mention);
    expect(quote, `a quote whose speaker is "${mention}"`).toBeDefined();
    expect(quote?.speaker?.name).toBe(expected);
  });
});

describe('pronoun speakers agree in number with what they point back to', () => {
  it.each(CASES)('%s', (_name, text, mention, expected) => {
    const doc = extract(text, { id: 'speakers' });
    const quote = doc.quotes.find(q => q.speaker?.mention && text.slice(q.speaker.mention.start, q.speaker.mention.end) === mention && q.speaker.resolution === 'pronoun');
    expect(quote, `a quote whose speaker is "${mention}"`).toBeDefined();
    expect(quote?.speaker?.name).toContain(expected);
  });
});

describe('a word inside a name is no cue', () => {
  it('"Federal Express Corp said …": the cue is "said" and the company speaks', () => {
    const text = 'Federal Express Corp said that the average daily volume of packages increased 26 pct in September.';
    const doc = extract(text, { id: 'names' });
    expect(doc.quotes.map(q => q.cue && text.slice(q.cue.start, q.cue.end))).toEqual(['said']);
    expect(doc.quotes[0]?.speaker?.name).toBe('Federal Express Corp');
  });
  it('a headline in title case keeps its cue: "Chris Christie Says He Would Issue A Quarantine"', () => {
    const text = 'The governor spoke on Saturday.\n\nChris Christie Says He Would Issue A Quarantine Over Zika Virus.\n\nHe spoke in New Hampshire.';
    const doc = extract(text, { id: 'names' });
    expect(doc.quotes.some(q => q.cue && text.slice(q.cue.start, q.cue.end) === 'Says')).toBe(true);
  });
});

// sources that ask not to be named: [name, text, mention, name, cue, content]
const ANONYMITY: Array<[string, string, string, string, string, string]> = [
  ['a relative clause asking anonymity, without commas, is part of the speaker',
    'A House staff member who asked not to be identified said Congress did not mean to extend the provisions.',
    'A House staff member who asked not to be identified', 'House staff member', 'said', 'Congress did not mean to extend the provisions'],
  ['"declined to be named" is no attribution of its own',
    'One diplomat, who declined to be named, said the deal was close.',
    'One diplomat, who declined to be named', 'One diplomat', 'said', 'the deal was close'],
  ['a participle clause of anonymity makes the speaker anonymous',
    'Speaking on condition of anonymity, a police officer said three men were arrested.',
    'a police officer', 'police officer', 'said', 'three men were arrested'],
  ['an appositive relative clause is left out of the name',
    'The official, who spoke on condition of anonymity because he was not authorized to discuss the matter, said the talks had failed.',
    'The official, who spoke on condition of anonymity because he was not authorized to discuss the matter', 'official', 'said', 'the talks had failed'],
];

describe('sources that ask not to be named are anonymous, and their request is no attribution', () => {
  it.each(ANONYMITY)('%s', (_name, text, mention, name, cue, content) => {
    const doc = extract(text, { id: 'anonymity' });
    expect(doc.quotes).toHaveLength(1);
    const q = doc.quotes[0]!;
    expect(q.speaker?.mention && text.slice(q.speaker.mention.start, q.speaker.mention.end)).toBe(mention);
    expect(q.speaker?.name).toBe(name);
    expect(q.speaker?.anonymous).toBe(true);
    expect(q.cue && text.slice(q.cue.start, q.cue.end)).toBe(cue);
    expect(q.content.text).toBe(content);
  });
  it('a named person is not made anonymous by the words around them', () => {
    const text = 'Speaking on condition of anonymity had been refused, Mayor Ann Lee said the road was closed.';
    const q = extract(text, { id: 'anonymity' }).quotes[0];
    expect(q?.speaker?.name).toBe('Ann Lee');
    expect(q?.speaker?.anonymous).toBe(false);
  });
});

describe('what is no attribution', () => {
  it.each([
    ['an infinitive of purpose reports nothing before it', 'Mugabe co-founded the Zimbabwe African National Union (ZANU) to oppose the white minority rule, but was arrested in 1963.'],
    ['"known as" names, it does not report', 'Mugabe was able to negotiate immunity from prosecution, full diplomatic status and a fully staffed state-funded 25-room home, known as the "Blue House".'],
  ])('%s', (_name, text) => {
    expect(extract(text, { id: 'none' }).quotes).toEqual([]);
  });
});
