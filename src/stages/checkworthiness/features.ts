/**
 * Check-worthiness features: a fixed list of interpretable, named cues (does the claim carry a
 * figure, an event verb, a comparison, a cause, a named source, a hedge, first-person opinion, a
 * question...) plus lexical keys (lemma unigrams and bigrams) for the small pruned vocabulary the
 * trained model keeps. The same code runs at scoring time and in scripts/train-checkworthiness.ts,
 * so what the model was fitted on is exactly what it sees.
 */
import { nlp } from '../../nlp.js';

/** The token fields the features read (a subset of model.ts's Token). */
export interface CwToken {
  text: string;
  lower: string;
  pos: string;
  lemma: string;
  type: string;
}

/**
 * Every named feature, in the stable order they are reported in. Names are part of the output
 * contract: rename one only together with the weights file.
 */
export const NAMED_FEATURES = [
  // figures
  'has-number',
  'number-word',
  'percent',
  'money',
  'year',
  'large-quantity',
  // what happened
  'event-verb',
  'change-verb',
  'past-tense',
  'perfect-aspect',
  'passive',
  'vote',
  'legislation',
  'time-reference',
  // relations between things
  'comparison',
  'superlative',
  'cause',
  'generalisation',
  'negation',
  // who says so
  'named-entity',
  'many-named-entities',
  'named-source',
  'anonymous-source',
  'attributed',
  'quote-direct',
  'quote-mixed',
  'quote-indirect',
  'third-person-actor',
  'policy-term',
  // how firmly, and in whose voice
  'hedge',
  'prediction',
  'promise',
  'first-person',
  'first-person-opinion',
  'second-person',
  'modal-obligation',
  'evaluative-adjective',
  'question',
  'exclamation',
  'imperative',
  'greeting',
  'discourse-filler',
  'conditional',
  // length
  'short',
  'long',
] as const;
export type NamedFeature = (typeof NAMED_FEATURES)[number];

const INDEX = new Map<string, number>(NAMED_FEATURES.map((name, i) => [name, i]));

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

const NUMBER_WORDS = set(`two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
  sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds
  thousand thousands million millions billion billions trillion trillions dozen dozens half twice thrice
  double triple quadruple one-third two-thirds one-half one-fourth one-quarter quarter percent zero`);
const LARGE = set('million millions billion billions trillion trillions thousand thousands hundreds');
const PERCENT = set('percent percentage per-cent %');
const MONEY = set('dollar dollars cent cents buck bucks $ £ € budget deficit debt');
const CURRENCY_WORDS = set('dollar cent buck');
const EVENT_VERBS = set(`cut raise increase decrease reduce slash vote veto pass sign lose create add spend kill
  die invade attack ban fund defund borrow owe grow rise fall drop decline close build send hire fire
  launch approve reject propose announce arrest charge sue win elect appoint invest sell buy import export
  pay collect ship destroy bomb deploy withdraw sanction cost save balance shut gain earn lay eliminate
  abolish double triple quadruple expand shrink introduce enact repeal freeze lower default bail
  nationalize privatize subsidize tax waste steal invent negotiate bring lead provide give take
  receive lift free release shoot murder rob enter leave occupy capture liberate sink crash
  recommend appropriate authorize establish found start end stop block oppose`);
const CHANGE_VERBS = set(`increase decrease rise fall grow shrink drop decline double triple quadruple raise cut
  reduce slash climb soar plunge plummet jump surge lower expand contract halve`);
const IRREGULAR_PAST = set(`was were had did said went made took gave got lost won sent spent built paid sold
  bought left brought fought ran became began grew fell rose told knew thought came saw found held kept
  led meant met stood understood wrote drove broke chose spoke stole threw wore shot sought taught
  caught dealt fled forgave forgot froze hid hung lay laid lent lit overcame overtook rode rang sank sat
  sold slept slid stuck struck swore swept swam swung tore undertook underwent withdrew woke`);
