import type { Bounds, Candidate, Lexeme } from './types.js';
import { isLower, lexemeAt } from './lex.js';

/** A modifier that puts the number at one end of an interval, or makes it approximate. */
export interface ModifierRule {
  id: string;
  words: readonly string[];
  approx: 'over' | 'under' | 'at-least' | 'at-most' | 'about' | 'nearly' | 'up-to';
}

export const PREFIX_MODIFIERS: readonly ModifierRule[] = [
  { id: 'mod-more-than', words: ['more', 'than'], approx: 'over' },
  { id: 'mod-greater-than', words: ['greater', 'than'], approx: 'over' },
  { id: 'mod-higher-than', words: ['higher', 'than'], approx: 'over' },
  { id: 'mod-in-excess-of', words: ['in', 'excess', 'of'], approx: 'over' },
  { id: 'mod-upwards-of', words: ['upwards', 'of'], approx: 'over' },
  { id: 'mod-upward-of', words: ['upward', 'of'], approx: 'over' },
  { id: 'mod-north-of', words: ['north', 'of'], approx: 'over' },
  { id: 'mod-over', words: ['over'], approx: 'over' },
  { id: 'mod-above', words: ['above'], approx: 'over' },
  { id: 'mod-exceeding', words: ['exceeding'], approx: 'over' },
  { id: 'mod-at-least', words: ['at', 'least'], approx: 'at-least' },
  { id: 'mod-no-fewer-than', words: ['no', 'fewer', 'than'], approx: 'at-least' },
  { id: 'mod-no-less-than', words: ['no', 'less', 'than'], approx: 'at-least' },
  { id: 'mod-not-less-than', words: ['not', 'less', 'than'], approx: 'at-least' },
  { id: 'mod-a-minimum-of', words: ['a', 'minimum', 'of'], approx: 'at-least' },
  { id: 'mod-minimum-of', words: ['minimum', 'of'], approx: 'at-least' },
  { id: 'mod-less-than', words: ['less', 'than'], approx: 'under' },
  { id: 'mod-fewer-than', words: ['fewer', 'than'], approx: 'under' },
  { id: 'mod-lower-than', words: ['lower', 'than'], approx: 'under' },
  { id: 'mod-shy-of', words: ['shy', 'of'], approx: 'under' },
  { id: 'mod-under', words: ['under'], approx: 'under' },
  { id: 'mod-below', words: ['below'], approx: 'under' },
  { id: 'mod-at-most', words: ['at', 'most'], approx: 'at-most' },
  { id: 'mod-no-more-than', words: ['no', 'more', 'than'], approx: 'at-most' },
  { id: 'mod-not-more-than', words: ['not', 'more', 'than'], approx: 'at-most' },
  { id: 'mod-a-maximum-of', words: ['a', 'maximum', 'of'], approx: 'at-most' },
  { id: 'mod-maximum-of', words: ['maximum', 'of'], approx: 'at-most' },
  { id: 'mod-up-to', words: ['up', 'to'], approx: 'up-to' },
  { id: 'mod-as-many-as', words: ['as', 'many', 'as'], approx: 'up-to' },
  { id: 'mod-as-much-as', words: ['as', 'much', 'as'], approx: 'up-to' },
  { id: 'mod-as-high-as', words: ['as', 'high', 'as'], approx: 'up-to' },
  { id: 'mod-about', words: ['about'], approx: 'about' },
  { id: 'mod-around', words: ['around'], approx: 'about' },
  { id: 'mod-approximately', words: ['approximately'], approx: 'about' },
  { id: 'mod-approx', words: ['approx'], approx: 'about' },
  { id: 'mod-roughly', words: ['roughly'], approx: 'about' },
  { id: 'mod-some', words: ['some'], approx: 'about' },
  { id: 'mod-an-estimated', words: ['an', 'estimated'], approx: 'about' },
  { id: 'mod-estimated', words: ['estimated'], approx: 'about' },
  { id: 'mod-circa', words: ['circa'], approx: 'about' },
  { id: 'mod-in-the-region-of', words: ['in', 'the', 'region', 'of'], approx: 'about' },
  { id: 'mod-tilde', words: ['~'], approx: 'about' },
  { id: 'mod-nearly', words: ['nearly'], approx: 'nearly' },
  { id: 'mod-almost', words: ['almost'], approx: 'nearly' },
  { id: 'mod-close-to', words: ['close', 'to'], approx: 'nearly' },
  { id: 'mod-closer-to', words: ['closer', 'to'], approx: 'nearly' },
  { id: 'mod-not-quite', words: ['not', 'quite'], approx: 'nearly' },
  { id: 'mod-just-short-of', words: ['just', 'short', 'of'], approx: 'nearly' },
  { id: 'mod-approaching', words: ['approaching'], approx: 'nearly' },
];

