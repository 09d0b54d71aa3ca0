import { describe, expect, it } from 'vitest';
import { createDoc } from '../src/document.js';
import type { NumberMention } from '../src/model.js';
import { findNumbers } from '../src/stages/numbers/index.js';
import { lexSentence } from '../src/stages/numbers/lex.js';
import { segment } from '../src/stages/segment.js';

// Every sentence here is written for this test; none comes from a data set.

interface Shown {
  text: string;
  kind: string;
  value: number | null;
  approx: string | null;
  lower: number | null;
  upper: number | null;
  bounds: string | null;
  change: string | null;
  unit: string | null;
  counted: string | null;
  event: string | null;
  eventLemma: string | null;
  eventClass: string | null;
  date: string | null;
  dateInferred: boolean;
  sentence: number;
}

function run(text: string, publishedAt: string | null = null): { numbers: NumberMention[]; shown: Shown[] } {
  const doc = createDoc(text, { id: 'test', publishedAt });
  Object.assign(doc, segment(doc));
  const numbers = findNumbers(doc);
  const slice = (s: { start: number; end: number } | null): string | null => (s ? doc.text.slice(s.start, s.end) : null);
  const shown = numbers.map(n => ({
    text: doc.text.slice(n.span.start, n.span.end),
    kind: n.kind, value: n.value, approx: n.approx, lower: n.lower, upper: n.upper, bounds: n.bounds, change: n.change,
    unit: n.unit, counted: slice(n.counted), event: slice(n.event), eventLemma: n.eventLemma, eventClass: n.eventClass,
    date: n.date, dateInferred: n.dateInferred, sentence: n.sentence,
  }));
  return { numbers, shown };
}
const mention = (text: string, span: string, publishedAt: string | null = null): Shown | undefined =>
  run(text, publishedAt).shown.find(n => n.text === span);

/** [sentence, span of the mention, the fields it must have] */
type Case = [string, string, Partial<Shown>];

const SEED_LIKE: Case[] = [
  ['The military confirmed that over 200 Afghan Taliban and affiliated militants were killed, while 23 Pakistani soldiers embraced martyrdom.', 'over 200',
    { kind: 'count', value: 200, approx: 'over', lower: 200, upper: null, bounds: '()', counted: 'Afghan Taliban and affiliated militants', event: 'killed', eventLemma: 'kill', eventClass: 'killed' }],
  ['The military confirmed that over 200 Afghan Taliban and affiliated militants were killed, while 23 Pakistani soldiers embraced martyrdom.', '23',
    { kind: 'count', value: 23, approx: null, counted: 'Pakistani soldiers', event: 'embraced martyrdom', eventClass: 'killed' }],
  ['The minister confirmed the failure of the four-day talks in the capital.', 'four-day', { kind: 'duration', value: 4, unit: 'day', counted: 'talks' }],
  ['He said their patience had run out after four years of heavy human and financial losses.', 'four years',
    { kind: 'duration', value: 4, unit: 'year', counted: 'heavy human and financial losses' }],
];