const HAVE = set('have has had having \'ve \'d');
const BE = set('be is are was were been being am \'s \'re \'m');
const VOTE = set('vote voted votes voting voter voters ballot veto vetoed');
const LEGISLATION = set(`bill law act legislation amendment treaty statute ordinance regulation regulations
  resolution program programs policy mandate`);
const TIME_WORDS = set(`year years month months week weeks decade decades century centuries today yesterday
  ago since during recently annually`);
const COMPARATIVE = set('more less fewer than compared comparison versus vs relative');
const SUPERLATIVE = set(`most least best worst largest biggest highest lowest greatest smallest fastest
  record ever only first unprecedented`);
const CAUSE = set(`because cause caused causes causing due result resulted results consequence therefore thus
  thanks blame blamed responsible lead led`);
const GENERAL = set(`all every everyone everybody everything nobody nothing none always never no-one whole entire`);
const NEGATION = set(`not n't never no nobody nothing neither nor none`);
const SAY = set(`say says said saying tell told report reported reports claim claimed claims state stated
  announce announced testify testified estimate estimated find found show showed shows confirm confirmed
  deny denied admit admitted warn warned according`);
const ANON = set(`officials official sources source experts expert studies study report reports analysts
  economists scientists researchers survey surveys poll polls statistics data figures estimates
  critics observers someone people`);
const THIRD_ACTOR = set(`he she they his her their him them opponent opponents governor senator president
  administration congress government republicans democrats party secretary congressman congresswoman`);
const POLICY = set(`tax taxes deficit debt budget jobs job unemployment unemployed medicare medicaid security
  health insurance oil energy troops war military spending economy inflation wage wages income crime
  gun guns immigration immigrants trade tariff tariffs pension welfare poverty abortion nuclear
  weapons terrorism terrorists education schools teachers students prices price interest rates
  growth gdp recession employment workers industry farmers farm exports imports drugs drug
  prescription hospitals doctors care benefits retirement veterans soldiers army navy missiles`);
const HEDGE = set(`reportedly allegedly apparently might may perhaps maybe probably possibly seem seems seemed
  appear appears appeared suggest suggests suggested likely unlikely presumably purportedly
  supposedly rumored unconfirmed unverified`);
const PREDICT = set(`predict predicted predicts forecast forecasts projected projection projections expect
  expected expects estimate anticipate anticipated`);
const FUTURE = set(`will 'll shall gonna`);
const FIRST = set(`i me my mine myself we us our ours ourselves`);
const FIRST_SUBJ = set('i we');
const OPINION_VERBS = set(`think believe feel want hope support oppose like love hate agree disagree guess
  suppose wish favor favour prefer trust doubt fear worry care respect admire understand know
  mean intend plan promise pledge urge`);
const SECOND = set(`you your yours yourself yourselves`);
const OBLIGATION = set(`should must ought need needs`);
const EVALUATIVE = set(`good bad great terrible wrong right fair unfair important wonderful horrible
  awful excellent disgrace disgraceful ridiculous outrageous tremendous incredible amazing sad
  proud shame shameful serious dangerous strong weak better worse best worst responsible
  irresponsible nice fine tough hard easy clear critical crucial necessary`);
const GREETING = set(`thank thanks hello congratulations congratulate welcome applause pleasure honored
  honoured grateful goodnight bless`);
const WH = set(`what why how who whom whose where when which`);
const AUX_START = set(`do does did is are was were can could would will should have has had shall may`);
const FILLER_START = set('well look now so and but oh yes no okay ok listen');
const CONDITIONAL = set('if unless whether');

const YEAR = /^(1[6-9]\d\d|20\d\d)s?$|^'\d0s$/;
/** "%", which ends a percentage token ("5%") */
const PERCENT_SIGN = 0x25;

