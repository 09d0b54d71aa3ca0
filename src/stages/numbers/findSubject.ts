import type { Lexeme } from './types.js';
import { isLower, isText, lexemeAt } from './lex.js';

/**
 * Verbs that state a quantity of their subject: the number after them is how many or how much the subject is
 * ("death tolls exceeded 100", "sales reached $5bn", "the toll stands at 22"). `to` marks verbs of change, which
 * state it only through "to" ("the death toll rose to 22"; "profits rose 5%" gives the change, not the level).
 */
interface QuantityVerbRule { id: string; lemmas: readonly string[]; through: 'to' | 'at' | null }
export const QUANTITY_VERB_RULES: readonly QuantityVerbRule[] = [
  { id: 'subj-reach', lemmas: ['reach', 'exceed', 'top', 'surpass', 'total', 'number', 'hit', 'near', 'average', 'cross'], through: null },
  { id: 'subj-share', lemmas: ['represent', 'comprise', 'constitute', 'equal'], through: null },
  { id: 'subj-be', lemmas: ['be'], through: null },
  { id: 'subj-stand-at', lemmas: ['stand', 'peak'], through: 'at' },
  { id: 'subj-rise-to', lemmas: ['rise', 'climb', 'increase', 'jump', 'grow', 'fall', 'drop', 'decline', 'decrease', 'mount', 'soar', 'swell', 'reach'], through: 'to' },
];
const VERB_RULE = new Map<string, Map<string, string>>();
for (const rule of QUANTITY_VERB_RULES) {
  for (const lemma of rule.lemmas) {
    const byLink = VERB_RULE.get(lemma) ?? new Map<string, string>();
    byLink.set(rule.through ?? '', rule.id);
    VERB_RULE.set(lemma, byLink);
  }
}
/** Past forms the tagger may lemmatise as themselves or read as nouns. */
const FORM_LEMMA: ReadonlyMap<string, string> = new Map([['rose', 'rise'], ['risen', 'rise'], ['rising', 'rise'], ['fell', 'fall'], ['fallen', 'fall'], ['grew', 'grow'], ['stood', 'stand'], ['hit', 'hit']]);
/** Auxiliaries and adverbs between a subject and its verb ("has now risen", "had already exceeded"). */
const BETWEEN = new Set(['has', 'have', 'had', 'is', 'was', 'are', 'were', 'been', 'be', 'will', 'would', 'could', 'may', 'might', 'now', 'already', 'since', 'later', 'then', 'also', 'reportedly', 'officially']);
const NOUN_POS = new Set(['NOUN', 'PROPN', 'ADJ']);
/** Nouns that measure a phrase rather than name it ("a total of", "the number of"). */
const MEASURE_HEADS = new Set(['total', 'sum', 'amount', 'number', 'figure', 'tally', 'count', 'level', 'rate']);

export interface QuantitySubject { first: number; last: number; ruleId: string }

/**
 * The subject of a verb that states the quantity starting at lexeme `first` ("Some estimated death tolls, provided
 * anonymously by officials, exceeded 100": "estimated death tolls"): a common-noun phrase right before the verb,
 * or before a parenthetical between commas. Null for a pronoun or a name, and for a measuring noun ("the total").
 */
export function quantitySubject(lx: readonly Lexeme[], first: number, last: number): QuantitySubject | null {
  // "The company is 85% owned by the state": a number before a participle says how far, not how much the subject is
  const next = lexemeAt(lx, last + 1);
  if (next && ((next.text === '-' && !next.gap) || (next.pos === 'VERB' && /(?:ed|en)$/.test(next.lower)))) return null;
  let j = first - 1;
  let ruleId: string | undefined;
  const link = lexemeAt(lx, j)?.lower ?? '';
  if (link === 'worth' || link === 'totalling' || link === 'totaling') {
    // "economies worth US$3.4 trillion", "rebates for exporters totalling 420bn yuan": the phrase before says what is
    // worth it (the adjective "worth" goes with the noun right before it, the participle with the head of the phrase)
    ruleId = link === 'worth' ? 'subj-worth' : 'subj-totalling';
    j--;
  } else {
    const through = link === 'to' || link === 'at' ? link : '';
    if (through) j--;
    const verb = lexemeAt(lx, j);
    if (!verb || verb.type !== 'word' || (verb.pos !== 'VERB' && verb.pos !== 'AUX' && !FORM_LEMMA.has(verb.lower))) return null;
    ruleId = VERB_RULE.get(FORM_LEMMA.get(verb.lower) ?? verb.lemma)?.get(through);
    if (ruleId === undefined) return null;
    j--;
    for (let steps = 0; steps < 3 && j >= 0 && lx[j]!.type === 'word' && BETWEEN.has(lx[j]!.lower); steps++) j--;
  }
  // "death tolls, provided anonymously by officials to journalists, exceeded 100"
  if (isText(lx, j, ',')) {
    let open = j - 1;
    while (open > j - 12 && open >= 0 && lx[open]!.text !== ',' && lx[open]!.type !== 'punct') open--;
    if (open < 0 || !isText(lx, open, ',')) return null;
    j = open - 1;
  }
  const head = lexemeAt(lx, j);
  // (a sentence's first word is read as a name for its capital: "Sales reached $5bn")
  if (!head || head.type !== 'word' || (head.pos !== 'NOUN' && !(head.pos === 'PROPN' && j === 0)) || MEASURE_HEADS.has(head.lower)) return null;
  let start = phraseStart(lx, j);
  // the noun right before the verb may end a prepositional phrase that only qualifies the subject ("growth in the
  // third quarter had been zero", "net income in the last quarter was"): the subject comes before the preposition;
  // an "of" phrase completes it instead ("the price of crude", "sales of her books")
  // ("worth" attaches to the noun right before it: "37.5% of the brewer in a deal worth 4.66bn rupees")
  for (let hops = 0; hops < 3; hops++) {
    let b = start - 1;
    while (b >= 0 && PHRASE_OPENERS.has(lx[b]!.pos)) b--;
    const preposition = lexemeAt(lx, b);
    const before = lexemeAt(lx, b - 1);
    if (!preposition || preposition.pos !== 'ADP' || !before || before.type !== 'word') break;
    const of = isLower(lx, b, 'of');
    if (ruleId === 'subj-worth' && !of) break;
    if (before.pos !== 'NOUN' && before.pos !== 'PROPN') return of ? { first: start, last: j, ruleId } : null;
    if (!of) j = b - 1;
    start = phraseStart(lx, b - 1);
  }
  // "so far this year now totals 32": a time phrase says when
  if (TIME_HEADS.has(lx[j]!.lower) && TIME_DETERMINERS.has(lexemeAt(lx, start - 1)?.lower ?? '')) return null;
  return { first: start, last: j, ruleId };
}

const PHRASE_OPENERS = new Set(['DET', 'NUM', 'PRON', 'ADJ', 'ADV']);
const TIME_HEADS = new Set(['year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'quarter', 'time']);
const TIME_DETERMINERS = new Set(['this', 'last', 'next', 'that', 'each', 'every']);
function phraseStart(lx: readonly Lexeme[], head: number): number {
  let start = head;
  while (start - 1 >= 0 && start > head - 4 && lx[start - 1]!.type === 'word' && NOUN_POS.has(lx[start - 1]!.pos)) start--;
  return start;
}

/** Whether a verb states a quantity rather than says what happened to it ("reached", "exceeded", "totalled"). */
export const isQuantityVerb = (l: Lexeme): boolean => VERB_RULE.has(FORM_LEMMA.get(l.lower) ?? l.lemma);
