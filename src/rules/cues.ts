import { lemmaCount } from './cueData.js';

/**
 * The cue lexicon: words that introduce what someone said, wrote or holds.
 *
 * Which words are cues is data: scripts/count-cues.ts counts every lemma that heads a gold Cue in
 * PolNeAR train (src/rules/cues.counts.json: 611 lemmas with their counts, and the words a cue
 * takes after its head, "call for", "say in a statement"), and scripts/train-cues.ts fits the
 * detector that decides, in context, whether a word is a cue (src/rules/cues.weights.json).
 * This file adds what counts cannot say: each cue's frame (does it confirm, deny, accuse?) and
 * complement, for the lemmas whose frame matters to claims, and the phrase cues. An entry's
 * `trainCount` is read from the counts file.
 *
 * complement:
 *   clause  — content is the clause after the cue ("said the talks failed")
 *   object  — content is the noun phrase or clause after the cue ("confirmed the failure of ...")
 *   predicate — content is what the object is called ("calling it “non-representative”")
 */
export type CueFrame = 'speech' | 'confirm' | 'deny' | 'belief' | 'accuse';
export type CueComplement = 'clause' | 'object' | 'predicate';

export interface CueEntry {
  lemma: string;
  frame: CueFrame;
  complement: CueComplement;
  /** how often the lemma heads a gold Cue in PolNeAR train (0 when the counts file is absent) */
  trainCount: number;
  /** only a cue when followed by "that", a quotation or a clause: "argue", "believe" (lexicon-only mode) */
  needsClause?: boolean;
}

const e = (lemma: string, frame: CueFrame, complement: CueComplement, needsClause = false): CueEntry =>
  needsClause ? { lemma, frame, complement, trainCount: 0, needsClause } : { lemma, frame, complement, trainCount: 0 };

export const CUE_LEXICON: readonly CueEntry[] = [
  e('say', 'speech', 'clause'),
  e('tell', 'speech', 'clause'),
  e('add', 'speech', 'clause'),
  e('write', 'speech', 'clause'),
  e('call', 'speech', 'predicate', true),
  e('ask', 'speech', 'clause', true),
  e('note', 'speech', 'clause'),
  e('suggest', 'speech', 'clause', true),
  e('argue', 'speech', 'clause'),
  e('report', 'speech', 'clause', true),
  e('announce', 'speech', 'clause'),
  e('think', 'belief', 'clause', true),
  e('claim', 'speech', 'clause'),
  e('cite', 'speech', 'object'),
  e('believe', 'belief', 'clause', true),
  e('tweet', 'speech', 'clause'),
  e('explain', 'speech', 'clause'),
  e('acknowledge', 'confirm', 'object'),
  e('accuse', 'accuse', 'object'),
  e('insist', 'speech', 'clause'),
  e('declare', 'speech', 'clause'),
  e('recall', 'speech', 'clause', true),
  e('urge', 'speech', 'object', true),
  e('encourage', 'speech', 'object', true),
  e('state', 'speech', 'clause'),
  e('promise', 'speech', 'clause', true),
  e('conclude', 'speech', 'clause', true),
  e('vow', 'speech', 'clause'),
  e('reveal', 'speech', 'clause', true),
  e('respond', 'speech', 'clause', true),
  e('warn', 'speech', 'clause'),
  e('predict', 'speech', 'clause'),
  e('indicate', 'speech', 'clause', true),
  e('pledge', 'speech', 'clause'),
  e('dismiss', 'deny', 'object'),
  e('blame', 'accuse', 'object', true),
  e('admit', 'confirm', 'clause'),
  e('reply', 'speech', 'clause'),
  e('deny', 'deny', 'object'),
  e('estimate', 'speech', 'clause', true),
  e('reject', 'deny', 'object'),
  e('mention', 'speech', 'clause', true),
  e('assert', 'speech', 'clause'),
  e('remark', 'speech', 'clause'),
  e('confirm', 'confirm', 'object'),
  e('assure', 'speech', 'clause', true),
  e('concede', 'confirm', 'clause'),
  e('emphasize', 'speech', 'clause'),
  e('emphasise', 'speech', 'clause'),
  e('threaten', 'speech', 'clause', true),
  e('reiterate', 'speech', 'clause'),
  e('complain', 'speech', 'clause', true),
  e('stress', 'speech', 'clause'),
  e('repeat', 'speech', 'clause', true),
  e('caution', 'speech', 'clause'),
  e('contend', 'speech', 'clause'),
  e('maintain', 'speech', 'clause', true),
  e('allege', 'accuse', 'clause'),
  e('charge', 'accuse', 'clause', true),
  e('counter', 'speech', 'clause'),
  e('observe', 'speech', 'clause', true),
  e('testify', 'speech', 'clause'),
  e('verify', 'confirm', 'object'),
  e('refute', 'deny', 'object'),
  e('reaffirm', 'speech', 'clause'),
  e('affirm', 'speech', 'clause'),
  e('quip', 'speech', 'clause'),
  e('point', 'speech', 'clause', true),
  e('exclaim', 'speech', 'clause'),
  e('comment', 'speech', 'clause'),
  e('continue', 'speech', 'clause', true),
  e('inform', 'speech', 'clause'),
  e('brief', 'speech', 'clause', true),
  e('concur', 'speech', 'clause', true),
  e('describe', 'speech', 'predicate', true),
  e('characterize', 'speech', 'predicate', true),
  e('characterise', 'speech', 'predicate', true),
  e('label', 'speech', 'predicate', true),
  e('brand', 'speech', 'predicate', true),
  e('dub', 'speech', 'predicate', true),
  e('announce', 'speech', 'clause'),
  e('shout', 'speech', 'clause'),
  e('joke', 'speech', 'clause'),
  e('question', 'speech', 'object', true),
  e('criticize', 'speech', 'object', true),
  e('criticise', 'speech', 'object', true),
  e('condemn', 'speech', 'object', true),
  e('praise', 'speech', 'object', true),
  e('thank', 'speech', 'object', true),
  e('disclose', 'speech', 'clause', true),
  e('hint', 'speech', 'clause', true),
  e('demand', 'speech', 'clause', true),
  e('agree', 'speech', 'clause', true),
  e('expect', 'belief', 'clause', true),
  e('fear', 'belief', 'clause', true),
  e('hope', 'belief', 'clause', true),
  e('worry', 'belief', 'clause', true),
  e('feel', 'belief', 'clause', true),
  e('know', 'belief', 'clause', true),
  e('show', 'speech', 'clause', true),
  e('find', 'speech', 'clause', true),
];