/** Whether the string holds a digit (a char-code loop: cheaper than a regular expression). */
export function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Whether a token with a digit is a year: "1983", "2010s", "'90s". */
export function isYear(lower: string): boolean {
  return YEAR.test(lower);
}

function isPast(t: CwToken): boolean {
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return false;
  if (IRREGULAR_PAST.has(t.lower)) return true;
  return t.lower.length > 3 && t.lower.endsWith('ed') && t.lemma.toLowerCase() !== t.lower;
}

// ---------------------------------------------------------------------------------------------
// The word lists as bit masks: one Map lookup per token tells every list the word is in.

/** Lists looked up by the lower-cased word (bit i of WORD_LIST_MASKS's value: list i). */
const WORD_LISTS: ReadonlyArray<ReadonlySet<string>> = [
  NUMBER_WORDS, LARGE, PERCENT, MONEY, IRREGULAR_PAST, HAVE, BE, VOTE, LEGISLATION, TIME_WORDS, COMPARATIVE,
  SUPERLATIVE, CAUSE, GENERAL, NEGATION, SAY, ANON, THIRD_ACTOR, POLICY, HEDGE, PREDICT, FUTURE, FIRST,
  FIRST_SUBJ, SECOND, OBLIGATION, EVALUATIVE, GREETING, CONDITIONAL, WH, AUX_START, FILLER_START,
];
const W_NUMBER = 1 << 0, W_LARGE = 1 << 1, W_PERCENT = 1 << 2, W_MONEY = 1 << 3, W_IRREGULAR_PAST = 1 << 4;
const W_HAVE = 1 << 5, W_BE = 1 << 6, W_VOTE = 1 << 7, W_LEGISLATION = 1 << 8, W_TIME = 1 << 9;
const W_COMPARATIVE = 1 << 10, W_SUPERLATIVE = 1 << 11, W_CAUSE = 1 << 12, W_GENERAL = 1 << 13, W_NEGATION = 1 << 14;
const W_SAY = 1 << 15, W_ANON = 1 << 16, W_THIRD = 1 << 17, W_POLICY = 1 << 18, W_HEDGE = 1 << 19;
const W_PREDICT = 1 << 20, W_FUTURE = 1 << 21, W_FIRST = 1 << 22, W_FIRST_SUBJ = 1 << 23, W_SECOND = 1 << 24;
const W_OBLIGATION = 1 << 25, W_EVALUATIVE = 1 << 26, W_GREETING = 1 << 27, W_CONDITIONAL = 1 << 28;
const W_WH = 1 << 29, W_AUX_START = 1 << 30, W_FILLER_START = 1 << 31;
/** Lists looked up by the lower-cased lemma. */
const LEMMA_LISTS: ReadonlyArray<ReadonlySet<string>> = [CURRENCY_WORDS, EVENT_VERBS, CHANGE_VERBS, POLICY, OPINION_VERBS];
const L_CURRENCY = 1 << 0, L_EVENT = 1 << 1, L_CHANGE = 1 << 2, L_POLICY = 1 << 3, L_OPINION = 1 << 4;

function masks(lists: ReadonlyArray<ReadonlySet<string>>): ReadonlyMap<string, number> {
  const m = new Map<string, number>();
  lists.forEach((list, bit) => {
    for (const w of list) m.set(w, (m.get(w) ?? 0) | (1 << bit));
  });
  return m;
}
/** The word lists each lower-cased word is in, as bits (W_*). */
export const WORD_LIST_MASKS = masks(WORD_LISTS);
/** The lemma lists each lower-cased lemma is in, as bits (L_*). */
export const LEMMA_LIST_MASKS = masks(LEMMA_LISTS);
/** A bit of a token's lemma bits beside its lemma lists: the lower-cased lemma is not the lower-cased word ("ran" → "run"). */
export const L_INFLECTED = 1 << LEMMA_LISTS.length;
/** Another: the word holds a digit. */
export const L_DIGIT = 1 << (LEMMA_LISTS.length + 1);