const FORMS: Case[] = [
  ['The company paid 1,250,000 to settle the claim.', '1,250,000', { kind: 'count', value: 1250000 }],
  ['Its share of the market was 12.75 last year.', '12.75', { value: 12.75 }],
  ['Twenty-three students passed the exam on the first try.', 'Twenty-three', { kind: 'count', value: 23, counted: 'students' }],
  ['She bought two dozen eggs at the market.', 'two dozen', { value: 24, counted: 'eggs' }],
  ['A crowd of 1.5 million people filled the square.', '1.5 million', { kind: 'count', value: 1500000, counted: 'people' }],
  ['The firm made a loss of $3.5bn in the year.', '$3.5bn', { kind: 'money', value: 3500000000, unit: 'USD' }],
  ['It raised US$5 million from investors.', 'US$5 million', { kind: 'money', value: 5000000, unit: 'USD' }],
  ['The club paid €20m for the striker.', '€20m', { kind: 'money', value: 20000000, unit: 'EUR' }],
  ['Profits reached £600m in the quarter.', '£600m', { kind: 'money', value: 600000000, unit: 'GBP' }],
  ['The deal was valued at 9 billion yuan by analysts.', '9 billion yuan', { kind: 'money', value: 9e9, unit: 'yuan' }],
  ['The flat sold for 80k after a week.', '80k', { value: 80000 }],
  ['Prices closed 19 per cent higher on the day.', '19 per cent', { kind: 'percent', value: 19, unit: '%', change: 'up' }],
  ['The bank charges 5pc on the loan.', '5pc', { kind: 'percent', value: 5, unit: '%' }],
  ['Turnout reached 61.5% in the north.', '61.5%', { kind: 'percent', value: 61.5, unit: '%' }],
  ['A quarter of the population is under 15.', 'A quarter', { kind: 'other', value: 0.25, counted: 'population' }],
  ['Half the flats have been sold already.', 'Half', { value: 0.5, counted: 'flats' }],
  ['Two-thirds of voters backed the plan.', 'Two-thirds', { value: 2 / 3, counted: 'voters' }],
  ['The car reaches 87 mph on the motorway.', '87 mph', { kind: 'measure', value: 87, unit: 'mph' }],
  ['The route is 140 kilometres long.', '140 kilometres', { kind: 'measure', value: 140, unit: 'km' }],
  ['The engine is a 5.2-litre unit built in Italy.', '5.2-litre', { kind: 'measure', value: 5.2, unit: 'L' }],
  ['The plant will add 30 gigawatts of offshore wind capacity.', '30 gigawatts', { kind: 'measure', value: 30, unit: 'GW', counted: 'offshore wind capacity' }],
  ['The ship carried 2,000 tonnes of grain.', '2,000 tonnes', { kind: 'measure', value: 2000, unit: 'tonne', counted: 'grain' }],
  ['Oil traded at US$58.24 per barrel on the day.', 'US$58.24 per barrel', { kind: 'money', value: 58.24, unit: 'USD/barrel' }],
  ['They have a $3,500 a month mortgage to pay.', '$3,500 a month', { kind: 'money', unit: 'USD/month' }],
  ['The rescue took two weeks in the end.', 'two weeks', { kind: 'duration', value: 2, unit: 'week' }],
  ['The hearing lasted 16 hours without a break.', '16 hours', { kind: 'duration', value: 16, unit: 'hour' }],
  ['The suspect, a 48-year-old man, was held.', '48-year-old', { kind: 'other', value: 48, unit: 'year-old', counted: 'man' }],
  ['The speed of light is about 2.998×10−8 metres per second in that unit.', 'about 2.998×10−8 metres per second', { value: 2.998e-8, unit: 'm/s', approx: 'about' }],
  ['The firm signed a $1.2-billion deal with the city.', '$1.2-billion', { kind: 'money', value: 1.2e9, unit: 'USD', counted: 'deal' }],
  ['Almost a quarter of a million consumers complained.', 'Almost a quarter of a million', { kind: 'count', value: 250000, approx: 'nearly', counted: 'consumers' }],
  ['Growth was the slowest in one-and-a-half years.', 'one-and-a-half years', { kind: 'duration', value: 1.5, unit: 'year' }],
  ['The event raised nearly CDN$11,000 for the shelter.', 'nearly CDN$11,000', { kind: 'money', unit: 'CAD', approx: 'nearly' }],
  ['The shares fell 3% by 1700 GMT on the news.', '1700 GMT', { kind: 'other', value: null }],
  ['The range has four-, five- and six-cylinder engines.', 'four', { kind: 'count', value: 4, unit: 'cylinder', counted: 'engines' }],
  ['The two- or three-day summit was cancelled.', 'two', { kind: 'duration', value: 2, unit: 'day', counted: 'summit' }],
  ['He was the 1,000th visitor this year.', '1,000th', { kind: 'ordinal', value: 1000 }],
  ['Sales reached 3.9 million headsets, up from 2.4 million in 2017.', '2.4 million', { value: 2400000, counted: 'headsets' }],
  ['The group said it bought 32,800 Robeson common shares last week.', '32,800', { kind: 'count', value: 32800, counted: 'Robeson common shares' }],
  ['Sales 160.3 mln vs 126.5 mln', '160.3 mln', { value: 160300000, counted: null }],
  ['Fresh meat and bacon 8.0 mln vs 4.5 mln', '4.5 mln', { value: 4500000, counted: null }],
  ['He met Acme Corp officials in May.', 'May', { kind: 'date' }],
  ['Capital Food had 1986 sales of more than 20 mln dlrs.', '1986', { kind: 'year' }],
  ['Trump had ordered his staff to delay around US$400 million in military aid.', 'around US$400 million', { kind: 'money', counted: 'military aid' }],
  ['He served half his sentence for 13 terror offences.', 'half', { value: 0.5, counted: 'sentence' }],
  ['The ten-storey building collapsed on Monday.', 'ten-storey', { kind: 'count', value: 10, unit: 'storey', counted: 'building' }],
  ['The ILX has a 2.4-litre four-cylinder engine.', 'four-cylinder', { value: 4, unit: 'cylinder', counted: 'engine' }],
  // negative: "-odd" is a modifier, "one-time" no count
  ['Between 10 and 12 of the 80-odd resorts were damaged.', '80-odd', { value: 80, approx: 'about', unit: null }],
  // negative: "in connection with" says how, not what
  ['The liquidator seeks 140 mln dlrs in connection with the collapse.', '140 mln dlrs', { kind: 'money', counted: null }],
  ['The firm raised $5 million in March.', '$5 million', { kind: 'money', counted: null }],
  ['Congress passed the landmark 1986 immigration law.', '1986', { kind: 'year' }],
  ['The army sent 1500 troops to the border.', '1500', { kind: 'count', counted: 'troops' }],
  ['The bond pays 8-3/4 pct a year.', '8-3/4 pct a year', { kind: 'percent', value: 8.75, unit: '%/year' }],
];

