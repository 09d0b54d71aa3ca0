import type { Doc, Sentence } from '../../model.js';
import type { Lexeme } from './types.js';

/** Digit runs (with thousands separators or decimals kept together), words, then any other single character. */
const LEXEME = /(\d+(?:[.,]\d+)*)|(\p{L}[\p{L}\p{M}]*(?:'\p{L}+)*)|(\S)/gu;
const CAPITAL = /\p{Lu}/u;

/**
 * Splits one sentence of the normalised text into lexemes, each carrying wink-nlp's tag for the token it starts in.
 * The lexemes are those LEXEME finds one after another; ASCII text is scanned by hand, which is much faster.
 */
export function lexSentence(doc: Readonly<Doc>, sentence: Sentence, text = doc.norm.slice(sentence.start, sentence.end)): Lexeme[] {
  const out: Lexeme[] = [];
  const tokens = doc.tokens;
  let t = sentence.tokenStart;
  let prevEnd = -1;
  for (let pos = 0; pos < text.length;) {
    const code = text.charCodeAt(pos);
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) { pos++; continue; }
    let from = pos;
    let to: number;
    let type: Lexeme['type'];
    if (isDigit(code)) { type = 'num'; to = digitsEnd(text, pos); }
    else if (isAsciiLetter(code)) { type = 'word'; to = asciiWordEnd(text, pos); }
    else { type = 'punct'; to = code < 0x80 ? pos + 1 : -1; }
    if (to < 0) {
      // beyond ASCII the regex decides (it also skips Unicode spaces)
      LEXEME.lastIndex = pos;
      const m = LEXEME.exec(text);
      if (!m) break;
      from = m.index;
      to = LEXEME.lastIndex;
      type = m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'punct';
    }
    pos = to;
    const lexeme = text.slice(from, to);
    const start = sentence.start + from;
    const end = sentence.start + to;
    while (t < sentence.tokenEnd && (tokens[t]?.end ?? Infinity) <= start) t++;
    const tok = tokens[t];
    const inTok = tok !== undefined && t < sentence.tokenEnd && tok.start <= start && start < tok.end;
    // digits, dots and commas have no case
    const lower = type === 'num' ? lexeme : lexeme.toLowerCase();
    out.push({
      text: lexeme,
      lower,
      start,
      end,
      type,
      gap: prevEnd !== start,
      pos: inTok ? tok.pos : 'X',
      // a lemma belongs to the whole token: only a lexeme that is the token keeps it ("a-plate" is not "plate")
      lemma: inTok && tok.start === start && tok.end === end ? tok.lemma : lower,
      cap: type === 'word' && hasCapital(lexeme),
    });
    prevEnd = end;
  }
  return out;
}

// charCodeAt past the end is NaN, which none of these accept
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
const isAsciiLetter = (code: number): boolean => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);

/** End of the digit lexeme starting at `k`: digits, with single points or commas between digits ("1,200.5"). */
function digitsEnd(text: string, k: number): number {
  while (isDigit(text.charCodeAt(k))) k++;
  while ((text.charCodeAt(k) === 0x2e || text.charCodeAt(k) === 0x2c) && isDigit(text.charCodeAt(k + 1))) {
    k += 2;
    while (isDigit(text.charCodeAt(k))) k++;
  }
  return k;
}

/** End of the ASCII word starting at `k` ("it's" is one), or -1 when a non-ASCII character after it might extend it. */
function asciiWordEnd(text: string, k: number): number {
  for (;;) {
    k++;
    while (isAsciiLetter(text.charCodeAt(k))) k++;
    const code = text.charCodeAt(k);
    if (code >= 0x80) return -1;
    if (code !== 0x27) return k;
    const next = text.charCodeAt(k + 1);
    if (next >= 0x80) return -1;
    if (!isAsciiLetter(next)) return k;
    k++;
  }
}

/** CAPITAL.test(word), without the Unicode regex for the common all-ASCII word. */
function hasCapital(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    if (code >= 0x41 && code <= 0x5a) return true;
    if (code >= 0x80) return CAPITAL.test(word);
  }
  return false;
}

/** The value of a digit lexeme ("1,200.5" → 1200.5), or NaN when it is not a well-formed number ("1.2.3"). */
export function digitValue(text: string): number {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  return NaN;
}

/** True when lexeme `i` follows lexeme `i - 1` with no space between. */
export const attached = (lx: readonly Lexeme[], i: number): boolean => {
  const l = lx[i];
  return l !== undefined && i > 0 && !l.gap;
};