/** Multi-word cues, matched on lowercased token text. `head` is the token that gets the cue's lemma. */
export interface PhraseCue {
  words: readonly string[];
  lemma: string;
  frame: CueFrame;
  /** where the source stands: after the phrase ("according to X") or before it */
  sourceAfter: boolean;
  /** the words of the phrase that are the cue, when not all of them: "as [reported] by" */
  span?: readonly [number, number];
}

export const PHRASE_CUES: readonly PhraseCue[] = [
  { words: ['according', 'to'], lemma: 'according to', frame: 'speech', sourceAfter: true },
  { words: ['in', 'the', 'words', 'of'], lemma: 'in the words of', frame: 'speech', sourceAfter: true },
  { words: ['as', 'reported', 'by'], lemma: 'report', frame: 'speech', sourceAfter: true, span: [1, 2] },
];

/**
 * Nouns that report what someone said, wrote or holds, with the frame they give it. With a possessor
 * and a "that"-clause they are a cue: "Trump’s claim that …", "his denial that …", "the ministry's
 * statement that …". Without a possessor nobody is named, and no attribution is made.
 */
export const CUE_NOUNS: ReadonlyMap<string, CueFrame> = new Map<string, CueFrame>([
  ['claim', 'speech'], ['claims', 'speech'], ['assertion', 'speech'], ['assertions', 'speech'], ['statement', 'speech'],
  ['statements', 'speech'], ['argument', 'speech'], ['contention', 'speech'], ['insistence', 'speech'], ['warning', 'speech'],
  ['warnings', 'speech'], ['promise', 'speech'], ['pledge', 'speech'], ['vow', 'speech'], ['suggestion', 'speech'],
  ['prediction', 'speech'], ['announcement', 'speech'], ['declaration', 'speech'], ['remark', 'speech'], ['remarks', 'speech'],
  ['comment', 'speech'], ['comments', 'speech'], ['testimony', 'speech'], ['argument', 'speech'], ['explanation', 'speech'],
  ['report', 'speech'], ['reports', 'speech'], ['finding', 'speech'], ['findings', 'speech'], ['conclusion', 'speech'],
  ['view', 'belief'], ['belief', 'belief'], ['position', 'speech'], ['message', 'speech'], ['threat', 'speech'],
  ['allegation', 'accuse'], ['allegations', 'accuse'], ['accusation', 'accuse'], ['accusations', 'accuse'], ['charge', 'accuse'],
  ['charges', 'accuse'], ['complaint', 'accuse'], ['denial', 'deny'], ['denials', 'deny'], ['admission', 'confirm'],
  ['acknowledgment', 'confirm'], ['acknowledgement', 'confirm'], ['confirmation', 'confirm'],
]);