const RANGES_AND_VAGUE: Case[] = [
  ['Officials said between 36 and 40 people were under the rubble.', 'between 36 and 40',
    { kind: 'count', value: 36, lower: 36, upper: 40, bounds: '[]', approx: 'between', counted: 'people' }],
  ['The battery range grew from 252 to 287 miles this year.', 'from 252 to 287 miles', { kind: 'measure', value: 252, lower: 252, upper: 287, bounds: '[]', approx: null, unit: 'mile' }],
  ['There are four to five thousand people in the camp.', 'four to five thousand', { value: 4000, lower: 4000, upper: 5000, counted: 'people' }],
  ['The laser uses 5-10W of power.', '5-10W', { kind: 'measure', value: 5, lower: 5, upper: 10, unit: 'W' }],
  ['Dozens of people were killed in the attack.', 'Dozens', { kind: 'count', value: 12, lower: 12, upper: 120, bounds: '[)', approx: null, counted: 'people', eventClass: 'killed' }],
  ['Tens of thousands of students marched through the city.', 'Tens of thousands', { value: 10000, lower: 10000, upper: 100000, counted: 'students' }],
  ['Donors gave thousands of dollars to the campaign.', 'thousands of dollars', { kind: 'money', unit: 'USD', lower: 1000, upper: 10000 }],
  ['The team won 9-2 in the final.', '9-2', { kind: 'other', value: null }],
];

const MODIFIERS: Case[] = [
  ['The project cost nearly $3.5 million in total.', 'nearly $3.5 million', { approx: 'nearly', upper: 3500000, bounds: '()', unit: 'USD' }],
  ['Rescuers pulled at least 15 survivors from the debris.', 'at least 15', { approx: 'at-least', lower: 15, upper: null, bounds: '[)' }],
  ['The factory will hire up to 400 people next year.', 'up to 400', { approx: 'up-to', upper: 400, bounds: '(]', counted: 'people' }],
  ['The car charges in fewer than 20 minutes at a fast charger.', 'fewer than 20 minutes', { approx: 'under', upper: 20, unit: 'minute' }],
  ['The drive is about 35 miles each way.', 'about 35 miles', { approx: 'about', lower: null, upper: null }],
  ['More than 6,650 employees will lose their jobs.', 'More than 6,650', { approx: 'over', lower: 6650 }],
  ['Some 300 residents have been evacuated from the valley.', 'Some 300', { approx: 'about', counted: 'residents', event: 'evacuated', eventClass: 'displaced' }],
  ['The fund needs 200 or more donors to survive.', '200 or more', { approx: 'at-least', lower: 200 }],
  ['The deposits were more than 7.5 million Danish crowns (US$1.1 million) in total.', 'US$1.1 million', { approx: 'over', unit: 'USD' }],
];

const CHANGES: Case[] = [
  ['Core inflation rose 5% in June.', '5%', { change: 'up' }],
  ['The crude contract was down 19 cents at the close.', '19 cents', { change: 'down', kind: 'money', unit: 'cent' }],
  ['Its market share fell by half within a year.', 'half', { change: 'down', value: 0.5 }],
  ['The index increased by 3 on the day.', '3', { change: 'up', value: 3 }],
  ['The union won a 5% rise in pay for its members.', '5%', { change: 'up', counted: 'pay' }],
  ['The Dow lost 190 points, or 0.6%, in late trade.', '0.6%', { change: 'down' }],
  ['The Dow lost 190 points, or 0.6%, in late trade.', '190', { change: 'down', counted: 'points' }],
  ['Shares rose 8% to $84 in early trade.', '$84', { change: null, value: 84 }],
  ['Revenue rose to $7.36 billion from $6.78 billion.', '$7.36 billion', { change: null }],
  ['The charity raised $5 million for the hospital.', '$5 million', { change: null }],
  ['In Europe the Stoxx 50 -1.3% and the DAX -1.6% on the day.', '-1.3%', { value: -1.3, change: 'down' }],
];

