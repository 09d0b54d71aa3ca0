/**
 * The cue lexicon: words that introduce what someone said, wrote or holds.
 * `trainCount` is how often the lemma is a gold Cue in PolNeAR train (840 articles, counted by
 * scripts/count-cues.ts); entries with no count come from the annotation guide.
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
  trainCount: number;
  /** only a cue when followed by "that", a quotation or a clause: "argue", "believe" */
  needsClause?: boolean;
}

const e = (lemma: string, frame: CueFrame, complement: CueComplement, trainCount: number, needsClause = false): CueEntry =>
  needsClause ? { lemma, frame, complement, trainCount, needsClause } : { lemma, frame, complement, trainCount };

export const CUE_LEXICON: readonly CueEntry[] = [
  e('say', 'speech', 'clause', 4755),
  e('tell', 'speech', 'clause', 459),
  e('add', 'speech', 'clause', 263),
  e('write', 'speech', 'clause', 225),
  e('call', 'speech', 'predicate', 214, true),
  e('ask', 'speech', 'clause', 189, true),
  e('note', 'speech', 'clause', 155),
  e('suggest', 'speech', 'clause', 136, true),
  e('argue', 'speech', 'clause', 113),
  e('report', 'speech', 'clause', 111, true),
  e('announce', 'speech', 'clause', 96),
  e('think', 'belief', 'clause', 83, true),
  e('claim', 'speech', 'clause', 68),
  e('cite', 'speech', 'object', 66),
  e('believe', 'belief', 'clause', 64, true),
  e('tweet', 'speech', 'clause', 62),
  e('explain', 'speech', 'clause', 60),
  e('acknowledge', 'confirm', 'object', 55),
  e('accuse', 'accuse', 'object', 50),
  e('insist', 'speech', 'clause', 46),
  e('declare', 'speech', 'clause', 44),
  e('recall', 'speech', 'clause', 43, true),
  e('urge', 'speech', 'object', 40, true),
  e('state', 'speech', 'clause', 39),
  e('promise', 'speech', 'clause', 38, true),
  e('conclude', 'speech', 'clause', 35, true),
  e('vow', 'speech', 'clause', 32),
  e('reveal', 'speech', 'clause', 30, true),
  e('respond', 'speech', 'clause', 30, true),
  e('warn', 'speech', 'clause', 27),
  e('predict', 'speech', 'clause', 26),
  e('indicate', 'speech', 'clause', 25, true),
  e('pledge', 'speech', 'clause', 25),
  e('dismiss', 'deny', 'object', 24),
  e('blame', 'accuse', 'object', 24, true),
  e('admit', 'confirm', 'clause', 23),
  e('reply', 'speech', 'clause', 20),
  e('deny', 'deny', 'object', 18),
  e('estimate', 'speech', 'clause', 18, true),
  e('reject', 'deny', 'object', 17),
  e('mention', 'speech', 'clause', 16, true),
  e('assert', 'speech', 'clause', 14),
  e('remark', 'speech', 'clause', 14),
  e('confirm', 'confirm', 'object', 13),
  e('assure', 'speech', 'clause', 12, true),
  e('concede', 'confirm', 'clause', 12),
  e('emphasize', 'speech', 'clause', 12),
  e('emphasise', 'speech', 'clause', 0),
  e('threaten', 'speech', 'clause', 12, true),
  e('reiterate', 'speech', 'clause', 10),
  e('complain', 'speech', 'clause', 10, true),
  e('stress', 'speech', 'clause', 9),
  e('repeat', 'speech', 'clause', 8, true),
  e('caution', 'speech', 'clause', 7),
  e('contend', 'speech', 'clause', 6),
  e('maintain', 'speech', 'clause', 6, true),
  e('allege', 'accuse', 'clause', 6),
  e('charge', 'accuse', 'clause', 10, true),
  e('counter', 'speech', 'clause', 5),
  e('observe', 'speech', 'clause', 4, true),
  e('testify', 'speech', 'clause', 4),
  e('verify', 'confirm', 'object', 0),
  e('refute', 'deny', 'object', 0),
  e('reaffirm', 'speech', 'clause', 0),
  e('affirm', 'speech', 'clause', 0),
  e('quip', 'speech', 'clause', 0),
  e('point', 'speech', 'clause', 29, true),
  e('exclaim', 'speech', 'clause', 0),
  e('comment', 'speech', 'clause', 0),
  e('continue', 'speech', 'clause', 45, true),
  e('inform', 'speech', 'clause', 0),
  e('brief', 'speech', 'clause', 0, true),
  e('concur', 'speech', 'clause', 0, true),
  e('describe', 'speech', 'predicate', 75, true),
  e('characterize', 'speech', 'predicate', 0, true),
  e('characterise', 'speech', 'predicate', 0, true),
  e('label', 'speech', 'predicate', 0, true),
  e('brand', 'speech', 'predicate', 0, true),
  e('dub', 'speech', 'predicate', 0, true),
  e('announce', 'speech', 'clause', 96),
  e('shout', 'speech', 'clause', 8),
  e('joke', 'speech', 'clause', 8),
  e('question', 'speech', 'object', 36, true),
  e('criticize', 'speech', 'object', 45, true),
  e('criticise', 'speech', 'object', 0, true),
  e('condemn', 'speech', 'object', 7, true),
  e('praise', 'speech', 'object', 34, true),
  e('thank', 'speech', 'object', 10, true),
  e('disclose', 'speech', 'clause', 0, true),
  e('hint', 'speech', 'clause', 0, true),
  e('demand', 'speech', 'clause', 11, true),
  e('agree', 'speech', 'clause', 35, true),
  e('expect', 'belief', 'clause', 27, true),
  e('fear', 'belief', 'clause', 26, true),
  e('hope', 'belief', 'clause', 54, true),
  e('worry', 'belief', 'clause', 15, true),
  e('feel', 'belief', 'clause', 16, true),
  e('know', 'belief', 'clause', 52, true),
  e('show', 'speech', 'clause', 186, true),
  e('find', 'speech', 'clause', 76, true),
];

