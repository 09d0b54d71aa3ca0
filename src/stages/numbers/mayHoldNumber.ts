/**
 * Whether a stretch of text may hold a number: a digit, or a number word standing as a whole word. It answers
 * exactly as the regular expression
 *
 *     /\d|(?:^|\P{L})(?:word|word|…)(?![\p{L}\p{M}]|'\p{L})/iu
 *
 * would (no letter before the word, no letter, mark or "'s" after it; case-insensitive, by code point), in one
 * pass over the characters and a walk down a prefix tree of the words: no regular expression over the whole
 * text, which with a few hundred words costs more than the rest of the numbers stage and a long compile at start.
 */
export class NumberWordFinder {
  /** child node by node * 26 + letter (0: none; node 0 is the root) */
  private readonly children: Int32Array;
  /** 1 where a word ends */
  private readonly wordEnds: Uint8Array;

  constructor(words: Iterable<string>) {
    const list = [...words];
    if (!list.every(w => /^[a-z]+$/.test(w))) throw new Error('number words must be plain lower-case letters');
    const size = 1 + list.reduce((n, w) => n + w.length, 0);
    const children = new Int32Array(size * 26);
    const wordEnds = new Uint8Array(size);
    let nodes = 1;
    for (const w of list) {
      let node = 0;
      for (let k = 0; k < w.length; k++) {
        const slot = node * 26 + (w.charCodeAt(k) - 0x61);
        if (children[slot] === 0) children[slot] = nodes++;
        node = children[slot]!;
      }
      wordEnds[node] = 1;
    }
    this.children = children;
    this.wordEnds = wordEnds;
  }

  /** Whether text[start, end) holds a digit or a number word (the text outside the range is not looked at). */
  mayHoldNumber(text: string, start: number, end: number): boolean {
    let afterNonLetter = true; // "^"
    for (let k = start; k < end;) {
      const code = text.charCodeAt(k);
      if (code >= 0x30 && code <= 0x39) return true;
      const cp = codePointAt(text, k, end);
      if (afterNonLetter && this.wordAt(text, k, end)) return true;
      afterNonLetter = (classOf(cp) & CAN_PRECEDE) !== 0;
      k += cp > 0xffff ? 2 : 1;
    }
    return false;
  }

  /** Whether a number word starts at k and stands whole there. */
  private wordAt(text: string, k: number, end: number): boolean {
    let node = 0;
    while (k < end) {
      const cp = codePointAt(text, k, end);
      const letter = foldedLetter(cp);
      if (letter < 0) return false;
      node = this.children[node * 26 + letter]!;
      if (node === 0) return false;
      k += cp > 0xffff ? 2 : 1;
      if (this.wordEnds[node] === 1 && !wordGoesOn(text, k, end)) return true;
    }
    return false;
  }
}

/** The code point at k, a lone surrogate as itself, a pair only when both halves lie before `end`. */
function codePointAt(text: string, k: number, end: number): number {
  const code = text.charCodeAt(k);
  if (code < 0xd800 || code > 0xdbff || k + 1 >= end) return code;
  const low = text.charCodeAt(k + 1);
  return low >= 0xdc00 && low <= 0xdfff ? (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000 : code;
}

/** After the word at k: a letter or mark, or "'" and a letter ("one's"), means the word goes on. */
function wordGoesOn(text: string, k: number, end: number): boolean {
  if (k >= end) return false;
  const cp = codePointAt(text, k, end);
  if (classOf(cp) & LETTER_OR_MARK) return true;
  return cp === 0x27 && k + 1 < end && (classOf(codePointAt(text, k + 1, end)) & LETTER) !== 0;
}

// Character classes as the "iu" flags read them: case-insensitively, so a class holds every character that
// folds like one of its members (the combining ypogegrammeni, a mark, folds like the letter iota).
const CAN_PRECEDE = 1, LETTER_OR_MARK = 2, LETTER = 4;
const NON_LETTER = /^\P{L}$/iu, LETTER_OR_MARK_CLASS = /^[\p{L}\p{M}]$/iu, LETTER_CLASS = /^\p{L}$/iu;
const isAsciiLetter = (cp: number): boolean => (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
/** Classes of the characters beyond ASCII met so far. */
const classes = new Map<number, number>();

function classOf(cp: number): number {
  if (cp < 0x80) return isAsciiLetter(cp) ? LETTER_OR_MARK | LETTER : CAN_PRECEDE;
  let c = classes.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = (NON_LETTER.test(ch) ? CAN_PRECEDE : 0) | (LETTER_OR_MARK_CLASS.test(ch) ? LETTER_OR_MARK : 0) | (LETTER_CLASS.test(ch) ? LETTER : 0);
    classes.set(cp, c);
  }
  return c;
}

/** Letters beyond ASCII that match an ASCII letter case-insensitively (the Kelvin sign, the long s), as 0..25. */
const folds = new Map<number, number>();

/** The letter a..z (0..25) that the character matches case-insensitively, or -1. */
function foldedLetter(cp: number): number {
  if (cp >= 0x61 && cp <= 0x7a) return cp - 0x61;
  if (cp >= 0x41 && cp <= 0x5a) return cp - 0x41;
  if (cp < 0x80) return -1;
  let letter = folds.get(cp);
  if (letter === undefined) {
    const ch = String.fromCodePoint(cp);
    letter = -1;
    for (let l = 0; l < 26 && letter < 0; l++) if (new RegExp(`^${String.fromCharCode(0x61 + l)}$`, 'iu').test(ch)) letter = l;
    folds.set(cp, letter);
  }
  return letter;
}
