import type { Doc, Entity, EntityType, Span, Token } from '../model.js';
import { isSpace } from './segment.js';
import { FEMALE_MARKERS, GEOGRAPHIC_WORDS, HONORIFICS, MULTIWORD_PLACES, NON_PERSON_WORDS, ORGANIZATION_WORDS, PLACES, TITLE_HEADS } from '../rules/names.js';

/** Lowercase words allowed inside a proper-noun run when capitalised words stand on both sides. */
const RUN_CONNECTORS = new Set(['of', 'for', 'and', 'the', 'de', 'al', 'bin', 'van', 'von', 'der', 'la', 'del', 'da', 'du', 'le', '&', 'dela', 'di', 'dos', 'das', 'den', 'ter']);
/** Lowercase particles inside a person's name: "Arnel dela Vega", "Ursula von der Leyen". */
const NAME_PARTICLES = new Set(['de', 'dela', 'del', 'da', 'di', 'dos', 'das', 'du', 'van', 'von', 'der', 'den', 'ter', 'la', 'le', 'bin', 'al']);
const NOT_NAME_START_POS = new Set(['DET', 'ADV', 'ADP', 'PRON', 'CCONJ', 'SCONJ', 'AUX', 'VERB', 'PART', 'INTJ', 'NUM', 'PUNCT', 'SYM']);
const MONTHS_AND_DAYS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

export interface NameRun {
  start: number;
  end: number;
  tokens: Token[];
  title: string[];
  name: string[];
  female: boolean;
  /** a lowercase title right before the name: "AU trade commissioner", "prosecutor" */
  lowerTitle: string;
  /** "in Maidan Wardak", "Kandahar province": a place by its context */
  placeContext: boolean;
}

/** The endings of a website's name: "Znak.com". */
export const DOMAIN_ENDINGS = new Set(['com', 'org', 'net', 'gov', 'edu', 'ru', 'uk', 'eu', 'info', 'news', 'io', 'de', 'fr', 'pk', 'in', 'au', 'ca']);
const isDomainName = (run: NameRun): boolean => run.tokens.length >= 3 && run.tokens.at(-2)?.text === '.' && DOMAIN_ENDINGS.has(run.tokens.at(-1)?.lower ?? '');

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'to', 'into', 'across', 'outside', 'inside', 'towards', 'toward']);

const TITLE_WORD_POS = new Set(['NOUN', 'ADJ', 'PROPN']);

/**
 * Where the lowercase title words before a name start, a title head last: "AU trade and industry
 * commissioner"; `runStart` when there are none.
 */
function lowercaseTitleStart(tokens: readonly Token[], runStart: number, floor: number): number {
  const head = runStart > 0 ? tokens[runStart - 1] : undefined;
  if (!head || !TITLE_HEADS.has(head.lower) || startsUppercase(head.text)) return runStart;
  let k = runStart - 1;
  while (k - 1 >= floor && k > runStart - 7) {
    const t = tokens[k - 1] as Token;
    if (!TITLE_WORD_POS.has(t.pos) && !(t.lower === 'and' && k - 2 >= floor)) break;
    k--;
  }
  return k;
}

/** `/^\p{Lu}/u`, without the regex for ASCII. */
function startsUppercase(text: string): boolean {
  if (text.length === 0) return false;
  const c = text.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return /^\p{Lu}/u.test(text);
}

/** An uppercase letter first (and so a letter in it). */
const isCapitalised = (t: Token): boolean => startsUppercase(t.text);
const isAcronym = (t: Token): boolean => /^[\p{Lu}][\p{Lu}\d&.-]{1,9}$/u.test(t.text) && /\p{Lu}.*\p{Lu}/u.test(t.text);

function canStartRun(t: Token, sentenceStart: boolean): boolean {
  if (!isCapitalised(t)) return false;
  if (MONTHS_AND_DAYS.has(t.lower)) return false;
  if (NOT_NAME_START_POS.has(t.pos) && !TITLE_HEADS.has(t.lower) && !isAcronym(t)) return false;
  if (sentenceStart && t.pos !== 'PROPN' && !TITLE_HEADS.has(t.lower) && !isAcronym(t) && !PLACES.has(t.lower)) return false;
  return true;
}

/**
 * Where the name starts in a run's words, after its title ("Federal Information Minister" | "Attaullah
 * Tarar"); 0 when it has no title.
 */