/**
 * Which attributions the quotes stage reports. PolNeAR annotates every stance ("Trump wants…",
 * "criticized the media", "referring to her record", "agreed to continue talks"); the project's
 * gold files (shared/docs/annotation-guide.md) count what someone said, wrote, claimed, confirmed
 * or denied: a proposition or a quotation, not a target, a topic or an unvoiced plan.
 *   'speech' — a learned cue needs propositional content: a clause, a quotation, or a noun phrase
 *              or infinitive only after the cues below whose object is the claim itself;
 *   'stance' — every learned cue with any content (PolNeAR's scope).
 */
export const ATTRIBUTION_SCOPE: 'speech' | 'stance' = 'speech';
/**
 * Stances the 'speech' scope still reports with any content, as PolNeAR does: perception, evidence and
 * appearance ("sees X as", "the poll shows", "seemed to"), talk about a topic ("talked about trade",
 * "pointed to the deficit"), comparison ("compared X to Y"), and choices ("cast their votes for",
 * "nominated X"). Chosen on PolNeAR train: each added at least half of its new attributions right,
 * leaving out the lemmas whose objects the guide excludes (seek, agree, refer, order, identify, issue,
 * post), judgements (JUDGEMENT_LEMMAS: a target is no claim) and "show" and "suggest" (EVIDENCE_LEMMAS: only
 * a poll or a record shows).
 */
export const STANCE_LEMMAS = new Set('seem appear see offer talk look continue point discuss push speak find tweet consider like cast name deliver compare share challenge lay declare expect view require sound feel nominate plead repeat comment prefer choose apologize rail boast count love accept portray hire struggle contrast recount project advocate envision promote promising approve think appoint devote cheer answer request argue repeating decline regard prove enjoy invoke offering outline hint witness address spar float campaign reaffirm weigh publish criticism disagree renew decision warning peg recite represent recognize explain file ignore embrace remember indicate press launch email'.split(' '));

/**
 * Cues whose noun-phrase object is what is claimed ("confirmed the failure", "denied the report",
 * "cited X"), or the object of a stated position ("endorsed Clinton", "opposes the bill").
 */
export const NP_CONTENT_LEMMAS = new Set(['confirm', 'deny', 'dismiss', 'reject', 'refute', 'verify', 'acknowledge', 'admit',
  'concede', 'cite', 'accuse', 'blame', 'announce', 'report', 'reveal', 'disclose', 'predict', 'estimate', 'forecast',
  'demand', 'call', 'ask', 'urge', 'encourage', 'describe', 'characterize', 'characterise', 'label', 'brand', 'dub', 'according to',
  'allege', 'claim', 'question', 'dispute', 'recommend', 'propose', 'promise', 'pledge', 'vow', 'warn', 'quote', 'note',
  'endorse', 'support', 'oppose', 'back', 'praise', 'condemn', 'welcome', 'applaud', 'defend', 'denounce', 'favor', 'favour',
  'want']);
/**
 * Stated positions whose noun-phrase object is the position itself, in the 'speech' scope:
 * "expressed concern about the deal", "mentioned her record", "echoed the criticism", "stressed the need for talks".
 */
export const STATED_POSITION_NP_LEMMAS = new Set(['express', 'voice', 'mention', 'echo', 'stress', 'emphasize', 'emphasise',
  'highlight', 'underscore', 'list', 'recall', 'lament', 'decry', 'tout', 'caution', 'complain', 'reiterate', 'concede']);
/**
 * Judgements whose object is only their target ("criticized the plan" is no quote), unless a reason
 * follows, which is what the speaker holds against it: "criticized the plan for raising taxes".
 */
export const JUDGEMENT_LEMMAS = new Set(['criticize', 'criticise', 'slam', 'blast', 'attack', 'fault', 'chide', 'rebuke', 'scold',
  'lambaste', 'knock', 'mock', 'ridicule', 'praise', 'commend', 'applaud', 'thank', 'congratulate', 'credit', 'hail', 'laud']);
/** Words after a judgement's target that give its reason. */
export const JUDGEMENT_REASON_WORDS = new Set(['for', 'over']);
/**
 * Evidence speaks through these verbs with a noun-phrase object when the subject is a poll, study or
 * record: "a poll shows Clinton leading in Ohio", "the study found higher rates of asthma".
 */
export const EVIDENCE_LEMMAS = new Set(['show', 'find', 'suggest', 'indicate', 'reveal', 'put', 'give']);
export const EVIDENCE_HEADS = new Set(['poll', 'polls', 'survey', 'surveys', 'study', 'studies', 'data', 'report', 'reports',
  'analysis', 'figures', 'numbers', 'records', 'record', 'research', 'results', 'statistics', 'audit', 'review', 'investigation',
  'video', 'footage', 'documents', 'document', 'filings', 'filing', 'estimates', 'estimate', 'count', 'tally', 'census', 'model',
  'forecast', 'projections', 'averages', 'average', 'exit', 'emails', 'email', 'memo', 'letter', 'tests', 'test', 'evidence']);
