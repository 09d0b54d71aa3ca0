import type { Entity, Span, Speaker, Token } from '../../model.js';
import { SpanIndex } from '../../text/spanIndex.js';
import { ANONYMOUS_HEADS, FEMALE_MARKERS, PLURAL_PRONOUNS, TITLE_HEADS } from '../../rules/names.js';

interface MentionEvent {
  at: number;
  end: number;
  entity: Entity;
  subject: boolean;
}

const LEADING_DETERMINER = /^(?:the|a|an)\s+/i;
const POSSESSIVE_TOKEN = /^['\u2019]s?$/;
/** Heads of a description that points back at a news outlet: "the website", "the newspaper". */
const MEDIA_HEADS = new Set(['website', 'site', 'outlet', 'newspaper', 'paper', 'broadcaster', 'channel', 'publication', 'magazine', 'daily', 'tabloid']);
const MEDIA_WORDS = /\b(?:website|site|outlet|newspaper|paper|broadcaster|channel|publication|magazine|daily|tabloid|news agency|television|radio)\b/i;
/** An outlet: named by a domain ("Znak.com") or described as one ("One news site, …"). */
const isMediaEntity = (e: Entity): boolean => /\.(?:com|org|net|ru|uk|eu|info|news|io|de|fr|pk|in|au|ca)$/i.test(e.name) || e.titles.some(t => MEDIA_WORDS.test(t));

const GROUP_HEADS = new Set(['government', 'administration', 'ministry', 'military', 'army', 'police', 'party', 'campaign',
  'committee', 'court', 'company', 'agency', 'council', 'regime', 'side', 'delegation', 'group', 'team', 'office',
  'department', 'commission', 'authorities', 'embassy', 'union', 'board']);

const OBJECT_PRONOUNS = new Map([['him', 'he'], ['her', 'she'], ['me', 'i'], ['them', 'they'], ['us', 'we'], ['his', 'he'], ['my', 'i'],
  ['their', 'they'], ['its', 'it'], ['our', 'we']]);

type SpeakerNumber = 'person' | 'singular' | 'plural' | 'either';
const EMPTY: ReadonlySet<string> = new Set();
/** Words that make an office another one: a deputy prime minister is not the prime minister. */
const OFFICE_QUALIFIERS = new Set(['deputy', 'vice', 'former', 'shadow', 'assistant', 'acting', 'junior', 'under', 'associate', 'ex', 'interim', 'lieutenant']);
/** Words that say a source asked not to be named. */
const ANONYMITY = /\b(?:anonymity|anonymously|(?:not )?to be (?:identified|named|quoted)|not authori[sz]ed to (?:speak|talk|comment|discuss))\b/i;
/** Where the sentence holding `offset` starts, roughly: after the last full stop, question mark or line break. */
function clauseStart(text: string, offset: number): number {
  for (let k = offset - 1; k >= 0 && k > offset - 300; k--) {
    const c = text.charCodeAt(k);
    if (c === 10 || ((c === 46 || c === 33 || c === 63) && text.charCodeAt(k + 1) === 32)) return k + 1;
  }
  return Math.max(0, offset - 300);
}
/** Where the sentence before the one holding `offset` starts. */
function previousSentenceStart(text: string, offset: number): number {
  const start = clauseStart(text, offset);
  return start > 0 ? clauseStart(text, start - 1) : 0;
}
/** A description's name: without its article, its appositives and its relative clause ("official, who spoke …" → "official"). */
function descriptionName(mentionText: string): string {
  const name = mentionText.replace(LEADING_DETERMINER, '');
  // "official, who spoke …", "official, a diplomat, …" — but not "spokeswoman, Eleanor Scott": a name in apposition stays
  const cut = name.search(/,\s(?!\p{Lu})|\s(?:who|whom|which)\s/u);
  return cut > 0 ? name.slice(0, cut) : name;
}
/** Titles that say nothing of an office: "Mr Mubanga" is no "home secretary". */
const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'sir', 'dame', 'lady', 'lord', 'madam', 'mx', 'mx.']);
/** How far back (in characters) "it" or "they" looks for the body that last spoke. */
const PRONOUN_REACH = 1200;
/** Plural nouns that do not end in -s. */
const PLURAL_NOUNS = new Set(['police', 'people', 'staff', 'personnel', 'military', 'media', 'clergy']);