function nameStartOf(words: readonly string[]): number {
  let lastHead = -1;
  for (let i = 0; i < words.length - 1; i++) if (TITLE_HEADS.has((words[i] as string).toLowerCase())) lastHead = i;
  if (lastHead < 0) return 0;
  const restLength = words.length - lastHead - 1;
  const first = (words[lastHead + 1] as string).toLowerCase();
  if ((first === 'of' || first === 'for') && restLength >= 3) {
    // "Minister for Information and Broadcasting Attaullah Tarar": the portfolio belongs to the title
    const nameLength = restLength >= 4 && /^[\p{Lu}]\.?$/u.test(words[words.length - 2] as string) ? 3 : 2;
    return words.length - nameLength;
  }
  return lastHead + 1;
}

/** The texts of tokens [from, to). */
function textsOf(tokens: readonly Token[], from: number, to: number): string[] {
  const texts: string[] = [];
  for (let k = from; k < to; k++) texts.push((tokens[k] as Token).text);
  return texts;
}

const neverSkip = (): boolean => false;

export function findNameRuns(doc: Pick<Doc, 'tokens' | 'sentences' | 'norm'>, skip: (t: Token) => boolean = neverSkip): NameRun[] {
  const runs: NameRun[] = [];
  const { tokens } = doc;
  const count = tokens.length;
  let i = 0;
  while (i < count) {
    const t = tokens[i] as Token;
    // (canStartRun's first test, before the sentence is looked up: most tokens fail it)
    if (!isCapitalised(t)) { i++; continue; }
    const sentence = doc.sentences[t.sentence];
    if (!sentence || sentence.heading || skip(t) || !canStartRun(t, i === sentence.tokenStart)) { i++; continue; }
    const j = runEnd(tokens, i, skip);
    const last = tokens[j - 1] as Token;
    // a title with no name ("Vice President", "Senate Minority Leader") points at a person but is not one
    if (TITLE_HEADS.has(last.lower) && !isAcronym(last)) { i = j; continue; }
    if (j === i + 1 && t.pos === 'ADJ') { i = j; continue; }      // a demonym: "Afghan", "Pakistani"
    const runTokens = tokens.slice(i, j);
    // (title and name are slices of one array: arrays of one kind, empty or not, for the code that reads them)
    const words = textsOf(tokens, i, j);
    const nameStart = nameStartOf(words);
    const title = words.slice(0, nameStart);
    const name = nameStart === 0 ? words : words.slice(nameStart);
    const lowerTitle = textsOf(tokens, title.length ? i : lowercaseTitleStart(tokens, i, sentence.tokenStart), i);
    const female = title.some(isFemaleMarker) || lowerTitle.some(isFemaleMarker);
    const before = i > 0 ? (tokens[i - 1] as Token).lower : '';
    const after = j < count ? (tokens[j] as Token).lower : '';
    const placeContext = GEOGRAPHIC_WORDS.has(after) || (PLACE_PREPOSITIONS.has(before) && !lowerTitle.length);
    runs.push({ start: t.start, end: last.end, tokens: runTokens, title, name, female, lowerTitle: lowerTitle.join(' '), placeContext });
    i = j;
  }
  return runs;
}

const isFemaleMarker = (w: string): boolean => FEMALE_MARKERS.has(w.toLowerCase());
const isInstitutional = (t: Token): boolean => TITLE_HEADS.has(t.lower) || ORGANIZATION_WORDS.has(t.lower);

/** One past the last token of the proper-noun run that starts at token `i`. */
function runEnd(tokens: readonly Token[], i: number, skip: (t: Token) => boolean): number {
  const count = tokens.length;
  const sentence = (tokens[i] as Token).sentence;
  let j = i + 1;
  while (j < count) {
    const u = tokens[j] as Token;
    if (u.sentence !== sentence || skip(u)) break;
    const prev = tokens[j - 1] as Token;
    if (u.start > prev.end + 1) break;
    const verbal = u.pos === 'VERB' || u.pos === 'AUX';
    // a capitalised "verb" inside a name is a surname the tagger misread: "Yvette Cooper", "Tim Cook"
    if (isCapitalised(u) && !MONTHS_AND_DAYS.has(u.lower) && (!verbal || (isCapitalised(prev) && prev.pos === 'PROPN'))) { j++; continue; }
    if (u.text === '.' && isSingleUppercase(prev.text)) { j++; continue; }
    const next = j + 1 < count ? tokens[j + 1] as Token : undefined;
    // "Znak.com", "Politico.eu": a website's name runs on over its domain
    if (u.text === '.' && next && DOMAIN_ENDINGS.has(next.lower) && u.start === prev.end && next.start === u.end) { j += 2; break; }
    if (RUN_CONNECTORS.has(u.lower) && next && isCapitalised(next) && next.sentence === sentence && !MONTHS_AND_DAYS.has(next.lower) && connectorJoins(tokens, i, j)) { j++; continue; }
    if (u.text === '-' && next && isCapitalised(next) && u.start === prev.end) { j++; continue; }
    break;
  }
  // a run never ends on a connector
  while (j > i + 1 && RUN_CONNECTORS.has((tokens[j - 1] as Token).lower)) j--;
  return j;
}