/** Modifiers written after the number: "200 or more", "20-odd", "200+". */
export const POSTFIX_MODIFIERS: readonly ModifierRule[] = [
  { id: 'mod-or-more', words: ['or', 'more'], approx: 'at-least' },
  { id: 'mod-or-above', words: ['or', 'above'], approx: 'at-least' },
  { id: 'mod-or-over', words: ['or', 'over'], approx: 'at-least' },
  { id: 'mod-or-so', words: ['or', 'so'], approx: 'about' },
  { id: 'mod-or-less', words: ['or', 'less'], approx: 'at-most' },
  { id: 'mod-or-fewer', words: ['or', 'fewer'], approx: 'at-most' },
  { id: 'mod-plus-sign', words: ['+'], approx: 'at-least' },
  { id: 'mod-plus-word', words: ['-', 'plus'], approx: 'at-least' },
  { id: 'mod-odd', words: ['-', 'odd'], approx: 'about' },
  { id: 'mod-odd-spaced', words: ['odd'], approx: 'about' },
];

/** Words that strengthen a modifier and belong to its span: "well over", "just under", "slightly more than". */
const INTENSIFIERS = new Set(['well', 'just', 'slightly', 'far', 'much', 'considerably', 'significantly', 'substantially', 'somewhat', 'only', 'little']);

/** The interval a modifier commits to: over 200 → (200, ∞), up to 400 → (−∞, 400]. */
export function intervalFor(approx: string | null, value: number | null): { lower: number | null; upper: number | null; bounds: Bounds } {
  if (value === null) return { lower: null, upper: null, bounds: null };
  switch (approx) {
    case 'over': return { lower: value, upper: null, bounds: '()' };
    case 'at-least': return { lower: value, upper: null, bounds: '[)' };
    case 'under': return { lower: null, upper: value, bounds: '()' };
    case 'nearly': return { lower: null, upper: value, bounds: '()' };
    case 'at-most':
    case 'up-to': return { lower: null, upper: value, bounds: '(]' };
    default: return { lower: null, upper: null, bounds: null };
  }
}

const SORTED_PREFIX = [...PREFIX_MODIFIERS].sort((a, b) => b.words.length - a.words.length);
/** SORTED_PREFIX by each rule's last word, the one right before the number (longest rules first still). */
const PREFIX_BY_LAST_WORD = new Map<string, ModifierRule[]>();
for (const rule of SORTED_PREFIX) {
  const lastWord = rule.words[rule.words.length - 1]!;
  const list = PREFIX_BY_LAST_WORD.get(lastWord);
  if (list) list.push(rule); else PREFIX_BY_LAST_WORD.set(lastWord, [rule]);
}

export interface ModifierMatch { rule: ModifierRule; first: number }

/** The modifier written just before lexeme `first`, if any (longest match). */
export function findPrefixModifier(lx: readonly Lexeme[], first: number): ModifierMatch | null {
  for (const rule of PREFIX_BY_LAST_WORD.get(lexemeAt(lx, first - 1)?.lower ?? '') ?? []) {
    const n = rule.words.length;
    const s = first - n;
    if (s < 0) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = lx[s + k]!.lower === rule.words[k];
    if (!ok) continue;
    // "~1.2mm" is written against the number; words are separate words
    let start = s;
    const before = lexemeAt(lx, s - 1);
    if (before && INTENSIFIERS.has(before.lower) && rule.approx !== 'about') start = s - 1;
    if (before?.lower === 'little' && isLower(lx, s - 2, 'a')) start = s - 2;
    return { rule, first: start };
  }
  // "sub-300": a prefix joined by a hyphen
  const h = lexemeAt(lx, first - 1);
  const p = lexemeAt(lx, first - 2);
  if (h?.text === '-' && !h.gap && p?.lower === 'sub' && !lx[first]!.gap) {
    return { rule: { id: 'mod-sub', words: ['sub', '-'], approx: 'under' }, first: first - 2 };
  }
  return null;
}

