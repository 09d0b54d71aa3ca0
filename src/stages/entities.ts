import type { Doc, Entity, EntityType, Span, Token } from '../model.js';
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

/** Lowercase title words before a name, ending in a title head: "AU trade and industry commissioner". */
function lowercaseTitleBefore(tokens: readonly Token[], runStart: number, floor: number): string[] {
  const head = tokens[runStart - 1];
  if (!head || !TITLE_HEADS.has(head.lower) || /^[\p{Lu}]/u.test(head.text)) return [];
  let k = runStart - 1;
  while (k - 1 >= floor && k > runStart - 7) {
    const t = tokens[k - 1];
    if (!t || !['NOUN', 'ADJ', 'PROPN'].includes(t.pos) && !(t.lower === 'and' && k - 2 >= floor)) break;
    k--;
  }
  return tokens.slice(k, runStart).map(t => t.text);
}

const isCapitalised = (t: Token): boolean => /^[\p{Lu}]/u.test(t.text) && /\p{L}/u.test(t.text);
const isAcronym = (t: Token): boolean => /^[\p{Lu}][\p{Lu}\d&.-]{1,9}$/u.test(t.text) && /\p{Lu}.*\p{Lu}/u.test(t.text);

function canStartRun(t: Token, sentenceStart: boolean): boolean {
  if (!isCapitalised(t)) return false;
  if (MONTHS_AND_DAYS.has(t.lower)) return false;
  if (NOT_NAME_START_POS.has(t.pos) && !TITLE_HEADS.has(t.lower) && !isAcronym(t)) return false;
  if (sentenceStart && t.pos !== 'PROPN' && !TITLE_HEADS.has(t.lower) && !isAcronym(t) && !PLACES.has(t.lower)) return false;
  return true;
}

/** Splits a run into a title ("Federal Information Minister") and a name ("Attaullah Tarar"). */
export function splitTitle(words: string[]): { title: string[]; name: string[] } {
  let lastHead = -1;
  words.forEach((w, i) => {
    if (TITLE_HEADS.has(w.toLowerCase()) && i < words.length - 1) lastHead = i;
  });
  if (lastHead < 0) return { title: [], name: words };
  const rest = words.slice(lastHead + 1);
  const first = rest[0]?.toLowerCase();
  if ((first === 'of' || first === 'for') && rest.length >= 3) {
    // "Minister for Information and Broadcasting Attaullah Tarar": the portfolio belongs to the title
    const nameLength = rest.length >= 4 && /^[\p{Lu}]\.?$/u.test(rest[rest.length - 2] ?? '') ? 3 : 2;
    return { title: words.slice(0, words.length - nameLength), name: words.slice(words.length - nameLength) };
  }
  return { title: words.slice(0, lastHead + 1), name: rest };
}

export function findNameRuns(doc: Pick<Doc, 'tokens' | 'sentences' | 'norm'>, skip: (t: Token) => boolean = () => false): NameRun[] {
  const runs: NameRun[] = [];
  const { tokens } = doc;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t) break;
    const sentence = doc.sentences[t.sentence];
    if (!sentence || sentence.heading || skip(t) || !canStartRun(t, i === sentence.tokenStart)) { i++; continue; }
    let j = i + 1;
    while (j < tokens.length) {
      const u = tokens[j];
      if (!u || u.sentence !== t.sentence || skip(u)) break;
      if (u.start > (tokens[j - 1]?.end ?? 0) + 1) break;
      // a capitalised "verb" inside a name is a surname the tagger misread: "Yvette Cooper", "Tim Cook"
      const misreadVerb = (u.pos === 'VERB' || u.pos === 'AUX') && isCapitalised(tokens[j - 1] as Token) && tokens[j - 1]?.pos === 'PROPN';
      if (isCapitalised(u) && !MONTHS_AND_DAYS.has(u.lower) && (u.pos !== 'VERB' && u.pos !== 'AUX' || misreadVerb)) { j++; continue; }
      if (u.text === '.' && /^[\p{Lu}]$/u.test(tokens[j - 1]?.text ?? '')) { j++; continue; }
      // "Znak.com", "Politico.eu": a website's name runs on over its domain
      const tld = tokens[j + 1];
      if (u.text === '.' && tld && DOMAIN_ENDINGS.has(tld.lower) && u.start === tokens[j - 1]?.end && tld.start === u.end) { j += 2; break; }
      const next = tokens[j + 1];
      const institutional = tokens.slice(i, j).some(r => TITLE_HEADS.has(r.lower) || ORGANIZATION_WORDS.has(r.lower));
      // "Yvette Cooper of the Labour Party", "Patrick Crusius of Allen": a full name does not take an "of" phrase in
      let since = j;
      while (since > i && !RUN_CONNECTORS.has(tokens[since - 1]?.lower ?? '') && !TITLE_HEADS.has(tokens[since - 1]?.lower ?? '') && !ORGANIZATION_WORDS.has(tokens[since - 1]?.lower ?? '')) since--;
      const tail = tokens.slice(since, j);
      const fullName = tail.length >= 2 && tail.every(r => isCapitalised(r) && !GEOGRAPHIC_WORDS.has(r.lower) && !PLACES.has(r.lower));
      const joins = u.lower === 'and' || u.lower === '&' ? institutional : (u.lower === 'of' || u.lower === 'for') && fullName ? false : true;
      if (joins && RUN_CONNECTORS.has(u.lower) && next && isCapitalised(next) && next.sentence === t.sentence && !MONTHS_AND_DAYS.has(next.lower)) { j++; continue; }
      if (u.text === '-' && next && isCapitalised(next) && u.start === tokens[j - 1]?.end) { j++; continue; }
      break;
    }
    // a run never ends on a connector
    while (j > i + 1 && RUN_CONNECTORS.has(tokens[j - 1]?.lower ?? '')) j--;
    const runTokens = tokens.slice(i, j);
    // a title with no name ("Vice President", "Senate Minority Leader") points at a person but is not one
    if (TITLE_HEADS.has(runTokens.at(-1)?.lower ?? '') && !isAcronym(runTokens.at(-1) as Token)) { i = j; continue; }
    if (runTokens.length === 1 && runTokens[0]?.pos === 'ADJ') { i = j; continue; }      // a demonym: "Afghan", "Pakistani"
    const words = runTokens.map(r => r.text);
    const { title, name } = splitTitle(words);
    const lowerTitle = title.length ? [] : lowercaseTitleBefore(tokens, i, sentence.tokenStart);
    const female = [...title, ...lowerTitle].some(w => FEMALE_MARKERS.has(w.toLowerCase()));
    const first = runTokens[0];
    const last = runTokens.at(-1);
    const before = tokens[i - 1]?.lower ?? '';
    const after = tokens[j]?.lower ?? '';
    const placeContext = GEOGRAPHIC_WORDS.has(after) || (PLACE_PREPOSITIONS.has(before) && !lowerTitle.length);
    if (first && last) runs.push({ start: first.start, end: last.end, tokens: runTokens, title: lowerTitle.length ? [] : title, name, female, lowerTitle: lowerTitle.join(' '), placeContext });
    i = j;
  }
  return runs;
}