/**
 * The words some features look for one by one ("last" before a time word, "going to", "you know"...), each with
 * a code, its index + 1 (0: none of these): one integer per token to compare instead of strings.
 */
const MARKER_WORDS = ['last', 'one', 'number', 'due', 'thanks', 'lead', 'led', 'to', 'according', 'going', 'opinion',
  'view', 'my', 'our', 'have', 'got', 'has', '?', '!', 'evening', 'morning', 'afternoon', 'night', 'good', 'you', 'know',
  'i', 'mean', 'of', 'course', 'let', 'let\'s', ','] as const;
/** The code of each marker word. */
export const MARKER_CODES: ReadonlyMap<string, number> = new Map(MARKER_WORDS.map((w, i) => [w, i + 1]));
const marker = (word: (typeof MARKER_WORDS)[number]): number => MARKER_CODES.get(word)!;
const M_LAST = marker('last'), M_ONE = marker('one'), M_NUMBER = marker('number'), M_DUE = marker('due');
const M_THANKS = marker('thanks'), M_LEAD = marker('lead'), M_LED = marker('led'), M_TO = marker('to');
const M_ACCORDING = marker('according'), M_GOING = marker('going'), M_OPINION = marker('opinion'), M_VIEW = marker('view');
const M_MY = marker('my'), M_OUR = marker('our'), M_HAVE = marker('have'), M_GOT = marker('got'), M_HAS = marker('has');
const M_QUESTION = marker('?'), M_EXCLAMATION = marker('!'), M_EVENING = marker('evening'), M_MORNING = marker('morning');
const M_AFTERNOON = marker('afternoon'), M_NIGHT = marker('night'), M_GOOD = marker('good'), M_YOU = marker('you');
const M_KNOW = marker('know'), M_I = marker('i'), M_MEAN = marker('mean'), M_OF = marker('of'), M_COURSE = marker('course');
const M_LET = marker('let'), M_LETS = marker('let\'s'), M_COMMA = marker(',');

/** A token's lemma, lower-cased (the word's own lower case when wink-nlp gives it as the lemma). */
export function lowerLemma(t: CwToken): string {
  return t.lemma === t.lower ? t.lower : t.lemma.toLowerCase();
}

const ix = (name: NamedFeature): number => INDEX.get(name)!;
const F_HAS_NUMBER = ix('has-number'), F_NUMBER_WORD = ix('number-word'), F_PERCENT = ix('percent'), F_MONEY = ix('money');
const F_YEAR = ix('year'), F_LARGE = ix('large-quantity'), F_EVENT = ix('event-verb'), F_CHANGE = ix('change-verb');
const F_PAST = ix('past-tense'), F_PERFECT = ix('perfect-aspect'), F_PASSIVE = ix('passive'), F_VOTE = ix('vote');
const F_LEGISLATION = ix('legislation'), F_TIME = ix('time-reference'), F_COMPARISON = ix('comparison');
const F_SUPERLATIVE = ix('superlative'), F_CAUSE = ix('cause'), F_GENERAL = ix('generalisation'), F_NEGATION = ix('negation');
const F_NAMED_ENTITY = ix('named-entity'), F_MANY_NAMED = ix('many-named-entities'), F_NAMED_SOURCE = ix('named-source');
const F_ANON_SOURCE = ix('anonymous-source'), F_ATTRIBUTED = ix('attributed'), F_THIRD = ix('third-person-actor');
const F_POLICY = ix('policy-term'), F_HEDGE = ix('hedge'), F_PREDICTION = ix('prediction'), F_PROMISE = ix('promise');
const F_FIRST = ix('first-person'), F_FIRST_OPINION = ix('first-person-opinion'), F_SECOND = ix('second-person');
const F_OBLIGATION = ix('modal-obligation'), F_EVALUATIVE = ix('evaluative-adjective'), F_QUESTION = ix('question');
const F_EXCLAMATION = ix('exclamation'), F_IMPERATIVE = ix('imperative'), F_GREETING = ix('greeting');
const F_FILLER = ix('discourse-filler'), F_CONDITIONAL = ix('conditional'), F_SHORT = ix('short'), F_LONG = ix('long');

