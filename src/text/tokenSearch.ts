/** Index of the first token that ends after `offset`; `tokens.length` if none (tokens in text order, not overlapping). */
export function firstTokenEndingAfter(tokens: ReadonlyArray<{ readonly end: number }>, offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