/** `/^[\p{Lu}]$/u`: one uppercase letter ("J" of "J. Smith"). */
function isSingleUppercase(text: string): boolean {
  if (text.length === 1) return startsUppercase(text);
  return text.length === 2 && /^[\p{Lu}]$/u.test(text);
}

/**
 * Whether connector token `j` joins the run [i, j) to the capitalised word after it: "and" and "&"
 * only inside an institution's name ("Bank of England and Wales"); "of" and "for" not after a full
 * name ("Yvette Cooper of the Labour Party", "Patrick Crusius of Allen"); the others always.
 */
function connectorJoins(tokens: readonly Token[], i: number, j: number): boolean {
  const connector = (tokens[j] as Token).lower;
  if (connector === 'and' || connector === '&') {
    for (let k = i; k < j; k++) if (isInstitutional(tokens[k] as Token)) return true;
    return false;
  }
  if (connector !== 'of' && connector !== 'for') return true;
  // the words since the last connector, title or institution word
  let since = j;
  while (since > i) {
    const r = tokens[since - 1] as Token;
    if (RUN_CONNECTORS.has(r.lower) || isInstitutional(r)) break;
    since--;
  }
  if (j - since < 2) return true;
  for (let k = since; k < j; k++) {
    const r = tokens[k] as Token;
    if (!isCapitalised(r) || GEOGRAPHIC_WORDS.has(r.lower) || PLACES.has(r.lower)) return true;
  }
  return false;
}

/** The ending of a word for a people or a group: "Afghans", "Pakistanis", "Chinese". */
const GROUP_ENDING = /(?:ans|ese|ians|is|ists)$/;

export function classifyRun(run: NameRun): EntityType {
  if (isDomainName(run)) return 'organization';
  const { tokens } = run;
  if (run.title.length && run.title.some(w => TITLE_HEADS.has(w.toLowerCase()) || HONORIFICS.has(w.toLowerCase()))) return 'person';
  const organization = someLowerIn(tokens, ORGANIZATION_WORDS);
  if (run.lowerTitle && !organization) return 'person';
  if (run.placeContext && !organization) return 'place';
  if (organization) return 'organization';
  if (tokens.length === 1 && tokens[0] && isAcronym(tokens[0])) return 'organization';
  const joined = lowerJoined(tokens);
  if (PLACES.has(joined) || MULTIWORD_PLACES.has(joined) || (tokens.length <= 2 && everyLowerIn(tokens, PLACES))) return 'place';
  if (someLowerIn(tokens, GEOGRAPHIC_WORDS)) return 'place';
  if (someLowerIn(tokens, NON_PERSON_WORDS)) return 'unknown';
  if (tokens.length === 1 && tokens[0]?.pos !== 'PROPN' && GROUP_ENDING.test(joined)) return 'group';
  if (run.name.length >= 2 && run.name.length <= 4 && tokens.every(isNameWord)) return 'person';
  return 'unknown';
}

/** (Loops over the run's tokens rather than over an array of their lower cases: no array to build.) */
function someLowerIn(tokens: readonly Token[], words: ReadonlySet<string>): boolean {
  for (const t of tokens) if (words.has(t.lower)) return true;
  return false;
}

function everyLowerIn(tokens: readonly Token[], words: ReadonlySet<string>): boolean {
  for (const t of tokens) if (!words.has(t.lower)) return false;
  return true;
}

/** The tokens' texts joined by spaces. */
function textJoined(tokens: readonly Token[]): string {
  let joined = '';
  for (let k = 0; k < tokens.length; k++) joined += k === 0 ? (tokens[k] as Token).text : ' ' + (tokens[k] as Token).text;
  return joined;
}

/** The tokens' lower cases joined by spaces. */
function lowerJoined(tokens: readonly Token[]): string {
  let joined = '';
  for (let k = 0; k < tokens.length; k++) joined += k === 0 ? (tokens[k] as Token).lower : ' ' + (tokens[k] as Token).lower;
  return joined;
}

