import type { Span } from '../../model.js';
import { isLower, isText, lexemeAt } from './lex.js';
import { isQuantityVerb, quantitySubject } from './findSubject.js';
import { table, type Candidate, type Lexeme } from './types.js';

export type EventClass = 'killed' | 'injured' | 'missing' | 'arrested' | 'displaced' | 'affected' | 'other';
/** What happened to the counted people or things. `forms` are lower-case word sequences. */
export interface EventRule { id: string; forms: readonly string[]; lemma: string; cls: EventClass }

export const EVENT_RULES: readonly EventRule[] = [
  { id: 'ev-embrace-martyrdom', forms: ['embraced martyrdom', 'embrace martyrdom', 'embracing martyrdom', 'embraces martyrdom', 'attained martyrdom', 'achieved martyrdom'], lemma: 'embrace martyrdom', cls: 'killed' },
  { id: 'ev-lose-lives', forms: ['lost their lives', 'lost his life', 'lost her life', 'lose their lives', 'losing their lives', 'have lost their lives'], lemma: 'lose life', cls: 'killed' },
  { id: 'ev-shot-dead', forms: ['shot dead', 'gunned down', 'shot and killed', 'stabbed to death', 'beaten to death', 'burned to death', 'burnt to death'], lemma: 'kill', cls: 'killed' },
  { id: 'ev-kill', forms: ['killed', 'kill', 'kills', 'killing', 'slain', 'murdered', 'massacred', 'executed', 'beheaded', 'martyred', 'assassinated'], lemma: 'kill', cls: 'killed' },
  { id: 'ev-die', forms: ['died', 'die', 'dies', 'dying', 'dead', 'perished', 'drowned', 'succumbed'], lemma: 'die', cls: 'killed' },
  { id: 'ev-injure', forms: ['injured', 'injure', 'injures', 'injuring', 'wounded', 'wounding', 'wound', 'hurt', 'maimed', 'hospitalised', 'hospitalized', 'suffered injuries', 'sustained injuries'], lemma: 'injure', cls: 'injured' },
  { id: 'ev-missing', forms: ['missing', 'went missing', 'gone missing', 'disappeared', 'unaccounted for'], lemma: 'go missing', cls: 'missing' },
  { id: 'ev-arrest', forms: ['arrested', 'arrest', 'arresting', 'detained', 'detain', 'detaining', 'taken into custody', 'apprehended', 'nabbed', 'jailed', 'imprisoned', 'rounded up', 'captured', 'held captive', 'taken hostage', 'abducted', 'kidnapped'], lemma: 'arrest', cls: 'arrested' },
  { id: 'ev-displace', forms: ['displaced', 'displacing', 'displace', 'evacuated', 'evacuating', 'evacuate', 'fled', 'flee', 'fleeing', 'forced from their homes', 'left homeless', 'made homeless', 'homeless', 'uprooted', 'relocated'], lemma: 'displace', cls: 'displaced' },
  { id: 'ev-affect', forms: ['affected', 'affecting', 'affect', 'impacted', 'affects'], lemma: 'affect', cls: 'affected' },
];

interface Compiled { rule: EventRule; words: string[] }
const INDEX = new Map<string, Compiled[]>();
for (const rule of EVENT_RULES) {
  for (const f of rule.forms) {
    const words = f.split(' ');
    const list = INDEX.get(words[0]!) ?? [];
    list.push({ rule, words });
    INDEX.set(words[0]!, list);
  }
}
for (const list of INDEX.values()) list.sort((a, b) => b.words.length - a.words.length);
/** Lemmas for the surface forms above, for the event's `lemma` when a specific verb matched. */
const LEMMA_OF: ReadonlyMap<string, string> = table({ evacuated: 'evacuate', evacuating: 'evacuate', evacuate: 'evacuate', fled: 'flee', flee: 'flee', fleeing: 'flee', detained: 'detain', wounded: 'wound', murdered: 'murder', executed: 'execute', perished: 'perish', drowned: 'drown' });

