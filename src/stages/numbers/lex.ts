import type { Doc, Sentence } from '../../model.js';
import type { Lexeme } from './types.js';

/** Digit runs (with thousands separators or decimals kept together), words, then any other single character. */
const LEXEME = /(\d+(?:[.,]\d+)*)|(\p{L}[\p{L}\p{M}]*(?:'\p{L}+)*)|(\S)/gu;
const CAPITAL = /\p{Lu}/u;

/**
 * Splits one sentence of the normalised text into lexemes, each carrying wink-nlp's tag for the token it starts in.
 * The lexemes are those LEXEME finds one after another in the sentence; ASCII text is scanned by hand, in place,
 * which is much faster.
 */
export function lexSentence(doc: Readonly<Doc>, sentence: Sentence): Lexeme[] {
  const norm = doc.norm;
  const sentenceEnd = sentence.end;
  const out: Lexeme[] = [];
  const tokens = doc.tokens;
  let text: string | null = null;
  let t = sentence.tokenStart;
  let prevEnd = -1;
  for (let pos = sentence.start; pos < sentenceEnd;) {
    const code = norm.charCodeAt(pos);
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) { pos++; continue; }
    let start = pos;
    let end: number;
    let type: Lexeme['type'];
    if (isDigit(code)) { type = 'num'; end = digitsEnd(norm, sentenceEnd, pos); }
    else if (isAsciiLetter(code)) { type = 'word'; end = asciiWordEnd(norm, sentenceEnd, pos); }
    else { type = 'punct'; end = code < 0x80 ? pos + 1 : -1; }
    const ascii = end >= 0;
    if (!ascii) {
      // beyond ASCII the regex decides (it also skips Unicode spaces)
      text ??= norm.slice(sentence.start, sentenceEnd);
      LEXEME.lastIndex = pos - sentence.start;
      const m = LEXEME.exec(text);
      if (!m) break;
      start = sentence.start + m.index;
      end = sentence.start + LEXEME.lastIndex;
      type = m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'punct';
    }
    pos = end;
    while (t < sentence.tokenEnd && (tokens[t]?.end ?? Infinity) <= start) t++;
    const tok = tokens[t];
    const inTok = tok !== undefined && t < sentence.tokenEnd && tok.start <= start && start < tok.end;
    const wholeToken = inTok && tok.start === start && tok.end === end;
    // a lexeme that is a whole token shares its text and lower case (the same slice of the normalised text)
    const lexeme = wholeToken ? tok.text : norm.slice(start, end);
    // digits, dots, commas and ASCII marks have no case
    const lower = wholeToken ? tok.lower : type === 'num' || (ascii && type === 'punct') ? lexeme : lexeme.toLowerCase();
    out.push({
      text: lexeme,
      lower,
      start,
      end,
      type,
      gap: prevEnd !== start,
      pos: inTok ? tok.pos : 'X',
      // a lemma belongs to the whole token: only a lexeme that is the token keeps it ("a-plate" is not "plate")
      lemma: wholeToken ? tok.lemma : lower,
      cap: type === 'word' && (ascii ? lower !== lexeme : CAPITAL.test(lexeme)),
    });
    prevEnd = end;
  }
  return out;
}

/** The character code at `k` of a text that ends at `end`: -1 past the end, which none of the tests below accept (a small integer, unlike NaN, keeps the optimised code on integers). */
const codeAt = (text: string, end: number, k: number): number => (k < end ? text.charCodeAt(k) : -1);
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
const isAsciiLetter = (code: number): boolean => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);

/** End of the digit lexeme starting at `k`: digits, with single points or commas between digits ("1,200.5"). */
function digitsEnd(text: string, end: number, k: number): number {
  while (isDigit(codeAt(text, end, k))) k++;
  while ((codeAt(text, end, k) === 0x2e || codeAt(text, end, k) === 0x2c) && isDigit(codeAt(text, end, k + 1))) {
    k += 2;
    while (isDigit(codeAt(text, end, k))) k++;
  }
  return k;
}

/** End of the ASCII word starting at `k` ("it's" is one), or -1 when a non-ASCII character after it might extend it. */
function asciiWordEnd(text: string, end: number, k: number): number {
  for (;;) {
    k++;
    while (isAsciiLetter(codeAt(text, end, k))) k++;
    const code = codeAt(text, end, k);
    if (code >= 0x80) return -1;
    if (code !== 0x27) return k;
    const next = codeAt(text, end, k + 1);
    if (next >= 0x80) return -1;
    if (!isAsciiLetter(next)) return k;
    k++;
  }
}

/** The value of a digit lexeme ("1,200.5" → 1200.5), or NaN when it is not a well-formed number ("1.2.3"). */
export function digitValue(text: string): number {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  return NaN;
}

/**
 * Lexeme `k`, or undefined outside the sentence. For reads that may fall outside it: the bounds test comes first,
 * as optimised code that reads past an array's end is thrown away the first time it does.
 */
export const lexemeAt = (lx: readonly Lexeme[], k: number): Lexeme | undefined => (k >= 0 && k < lx.length ? lx[k] : undefined);

/**
 * Whether lexeme `k` is there and reads `text` (isText) or `lower` in lower case (isLower), for reads that may fall
 * outside the sentence and for comparisons in branches that run rarely. A one-character text and a word that is its
 * own lemma are internalized strings, other texts are not, and optimised code compares internalized strings only
 * for as long as its comparison has met nothing else: one in a rare branch is thrown away at the first other string
 * (or at the undefined read past an end). These comparisons, shared by every caller, meet every kind at once.
 */
export const isText = (lx: readonly Lexeme[], k: number, text: string): boolean => {
  const l = lexemeAt(lx, k);
  return l !== undefined && l.text === text;
};
export const isLower = (lx: readonly Lexeme[], k: number, lower: string): boolean => {
  const l = lexemeAt(lx, k);
  return l !== undefined && l.lower === lower;
};

/** True when lexeme `i` follows lexeme `i - 1` with no space between. */
export const attached = (lx: readonly Lexeme[], i: number): boolean => {
  const l = lx[i];
  return l !== undefined && i > 0 && !l.gap;
};