/** Per-token word masks, lemma bits and marker codes of the tokens namedFlags reads (grown as needed; not re-entrant). */
let wordMaskScratch = new Int32Array(256);
let lemmaBitsScratch = new Int32Array(256);
let markerScratch = new Int32Array(256);

/**
 * The named features that fire for the tokens, as flags indexed like NAMED_FEATURES (1: fired).
 * `out` is filled (cleared first) and returned.
 */
export function namedFlags(tokens: ReadonlyArray<CwToken>, out: Uint8Array = new Uint8Array(NAMED_FEATURES.length)): Uint8Array {
  const n = tokens.length;
  if (wordMaskScratch.length < n) {
    wordMaskScratch = new Int32Array(Math.max(n, wordMaskScratch.length * 2));
    lemmaBitsScratch = new Int32Array(wordMaskScratch.length);
    markerScratch = new Int32Array(wordMaskScratch.length);
  }
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const lemma = lowerLemma(t);
    wordMaskScratch[i] = WORD_LIST_MASKS.get(t.lower) ?? 0;
    lemmaBitsScratch[i] = (LEMMA_LIST_MASKS.get(lemma) ?? 0) | (lemma !== t.lower ? L_INFLECTED : 0) | (hasDigit(t.lower) ? L_DIGIT : 0);
    markerScratch[i] = MARKER_CODES.get(t.lower) ?? 0;
  }
  return namedFlagsOf(tokens, 0, n, wordMaskScratch, lemmaBitsScratch, markerScratch, out);
}

/**
 * The named features of tokens `from`..`to` (exclusive), given each token's word-list mask (`wordMasks[i]`:
 * WORD_LIST_MASKS of its lower case), lemma bits (`lemmaBits[i]`: LEMMA_LIST_MASKS of its lower-cased
 * lemma, L_INFLECTED and L_DIGIT) and marker code (`markers[i]`: MARKER_CODES of its lower case, or 0). One pass
 * over the tokens, with no lookups of its own. `out` is cleared, filled and returned.
 */