const AUX = new Set(['were', 'was', 'are', 'is', 'be', 'been', 'being', 'have', 'has', 'had', 'got', 'get', 'reportedly', 'allegedly', 'also', 'all', 'both', 'later', 'subsequently', 'then', 'were', 'remain', 'remained', 'remains', 'still', 'who', 'that', 'which', 'now', 'feared', 'believed', 'said', 'confirmed', 'reported', 'thought', 'to', 'have', 'so', 'far']);
/** Verbs that say nothing about what happened ("have", "be", "include"). */
/** Reporting verbs say who spoke, not what happened; what follows them is a clause, not their object. */
export const REPORTING_LEMMAS: ReadonlySet<string> = new Set(['say', 'tell', 'note', 'add', 'claim', 'state', 'report', 'confirm', 'deny', 'insist', 'explain', 'warn', 'argue', 'suggest', 'write', 'announce', 'believe', 'think', 'estimate', 'expect', 'accord', 'predict', 'forecast', 'project', 'show', 'indicate']);
const LIGHT_VERBS = new Set(['be', 'have', 'do', 'include', 'make', 'get', 'take', 'become', 'seem', 'remain', 'go', 'come', ...REPORTING_LEMMAS]);

export interface EventMatch { span: Span; lemma: string; cls: EventClass; ruleId: string }

function matchRule(lx: readonly Lexeme[], k: number): { c: Compiled; last: number } | null {
  const l = lx[k];
  if (!l || l.type !== 'word') return null;
  const list = INDEX.get(l.lower);
  if (!list) return null;
  for (const c of list) {
    let ok = true;
    for (let w = 1; w < c.words.length && ok; w++) ok = lexemeAt(lx, k + w)?.lower === c.words[w];
    if (ok) return { c, last: k + c.words.length - 1 };
  }
  return null;
}
const result = (lx: readonly Lexeme[], m: { c: Compiled; last: number }, k: number): EventMatch => ({
  span: { start: lx[k]!.start, end: lx[m.last]!.end },
  lemma: m.c.words.length === 1 ? (LEMMA_OF.get(m.c.words[0]!) ?? m.c.rule.lemma) : m.c.rule.lemma,
  cls: m.c.rule.cls,
  ruleId: m.c.rule.id,
});

/**
 * What happened to a counted group, from the same clause: the predicate after it ("were killed", "embraced
 * martyrdom", "have been evacuated"), a casualty word right after the number ("23 dead"), or the verb that takes
 * it as object ("killing 23 people", "arrested at least 12"). `first` is where the quantity's modifier starts,
 * `after` the first lexeme after the counted phrase (or the quantity).
 */