const DATES: Case[] = [
  ['The talks were held in October 2025. A ceasefire was reached in Doha on October 19.', 'October 2025', { kind: 'date', value: null, date: '2025-10', dateInferred: false }],
  ['The talks were held in October 2025. A ceasefire was reached in Doha on October 19.', 'October 19', { kind: 'date', date: '2025-10-19', dateInferred: true, sentence: 1 }],
  ['The vote is due on March 3, 2026, officials said.', 'March 3, 2026', { date: '2026-03-03', dateInferred: false }],
  ['The summit opened on 19 October 2025 in Doha.', '19 October 2025', { date: '2025-10-19' }],
  ['The festival ran from March 15 to 17 in Toronto.', 'March 15 to 17', { kind: 'date', date: '--03-15/--03-17' }],
  ['The report is dated 2025-10-19 in the files.', '2025-10-19', { date: '2025-10-19' }],
  ['The deadline is October 19 for all of them.', 'October 19', { date: '--10-19', dateInferred: false }],
  ['The prices were set in August and held.', 'August', { kind: 'date', date: '--08' }],
  ['The army began the offensive in 1973 and ended it later.', '1973', { kind: 'year', value: 1973 }],
  ['Early 1970s cars were slow.', '1970s', { kind: 'year', value: 1970 }],
];

const PUBLISHED: Array<[string, string, string, Partial<Shown>]> = [
  // 2025-10-30 is a Thursday
  ['Officials said on Monday that 5 people died.', 'Monday', '2025-10-30', { date: '2025-10-27', dateInferred: true }],
  ['Officials said on Thursday that 5 people died.', 'Thursday', '2025-10-30T08:00:00Z', { date: '2025-10-30', dateInferred: true }],
  ['The bridge reopened yesterday after repairs.', 'yesterday', '2025-10-30', { date: '2025-10-29', dateInferred: true }],
  ['The last payment was made on December 28 by the firm.', 'December 28', '2025-01-05', { date: '2024-12-28', dateInferred: true }],
  ['The ceasefire was agreed on October 19 in Doha.', 'October 19', '2025-10-30', { date: '2025-10-19', dateInferred: true }],
  // "last"/"next" before a month: the latest before publication, the first after it (nearest would say otherwise)
  ['Khashoggi was murdered last October in Istanbul.', 'October', '2019-09-29', { date: '2018-10', dateInferred: true }],
  ['The reform was introduced last April.', 'April', '1987-04-13', { date: '1986-04' }],
  ['The tax was scheduled for next January.', 'January', '1987-04-13', { date: '1988-01' }],
  ['The vote is due in October.', 'October', '2019-09-29', { date: '2019-10' }],
  ['Vigils were held last night across the city.', 'last night', '2019-01-14', { kind: 'date', date: '2019-01-13' }],
  ['The mayor died this evening in hospital.', 'this evening', '2019-01-14', { kind: 'date', date: '2019-01-14' }],
];