export function namedFlagsOf(tokens: ReadonlyArray<CwToken>, from: number, to: number, wordMasks: Int32Array, lemmaBits: Int32Array, markers: Int32Array, out: Uint8Array): Uint8Array {
  const on = out;
  on.fill(0);
  const wm = wordMasks;
  let words = 0;
  let propn = 0;
  let firstAt = -1;
  let secondAt = -1;
  let lastPunctIsQuestion = false;
  // (rare flags are kept in locals and stored once, after the loop: a store that optimized code meets
  // for the first time costs a deoptimization)
  let exclamation = false;
  let filler = false;
  let firstOpinion = false;
  let sayAt = -1;
  let prevMarker = 0;
  let prevMask = 0;
  let prevPos = '';
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const lw = t.lower;
    const pos = t.pos;
    const type = t.type;
    const m = wm[i]!;
    const lm = lemmaBits[i]!;
    const mk = markers[i]!;
    const inflected = (lm & L_INFLECTED) !== 0;
    if (type === 'word' || type === 'number') {
      words++;
      if (firstAt < 0) firstAt = i;
      else if (secondAt < 0) secondAt = i;
    }
    if (type === 'punctuation') lastPunctIsQuestion = mk === M_QUESTION;
    const digit = (lm & L_DIGIT) !== 0;
    if (digit || type === 'number') on[F_HAS_NUMBER] = 1;
    if (digit && YEAR.test(lw)) on[F_YEAR] = 1;
    if (m & W_NUMBER) on[F_NUMBER_WORD] = 1;
    if (m & W_LARGE) on[F_LARGE] = 1;
    if (m & W_PERCENT || (lw.length > 0 && lw.charCodeAt(lw.length - 1) === PERCENT_SIGN)) on[F_PERCENT] = 1;
    if (type === 'currency' || m & W_MONEY || lm & L_CURRENCY) on[F_MONEY] = 1;
    const verbal = pos === 'VERB' || pos === 'AUX';
    if (verbal || pos === 'NOUN') {
      if (lm & L_EVENT && pos !== 'NOUN') on[F_EVENT] = 1;
      if (lm & L_CHANGE) on[F_CHANGE] = 1;
    }
    if (verbal && (m & W_IRREGULAR_PAST || (inflected && lw.length > 3 && lw.endsWith('ed')))) {
      on[F_PAST] = 1;
      if (pos === 'VERB' && prevMask & W_HAVE) on[F_PERFECT] = 1;
      if (pos === 'VERB' && prevMask & W_BE && lw.endsWith('ed')) on[F_PASSIVE] = 1;
    }
    if (m & W_VOTE) on[F_VOTE] = 1;
    if (m & W_LEGISLATION) on[F_LEGISLATION] = 1;
    if (m & W_TIME || (mk === M_LAST && i + 1 < to && wm[i + 1]! & W_TIME)) on[F_TIME] = 1;
    if (m & W_COMPARATIVE) on[F_COMPARISON] = 1;
    else if ((pos === 'ADJ' || pos === 'ADV') && inflected && lw.length > 4 && lw.endsWith('er')) on[F_COMPARISON] = 1;
    // (one store for the three readings, the last of which is rare: see above)
    if (m & W_SUPERLATIVE || (pos === 'ADJ' && inflected && lw.endsWith('est')) || (mk === M_ONE && prevMarker === M_NUMBER)) on[F_SUPERLATIVE] = 1;
    if (m & W_CAUSE) {
      if (mk === M_DUE || mk === M_THANKS || mk === M_LEAD || mk === M_LED) {
        if (i + 1 < to && markers[i + 1] === M_TO) on[F_CAUSE] = 1;
      } else on[F_CAUSE] = 1;
    }
    if (m & W_GENERAL) on[F_GENERAL] = 1;
    if (m & W_NEGATION) on[F_NEGATION] = 1;
    if (pos === 'PROPN') propn++;
    if (m & W_SAY && (pos === 'VERB' || mk === M_ACCORDING)) {
      on[F_ATTRIBUTED] = 1;
      sayAt = i;
    }
    if (m & W_ANON && (pos === 'NOUN' || pos === 'PROPN')) {
      // "officials said", "a study found", "experts say": an unnamed source with a speech verb nearby
      for (let j = i + 1; j < Math.min(to, i + 4); j++) if (wm[j]! & W_SAY) on[F_ANON_SOURCE] = 1;
    }
    if (m & W_THIRD && i + 1 < to) {
      const next = tokens[i + 1]!.pos;
      if (next === 'VERB' || next === 'AUX') on[F_THIRD] = 1;
    }
    if (m & W_POLICY || lm & L_POLICY) on[F_POLICY] = 1;
    if (m & W_HEDGE) on[F_HEDGE] = 1;
    if (m & W_PREDICT) on[F_PREDICTION] = 1;
    if (m & W_FUTURE || (mk === M_GOING && i + 1 < to && markers[i + 1] === M_TO && i + 2 < to && tokens[i + 2]!.pos === 'VERB')) {
      if (prevMask & W_FIRST_SUBJ || (prevPos === 'AUX' && i - 2 >= from && wm[i - 2]! & W_FIRST_SUBJ)) on[F_PROMISE] = 1;
      else on[F_PREDICTION] = 1;
    }
    if (m & W_FIRST && pos === 'PRON') on[F_FIRST] = 1;
    if (lm & L_OPINION && pos === 'VERB') {
      // "I think", "we believe", "I don't think", "I strongly support"
      for (let j = Math.max(from, i - 3); j < i; j++) if (wm[j]! & W_FIRST_SUBJ) firstOpinion = true;
    }
    if ((mk === M_OPINION || mk === M_VIEW) && (prevMarker === M_MY || prevMarker === M_OUR)) firstOpinion = true;
    if (m & W_SECOND) on[F_SECOND] = 1;
    if (m & W_OBLIGATION && verbal) on[F_OBLIGATION] = 1;
    if (mk === M_TO && (prevMarker === M_HAVE || prevMarker === M_GOT || prevMarker === M_HAS) && i + 1 < to && tokens[i + 1]!.pos === 'VERB') on[F_OBLIGATION] = 1;
    if (m & W_EVALUATIVE && (pos === 'ADJ' || pos === 'NOUN')) on[F_EVALUATIVE] = 1;
    if (mk === M_QUESTION) on[F_QUESTION] = 1;
    if (mk === M_EXCLAMATION) exclamation = true;
    if (m & W_GREETING || ((mk === M_EVENING || mk === M_MORNING || mk === M_AFTERNOON || mk === M_NIGHT) && prevMarker === M_GOOD)) on[F_GREETING] = 1;
    if (m & W_CONDITIONAL) on[F_CONDITIONAL] = 1;
    if ((prevMarker === M_YOU && mk === M_KNOW) || (prevMarker === M_I && mk === M_MEAN) || (prevMarker === M_OF && mk === M_COURSE)) filler = true;
    prevMarker = mk;
    prevMask = m;
    prevPos = pos;
  }
  if (sayAt >= 0) {
    // a proper noun within five tokens either side of the speech verb: "Smith said", "according to the IMF"
    for (let j = Math.max(from, sayAt - 5); j < Math.min(to, sayAt + 6); j++) if (tokens[j]!.pos === 'PROPN') on[F_NAMED_SOURCE] = 1;
  }
  if (propn > 0) on[F_NAMED_ENTITY] = 1;
  if (propn >= 3) on[F_MANY_NAMED] = 1;
  if (firstAt >= 0) {
    const firstWord = tokens[firstAt]!;
    const fmk = markers[firstAt]!;
    const fm = wm[firstAt]!;
    if (fm & W_WH && lastPunctIsQuestion) on[F_QUESTION] = 1;
    if (fm & W_AUX_START && lastPunctIsQuestion) on[F_QUESTION] = 1;
    const imperative = (firstWord.pos === 'VERB' && !(lemmaBits[firstAt]! & L_INFLECTED) && !(fm & W_AUX_START)) || fmk === M_LET || fmk === M_LETS;
    on[F_IMPERATIVE] = imperative ? 1 : 0;
    // "Well, ...", "Look, ..." — the speaker's turn-taking rather than content
    if (fm & W_FILLER_START && secondAt >= 0 && markers[secondAt - 1] === M_COMMA) filler = true;
  }
  on[F_EXCLAMATION] = exclamation ? 1 : 0;
  on[F_FILLER] = filler ? 1 : 0;
  on[F_FIRST_OPINION] = firstOpinion ? 1 : 0;
  if (words <= 6) on[F_SHORT] = 1;
  if (words >= 25) on[F_LONG] = 1;
  return on;
}

