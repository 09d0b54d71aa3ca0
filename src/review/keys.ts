import { createHash } from 'node:crypto';
import { offsetConverter } from '../output.js';

/** What a review key names: a claim (the unit of a decision), or a number linked to one. */
export type ItemKind = 'claim' | 'number';

/**
 * A review key: sha256 over the article's textSha256, the kind and the span's code point offsets,
 * truncated to 20 hex digits (80 bits). It survives a re-run of `extract` whenever the article text
 * and the span are unchanged, whatever the claim's id ("c8") or its other fields became.
 */
export function reviewKey(textSha256: string, kind: ItemKind, start: number, end: number): string {
  return createHash('sha256').update(`claimsift-review/1\u0000${textSha256}\u0000${kind}\u0000${start}\u0000${end}`).digest('hex').slice(0, 20);
}

/** Maps code point offsets into `text` to UTF-16 offsets (the identity when there is no astral character). */
export function codepointToUtf16(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return o => o;
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    map.push(i);
    i += ch.length;
  }
  map.push(i);
  return o => map[Math.max(0, Math.min(o, map.length - 1))] ?? text.length;
}

/** Maps UTF-16 offsets into `text` to code point offsets: the output stage's converter. */
export const utf16ToCodepoint = (text: string): ((offset: number) => number) => offsetConverter(text, 'codepoint');