export function findEvent(lx: readonly Lexeme[], cand: Candidate, first: number, after: number): EventMatch | null {
  if (cand.kind === 'duration') return durationVerb(lx, cand, first);
  // amounts of money, percentages, measures and fractions take part in events too ("ordered to delay around $400
  // million", "served half his sentence"), but a verb of change before them gives their change, not an event
  const amount = cand.kind !== 'count';
  if (amount && !AMOUNT_KINDS.has(cand.kind) && !(cand.kind === 'other' && cand.fraction)) return null;
  // "fly-half", "first-half": a fraction joined to the word before it names a position or a period, not a share
  if (cand.fraction && isText(lx, cand.first - 1, '-') && lexemeAt(lx, cand.first)?.gap === false) return null;
  // "sales … exceeded 75 million": when the counted phrase is the subject, the verb before the number states the
  // quantity and says nothing about what happened
  const countedIsSubject = cand.counted !== null && cand.counted.end <= (lexemeAt(lx, first)?.start ?? 0);
  // subject: skip auxiliaries and adverbs, then a casualty phrase or a verb
  let k = after;
  let steps = 0;
  let relative = false;
  let auxiliary = false;
  let reported = false;
  while (k < lx.length && steps < 5) {
    const l = lx[k]!;
    // a closing quote mark around the counted phrase: '"three terrorists" were killed'
    if (k === after && l.type === 'punct' && QUOTE_MARKS.has(l.text) && !l.gap && lexemeAt(lx, k + 1)?.gap === true) {
      k++;
      steps++;
      continue;
    }
    // "seven more were injured", "25 others injured"
    const more = k === after && cand.counted === null && (l.lower === 'more' || l.lower === 'others');
    if (l.type === 'word' && (more || AUX.has(l.lower) || (l.pos === 'ADV' && l.lower !== 'not')) && !matchRule(lx, k)) {
      relative ||= RELATIVES.has(l.lower);
      // "Some 82% said he had set…": after a reporting verb comes the reported clause, whose verb is not theirs
      reported ||= REPORTING_LEMMAS.has(l.lemma);
      auxiliary ||= BE_HAVE.has(l.lower);
      k++;
      steps++;
      continue;
    }
    break;
  }
  const subj = matchRule(lx, k);
  if (subj) return result(lx, subj, k);
  // object: the verb right before the number ("killing over 200 militants")
  const v = first - 1;
  const obj = matchRule(lx, v);
  if (obj && obj.last === v) return result(lx, obj, v);
  // … or before the noun phrase the number is joined to ("injured a man and two women")
  const joinedObject = verbBeforeJoinedPhrase(lx, v);
  if (joinedObject) return joinedObject;
  // the agent of a passive: "were attended by thousands", "donated blood by the hundreds" (after an amount, "by" gives a difference)
  const passive = amount ? null : verbBeforeAgent(lx, v);
  if (passive) return passive;
  // "23 members of the group were killed": the predicate comes after the counted phrase's own "of" phrase
  const beyond = cand.counted !== null && !isVerbBefore(lx, v) ? afterOfPhrase(lx, k) : -1;
  if (beyond > k) {
    const late = matchRule(lx, beyond);
    if (late) return result(lx, late, beyond);
  }
  // "the death toll rose to 22", "the confirmed deaths are fourteen civilians": a casualty noun whose number this is
  const casualty = casualtyNounBefore(lx, first, cand.last);
  if (casualty) return casualty;
  if (cand.counted === null && !amount) {
    // "the 2.8 million who voted": a number standing for people is named by what the relative clause says they did
    if (isLower(lx, after, 'who')) return whoClauseVerb(lx, after + 1);
    return opensClause(lx, first) ? subjectVerb(lx, k, after) : null;
  }
  const predAt = beyond > k ? beyond : k;
  const pred = lx[predAt];
  // a relative clause's verb ("72 drums which were loaded …") and a participle that modifies the counted phrase
  // ("bushels of corn valued at …") are not its predicate; an amount's own verb needs an auxiliary or an "of"
  // phrase before it ("$2m was spent", "85% of voters backed"), as "$5m rose" is a change and "5% stake" no verb
  const modifier = predAt === after && pred !== undefined && pred.lower.endsWith('ed') && PARTICIPLE_PREPOSITIONS.has(lexemeAt(lx, predAt + 1)?.lower ?? '');
  const amountPredicate = !amount || ((beyond > k || auxiliary) && !isChangeVerb(pred));
  if (pred && !relative && !reported && !modifier && amountPredicate && isEventVerb(pred) && (k > after || pred.lower !== 'to')) {
    return { span: { start: pred.start, end: hyphenatedEnd(lx, predAt) }, lemma: pred.lemma, cls: 'other', ruleId: 'ev-subject-verb' };
  }
  const verb = lx[v];
  if (verb && verb.type === 'word' && verb.pos === 'VERB' && !LIGHT_VERBS.has(verb.lemma) && !(amount && (isChangeVerb(verb) || verb.lemma === 'see')) && !((amount || countedIsSubject) && isQuantityVerb(verb)) && !isAttributive(lx, v)) {
    return { span: { start: verb.start, end: verb.end }, lemma: verb.lemma, cls: 'other', ruleId: 'ev-object-verb' };
  }
  // "costs Africa between $5 and $7 billion", "paid him $2,000": the amount is the second object of the verb
  const indirect = lexemeAt(lx, v - 1);
  if (amount && verb !== undefined && isIndirectObject(verb)
    && indirect !== undefined && indirect.type === 'word' && indirect.pos === 'VERB' && !LIGHT_VERBS.has(indirect.lemma) && !isChangeVerb(indirect)) {
    return { span: { start: indirect.start, end: indirect.end }, lemma: indirect.lemma, cls: 'other', ruleId: 'ev-object-verb' };
  }
  return null;
}