const EVENTS: Case[] = [
  ['Six nationals were killed in the attack, and seven more were injured.', 'seven', { kind: 'count', value: 7, event: 'injured', eventClass: 'injured' }],
  ['Reportedly he injured a man and two women on the high road.', 'two', { kind: 'count', value: 2, counted: 'women', event: 'injured' }],
  ['Vigils nationwide this evening were attended by thousands.', 'thousands', { event: 'attended' }],
  ['The letter was signed by four managers at the plant.', 'four', { event: 'signed' }],
  // negative: after a verb of change, "by" gives the size of the change
  ['Oklahoma dropped by 13, and New Mexico by one.', '13', { event: null }],
  ['The number of registered unemployed rose by 15,608 in January.', '15,608', { event: null }],
  ['Police arrested 12 suspects after the raid.', '12', { counted: 'suspects', eventClass: 'arrested', event: 'arrested' }],
  ['Five people lost their lives in the fire.', 'Five', { counted: 'people', eventClass: 'killed', event: 'lost their lives' }],
  ['At least 40 passengers were injured in the crash.', 'At least 40', { counted: 'passengers', eventClass: 'injured' }],
  ['The storm displaced 5,000 families along the coast.', '5,000', { counted: 'families', eventClass: 'displaced' }],
  ['Three climbers went missing on the mountain.', 'Three', { counted: 'climbers', eventClass: 'missing' }],
  ['The quake killed 23 people in the province.', '23', { counted: 'people', eventClass: 'killed', eventLemma: 'kill' }],
  // a list of counts shares the predicate after its last member, or the verb before its first
  ['Officials said 150 soldiers, 95 civilians, and hundreds of militants were killed.', '150', { counted: 'soldiers', event: 'killed', eventClass: 'killed' }],
  ['Officials said 150 soldiers, 95 civilians, and hundreds of militants were killed.', '95', { counted: 'civilians', event: 'killed' }],
  ['Guerrillas derailed two locomotives and four wagons near the capital.', 'four', { counted: 'wagons', event: 'derailed' }],
  ['He scored 20 points and 5 players were injured.', '20', { counted: 'points', event: 'scored' }],
  ['He had 20 points and 5 players were injured.', '20', { counted: 'points', event: null }],
  // the predicate after an "of" phrase or a joined noun phrase
  ['Some 23 members of the group were killed on Monday.', 'Some 23', { counted: 'members of the group', event: 'killed' }],
  ['Over 220 members of the House of Representatives favored impeachment.', 'Over 220', { counted: 'members of the House of Representatives', event: 'favored', eventClass: 'other' }],
  ['Two women and a man were injured in the attack.', 'Two', { counted: 'women', event: 'injured' }],
  ['Redemptions included 11.4 million bushels of corn valued at 17 million dollars.', '11.4 million', { event: null }],
  ['It holds some 2.9 million of its shares or 2.2 pct of those issued.', 'some 2.9 million', { event: 'holds' }],
  ['A total of 72 drums of toxic waste which were loaded on trucks have been recovered.', '72', { event: null }],
  // a number that opens its clause is the subject of the verb after it
  ['While 54 nations have signed the treaty, only 27 have ratified it.', '27', { event: 'ratified' }],
  ['About 2.8 million voted in the referendum.', 'About 2.8 million', { event: 'voted' }],
  ['The bank lent 40 to the firm.', '40', { event: null }],
  // a closing quote mark between the counted phrase and its predicate
  ['The agency said "four gunmen" were killed overnight.', 'four', { counted: 'gunmen', event: 'killed', eventClass: 'killed' }],
  // a casualty noun whose tally the number is: subject of a verb that states it, or the noun it is "of"
  ['By Tuesday the death toll had risen to 31 people.', '31', { counted: 'people', event: 'death toll', eventClass: 'killed' }],
  ['The death toll from the blast rose to 17.', '17', { counted: 'death toll', event: 'death toll' }],
  ['Unofficial death tolls, gathered by reporters in the region, exceeded 200.', '200', { counted: 'Unofficial death tolls', event: 'death tolls' }],
  ['The confirmed deaths are nine miners and two guards.', 'nine', { event: 'deaths', eventClass: 'killed' }],
  ['The fire left a death toll of 12.', '12', { event: 'death toll' }],
  ['The toll road cost 40 million to build.', '40 million', { event: null }],
  // "as were N" repeats the predicate before it
  ['Sixty workers were hurt, as were nine from the night shift.', 'nine', { event: 'hurt', eventClass: 'injured' }],
  ['Sixty workers were hurt, and nine from the night shift went home.', 'nine', { event: null }],
  // a bare number named by a "who" clause
  ['Of the 1.2 million who signed, most were young.', '1.2 million', { event: 'signed' }],
  // amounts take part in events through the verb that takes them as object, or their own passive predicate
  ['The minister ordered officials to withhold around $250 million in aid.', 'around $250 million', { event: 'withhold' }],
  ['She served half her sentence.', 'half', { event: 'served' }],
  ['The fund now owns 6.7% of the retailer.', '6.7%', { event: 'owns' }],
  ['Some 3 million barrels of daily output had been halted.', 'Some 3 million barrels', { counted: 'daily output', event: 'halted' }],
  // negatives: a verb of change gives the change; a verb that states the amount says nothing happened; a participle after a determiner modifies
  ['Shares in the bank shed 2.1% on Monday.', '2.1%', { event: null }],
  ['Sales reached $5bn last year.', '$5bn', { counted: 'Sales', event: null }],
  ['Money supply rose to a seasonally adjusted $736 billion.', '$736 billion', { event: null }],
  ['The plan would raise funds for parties to £3m so help can be given.', '£3m', { event: null }],
  ['Scrum-half Tom Reed has been recalled.', 'half', { event: null }],
  ['Fees now represent more than 2% of income.', 'more than 2%', { event: null }],
  ['The board rejected the bank\'s proposed £1.3bn offer.', '£1.3bn', { event: null }],
  ['Figures showed almost 60% of viewers tuned in.', 'almost 60%', { event: null }],
  ['More than 14 million people saw the final.', 'More than 14 million', { event: 'saw' }],
  ['Some 82% said the minister had set a good example.', 'Some 82%', { counted: null, event: null }],
  ['Around a third of homes have been re-valued upwards.', 'Around a third', { event: 're-valued' }],
  ['The rupee has strengthened 4% since December.', '4%', { event: null }],
  // a duration after "for", "over the last" or before "later" is how long or when the clause's verb happened
  ['He had been trapped for over 30 hours.', 'over 30 hours', { event: 'trapped' }],
  ['The reporter was jailed for 14 years.', '14 years', { event: 'jailed', eventClass: 'arrested' }],
  ['Officers arrived at the store six minutes later.', 'six minutes', { event: 'arrived' }],
  ['Ministers have negotiated the treaty over the last four years.', 'four years', { event: 'negotiated' }],
  ['Police may now detain suspects for up to 30 minutes.', 'up to 30 minutes', { event: 'detain' }],
  ['The party called for 24-hour opening to be dropped.', '24-hour', { event: null }],
  ['People who pay for three years\' care should get help.', 'three years', { event: null }],
];