/** The names of the flags that are set, in NAMED_FEATURES order. */
export function flagNames(on: Uint8Array): NamedFeature[] {
  const out: NamedFeature[] = [];
  for (let i = 0; i < NAMED_FEATURES.length; i++) if (on[i]) out.push(NAMED_FEATURES[i]!);
  return out;
}

/** The named features that fire for the claim's words, in NAMED_FEATURES order. */
export function namedFeatures(tokens: ReadonlyArray<CwToken>): NamedFeature[] {
  return flagNames(namedFlags(tokens));
}

/** The lexical form a token contributes: its lower-cased lemma, with figures folded to one key. */
export function lexForm(t: CwToken): string | null {
  if (t.type === 'punctuation') return t.lower === '?' || t.lower === '!' ? t.lower : null;
  if (t.type === 'number' || hasDigit(t.lower)) return YEAR.test(t.lower) ? '<year>' : '<num>';
  if (t.type === 'currency') return '<cur>';
  return t.lemma.toLowerCase();
}

/** A coarse tag: wink-nlp's universal POS, with past and -ing verb forms told apart. */
function tagOf(t: CwToken): string {
  if (t.type === 'punctuation') return t.lower === '?' || t.lower === '!' || t.lower === ',' ? t.lower : '.';
  if (t.pos === 'VERB' || t.pos === 'AUX') {
    if (isPast(t)) return `${t.pos}-d`;
    if (t.lower.endsWith('ing')) return `${t.pos}-g`;
    if (t.lower.endsWith('s') && t.lemma.toLowerCase() !== t.lower) return `${t.pos}-z`;
  }
  return t.pos;
}

