import type { Doc, Sentence } from '../../model.js';
import type { Lexeme } from './types.js';

/** Digit runs (with thousands separators or decimals kept together), words, then any other single character. */
const LEXEME = /(\d+(?:[.,]\d+)*)|(\p{L}[\p{L}\p{M}]*(?:'\p{L}+)*)|(\S)/gu;
const CAPITAL = /\p{Lu}/u;

/** Splits one sentence of the normalised text into lexemes, each carrying wink-nlp's tag for the token it starts in. */
export function lexSentence(doc: Readonly<Doc>, sentence: Sentence): Lexeme[] {
  const text = doc.norm.slice(sentence.start, sentence.end);
  const out: Lexeme[] = [];
  const tokens = doc.tokens;
  let t = sentence.tokenStart;
  let prevEnd = -1;
  LEXEME.lastIndex = 0;
  for (let m = LEXEME.exec(text); m; m = LEXEME.exec(text)) {
    const start = sentence.start + m.index;
    const end = start + m[0].length;
    while (t < sentence.tokenEnd && (tokens[t]?.end ?? Infinity) <= start) t++;
    const tok = tokens[t];
    const inTok = tok !== undefined && t < sentence.tokenEnd && tok.start <= start && start < tok.end;
    const lower = m[0].toLowerCase();
    out.push({
      text: m[0],
      lower,
      start,
      end,
      type: m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'punct',
      gap: prevEnd !== start,
      pos: inTok ? tok.pos : 'X',
      // a lemma belongs to the whole token: only a lexeme that is the token keeps it ("a-plate" is not "plate")
      lemma: inTok && tok.start === start && tok.end === end ? tok.lemma : lower,
      cap: m[2] !== undefined && CAPITAL.test(m[0]),
    });
    prevEnd = end;
  }
  return out;
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
