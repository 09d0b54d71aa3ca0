import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract.js';

type Expect = { contains: string; status?: 'asserted' | 'confirmed'; source?: string | null; kind?: string; hedged?: boolean; polarity?: 'affirmed' | 'denied'; evidence?: string };

const claimFor = (doc: ReturnType<typeof extract>, contains: string) => (doc.claims as Array<Record<string, any>>)
  .filter(c => (c.span.text as string).includes(contains))
  .sort((a, b) => a.span.text.length - b.span.text.length)[0];

// [name, article, expectations]
const CASES: Array<[string, string, Expect[]]> = [
  ['a confirming cue makes a confirmed claim', 'The army confirmed that 12 soldiers were killed in the attack.',
    [{ contains: '12 soldiers were killed', status: 'confirmed', source: 'army', evidence: 'confirm-verb' }]],
  ['a negated confirmation is not one', 'The ministry did not confirm that the border had been closed.',
    [{ contains: 'the border had been closed', status: 'asserted' }]],
  ['a plain report is asserted', 'Police Chief Omar Khan said three suspects had been arrested.',
    [{ contains: 'three suspects had been arrested', status: 'asserted', source: 'Omar Khan', kind: 'person' }]],
  ['the outlet’s own statement has the outlet as source', 'A ceasefire was reached in Doha on October 19.',
    [{ contains: 'ceasefire was reached', status: 'asserted', source: null, kind: 'outlet' }]],
  ['reportedly hedges an unattributed claim', 'The rebels reportedly seized the airport overnight.',
    [{ contains: 'seized the airport', hedged: true, kind: 'outlet' }]],
  ['could not be independently verified hedges', 'The group said it shot down a drone, a claim that could not be independently verified.',
    [{ contains: 'shot down a drone', hedged: true }]],
  ['a report about the speaker hedges what the speaker claimed', 'The attacker is reported to have jumped on stage and claimed he was wrongfully imprisoned.',
    [{ contains: 'he was wrongfully imprisoned', hedged: true }]],
  ['"was on Wednesday reported to" hedges', 'His condition was on Wednesday reported to not be life-threatening.',
    [{ contains: 'not be life-threatening', hedged: true }]],
  ['a modal in another clause does not hedge the quote', 'While some say the rules might change, Jauppi says there are few obstacles to trading the shares.',
    [{ contains: 'there are few obstacles', hedged: false }]],
  ['a denial cue makes the polarity denied', 'Defense Minister Paul Otto denied that troops had crossed the border.',
    [{ contains: 'troops had crossed the border', polarity: 'denied', source: 'Paul Otto' }]],
  ['dismissed is a denial', 'He dismissed the notion that sanctions could work. Senator Ann Lee spoke first.',
    [{ contains: 'sanctions could work', polarity: 'denied' }]],
  ['no evidence that denies', 'Investigators said there was no evidence that the fire was set deliberately.',
    [{ contains: 'the fire was set deliberately', polarity: 'denied', evidence: 'deny-frame' }]],
  ['a confirmed figure in the text', 'A total of 39 people are confirmed dead, officials said.',
    [{ contains: '39 people are confirmed dead', status: 'confirmed', evidence: 'confirmed-figure' }]],
  // negative: the outlet's own "confirmed death toll" is its assertion, not a source confirming
  ['the outlet calling a toll confirmed does not confirm it', 'Rescue work resumed on Wednesday, with more bodies recovered increasing the confirmed death toll to 31.',
    [{ contains: 'increasing the confirmed death toll to 31', status: 'asserted', kind: 'outlet' }]],
  ['a speaker\'s emphatic "do" concedes his own words', 'Trump said that he did indicate to the Ukrainians that the aid was contingent on reforms.',
    [{ contains: 'the aid was contingent on reforms', status: 'confirmed', source: 'Trump', evidence: 'confirm-emphatic-do' }]],
  // negatives: a negated or questioned "do" concedes nothing
  ['"did not indicate" is no concession', 'Trump said that he did not indicate to the Ukrainians that the aid was contingent on reforms.',
    [{ contains: 'the aid was contingent on reforms', status: 'asserted' }]],
  ['a short sentence with a verb is a statement', 'The mayor was stabbed on stage on Sunday. He died today.',
    [{ contains: 'He died today', status: 'asserted', kind: 'outlet' }]],
  ['the writer\'s own clause before "and said" is a claim of its own', 'The embassy declined the request and said the family left the country.',
    [{ contains: 'The embassy declined the request', kind: 'outlet' }, { contains: 'the family left the country', source: 'embassy' }]],
  // negative: the speaker with a relative clause is no clause of the writer's own
  ['a relative clause on the speaker makes no claim of its own', 'The firm, whose subsidiary operates 13 farms, said the plan would fail.',
    [{ contains: 'the plan would fail', source: 'firm' }]],
  ['an allegation that frames the clause hedges it', 'The allegation was that the consortium which built the airport had links to the army.',
    [{ contains: 'had links to the army', hedged: true, evidence: 'hedge-allegation' }]],
  // negative: "the charge was dropped" frames nothing
  ['a charge that is no frame does not hedge', 'The charge was dropped after the consortium paid the fine.',
    [{ contains: 'The charge was dropped', hedged: false }]],
  ['an anonymous source', 'The delegation kept shifting its stance, sources said.',
    [{ contains: 'kept shifting its stance', kind: 'anonymous' }]],
  ['a second independent source corroborates', 'Mayor Ann Lee said the flood destroyed forty homes in the valley. Fire Chief Tom Bell said the flood destroyed forty homes in the valley overnight.',
    [{ contains: 'destroyed forty homes in the valley overnight', status: 'confirmed', evidence: 'corroborated' }]],
  ['the same source twice does not corroborate', 'Mayor Ann Lee said the flood destroyed forty homes in the valley. Lee later said the flood destroyed forty homes in the valley overnight.',
    [{ contains: 'destroyed forty homes in the valley overnight', status: 'asserted' }]],
  ['a long statement corroborated in other words, most of them shared', 'Researcher Tim Crawford said the value of the private housing stock continues to grow and the family home remains the most valuable asset. Analyst Jane Roe of Acme Bank said the value of private housing stock is continuing to rise steadily.',
    [{ contains: 'continuing to rise steadily', status: 'confirmed', evidence: 'corroborated' }]],
  ['a denial does not corroborate what it denies', 'Coach Victor Conte said he gave the sprinter performance-enhancing drugs. Her lawyer Ann Hill said the sprinter has never taken performance-enhancing drugs.',
    [{ contains: 'he gave the sprinter performance-enhancing drugs', status: 'asserted' }, { contains: 'has never taken performance-enhancing drugs', status: 'asserted' }]],
  ['"by reports" hedges like "reportedly"', 'By reports he secured five of the territory\'s six delegates.',
    [{ contains: 'he secured five of the territory', hedged: true }]],
  ['a short phrase inside a long statement does not corroborate it', 'Liz Cheney revealed her position on same-sex marriage, a topic she has kept quiet about since declaring her candidacy against Senator Mike Enzi. Mr. Enzi opposes legalizing same-sex marriage.',
    [{ contains: 'legalizing same-sex marriage', status: 'asserted' }]],
];