const AMOUNT_KINDS = new Set(['money', 'percent', 'measure']);
/** Where a verb ends, over a hyphen the tokens split it at ("re-valued"). */
function hyphenatedEnd(lx: readonly Lexeme[], k: number): number {
  const hyphen = lx[k + 1];
  const rest = lx[k + 2];
  return hyphen?.text === '-' && !hyphen.gap && rest?.type === 'word' && !rest.gap ? rest.end : lx[k]!.end;
}
const BE_HAVE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had']);
/**
 * A participle after a determiner modifies the number like an adjective ("a seasonally adjusted 0.6 pct", "the
 * planned five pct"), and the end of a hyphenated compound is no verb ("off-the-run 9-1/4 pct bonds").
 */
function isAttributive(lx: readonly Lexeme[], v: number): boolean {
  const verb = lx[v]!;
  if (isText(lx, v - 1, '-') && !verb.gap) return true;
  let d = v - 1;
  if (lexemeAt(lx, d)?.pos === 'ADV') d--;
  // ("Deutsche Boerse's proposed £1.3bn offer": a possessive determines the phrase too)
  return ATTRIBUTIVE_DETERMINERS.has(lexemeAt(lx, d)?.lower ?? '') || (lexemeAt(lx, d)?.lower.endsWith("'s") ?? false);
}
const ATTRIBUTIVE_DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'your', 'this', 'that', 'these', 'those']);
const QUOTE_MARKS = new Set(['"', "'", '\u201d', '\u2019']);
/** Pronouns that can stand as an indirect object ("paid him"), and names ("costs Africa"). */
const INDIRECT_OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'you']);
const isIndirectObject = (l: Lexeme): boolean => (l.pos === 'PROPN' && l.cap) || (l.pos === 'PRON' && INDIRECT_OBJECT_PRONOUNS.has(l.lower));
const isChangeVerb = (l: Lexeme | undefined): boolean => l !== undefined && (CHANGE_LEMMAS.has(l.lemma) || CHANGE_FORMS.has(l.lower));

/**
 * Nouns that name what happened to the people a number counts when the number is their tally: the subject of a
 * verb that states it ("the death toll rose to 22", "deaths are fourteen civilians") or the noun it is "of"
 * ("a death toll of 22"). `forms` are lower-case word sequences, matched ending right before the verb.
 */
export const CASUALTY_NOUN_RULES: readonly EventRule[] = [
  { id: 'ev-death-toll', forms: ['death toll', 'death tolls', 'toll', 'deaths', 'fatalities', 'dead'], lemma: 'die', cls: 'killed' },
  { id: 'ev-injury-toll', forms: ['injuries', 'injured', 'wounded'], lemma: 'injure', cls: 'injured' },
  { id: 'ev-arrest-toll', forms: ['arrests'], lemma: 'arrest', cls: 'arrested' },
  { id: 'ev-casualty-toll', forms: ['casualties'], lemma: 'casualty', cls: 'other' },
];
/** The rules by their last word, longest form first. */
const CASUALTY_BY_LAST = new Map<string, Array<{ rule: EventRule; words: string[] }>>();
for (const rule of CASUALTY_NOUN_RULES) {
  for (const f of rule.forms) {
    const words = f.split(' ');
    const list = CASUALTY_BY_LAST.get(words[words.length - 1]!) ?? [];
    list.push({ rule, words });
    CASUALTY_BY_LAST.set(words[words.length - 1]!, list);
  }
}
for (const list of CASUALTY_BY_LAST.values()) list.sort((a, b) => b.words.length - a.words.length);