/** Multi-word cues, matched on lowercased token text. `head` is the token that gets the cue's lemma. */
export interface PhraseCue {
  words: readonly string[];
  lemma: string;
  frame: CueFrame;
  /** where the source stands: after the phrase ("according to X") or before it */
  sourceAfter: boolean;
  trainCount: number;
}

export const PHRASE_CUES: readonly PhraseCue[] = [
  { words: ['according', 'to'], lemma: 'according to', frame: 'speech', sourceAfter: true, trainCount: 387 },
  { words: ['in', 'the', 'words', 'of'], lemma: 'in the words of', frame: 'speech', sourceAfter: true, trainCount: 0 },
  { words: ['as', 'reported', 'by'], lemma: 'report', frame: 'speech', sourceAfter: true, trainCount: 0 },
];

const BY_LEMMA = new Map<string, CueEntry>();
for (const entry of CUE_LEXICON) if (!BY_LEMMA.has(entry.lemma)) BY_LEMMA.set(entry.lemma, entry);

export function cueEntry(lemma: string): CueEntry | undefined {
  return BY_LEMMA.get(lemma);
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
  [/\b(?:is|are|was|were|been) (?:said|reported|thought|understood|believed|alleged) to\b/i, 'hedge-reported-to'],
  [/\b(?:reports|sources) (?:suggest|indicate)(?:s|ed)?\b/i, 'hedge-reports-suggest'],
  [/\bsupposedly\b/i, 'hedge-supposedly'],
  [/\b(?:possibly|perhaps|probably|likely|unlikely)\b/i, 'hedge-likely'],
  [/\b(?:may|might) (?:have|be|not)\b|\bmight\b/, 'hedge-modal'],
  [/\bas far as (?:I|we) know\b|\bI (?:think|believe|assume|guess)\b/i, 'hedge-speaker-belief'],
  [/\bunclear\b|\bnot (?:yet )?known\b/i, 'hedge-unclear'],
];

/** Words in a claim that deny it: "there is no evidence that", "falsely claimed". */
export const DENIAL_FRAME = /\b(?:no|little|scant) (?:evidence|proof|indication) (?:that|of)\b|\bfalsely (?:claimed|said|stated|alleged)\b|\b(?:is|was|are|were) (?:false|untrue|baseless|unfounded)\b/i;

/** A figure the text itself calls confirmed: "39 are confirmed dead", "the confirmed deaths are". */
export const CONFIRMED_FIGURE = /\b(?:confirmed|verified)\s+(?:dead|deaths?|killed|fatalities|casualties|injur(?:ed|ies)|cases?|infections?|victims?|missing)\b|\b(?:death toll|toll|number of (?:dead|deaths|victims)) (?:was|has been|is) confirmed\b/i;

/** Outlet phrasing that confirms without a cue verb: "was acknowledged by", "has been verified". */
export const CONFIRM_PASSIVE = /\b(?:was|were|has been|have been|had been|is|are)\s+(?:independently\s+|officially\s+|later\s+)?(confirmed|verified|acknowledged)\s+by\b/i;