describe('claims: status, source, hedge, polarity', () => {
  it('a speaker\'s short aside is no statement of fact, a short statement about someone is', () => {
    expect(extract('I agree. You are wrong.', {}).claims).toHaveLength(0);
    expect(extract('He resisted.', {}).claims.map(c => c.span.text)).toEqual(['He resisted']);
  });
  it('a relative clause on the speaker is no claim of the outlet', () => {
    const doc = extract('The firm, whose subsidiary operates 13 farms, said the plan would fail.', {});
    expect(doc.claims.map(c => c.span.text)).toEqual(['the plan would fail']);
  });
  for (const [name, text, expected] of CASES) {
    it(name, () => {
      const doc = extract(text, { explain: true });
      for (const e of expected) {
        const c = claimFor(doc, e.contains);
        expect(c, `no claim holds "${e.contains}" in ${JSON.stringify(doc.claims.map((x: any) => x.span.text))}`).toBeDefined();
        if (!c) continue;
        if (e.status) expect(c.status).toBe(e.status);
        if (e.source !== undefined) expect(e.source === null ? c.source.name : c.source.name?.toLowerCase()).toBe(e.source === null ? null : e.source.toLowerCase());
        if (e.kind) expect(c.source.kind).toBe(e.kind);
        if (e.hedged !== undefined) expect(c.hedged).toBe(e.hedged);
        if (e.polarity) expect(c.polarity).toBe(e.polarity);
        if (e.evidence) expect(c.evidence.map((x: any) => x.ruleId)).toContain(e.evidence);
        expect(c.checkworthiness).toBeGreaterThanOrEqual(0);
        expect(c.checkworthiness).toBeLessThanOrEqual(1);
        expect(c.explain.join(' ')).toMatch(/status: /);
      }
    });
  }

  it('links numbers and claims both ways', () => {
    const doc = extract('The army confirmed that over 200 militants were killed, while 23 soldiers died.');
    for (const n of doc.numbers as Array<Record<string, any>>) {
      const c = (doc.claims as Array<Record<string, any>>).find(x => x.id === n.claimId);
      expect(c?.numberIds).toContain(n.id);
    }
  });

  it('sorts claims by check-worthiness on request: figures above opinions', () => {
    const doc = extract('I think we are doing great. Unemployment fell to 3.5 percent in March, the lowest since 1969.');
    const opinion = claimFor(doc, 'doing great');
    const figure = claimFor(doc, 'Unemployment fell');
    expect(figure?.checkworthiness).toBeGreaterThan(opinion?.checkworthiness);
  });
});