function casualtyNounEndingAt(lx: readonly Lexeme[], last: number): EventMatch | null {
  const list = CASUALTY_BY_LAST.get(lexemeAt(lx, last)?.lower ?? '');
  if (!list) return null;
  for (const { rule, words } of list) {
    const from = last - words.length + 1;
    let ok = from >= 0;
    for (let w = 0; w < words.length && ok; w++) ok = lx[from + w]!.lower === words[w];
    if (ok) return { span: { start: lx[from]!.start, end: lx[last]!.end }, lemma: rule.lemma, cls: rule.cls, ruleId: rule.id };
  }
  return null;
}

function casualtyNounBefore(lx: readonly Lexeme[], first: number, last: number): EventMatch | null {
  if (isLower(lx, first - 1, 'of')) return casualtyNounEndingAt(lx, first - 2);
  const subject = quantitySubject(lx, first, last);
  return subject ? casualtyNounEndingAt(lx, subject.last) : null;
}

/** "Trapped for over 30 hours", "jailed for ten years": a duration after "for" is how long the verb before it lasted. */
function durationVerb(lx: readonly Lexeme[], cand: Candidate, first: number): EventMatch | null {
  // a duration that modifies a noun ("called for 24-hour drinking", "pay for three years' care") is the object of "for"
  if (cand.hyphenated || isText(lx, cand.last + 1, "'")) return null;
  // "arrived at the store six minutes later", "have negotiated the deal over the last four years": the time adverbial
  // belongs to the verb of its clause
  if (RELATIVE_TIME_WORDS.has(lexemeAt(lx, cand.last + 1)?.lower ?? '')) return clauseVerbBefore(lx, first - 1);
  if (SPAN_WORDS.has(lexemeAt(lx, first - 1)?.lower ?? '') && isLower(lx, first - 2, 'the') && SPAN_PREPOSITIONS.has(lexemeAt(lx, first - 3)?.lower ?? '')) return clauseVerbBefore(lx, first - 4);
  if (!isLower(lx, first - 1, 'for')) return null;
  let v = first - 2;
  // "detain suspects for up to 30 minutes": a plural the tagger read as a verb, after the verb it is the object of
  if (lexemeAt(lx, v - 1)?.type === 'word' && lx[v - 1]!.pos === 'VERB' && /[^s]s$/.test(lexemeAt(lx, v)?.lower ?? '')) v--;
  const m = matchRule(lx, v);
  if (m && m.last === v) return result(lx, m, v);
  const verb = lx[v];
  if (!verb || !isEventVerb(verb) || REPORTING_LEMMAS.has(verb.lemma)) return null;
  return { span: { start: verb.start, end: verb.end }, lemma: verb.lemma, cls: 'other', ruleId: 'ev-duration-for' };
}

const RELATIVE_TIME_WORDS = new Set(['later', 'earlier']);
const SPAN_WORDS = new Set(['last', 'past']);
const SPAN_PREPOSITIONS = new Set(['over', 'in', 'during', 'for']);
/** Words that end the clause when looking back for its verb. */
const CLAUSE_BOUNDARIES = new Set(['and', 'but', 'or', 'who', 'which', 'that', 'while', 'when', 'because', 'after', 'before', 'since', 'as']);
/** The nearest verb at or before lexeme `from` within its clause (six words back at most, past objects and prepositions). */
function clauseVerbBefore(lx: readonly Lexeme[], from: number): EventMatch | null {
  for (let v = from; v >= 0 && v > from - 7; v--) {
    const l = lx[v]!;
    if (l.type !== 'word' || CLAUSE_BOUNDARIES.has(l.lower)) return null;
    const m = matchRule(lx, v);
    if (m && m.last <= from) return result(lx, m, v);
    if (l.pos === 'VERB') {
      if (!isEventVerb(l) || REPORTING_LEMMAS.has(l.lemma) || isAttributive(lx, v)) return null;
      return { span: { start: l.start, end: l.end }, lemma: l.lemma, cls: 'other', ruleId: 'ev-duration-clause' };
    }
  }
  return null;
}

