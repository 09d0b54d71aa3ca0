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

/** What earlier stages already know about the claim; each flag, when true, fires its feature. */
export interface CwContext {
  hasNumber?: boolean;
  hasNamedSource?: boolean;
  hasAnonymousSource?: boolean;
  hedged?: boolean;
  attributed?: boolean;
  quoteKind?: 'direct' | 'mixed' | 'indirect' | null;
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

const DIGIT = /\d/;
const YEAR = /^(1[6-9]\d\d|20\d\d)s?$|^'\d0s$/;

function isWord(t: CwToken): boolean {
  return t.type === 'word' || t.type === 'number';
}

function isPast(t: CwToken): boolean {
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return false;
  if (IRREGULAR_PAST.has(t.lower)) return true;
  return t.lower.length > 3 && t.lower.endsWith('ed') && t.lemma.toLowerCase() !== t.lower;
}

/**
 * The named features that fire for the claim, in NAMED_FEATURES order. Reads each token a few
 * times at most: microseconds per sentence.
 */
export function namedFeatures(tokens: ReadonlyArray<CwToken>, context?: CwContext): NamedFeature[] {
  const on = new Uint8Array(NAMED_FEATURES.length);
  const fire = (name: NamedFeature): void => {
    on[INDEX.get(name) ?? 0] = 1;
  };
  const n = tokens.length;
  let words = 0;
  let propn = 0;
  let firstWord: CwToken | undefined;
  let secondWord: CwToken | undefined;
  let lastPunct = '';
  let sayAt = -1;
  let prevLower = '';
  let prevPos = '';
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const lw = t.lower;
    const lemma = t.lemma.toLowerCase();
    if (isWord(t)) {
      words++;
      if (!firstWord) firstWord = t;
      else if (!secondWord) secondWord = t;
    }
    if (t.type === 'punctuation') lastPunct = lw;
    if (t.type === 'number' || t.pos === 'NUM' || DIGIT.test(lw)) {
      if (DIGIT.test(lw) || t.type === 'number') fire('has-number');
      if (YEAR.test(lw)) fire('year');
    }
    if (NUMBER_WORDS.has(lw)) fire('number-word');
    if (LARGE.has(lw)) fire('large-quantity');
    if (PERCENT.has(lw) || lw.endsWith('%')) fire('percent');
    if (t.type === 'currency' || MONEY.has(lw) || CURRENCY_WORDS.has(lemma)) fire('money');
    if (t.pos === 'VERB' || t.pos === 'NOUN' || t.pos === 'AUX') {
      if (EVENT_VERBS.has(lemma) && t.pos !== 'NOUN') fire('event-verb');
      if (CHANGE_VERBS.has(lemma)) fire('change-verb');
    }
    if (isPast(t)) {
      fire('past-tense');
      if (t.pos === 'VERB' && HAVE.has(prevLower)) fire('perfect-aspect');
      if (t.pos === 'VERB' && BE.has(prevLower) && lw.endsWith('ed')) fire('passive');
    }
    if (VOTE.has(lw)) fire('vote');
    if (LEGISLATION.has(lw)) fire('legislation');
    if (TIME_WORDS.has(lw) || (lw === 'last' && i + 1 < n && TIME_WORDS.has(tokens[i + 1]!.lower))) fire('time-reference');
    if (COMPARATIVE.has(lw)) fire('comparison');
    else if ((t.pos === 'ADJ' || t.pos === 'ADV') && lw.endsWith('er') && lemma !== lw && lw.length > 4) fire('comparison');
    if (SUPERLATIVE.has(lw)) fire('superlative');
    else if (t.pos === 'ADJ' && lw.endsWith('est') && lemma !== lw) fire('superlative');
    else if (lw === 'one' && prevLower === 'number') fire('superlative');
    if (CAUSE.has(lw)) {
      if (lw === 'due' || lw === 'thanks') {
        if (i + 1 < n && tokens[i + 1]!.lower === 'to') fire('cause');
      } else if (lw === 'lead' || lw === 'led') {
        if (i + 1 < n && tokens[i + 1]!.lower === 'to') fire('cause');
      } else fire('cause');
    }
    if (GENERAL.has(lw)) fire('generalisation');
    if (NEGATION.has(lw)) fire('negation');
    if (t.pos === 'PROPN') propn++;
    if (SAY.has(lw) && (t.pos === 'VERB' || lw === 'according')) {
      fire('attributed');
      sayAt = i;
    }
    if (ANON.has(lw) && (t.pos === 'NOUN' || t.pos === 'PROPN')) {
      // "officials said", "a study found", "experts say": an unnamed source with a speech verb nearby
      for (let j = i + 1; j < Math.min(n, i + 4); j++) if (SAY.has(tokens[j]!.lower)) fire('anonymous-source');
    }
    if (THIRD_ACTOR.has(lw) && i + 1 < n) {
      const next = tokens[i + 1]!;
      if (next.pos === 'VERB' || next.pos === 'AUX') fire('third-person-actor');
    }
    if (POLICY.has(lw) || POLICY.has(lemma)) fire('policy-term');
    if (HEDGE.has(lw)) fire('hedge');
    if (PREDICT.has(lw)) fire('prediction');
    if (FUTURE.has(lw) || (lw === 'going' && i + 1 < n && tokens[i + 1]!.lower === 'to' && i + 2 < n && tokens[i + 2]!.pos === 'VERB')) {
      if (FIRST_SUBJ.has(prevLower) || (prevPos === 'AUX' && i >= 2 && FIRST_SUBJ.has(tokens[i - 2]!.lower))) fire('promise');
      else fire('prediction');
    }
    if (FIRST.has(lw) && t.pos === 'PRON') fire('first-person');
    if (OPINION_VERBS.has(lemma) && t.pos === 'VERB') {
      // "I think", "we believe", "I don't think", "I strongly support"
      for (let j = Math.max(0, i - 3); j < i; j++) if (FIRST_SUBJ.has(tokens[j]!.lower)) fire('first-person-opinion');
    }
    if (lw === 'opinion' || lw === 'view') {
      if (prevLower === 'my' || prevLower === 'our') fire('first-person-opinion');
    }
    if (SECOND.has(lw)) fire('second-person');
    if (OBLIGATION.has(lw) && (t.pos === 'AUX' || t.pos === 'VERB')) fire('modal-obligation');
    if ((lw === 'to' && (prevLower === 'have' || prevLower === 'got' || prevLower === 'has')) && i + 1 < n && tokens[i + 1]!.pos === 'VERB') fire('modal-obligation');
    if (EVALUATIVE.has(lw) && (t.pos === 'ADJ' || t.pos === 'NOUN')) fire('evaluative-adjective');
    if (lw === '?') fire('question');
    if (lw === '!') fire('exclamation');
    if (GREETING.has(lw) || (lw === 'evening' || lw === 'morning' || lw === 'afternoon' || lw === 'night') && prevLower === 'good') fire('greeting');
    if (CONDITIONAL.has(lw)) fire('conditional');
    prevLower = lw;
    prevPos = t.pos;
  }
  if (sayAt >= 0) {
    // a proper noun within five tokens either side of the speech verb: "Smith said", "according to the IMF"
    for (let j = Math.max(0, sayAt - 5); j < Math.min(n, sayAt + 6); j++) if (tokens[j]!.pos === 'PROPN') fire('named-source');
  }
  if (propn > 0) fire('named-entity');
  if (propn >= 3) fire('many-named-entities');
  if (firstWord) {
    const f = firstWord.lower;
    if (WH.has(f) && lastPunct === '?') fire('question');
    if (AUX_START.has(f) && lastPunct === '?') fire('question');
    if (firstWord.pos === 'VERB' && firstWord.lemma.toLowerCase() === f && !AUX_START.has(f)) fire('imperative');
    if (f === 'let' || f === 'let\'s') fire('imperative');
    if (FILLER_START.has(f) && secondWord !== undefined) {
      // "Well, ...", "Look, ..." — the speaker's turn-taking rather than content
      const second = tokens.indexOf(secondWord);
      if (second > 0 && tokens[second - 1]!.lower === ',') fire('discourse-filler');
    }
  }
  for (let i = 0; i + 1 < n; i++) {
    const a = tokens[i]!.lower;
    const b = tokens[i + 1]!.lower;
    if ((a === 'you' && b === 'know') || (a === 'i' && b === 'mean') || (a === 'of' && b === 'course')) fire('discourse-filler');
  }
  if (words <= 6) fire('short');
  if (words >= 25) fire('long');
  if (context) {
    if (context.hasNumber) fire('has-number');
    if (context.hasNamedSource) fire('named-source');
    if (context.hasAnonymousSource) fire('anonymous-source');
    if (context.hedged) fire('hedge');
    if (context.attributed) fire('attributed');
    if (context.quoteKind === 'direct') fire('quote-direct');
    else if (context.quoteKind === 'mixed') fire('quote-mixed');
    else if (context.quoteKind === 'indirect') fire('quote-indirect');
  }
  const out: NamedFeature[] = [];
  for (let i = 0; i < NAMED_FEATURES.length; i++) if (on[i]) out.push(NAMED_FEATURES[i]!);
  return out;
}

/** The lexical form a token contributes: its lower-cased lemma, with figures folded to one key. */
function lexForm(t: CwToken): string | null {
  if (t.type === 'punctuation') return t.lower === '?' || t.lower === '!' ? t.lower : null;
  if (t.type === 'number' || DIGIT.test(t.lower)) return YEAR.test(t.lower) ? '<year>' : '<num>';
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