/**
 * Lexical keys, deduplicated: "u:<lemma>" unigrams, "w:<word>" inflected word forms, "b:<lemma> <lemma>"
 * bigrams (with "<s>" marking the start), "t:" lemma trigrams, "p:" tag bigrams and trigrams, and
 * "x:<feature>&<feature>" pairs of named features. The model keeps weights only for the pruned
 * vocabulary it was trained with, so unknown keys cost nothing but the lookup.
 */
export function lexicalKeys(tokens: ReadonlyArray<CwToken>, named?: ReadonlyArray<string>, families = 'uwbtpx'): string[] {
  const keys = new Set<string>();
  const uni = families.includes('u');
  const word = families.includes('w');
  const bi = families.includes('b');
  const tri = families.includes('t');
  const tags = families.includes('p');
  let p1 = '<s>';
  let p2 = '<s>';
  let g1 = '<s>';
  let g2 = '<s>';
  for (const t of tokens) {
    if (tags) {
      const tag = tagOf(t);
      keys.add(`p:${g1} ${tag}`);
      keys.add(`p:${g2} ${g1} ${tag}`);
      g2 = g1;
      g1 = tag;
    }
    const form = lexForm(t);
    if (form === null) continue;
    if (uni) keys.add(`u:${form}`);
    if (word && t.type === 'word' && t.lower !== form) keys.add(`w:${t.lower}`);
    if (bi) keys.add(`b:${p1} ${form}`);
    if (tri) keys.add(`t:${p2} ${p1} ${form}`);
    p2 = p1;
    p1 = form;
  }
  if (tags) keys.add(`p:${g1} </s>`);
  if (named && families.includes('x')) {
    for (let i = 0; i < named.length; i++) for (let j = i + 1; j < named.length; j++) keys.add(`x:${named[i]!}&${named[j]!}`);
  }
  return [...keys];
}

/** Straightens curly quotes and apostrophes, as the pipeline's normalised text does. */
function straighten(text: string): string {
  return text.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, '\'').replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"');
}

/** Tokenises a claim with the shared wink-nlp instance, into the fields the features read. */
export function tokenize(text: string): CwToken[] {
  const winkNlp = nlp();
  const its = winkNlp.its;
  const doc = winkNlp.readDoc(straighten(text));
  type Its = Parameters<ReturnType<typeof doc.tokens>['out']>[0];
  const values = doc.tokens().out() as string[];
  const pos = doc.tokens().out(its.pos as unknown as Its) as string[];
  const lemmas = doc.tokens().out(its.lemma as unknown as Its) as string[];
  const types = doc.tokens().out(its.type as unknown as Its) as string[];
  return values.map((value, i) => ({
    text: value,
    lower: value.toLowerCase(),
    pos: pos[i] ?? 'X',
    lemma: lemmas[i] ?? value.toLowerCase(),
    type: types[i] ?? 'word',
  }));
}