const ORDINALS_AND_OTHERS: Case[] = [
  ['The club won the cup for the third time.', 'third', { kind: 'ordinal', value: 3 }],
  ['The law dates from the 21st century.', '21st', { kind: 'ordinal', value: 21 }],
  ['The fire broke out at 6am on the estate.', '6am', { kind: 'other', value: null }],
  ['The meeting resumed at 10:30 in the hall.', '10:30', { kind: 'other', value: null }],
  ['For details call +44 20 7946 0958 today.', '+44 20 7946 0958', { kind: 'other', value: null }],
  ['Jamie Armstrong, 25, said she left the house.', '25', { kind: 'other', unit: 'year-old' }],
  ['One security source said the delegation was under pressure.', 'One', { kind: 'count', value: 1, counted: 'security source' }],
  // what a number counts when nothing after it says: the phrase it is "of", the noun an ordinal ranks, the person an age is of
  ['The governor promised a payout of one million rubles to each family.', 'one million rubles', { kind: 'money', counted: 'payout' }],
  ['Police said the second blast hit the market.', 'second', { kind: 'ordinal', counted: 'blast' }],
  ['Sudesh Amman, 20, was shot dead by police.', '20', { unit: 'year-old', counted: 'Sudesh Amman' }],
  ['It has given total assistance of 213 million pounds today.', '213 million pounds', { counted: 'total assistance' }],
  ['Market makers will be Credit Suisse First Boston and others.', 'First', { counted: null }],
  ['Growth was cut to 2.2 pct from 3.2 pct in December.', '3.2 pct', { counted: null }],
  ['The summit of the Group of Five ended on Monday.', 'Five', { counted: null }],
];