/** The verb of a "who" clause after a number, past its auxiliaries ("the 2.8 million who voted", "40 who had fled"). */
function whoClauseVerb(lx: readonly Lexeme[], from: number): EventMatch | null {
  let j = from;
  for (let steps = 0; steps < 3 && lexemeAt(lx, j)?.type === 'word' && (AUX.has(lx[j]!.lower) || lx[j]!.pos === 'ADV') && !matchRule(lx, j); steps++) j++;
  const m = matchRule(lx, j);
  if (m) return result(lx, m, j);
  const verb = lx[j];
  if (!verb || !isEventVerb(verb) || verb.lower.endsWith('ing')) return null;
  return { span: { start: verb.start, end: verb.end }, lemma: verb.lemma, cls: 'other', ruleId: 'ev-who-clause' };
}

/** An event verb before "a man and" when the number follows: "he injured a man and two women". */
function verbBeforeJoinedPhrase(lx: readonly Lexeme[], v: number): EventMatch | null {
  if (!isLower(lx, v, 'and') && !isLower(lx, v, 'or')) return null;
  for (let k = v - 1; k >= 0 && k >= v - 5; k--) {
    const l = lx[k]!;
    const m = matchRule(lx, k);
    if (m && m.last === k) return result(lx, m, k);
    if (l.type !== 'word' || !NOUN_PHRASE_POS.has(l.pos)) return null;
  }
  return null;
}

/** Verbs of change, after which "by" and a number give the size of the change. */
const CHANGE_LEMMAS = new Set(['rise', 'fall', 'drop', 'increase', 'decrease', 'raise', 'cut', 'grow', 'decline', 'jump', 'climb', 'gain',
  'lose', 'slip', 'slide', 'dip', 'plunge', 'soar', 'surge', 'add', 'reduce', 'lower', 'boost', 'widen', 'narrow', 'shrink', 'expand',
  'exceed', 'outnumber', 'trail', 'lead', 'beat', 'win', 'edge', 'tumble', 'rally', 'ease', 'advance', 'retreat', 'lift', 'trim', 'slash', 'extend',
  'shed', 'improve', 'sink', 'slump', 'rebound', 'recover', 'dive', 'halve', 'double', 'triple', 'strengthen', 'weaken', 'firm', 'appreciate', 'depreciate']);
/** Forms of those verbs the tagger may read as nouns ("unemployed rose by 15,608"). */
const CHANGE_FORMS = new Set(['rose', 'risen', 'fell', 'fallen', 'grew', 'grown', 'rises', 'falls', 'drops', 'gains', 'cuts']);
/** The passive verb whose agent the number is: "were attended by thousands", "donated blood by the hundreds". */
function verbBeforeAgent(lx: readonly Lexeme[], v: number): EventMatch | null {
  let k = v;
  if (isLower(lx, k, 'the')) k--;
  if (!isLower(lx, k, 'by')) return null;
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    const l = lx[j]!;
    if (l.type !== 'word') return null;
    if (CHANGE_LEMMAS.has(l.lemma) || CHANGE_FORMS.has(l.lower)) return null;
    const m = matchRule(lx, j);
    if (m && m.last < k) return result(lx, m, j);
    // ("dropped by 13", "raised by 190,000": after a verb of change, "by" gives the difference, not an agent)
    if (isEventVerb(l) && /ed$/.test(l.lower) && !CHANGE_LEMMAS.has(l.lemma)) return { span: { start: l.start, end: l.end }, lemma: l.lemma, cls: 'other', ruleId: 'ev-passive-agent' };
    if (!NOUN_PHRASE_POS.has(l.pos)) return null;
  }
  return null;
}