/** The modifier written just after lexeme `last`, if any; returns its last lexeme index. */
export function findPostfixModifier(lx: readonly Lexeme[], last: number): { rule: ModifierRule; last: number } | null {
  for (const rule of POSTFIX_MODIFIERS) {
    let ok = true;
    for (let k = 0; k < rule.words.length && ok; k++) {
      const l = lexemeAt(lx, last + 1 + k);
      ok = l !== undefined && l.lower === rule.words[k];
      // "+", "-plus", "-odd" are written against the number
      if (ok && (rule.words[0] === '+' || rule.words[0] === '-') && l!.gap) ok = false;
    }
    if (!ok) continue;
    if (rule.id === 'mod-or-more' || rule.id === 'mod-or-less' || rule.id === 'mod-or-fewer') {
      // "5 or more people" but not "5 or more than 6"
      if (isLower(lx, last + 3, 'than')) continue;
    }
    if (rule.id === 'mod-odd-spaced' && lexemeAt(lx, last + 2)?.type !== 'word') continue;
    return { rule, last: last + rule.words.length };
  }
  return null;
}

/** Verbs and words that report a change when they stand right before the amount ("rose 5%", "down 19 cents"). */
/**
 * `needsBy`: the verb also takes objects that are not changes ("lost 3 games"), so it reports a change only with
 * "by", or before an amount, percentage or points. `strict`: only with "by" ("raised $5m" is money raised).
 */