/** Whether "it" (an organisation, "the group") or "they" ("money houses", "the Taliban") can stand for a speaker. */
function numberOf(speaker: Speaker, entity: Entity | undefined): SpeakerNumber {
  if (entity?.type === 'person') return 'person';
  if (entity?.type === 'group') return 'either';
  if (entity) return 'singular';
  const words = speaker.name.split(/\s+/);
  const last = (words.at(-1) ?? '').toLowerCase();
  if (!/^\p{Ll}/u.test(words.at(-1) ?? '')) return 'person';
  if (PLURAL_NOUNS.has(last) || (/[^s'\u2019]s$/.test(last) && !/(?:ss|us|is)$/.test(last))) return 'plural';
  return 'singular';
}

/**
 * `speaker` with another mention and resolution, copied field by field: a spread of speakers made at many call
 * sites is a slow, megamorphic copy.
 */
export function speakerAs(speaker: Speaker, mention: Span | null, resolution: string): Speaker {
  return { name: speaker.name, entityId: speaker.entityId, mention, anonymous: speaker.anonymous, resolution };
}

/** A pronoun with nothing to point back to ("He said …" opening a text, "you", "we"): the words still say who speaks. */
const unresolved = (mention: Span, mentionText: string): Speaker => ({ name: mentionText, entityId: null, mention, anonymous: false, resolution: 'unresolved' });

const isFemaleEntity = (e: Entity): boolean => e.titles.some(t => t.split(/\s+/).some(w => FEMALE_MARKERS.has(w.toLowerCase())));

const byStart = (a: MentionEvent, b: MentionEvent): number => a.at - b.at;

/** A most-recent-first list with `entity` at its front (and nowhere else), cut to `cap` entries: a new array. */
function movedToFront(list: readonly Entity[], entity: Entity, cap: number): Entity[] {
  const moved: Entity[] = [entity];
  for (let k = 0; k < list.length && moved.length < cap; k++) {
    const e = list[k] as Entity;
    if (e !== entity) moved.push(e);
  }
  return moved;
}

/**
 * Resolves the words that point at a speaker to an entity, in reading order: named mentions
 * and aliases directly, pronouns to the most recent compatible subject or speaker, descriptions
 * ("the minister") to the last entity with that title, anonymous sources to their description.
 */
export class SpeakerResolver {
  private readonly events: MentionEvent[];
  private cursor = 0;
  private recentPersons: Entity[] = [];
  /** persons seen as a clause subject or a speaker, most recent first */
  private recentSubjects: Entity[] = [];
  private recentOrganizations: Entity[] = [];
  private lastSpeaker: Speaker | null = null;
  /** what "it" or "they" can point back to in the last speaker: a person is neither */
  private lastSpeakerNumber: SpeakerNumber = 'person';
  /** people whose the last speaker is ("Castro" in "President Castro's chief aide") */
  private lastSpeakerPossessors: ReadonlySet<string> = EMPTY;
  private femaleSeen = new Set<string>();
  /** persons referred to as "he" */
  private maleSeen = new Set<string>();
  private readonly byId: Map<string, Entity>;
  private readonly mentionIndex: SpanIndex<Span & { entity: Entity }>;

  constructor(
    private readonly text: string,
    private readonly entities: readonly Entity[],
    insideQuote: (offset: number) => boolean,
    private readonly isSubject: (mention: Span) => boolean = () => false,
  ) {
    this.byId = new Map();
    const mentions: Array<Span & { entity: Entity }> = [];
    const events: MentionEvent[] = [];
    for (const entity of entities) {
      this.byId.set(entity.id, entity);
      for (const m of entity.mentions) {
        mentions.push({ start: m.start, end: m.end, entity });
        // (whether a mention is a subject is asked only of the persons outside quotations, the mentions that become events)
        if (!insideQuote(m.start)) events.push({ at: m.start, end: m.end, entity, subject: entity.type === 'person' && isSubject(m) });
      }
    }
    this.mentionIndex = new SpanIndex(mentions);
    this.events = events.sort(byStart);
  }

  /** Takes in every entity mention that starts before `offset`. */
  advanceTo(offset: number): void {
    while (this.cursor < this.events.length) {
      const ev = this.events[this.cursor];
      if (!ev || ev.at >= offset) break;
      this.note(ev.entity, ev.subject);
      this.cursor++;
    }
  }

  private note(entity: Entity, subject = false): void {
    // the same entity again at the front of its lists changes nothing
    const isPerson = entity.type === 'person';
    if (isPerson ? this.recentPersons[0] === entity && (!subject || this.recentSubjects[0] === entity) : this.recentOrganizations[0] === entity) return;
    if (subject && entity.type === 'person') this.recentSubjects = movedToFront(this.recentSubjects, entity, 4);
    if (entity.type === 'person') {
      this.recentPersons = movedToFront(this.recentPersons, entity, 6);
    } else if (entity.type === 'organization' || entity.type === 'place' || entity.type === 'group') {
      this.recentOrganizations = movedToFront(this.recentOrganizations, entity, 6);
    }
  }

  /** The person who spoke in this or the previous sentence. */
  private justSpoke(offset: number): Entity | undefined {
    const last = this.lastSpeaker;
    const entity = last?.entityId ? this.byId.get(last.entityId) : undefined;
    if (!last?.mention || entity?.type !== 'person') return undefined;
    return clauseStart(this.text, last.mention.start) >= previousSentenceStart(this.text, offset) ? entity : undefined;
  }

  /** Records who just spoke, so a following pronoun or cue-less quote can point back. */
  noteSpeaker(speaker: Speaker): void {
    this.lastSpeaker = speaker;
    const entity = speaker.entityId ? this.byId.get(speaker.entityId) : undefined;
    this.lastSpeakerNumber = numberOf(speaker, entity);
    const m = speaker.mention;
    this.lastSpeakerPossessors = !entity && m && !speaker.anonymous
      ? new Set(this.mentionIndex.overlapping(m.start, m.end)
        .filter(x => x.entity.type === 'person' && x.end < m.end && /^['\u2019]s?\s/.test(this.text.slice(x.end, x.end + 3)))
        .map(x => x.entity.id))
      : EMPTY;
    if (entity) this.note(entity, true);
  }

  /** Learns gender from use: a person referred to as "she" is female from then on. */
  private markFemale(entity: Entity): void {
    this.femaleSeen.add(entity.id);
  }

  get previousSpeaker(): Speaker | null {
    return this.lastSpeaker;
  }

  /** The entity a phrase names: a person before an organisation before a place, then the leftmost. */
  entityAt(span: Span): Entity | undefined {
    const rank = (e: Entity): number => (e.type === 'person' ? 0 : e.type === 'organization' || e.type === 'group' ? 1 : e.type === 'unknown' ? 2 : 3);
    let best: (Span & { entity: Entity }) | undefined;
    let bestScore = Infinity;
    for (const m of this.mentionIndex.overlapping(span.start, span.end)) {
      // a possessive names whose the thing is, not who speaks: "Dunn's mother, Charlotte Charles"
      const possessive = /^['\u2019]s?\b/.test(this.text.slice(m.end, m.end + 2)) && m.end < span.end ? 10 : 0;
      // a name used as a modifier ("the El Paso mayor") is not the one speaking
      const modifier = m.end < span.end && /^\s+\p{Ll}/u.test(this.text.slice(m.end, m.end + 3)) && !/^\s+(?:of|and|who|said)\b/.test(this.text.slice(m.end, m.end + 6)) ? 2 : 0;
      const score = rank(m.entity) + possessive + modifier;
      if (score < bestScore) { best = m; bestScore = score; }
    }
    return best?.entity;
  }

  /**
   * Resolves the words [first, last) to a speaker. `mentionSpan` is what the output reports as the
   * mention when it differs from the words resolved: the whole appositive phrase, or "who".
   */
  resolve(tokens: readonly Token[], first: number, last: number, mentionSpan?: Span): Speaker | null {
    let words = tokens.slice(first, last);
    // "in Science Advances, researchers from …": a prepositional opener before a comma is no part of the speaker
    const comma = words[0]?.pos === 'ADP' ? words.findIndex(w => w.text === ',') : -1;
    if (comma > 0 && comma < words.length - 1) words = words.slice(comma + 1);
    const head = words.at(-1);
    const firstWord = words[0];
    if (!head || !firstWord) return null;
    let speaker = this.resolveWords(words, head, firstWord);
    // "Mark Hay, a marine ecologist and Regents Professor at GT, who said": "who" is the person the appositive describes
    if (speaker && mentionSpan && /^who$/i.test(this.text.slice(mentionSpan.start, mentionSpan.end))) speaker = this.personBeforeAppositive(firstWord.start) ?? speaker;
    if (speaker && mentionSpan) return speakerAs(speaker, mentionSpan, speaker.resolution);
    return speaker;
  }

  /** The person named right before the appositive that starts near `offset` ("Mark Hay, a … at GT"), if the resolved phrase is inside one. */
  private personBeforeAppositive(offset: number): Speaker | null {
    const from = clauseStart(this.text, offset);
    let best: (Span & { entity: Entity }) | undefined;
    for (const m of this.mentionIndex.overlapping(from, offset)) {
      if (m.entity.type === 'person' && m.end <= offset && (!best || m.end > best.end)) best = m;
    }
    if (!best) return null;
    const between = this.text.slice(best.end, offset);
    // only an appositive stands between: ", a marine ecologist and Regents Professor at "
    if (!/^,\s+(?:(?:a|an|the|his|her|its|their)\s[^,.;:"\u201C\u201D]*)?$/i.test(between)) return null;
    return { name: best.entity.name, entityId: best.entity.id, mention: { start: best.start, end: best.end }, anonymous: false, resolution: 'named' };
  }

  private resolveWords(words: readonly Token[], head: Token, firstWord: Token): Speaker | null {
    const mention: Span = { start: firstWord.start, end: head.end };
    const mentionText = this.text.slice(mention.start, mention.end);
    this.advanceTo(mention.start);

    if (words.length === 1 && head.pos === 'PRON') {
      // "according to him": an object pronoun points back as its subject form would
      const p = OBJECT_PRONOUNS.get(head.lower) ?? head.lower;
      if (p === 'he' || p === 'she' || p === 'i') {
        const wantFemale = p === 'she';
        const fits = (e: Entity): boolean => p === 'i' || (wantFemale ? isFemaleEntity(e) || this.femaleSeen.has(e.id) : !isFemaleEntity(e) && !this.femaleSeen.has(e.id));
        // the latest subject or speaker among the last few people named, else the latest person who fits
        const recent = this.recentPersons.slice(0, 3);
        // "Hillary Clinton is describing … She says …": the person who just spoke, unless known to be the other gender
        const speaker = this.lastSpeaker?.entityId ? this.byId.get(this.lastSpeaker.entityId) : undefined;
        const speakerFits = !!speaker && speaker.type === 'person' && recent.includes(speaker)
          && (wantFemale ? !this.maleSeen.has(speaker.id) : !isFemaleEntity(speaker) && !this.femaleSeen.has(speaker.id));
        // "Refusing to give up power, Mugabe agreed to power-sharing in which Tsvangirai became prime minister. “…,” he
        // declared": the person who spoke in the sentence before is still speaking, whoever else was a subject since
        const lastSpoke = this.lastSpeaker?.mention ? clauseStart(this.text, this.lastSpeaker.mention.start) : -1;
        const speakerJustSpoke = speakerFits && p !== 'i' && lastSpoke >= 0 && lastSpoke >= previousSentenceStart(this.text, mention.start);
        const candidate = (speakerJustSpoke ? speaker : undefined)
          ?? this.recentSubjects.find(e => fits(e) && recent.includes(e))
          ?? (speakerFits && p !== 'i' ? speaker : undefined)
          ?? this.recentPersons.find(fits)
          ?? (p === 'i' ? undefined : this.recentPersons[0]);
        // "President Castro's chief aide said … he said": the aide, who just spoke, not Castro
        const last = this.lastSpeaker;
        if (candidate && last?.mention && this.lastSpeakerPossessors.has(candidate.id) && mention.start - last.mention.end <= PRONOUN_REACH) {
          return speakerAs(last, mention, 'pronoun');
        }
        if (candidate) {
          if (wantFemale) this.markFemale(candidate);
          else if (p === 'he') this.maleSeen.add(candidate.id);
          return { name: candidate.name, entityId: candidate.id, mention, anonymous: false, resolution: 'pronoun' };
        }
        if (this.lastSpeaker) return speakerAs(this.lastSpeaker, mention, 'pronoun');
        return unresolved(mention, mentionText);
      }
      if (PLURAL_PRONOUNS.has(p) || p === 'it') {
        const org = this.recentOrganizations[0];
        const plural = PLURAL_PRONOUNS.has(p);
        if (this.lastSpeaker?.anonymous && plural) return speakerAs(this.lastSpeaker, mention, 'pronoun');
        // "The group said … It may recommend …", "…, money houses said. … , they said": the body that
        // just spoke, when it agrees in number, before an organisation merely named since
        const last = this.lastSpeaker;
        const agrees = this.lastSpeakerNumber === 'either' || this.lastSpeakerNumber === (plural ? 'plural' : 'singular');
        if (last?.mention && agrees && mention.start - last.mention.end <= PRONOUN_REACH) return speakerAs(last, mention, 'pronoun');
        if (org) return { name: org.name, entityId: org.id, mention, anonymous: false, resolution: 'pronoun' };
        return unresolved(mention, mentionText);
      }
      return unresolved(mention, mentionText);
    }

    // the phrase's own head comes before any attachment: "a source [within the Interior Ministry]"
    const prepAt = words.findIndex((w, i) => i > 0 && w.pos === 'ADP' && !['of', 'for', '&'].includes(w.lower) || (i > 0 && (/^(?:,|\u2014|--)$/.test(w.text) || (/^[-\u2013]$/.test(w.text) && words[i - 1]?.end !== w.start))));
    const headWords = prepAt > 0 ? words.slice(0, prepAt) : words;
    // "a source familiar with …": the head is the last noun before the attachment, not an adjective after it
    const headWord = headWords.findLast(w => w.pos === 'NOUN' || w.pos === 'PROPN') ?? headWords.at(-1) ?? head;
    const headSpan: Span = { start: firstWord.start, end: headWord.end };
    // "FSB sources", "Saudi officials", "Johnson's critics" are anonymous; "spokesman Josh Earnest" is not
    const namesPerson = (list: readonly Token[]): boolean => list.some((w, i) => this.entityAt(w)?.type === 'person' && !POSSESSIVE_TOKEN.test(list[i + 1]?.text ?? ''));
    const anonymousHead = ANONYMOUS_HEADS.has(headWord.lower);
    // … but a name in apposition speaks: "The party's health spokeswoman, Eleanor Scott" (not "sources close to Mr Hockney")
    const comma = words.findIndex(w => w.text === ',');
    if (anonymousHead && !namesPerson(headWords) && !(comma > 0 && namesPerson(words.slice(comma + 1)))) {
      return { name: descriptionName(mentionText), entityId: null, mention, anonymous: true, resolution: 'anonymous' };
    }
    // a person named anywhere in the phrase speaks for it: "a Republican, Mark Amodei"
    const whole = this.entityAt(mention);
    let entity = whole?.type === 'person' ? whole : this.entityAt(headSpan) ?? whole;
    // "a British man", "the US government": a place or a people before a common noun says which one, not who
    if (entity && (entity.type === 'place' || entity.type === 'group' || entity.type === 'unknown') && headWord.pos === 'NOUN' && /^\p{Ll}/u.test(headWord.text)
      && !entity.mentions.some(m => m.start <= headWord.start && m.end >= headWord.end)) entity = undefined;
    // "Chelyabinsk's governor": a possessor that is not a person names whose the speaker is, not who
    // "President Castro's chief aide", "Mr Smith's lawyer": a person possessor is whose the speaker is, too
    const possessed = (e: Entity): boolean => e.mentions.some(m => m.start >= mention.start && m.end <= headWord.start && /^['\u2019]s?(?:\s|$)/.test(this.text.slice(m.end, m.end + 3)));
    // ("Dunn's mother, Charlotte Charles": the person named in apposition still speaks)
    if (entity && headWord.pos === 'NOUN' && (possessed(entity) || (entity.type !== 'person' && /['\u2019]s?$/.test(this.text.slice(mention.start, headWord.start).trim())))) entity = undefined;
    if (entity) {
      const exact = mentionText.trim() === entity.name;
      return { name: entity.name, entityId: entity.id, mention, anonymous: false, resolution: exact ? 'named' : 'alias' };
    }

    const hasProperNoun = words.some((w, i) => w.pos === 'PROPN' || (i > 0 && /^[\p{Lu}]/u.test(w.text)));
    // "Speaking on condition of anonymity, a police officer said", "an official who asked not to be named"
    if (!hasProperNoun && ANONYMITY.test(this.text.slice(clauseStart(this.text, mention.start), mention.end))) {
      return { name: descriptionName(mentionText), entityId: null, mention, anonymous: true, resolution: 'anonymous' };
    }
    const headLower = head.lower;
    if (ANONYMOUS_HEADS.has(headLower) && !namesPerson(words)) {
      return { name: descriptionName(mentionText), entityId: null, mention, anonymous: true, resolution: 'anonymous' };
    }
    // ("Chelyabinsk's governor", "the city's mayor": a possessor makes the title definite, and is no part of it)
    // (not a person's: "Mr Smith's lawyer" is whoever works for Mr Smith, not the lawyer named last)
    const possessiveMark = words.findLastIndex(w => POSSESSIVE_TOKEN.test(w.text));
    const possessor = words[possessiveMark - 1];
    const possessiveAt = possessor && this.entityAt(possessor)?.type !== 'person' && !['his', 'her', 'their', 'my', 'our', 'your'].includes(possessor.lower) ? possessiveMark : -1;
    if (TITLE_HEADS.has(headLower) && (words.some(w => w.lower === 'the' || w.lower === 'this') || possessiveAt >= 0)) {
      // "the home secretary": the person last named with that title, else the one the article names with it
      // later ("… Home Secretary Charles Clarke told …"); a person with some other title is not them
      // (joined word by word: an array from slice, filter and map reached `join` with another elements kind now and then)
      let description = '';
      let described = 0;
      for (let k = possessiveAt + 1; k < words.length; k++) {
        const lower = (words[k] as Token).lower;
        if (lower === 'the' || lower === 'this') continue;
        description += described++ === 0 ? lower : ` ${lower}`;
      }
      // "Mexican Foreign Minister" is "the foreign minister"; a "Deputy Prime Minister" is not "the prime minister"
      const hasTitle = (e: Entity, title: string): boolean => e.type === 'person' && e.titles.some(t => {
        const words = t.toLowerCase();
        if (words === title) return true;
        if (!words.endsWith(` ${title}`)) return false;
        return !OFFICE_QUALIFIERS.has(words.slice(0, -title.length - 1).split(/\s+/).at(-1) ?? '');
      });
      const sharesWord = (e: Entity): boolean => e.titles.some(t => !t.toLowerCase().split(/\s+/).some(w => OFFICE_QUALIFIERS.has(w))
        && t.toLowerCase().split(/\s+/).some(w => !HONORIFICS.has(w) && description.split(' ').includes(w)));
      const titled = this.recentPersons.find(e => hasTitle(e, description))
        ?? this.entities.find(e => hasTitle(e, description))
        ?? this.recentPersons.find(sharesWord)
        // "the foreign minister" for a "Foreign Secretary": a recent person with an office, not only "Mr"
        ?? this.recentPersons.find(e => e.titles.some(t => t.toLowerCase().split(/\s+/).some(w => !HONORIFICS.has(w))))
        // "Andy Robinson said … However, the England coach added": the person who spoke in this or the sentence before
        ?? this.justSpoke(mention.start);
      if (titled) return { name: titled.name, entityId: titled.id, mention, anonymous: false, resolution: 'description' };
    }
    if (MEDIA_HEADS.has(headLower) && !hasProperNoun && words.some(w => w.lower === 'the' || w.lower === 'this')) {
      // "The website reported …": the outlet named last, by its domain or its description ("One news site, Znak.com")
      const outlet = this.recentOrganizations.find(isMediaEntity);
      if (outlet) return { name: outlet.name, entityId: outlet.id, mention, anonymous: false, resolution: 'description' };
    }
    if (GROUP_HEADS.has(headLower) && !hasProperNoun) {
      return { name: descriptionName(mentionText), entityId: null, mention, anonymous: false, resolution: 'description' };
    }
    // "Jolly said" after "David Jolly": a capitalised word the entity stage did not take for a name is still a surname
    if (words.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(head.text)) {
      const bySurname = (e: Entity): boolean => e.type === 'person' && e.name.split(/\s+/).at(-1) === head.text;
      const person = this.recentPersons.find(bySurname) ?? this.entities.find(bySurname);
      if (person) return { name: person.name, entityId: person.id, mention, anonymous: false, resolution: 'alias' };
    }
    return { name: descriptionName(mentionText), entityId: null, mention, anonymous: false, resolution: hasProperNoun ? 'named' : 'description' };
  }
}