/** A verb (not one of reporting) right before the number takes it as object: "holds some 2.9 million of its shares". */
const isVerbBefore = (lx: readonly Lexeme[], v: number): boolean => lexemeAt(lx, v)?.type === 'word' && (lx[v]!.pos === 'VERB' || lx[v]!.pos === 'AUX') && !REPORTING_LEMMAS.has(lx[v]!.lemma);
const isEventVerb = (l: Lexeme): boolean => l.type === 'word' && l.pos === 'VERB' && !LIGHT_VERBS.has(l.lemma) && !l.lower.endsWith("'s");

/** Words after which a number opens its clause and so is its subject ("…, and 27 ratified it"). */
const CLAUSE_OPENERS = new Set([',', ';', ':', '(', 'and', 'but', 'while', 'whereas', 'when', 'where', 'that', 'as', 'after']);
/** Focus words that may stand between the clause opening and its number: "only 27 have ratified". */
const FOCUS_WORDS = new Set(['only', 'just', 'another', 'all', 'even']);
function opensClause(lx: readonly Lexeme[], first: number): boolean {
  let before = lexemeAt(lx, first - 1);
  if (before && FOCUS_WORDS.has(before.lower)) before = lexemeAt(lx, first - 2);
  return before === undefined || CLAUSE_OPENERS.has(before.lower);
}

/** A number standing alone as a subject: "About 2.8 million voted", "two were later released". */
function subjectVerb(lx: readonly Lexeme[], k: number, after: number): EventMatch | null {
  const pred = lx[k];
  if (!pred || !isEventVerb(pred) || pred.lower.endsWith('ing') || (k === after && pred.lower === 'to')) return null;
  return { span: { start: pred.start, end: pred.end }, lemma: pred.lemma, cls: 'other', ruleId: 'ev-subject-verb' };
}

/**
 * Past an "of" phrase that completes the counted noun ("members of the House of Representatives"), or a noun
 * phrase joined to it by "and", and the auxiliaries after it: the index of the predicate, or -1 when a verb, a clause boundary or the end comes first.
 */
const NOUN_PHRASE_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const RELATIVES = new Set(['who', 'that', 'which', 'whose', 'whom']);
function afterOfPhrase(lx: readonly Lexeme[], k: number): number {
  const link = lexemeAt(lx, k)?.lower;
  // "two women and a man were injured": a second noun phrase joined to the counted one shares its predicate
  // (a number there starts a count of its own, with its own predicate)
  const joined = (link === 'and' || link === 'or') && NOUN_PHRASE_POS.has(lexemeAt(lx, k + 1)?.pos ?? '') && lx[k + 1]!.type === 'word' && lx[k + 1]!.pos !== 'NUM';
  if (link !== 'of' && !joined) return -1;
  let j = k + 1;
  const limit = Math.min(lx.length, k + 8);
  while (j < limit && lx[j]!.type !== 'punct' && (NOUN_PHRASE_POS.has(lx[j]!.pos) || lx[j]!.lower === 'of') && !AUX.has(lx[j]!.lower)) j++;
  if (j === k + 1 || j >= limit || RELATIVES.has(lx[j]!.lower)) return -1;
  let auxiliaries = 0;
  while (j < lx.length && auxiliaries < 4 && lx[j]!.type === 'word' && (AUX.has(lx[j]!.lower) || lx[j]!.pos === 'ADV') && !matchRule(lx, j)) { j++; auxiliaries++; }
  const verb = lx[j];
  if (!verb || verb.type !== 'word') return -1;
  // a participle that modifies the phrase ("bushels of corn valued at …", "a warrant enabling …") is no predicate
  if (auxiliaries === 0 && (verb.lower.endsWith('ing') || /ed$/.test(verb.lower) && PARTICIPLE_PREPOSITIONS.has(lexemeAt(lx, j + 1)?.lower ?? ''))) return -1;
  return j;
}
/** After these a past participle modifies the phrase before it ("valued at", "created by"); a past tense would not take them so. */
const PARTICIPLE_PREPOSITIONS = new Set(['at', 'by']);