export interface ChangeRule { id: string; forms: readonly string[]; change: 'up' | 'down'; needsBy?: boolean; strict?: boolean }
export const CHANGE_VERBS: readonly ChangeRule[] = [
  { id: 'chg-rise', forms: ['rise', 'rises', 'rose', 'risen', 'rising'], change: 'up' },
  { id: 'chg-increase', forms: ['increase', 'increases', 'increased', 'increasing'], change: 'up' },
  { id: 'chg-grow', forms: ['grow', 'grows', 'grew', 'grown', 'growing'], change: 'up' },
  { id: 'chg-climb', forms: ['climb', 'climbs', 'climbed', 'climbing'], change: 'up' },
  { id: 'chg-jump', forms: ['jump', 'jumps', 'jumped', 'jumping'], change: 'up' },
  { id: 'chg-surge', forms: ['surge', 'surges', 'surged', 'surging'], change: 'up' },
  { id: 'chg-soar', forms: ['soar', 'soars', 'soared', 'soaring'], change: 'up' },
  { id: 'chg-advance', forms: ['advance', 'advances', 'advanced', 'advancing'], change: 'up' },
  { id: 'chg-rally', forms: ['rally', 'rallies', 'rallied', 'rallying'], change: 'up' },
  { id: 'chg-spike', forms: ['spike', 'spikes', 'spiked', 'spiking'], change: 'up' },
  { id: 'chg-leap', forms: ['leap', 'leaps', 'leapt', 'leaped', 'leaping'], change: 'up' },
  { id: 'chg-rocket', forms: ['rocket', 'rockets', 'rocketed', 'rocketing'], change: 'up' },
  { id: 'chg-rebound', forms: ['rebound', 'rebounds', 'rebounded', 'rebounding'], change: 'up' },
  { id: 'chg-gain', forms: ['gain', 'gains', 'gained', 'gaining'], change: 'up', needsBy: true },
  { id: 'chg-add', forms: ['add', 'adds', 'added', 'adding'], change: 'up', needsBy: true },
  { id: 'chg-boost', strict: true, forms: ['boost', 'boosts', 'boosted', 'boosting'], change: 'up', needsBy: true },
  { id: 'chg-raise', strict: true, forms: ['raise', 'raises', 'raised', 'raising'], change: 'up', needsBy: true },
  { id: 'chg-hike', strict: true, forms: ['hike', 'hikes', 'hiked', 'hiking'], change: 'up', needsBy: true },
  { id: 'chg-expand', strict: true, forms: ['expand', 'expands', 'expanded', 'expanding', 'widen', 'widened', 'widens'], change: 'up', needsBy: true },
  { id: 'chg-up', forms: ['up', 'higher'], change: 'up' },
  { id: 'chg-fall', forms: ['fall', 'falls', 'fell', 'fallen', 'falling'], change: 'down' },
  { id: 'chg-drop', forms: ['drop', 'drops', 'dropped', 'dropping'], change: 'down' },
  { id: 'chg-decline', forms: ['decline', 'declines', 'declined', 'declining'], change: 'down' },
  { id: 'chg-decrease', forms: ['decrease', 'decreases', 'decreased', 'decreasing'], change: 'down' },
  { id: 'chg-slide', forms: ['slide', 'slides', 'slid', 'sliding'], change: 'down' },
  { id: 'chg-slip', forms: ['slip', 'slips', 'slipped', 'slipping'], change: 'down' },
  { id: 'chg-sink', forms: ['sink', 'sinks', 'sank', 'sunk', 'sinking'], change: 'down' },
  { id: 'chg-plunge', forms: ['plunge', 'plunges', 'plunged', 'plunging'], change: 'down' },
  { id: 'chg-tumble', forms: ['tumble', 'tumbles', 'tumbled', 'tumbling'], change: 'down' },
  { id: 'chg-dip', forms: ['dip', 'dips', 'dipped', 'dipping'], change: 'down' },
  { id: 'chg-slump', forms: ['slump', 'slumps', 'slumped', 'slumping'], change: 'down' },
  { id: 'chg-ease', forms: ['ease', 'eases', 'eased', 'easing'], change: 'down' },
  { id: 'chg-retreat', forms: ['retreat', 'retreats', 'retreated', 'retreating'], change: 'down' },
  { id: 'chg-dive', forms: ['dive', 'dives', 'dived', 'dove', 'diving'], change: 'down' },
  { id: 'chg-crash', forms: ['crash', 'crashes', 'crashed', 'crashing'], change: 'down' },
  { id: 'chg-shrink', forms: ['shrink', 'shrinks', 'shrank', 'shrunk', 'shrinking', 'contracted', 'contracts', 'contract'], change: 'down' },
  { id: 'chg-lose', forms: ['lose', 'loses', 'lost', 'losing'], change: 'down', needsBy: true },
  { id: 'chg-shed', forms: ['shed', 'sheds', 'shedding'], change: 'down', needsBy: true },
  { id: 'chg-cut', strict: true, forms: ['cut', 'cuts', 'cutting'], change: 'down', needsBy: true },
  { id: 'chg-reduce', strict: true, forms: ['reduce', 'reduces', 'reduced', 'reducing', 'lowered', 'lowers', 'lower'], change: 'down', needsBy: true },
  { id: 'chg-down', forms: ['down', 'off'], change: 'down' },
];
/**
 * Nouns that make the amount before them a change ("a 5% rise", "a 4.2 percent drop", "34% higher"). "A rise of 5%"
 * is left as the size of a change, as NewsQuant annotates it.
 */
export const CHANGE_NOUNS: readonly ChangeRule[] = [
  { id: 'chg-n-rise', forms: ['rise', 'rises', 'increase', 'increases', 'jump', 'growth', 'hike', 'hikes', 'rebound', 'surge', 'climb', 'boost', 'uptick', 'upswing', 'gain', 'gains'], change: 'up' },
  { id: 'chg-n-fall', forms: ['fall', 'falls', 'drop', 'drops', 'decline', 'declines', 'decrease', 'decreases', 'cut', 'cuts', 'reduction', 'slump', 'plunge', 'dip', 'contraction', 'downturn', 'loss', 'losses', 'slide'], change: 'down' },
  { id: 'chg-n-higher', forms: ['higher', 'up', 'more'], change: 'up' },
  { id: 'chg-n-lower', forms: ['lower', 'down', 'less'], change: 'down' },
];