export function classifyRun(run: NameRun): EntityType {
  if (isDomainName(run)) return 'organization';
  const lower = run.tokens.map(t => t.lower);
  if (run.title.length && run.title.some(w => TITLE_HEADS.has(w.toLowerCase()) || HONORIFICS.has(w.toLowerCase()))) return 'person';
  if (run.lowerTitle && !lower.some(w => ORGANIZATION_WORDS.has(w))) return 'person';
  if (run.placeContext && !lower.some(w => ORGANIZATION_WORDS.has(w))) return 'place';
  if (lower.some(w => ORGANIZATION_WORDS.has(w))) return 'organization';
  if (run.tokens.length === 1 && run.tokens[0] && isAcronym(run.tokens[0])) return 'organization';
  const joined = lower.join(' ');
  if (PLACES.has(joined) || MULTIWORD_PLACES.has(joined) || (run.tokens.length <= 2 && lower.every(w => PLACES.has(w)))) return 'place';
  if (lower.some(w => GEOGRAPHIC_WORDS.has(w))) return 'place';
  if (lower.some(w => NON_PERSON_WORDS.has(w))) return 'unknown';
  if (/(?:ans|ese|ians|is|ists)$/.test(joined) && run.tokens.length === 1 && run.tokens[0]?.pos !== 'PROPN') return 'group';
  const nameWord = (t: Token, i: number): boolean => t.pos === 'PROPN' || isCapitalised(t) || (i > 0 && i < run.tokens.length - 1 && NAME_PARTICLES.has(t.lower));
  if (run.name.length >= 2 && run.name.length <= 4 && run.tokens.every(nameWord)) return 'person';
  return 'unknown';
}

/** "One news site, Znak.com": a description before the name, within its sentence (a full stop and a space end it). */
const descriptionBefore = /(?:^|[\s(])((?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|One|one)\s(?:[^,;".]|\.(?!\s)){3,70}),\s$/;
/** "Znak. com" as words joined → "Znak.com" */
const DOMAIN_TAIL = new RegExp(`\\.\\s+(${[...DOMAIN_ENDINGS].join('|')})$`, 'i');

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
    const nameText = run.name.join(' ').replace(/\s+\./g, '.').replace(/\s*-\s*/g, '-').replace(DOMAIN_TAIL, '.$1');
    if (!nameText || nameText.length < 2) continue;
    const surface = run.tokens.map(t => t.text).join(' ').replace(/\s+\./g, '.').replace(DOMAIN_TAIL, '.$1');
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
    const description = descriptionBefore.exec(doc.text.slice(Math.max(0, run.start - 80), run.start));
    const titles = run.title.length ? [run.title.join(' ')] : run.lowerTitle ? [run.lowerTitle] : [];
    if (description?.[1] && doc.text[run.end] === ',') {
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