const COUNTED: Case[] = [
  // a possessor before the head: the head is what follows it
  ['The field holds nearly half of Norway\'s entire output.', 'nearly half', { counted: "Norway's entire output" }],
  ['Fourteen-year-old Anna Berg\'s first race ended early.', 'Fourteen-year-old', { counted: 'Anna Berg' }],
  // the first word of a hyphenated modifier, but not a number word, which is a quantity of its own
  ['The pipeline carries 3 million barrels of per-day output.', '3 million barrels', { counted: 'per-day output' }],
  ['The firm has 40,000 with-profits savers.', '40,000', { counted: 'with-profits savers' }],
  ['He gave two one-hour talks.', 'two', { counted: null }],
  // a year between a determiner and a noun dates that noun; a year without one modifies nothing
  ['The 1961 tower was home to many.', '1961', { kind: 'year', counted: 'tower' }],
  ['Its 2019 report said little.', '2019', { kind: 'year', counted: 'report' }],
  ['In 2016 voters stayed home.', '2016', { kind: 'year', counted: null }],
  ['The 2012 Olympics were held in London.', '2012', { kind: 'year', counted: null }],
  // "from X to Y" as one range: the noun phrase before it, but not one inside a prepositional phrase or a lone untagged verb
  ['Crews recovered more bodies, raising the official death toll from twelve to 29.', 'from twelve to 29', { counted: 'official death toll' }],
  ['The state cut corporate tax from 30% to 28%.', 'from 30% to 28%', { counted: 'corporate tax' }],
  ['They raised the pension age for nurses from 60 to 65.', 'from 60 to 65', { counted: null }],
  ['Holders will see the payout fall from 7% to 6%.', 'from 7% to 6%', { counted: null }],
  // with nothing after it, the subject of a verb that states the quantity, past a prepositional phrase that qualifies it
  ['Growth in the third quarter had been zero.', 'zero', { counted: 'Growth' }],
  ['Net income in the last quarter was 4.3bn rupees.', '4.3bn rupees', { counted: 'Net income' }],
  ['The price of crude is about 50% higher.', 'about 50%', { counted: 'price of crude' }],
  ['The firm won a contract worth about 27 million dollars.', 'about 27 million dollars', { counted: 'contract' }],
  ['It bought a stake in the brewer in a deal worth 25m euros.', '25m euros', { counted: 'deal' }],
  ['The total cost reported by consumers was $546m.', '$546m', { counted: null }],
  ['The number of failed banks so far this year now totals 32.', '32', { counted: null }],
  ['The airline is 85% owned by the government.', '85%', { counted: null }],
  ['He reached 100 in the second innings.', '100', { counted: null }],
];

describe('findNumbers: table of cases', () => {
  const groups: Array<[string, Case[]]> = [
    ['seed-like', SEED_LIKE], ['number forms', FORMS], ['ranges and vague counts', RANGES_AND_VAGUE], ['modifiers', MODIFIERS],
    ['changes', CHANGES], ['dates', DATES], ['events', EVENTS], ['ordinals, times, ages', ORDINALS_AND_OTHERS],
    ['counted phrases', COUNTED],
  ];
  for (const [name, cases] of groups) {
    describe(name, () => {
      it.each(cases)('%s → %s', (text, span, fields) => {
        const m = mention(text, span);
        expect(m, `no mention "${span}" in ${JSON.stringify(run(text).shown.map(n => n.text))}`).toBeDefined();
        expect(m).toMatchObject(fields);
      });
    });
  }
  describe('resolved against the publication date', () => {
    it.each(PUBLISHED)('%s → %s (published %s)', (text, span, publishedAt, fields) => {
      expect(mention(text, span, publishedAt)).toMatchObject(fields);
    });
  });
  it('ranges value close to the expected number', () => {
    expect(mention('Two-thirds of voters backed the plan.', 'Two-thirds')?.value).toBeCloseTo(0.6667, 3);
  });
});

/** [sentence, span text that must not be reported as a count (or at all, when `absent`)] */
const NOT_COUNTS: Array<[string, string, 'absent' | 'not-count']> = [
  ['The S&P 500 rose 0.2% on Friday.', '500', 'absent'],
  ['The Nasdaq 100 fell in late trade.', '100', 'absent'],
  ['New COVID-19 cases were reported on Monday.', '19', 'absent'],
  ['He was hurt in Game 6 of the series.', '6', 'absent'],
  ['The Galaxy S23 went on sale in March.', '23', 'absent'],
  ['The category 4 hurricane hit the coast.', '4', 'absent'],
  ['He lives at 49 Zorro Ranch Road in the hills.', '49', 'absent'],
  ['The store is open 24/7 all year.', '24', 'absent'],
  ['It was one of the best games of the season.', 'one', 'absent'],
  ['No one was hurt in the blast.', 'one', 'absent'],
  ['One of the guards was later arrested.', 'One', 'absent'],
  ['The second half was a disappointment.', 'half', 'absent'],
  ['The ceasefire was agreed in 2019 after long talks.', '2019', 'not-count'],
  ['A 48-year-old man was arrested at the scene.', '48-year-old', 'not-count'],
  ['The fire started at 6am in the kitchen.', '6am', 'not-count'],
  ['Call 020 7946 0958 for tickets.', '020 7946 0958', 'not-count'],
  ['She finished third in the race.', 'third', 'not-count'],
  ['The 1988 horror film was remade.', '1988', 'not-count'],
  ['An independent third-party review was ordered.', 'third', 'not-count'],
  ['They met at a Six Flags park in the summer.', 'Six', 'absent'],
  ['Five out of 10 voters backed it, and one in five adults did not.', 'one', 'absent'],
  ['He will not seek a third term in office.', 'a third', 'not-count'],
];