const VERB_INDEX = new Map<string, ChangeRule>();
for (const r of CHANGE_VERBS) for (const f of r.forms) VERB_INDEX.set(f, r);
const NOUN_INDEX = new Map<string, ChangeRule>();
for (const r of CHANGE_NOUNS) for (const f of r.forms) NOUN_INDEX.set(f, r);
/** Kinds of amount that "lose", "gain", "add" describe as a change even without "by" ("lost 190 points", "added 15 sen"). */
const CHANGE_AMOUNT_UNITS = new Set(['currency', 'percent', 'measure']);
const SKIPPABLE = new Set(['by', 'a', 'further', 'another', 'an', 'additional', 'extra']);

export interface ChangeMatch { rule: ChangeRule; ruleId: string; /** the change noun after the amount ("drop" in "a 40% drop") */ noun: number }

/**
 * The change reported for a quantity whose modifier (or core) starts at lexeme `first` and ends at `last`:
 * a change verb right before it ("rose 5%", "fell by half", "was down 19 cents"), or a change noun right after
 * a percentage or amount ("a 5% rise", "34% higher").
 */
export function findChange(lx: readonly Lexeme[], cand: Candidate, first: number, last: number, countedIsPoints: boolean): ChangeMatch | null {
  let k = first - 1;
  let by = false;
  let skipped = 0;
  while (k >= 0 && skipped < 3) {
    const l = lx[k]!;
    if (l.lower === 'by') { by = true; k--; skipped++; continue; }
    if (SKIPPABLE.has(l.lower) || (l.pos === 'ADV' && /ly$/.test(l.lower) && l.lower !== 'only')) { k--; skipped++; continue; }
    break;
  }
  const verb = lexemeAt(lx, k);
  if (verb && verb.type === 'word') {
    const rule = VERB_INDEX.get(verb.lower);
    if (rule) {
      const amount = cand.unitType !== null && CHANGE_AMOUNT_UNITS.has(cand.unitType);
      if (by || (!rule.strict && (!rule.needsBy || amount || countedIsPoints))) {
        // "up"/"down"/"off" only as adverbs of a change, not "pick up 5", "cut off 3"
        if ((rule.id === 'chg-up' || rule.id === 'chg-down') && !by) {
          const prev = lexemeAt(lx, k - 1);
          if (isLower(lx, k, 'off') && !(cand.unitType === 'percent' || cand.unitType === 'currency')) return null;
          if (prev && prev.type === 'word' && prev.pos === 'VERB' && !['is', 'was', 'were', 'are', 'been', 'be', 'closed', 'ended', 'finished', 'traded', 'edged', 'moved', 'went', 'came', 'opened', 'being'].includes(prev.lower)) return null;
        }
        return { rule, ruleId: rule.id, noun: -1 };
      }
    }
  }
  // "a 5% rise", "a 5% pay rise", "34.4% higher"
  if (cand.unitType === 'percent' || cand.unitType === 'currency' || cand.unitType === 'measure') {
    for (let j = last + 1; j <= last + 2; j++) {
      const l = lexemeAt(lx, j);
      if (!l || l.type !== 'word') break;
      const nrule = NOUN_INDEX.get(l.lower);
      if (nrule) {
        const adverbial = nrule.id === 'chg-n-higher' || nrule.id === 'chg-n-lower';
        if (adverbial && j !== last + 1) break;
        if (adverbial && isLower(lx, j + 1, 'than')) break;
        if (!adverbial && (l.pos !== 'NOUN' && l.pos !== 'PROPN')) break;
        if (cand.unitType === 'currency' && /^(?:loss|losses|gain|gains)$/.test(l.lower)) break;
        return { rule: nrule, ruleId: `${nrule.id}-after`, noun: j };
      }
      if (l.pos !== 'NOUN' && l.pos !== 'ADJ') break;
    }
  }
  return null;
}