/** A word of a person's name: a proper noun, a capitalised word, or a particle inside the run ("Ursula von der Leyen"). */
function isNameWord(t: Token, i: number, run: readonly Token[]): boolean {
  return t.pos === 'PROPN' || isCapitalised(t) || (i > 0 && i < run.length - 1 && NAME_PARTICLES.has(t.lower));
}

/** "One news site, Znak.com": a description before the name, within its sentence (a full stop and a space end it). */
const descriptionBefore = /(?:^|[\s(])((?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|One|one)\s(?:[^,;".]|\.(?!\s)){3,70}),\s$/;

/** descriptionBefore's match in the 80 characters before `start`: none unless a comma and a space come right before it. */
function describedBefore(text: string, start: number): RegExpExecArray | null {
  if (start < 2 || text.charCodeAt(start - 2) !== 0x2c || !isSpace(text.charCodeAt(start - 1))) return null;
  return descriptionBefore.exec(text.slice(Math.max(0, start - 80), start));
}

/** "Znak. com" as words joined → "Znak.com" */
const DOMAIN_TAIL = new RegExp(`\\.\\s+(${[...DOMAIN_ENDINGS].join('|')})$`, 'i');

/** Words joined by spaces, written as they stand in text: "J. Smith", "Znak.com" and, with `hyphens`, "Abu-Bakr". */
function tidyName(words: string, hyphens: boolean): string {
  const dotted = words.includes('.');
  let text = dotted ? words.replace(/\s+\./g, '.') : words;
  if (hyphens && text.includes('-')) text = text.replace(/\s*-\s*/g, '-');
  return dotted ? text.replace(DOMAIN_TAIL, '.$1') : text;
}

/**
 * People and organisations from proper-noun runs and titles. A one-word run that is the surname
 * of a person already seen ("Tarar"), or a title + surname ("Information Minister Tarar"), is an alias.
 */
export function findEntities(doc: Readonly<Doc>, insideQuote: (offset: number) => boolean = () => false): Entity[] {
  const entities: Entity[] = [];
  const byName = new Map<string, Entity>();
  const bySurname = new Map<string, Entity>();
  const runs = findNameRuns(doc);
  const addMention = (entity: Entity, span: Span, surface: string): void => {
    entity.mentions.push(span);
    if (surface !== entity.name && !entity.aliases.includes(surface)) entity.aliases.push(surface);
  };
  for (const run of runs) {
    const nameText = tidyName(run.name.join(' '), true);
    if (!nameText || nameText.length < 2) continue;
    const surface = tidyName(textJoined(run.tokens), false);
    const span = { start: run.start, end: run.end };
    const key = nameText.toLowerCase();
    const surname = run.name.at(-1)?.toLowerCase() ?? key;
    let type = classifyRun(run);
    const known = byName.get(key) ?? (run.name.length === 1 ? bySurname.get(surname) : undefined);
    if (known) {
      addMention(known, span, surface);
      const titleText = run.title.join(' ') || run.lowerTitle;
      if (titleText && !known.titles.includes(titleText)) known.titles.push(titleText);
      if (known.type === 'unknown' && type !== 'unknown') known.type = type;
      continue;
    }
    if (insideQuote(run.start) && type === 'unknown') continue;
    const description = describedBefore(doc.text, run.start);
    const titles = run.title.length ? [run.title.join(' ')] : run.lowerTitle ? [run.lowerTitle] : [];
    if (description?.[1] && doc.text.startsWith(',', run.end)) {
      titles.push(description[1]);
      if (type === 'unknown' || type === 'place') type = /\b(?:wing|agency|office|group|body|ministry|department|party|force|service|army|organi[sz]ation|company|network|outlet|newspaper|broadcaster)\b/i.test(description[1]) ? 'organization' : type;
    }
    const entity: Entity = {
      id: `e${entities.length + 1}`,
      name: nameText,
      type,
      titles,
      aliases: [],
      mentions: [],
      ruleId: run.title.length ? 'entity-titled-name' : description ? 'entity-described' : 'entity-proper-noun-run',
    };
    addMention(entity, span, surface);
    entities.push(entity);
    byName.set(key, entity);
    if (type === 'person' && run.name.length >= 2) bySurname.set(surname, entity);
  }
  return entities;
}

/** Gender as the article marks it: honorifics and titles, then the pronouns that follow the name. */
export function isFemale(run: NameRun): boolean {
  return run.female;
}