describe('findNumbers: things that are not counts', () => {
  it.each(NOT_COUNTS)('%s → %s is %s', (text, span, how) => {
    const found = run(text).shown.filter(n => n.text === span || n.text.includes(span));
    if (how === 'absent') expect(found.filter(n => n.text === span || n.kind === 'count' && n.value !== null && n.text.includes(span))).toEqual([]);
    else expect(found.every(n => n.kind !== 'count' && n.kind !== 'money' && n.kind !== 'measure')).toBe(true);
  });
  it('reports "2000 people" as a count but "in 2000" as a year', () => {
    expect(mention('In 2000 the town had 2000 people.', '2000')).toMatchObject({ kind: 'year' });
    expect(run('In 2000 the town had 2000 people.').shown.find(n => n.kind === 'count')).toMatchObject({ value: 2000, counted: 'people' });
  });
});

describe('findNumbers: the document as a whole', () => {
  const text = 'Talks fail after 3 days\nThe talks in Istanbul ended after four days. Over 200 militants were killed, officials said.\n\nA 😀 fan paid $5 for 2 tickets.';
  const { numbers, shown } = run(text);
  it('skips headings', () => {
    expect(shown.some(n => n.text === '3 days')).toBe(false);
  });
  it('numbers the mentions n1, n2... in text order, with no claim yet', () => {
    expect(numbers.map(n => n.id)).toEqual(numbers.map((_, i) => `n${i + 1}`));
    const starts = numbers.map(n => n.span.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(numbers.every(n => n.claimId === null && typeof n.ruleId === 'string' && n.ruleId.length > 0)).toBe(true);
  });
  it('gives the index of the sentence', () => {
    expect(shown.find(n => n.text === 'Over 200')?.sentence).toBe(shown.find(n => n.text === 'four days')!.sentence + 1);
  });
  it('uses UTF-16 offsets into the original text (after an emoji too)', () => {
    for (const n of numbers) expect(text.slice(n.span.start, n.span.end)).toBe(shown[numbers.indexOf(n)]!.text);
    expect(shown.find(n => n.text === '$5')).toMatchObject({ kind: 'money', unit: 'USD', value: 5 });
    expect(shown.find(n => n.text === '2')).toMatchObject({ counted: 'tickets' });
  });
  it('keeps spans in the original text when quotes are curly', () => {
    const t = '“We lost 12 soldiers,” the commander said.';
    expect(run(t).shown.find(n => n.text === '12')).toMatchObject({ counted: 'soldiers', eventClass: 'other' });
  });
  it('is empty for a document without prose', () => {
    expect(run('').numbers).toEqual([]);
  });
});

describe('lexSentence: the hand-written ASCII scan finds what the lexeme regex finds', () => {
  const LEXEME = /(\d+(?:[.,]\d+)*)|(\p{L}[\p{L}\p{M}]*(?:'\p{L}+)*)|(\S)/gu;
  const TEXTS = [
    "It's 1,200.5 km, not 1.2.3 or 7,,8 (or 9.)",
    "Naïve e\u0301te\u0301 rock'n'roll o'clock 'quoted' x'\u00e9 x'1",
    '\u212Aelvin ŁÓDŹ \u01C5emal 𝐀BC 😀x a\u00a0b\u2009c\u3000d\u200be \u0301f',
    'abc\u00e9 12\u00bd \u2167 \x1c\x7f end',
  ];
  it.each(TEXTS)('%j', text => {
    const doc = createDoc(text, { id: 'test' });
    const sentence = { index: 0, start: 0, end: doc.norm.length, paragraph: 0, heading: false, tokenStart: 0, tokenEnd: 0 };
    const expected = [...doc.norm.matchAll(LEXEME)].map(m => ({
      text: m[0], start: m.index, type: m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'punct',
      lower: m[0].toLowerCase(), cap: m[2] !== undefined && /\p{Lu}/u.test(m[0]),
    }));
    expect(lexSentence(doc, sentence).map(l => ({ text: l.text, start: l.start, type: l.type, lower: l.lower, cap: l.cap }))).toEqual(expected);
  });
});

describe('findNumbers: sentences are skipped only when they cannot hold a number', () => {
  it.each([
    ['TWENTY-THREE students passed.', 'TWENTY-THREE'],
    ['Élan signed Five new players.', 'Five'],
    ['The café reopened on MONDAY.', 'MONDAY'],
    ['Prices fell a Third.', 'a Third'],
  ])('%s → %s', (text, span) => {
    expect(run(text).shown.map(n => n.text)).toContain(span);
  });
});