/** Objects that make a cue an act rather than a claim: "claimed responsibility", "took credit". */
export const ACT_OBJECTS = new Set(['responsibility', 'credit', 'victory', 'office', 'power', 'control', 'asylum']);
/** Cues that voice an intention or a request with "to": "vowed to resign", "urged him to stay", "declined to comment". */
export const INFINITIVE_CONTENT_LEMMAS = new Set(['promise', 'pledge', 'vow', 'threaten', 'urge', 'ask', 'tell', 'call',
  'warn', 'encourage', 'advise', 'claim', 'demand', 'decline', 'refuse', 'beg', 'implore',
  'appeal', 'request', 'invite', 'challenge', 'dare', 'remind', 'offer', 'propose', 'say', 'write', 'tweet',
  'want', 'plan', 'hope', 'intend', 'wish', 'aim', 'decide', 'prefer', 'attempt', 'try', 'expect']);

const BY_LEMMA = new Map<string, CueEntry>();
for (const entry of CUE_LEXICON) if (!BY_LEMMA.has(entry.lemma)) BY_LEMMA.set(entry.lemma, entry);

export function cueEntry(lemma: string): CueEntry | undefined {
  const entry = BY_LEMMA.get(lemma);
  if (entry && entry.trainCount === 0) entry.trainCount = lemmaCount(lemma)?.[0] ?? 0;
  return entry;
}

/** Words that mark a claim as hedged, as data: [phrase, ruleId]. */
export const HEDGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\breportedly\b/i, 'hedge-reportedly'],
  [/\ballegedly\b/i, 'hedge-allegedly'],
  [/\balleged\b/i, 'hedge-alleged'],
  [/\bpurportedly\b/i, 'hedge-purportedly'],
  [/\bpresumably\b/i, 'hedge-presumably'],
  [/\bapparently\b/i, 'hedge-apparently'],
  [/\bsuspected\b/i, 'hedge-suspected'],
  [/\bappear(?:s|ed)?\b/i, 'hedge-appear'],
  [/\bseem(?:s|ed)?\b/i, 'hedge-seem'],
  [/\bcould not be (?:independently )?(?:verified|confirmed)\b/i, 'hedge-unverified'],
  [/\bunconfirmed\b|\bunverified\b/i, 'hedge-unconfirmed'],
  [/\b(?:is|are|was|were|been) (?:(?:on|in|at|by|earlier|later|also|now|widely|initially|first) (?:\w+ ){0,2})?(?:said|reported|thought|understood|believed|alleged) to\b/i, 'hedge-reported-to'],
  [/\b(?:reports|sources) (?:suggest|indicate)(?:s|ed)?\b/i, 'hedge-reports-suggest'],
  [/\b(?:by|according to|from) (?:(?:some|many|several|unconfirmed|initial|early|media|press|news|local) )*reports\b/i, 'hedge-by-reports'],
  [/\bsupposedly\b/i, 'hedge-supposedly'],
  [/\b(?:possibly|perhaps|probably|likely|unlikely)\b/i, 'hedge-likely'],
  [/\b(?:may|might) (?:have|be|not)\b|\bmight\b/, 'hedge-modal'],
  [/\bas far as (?:I|we) know\b|\bI (?:think|believe|assume|guess)\b/i, 'hedge-speaker-belief'],
  [/\bunclear\b|\bnot (?:yet )?known\b/i, 'hedge-unclear'],
  [/\b(?:accusations?|allegations?|charges?|suspicions?|rumou?rs?|theory|contention)(?: (?:against|about|over|by) (?:\w+ ){1,3}?)? (?:is|was|are|were) that\b/i, 'hedge-allegation'],
];

/** Words in a claim that deny it: "there is no evidence that", "falsely claimed". */
export const DENIAL_FRAME = /\b(?:(?:no|little|scant) (?:evidence|proof|indication) (?:that|of)\b|falsely (?:claimed|said|stated|alleged)\b|(?:is|was|are|were) (?:false|untrue|baseless|unfounded)\b)/i;

/** A figure the text itself calls confirmed: "39 are confirmed dead", "the confirmed deaths are". */
export const CONFIRMED_FIGURE = /\b(?:(?:confirmed|verified)\s+(?:dead|deaths?|killed|fatalities|casualties|injur(?:ed|ies)|cases?|infections?|victims?|missing)\b|(?:death toll|toll|number of (?:dead|deaths|victims)) (?:was|has been|is) confirmed\b)/i;

/** Outlet phrasing that confirms without a cue verb: "was acknowledged by", "has been verified". */
export const CONFIRM_PASSIVE = /\b(?:was|were|has been|have been|had been|is|are)\s+(?:independently\s+|officially\s+|later\s+)?(confirmed|verified|acknowledged)\s+by\b/i;
