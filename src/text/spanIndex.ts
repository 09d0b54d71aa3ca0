import type { Span } from '../model.js';

/**
 * Spans that do not overlap one another, sorted, for logarithmic lookups: which span holds an
 * offset, which spans meet a range. Keeps the pipeline linear on very long articles. The offsets
 * are kept apart from the items, in typed arrays, so the searches read numbers, not objects of
 * whatever shape each caller indexes.
 */
export class SpanIndex<T extends Span> {
  private readonly items: T[];
  /** items.length, kept as a number: reading it from the array would make the optimized lookups depend on the array's elements kind, which differs for an empty list */
  private readonly count: number;
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;

  constructor(items: Iterable<T>) {
    // a fresh packed array whatever the caller built (holey, or packed small integers when empty),
    // so the optimized lookups see arrays of one kind
    let list: T[] = [];
    for (const item of items) list.push(item);
    let starts = boundsOf(list, 'start');
    let ends = boundsOf(list, 'end');
    if (!isSorted(starts, ends)) {
      list = list.sort(byStartThenEnd);
      starts = boundsOf(list, 'start');
      ends = boundsOf(list, 'end');
    }
    this.items = list;
    this.count = list.length;
    this.starts = starts;
    this.ends = ends;
  }

  get size(): number {
    return this.count;
  }

  /** Index of the first span whose end lies after `offset`. */
  private firstEndingAfter(offset: number): number {
    const ends = this.ends;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ends[mid] as number) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  containing(offset: number): T | undefined {
    const i = this.firstEndingAfter(offset);
    return i < this.count && (this.starts[i] as number) <= offset && offset < (this.ends[i] as number) ? this.items[i] : undefined;
  }

  overlapping(start: number, end: number): T[] {
    const found: T[] = [];
    const { starts, ends, items, count } = this;
    for (let i = this.firstEndingAfter(start); i < count; i++) {
      if ((starts[i] as number) >= end) break;
      if ((ends[i] as number) > start) found.push(items[i] as T);
    }
    return found;
  }
}

const byStartThenEnd = (a: Span, b: Span): number => a.start - b.start || a.end - b.end;

function boundsOf(list: readonly Span[], side: 'start' | 'end'): Float64Array {
  const bounds = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) bounds[i] = (list[i] as Span)[side];
  return bounds;
}

/** Sorted by start, then end. */
function isSorted(starts: Float64Array, ends: Float64Array): boolean {
  for (let i = 1; i < starts.length; i++) {
    const a = starts[i - 1] as number;
    const b = starts[i] as number;
    if (a > b || (a === b && (ends[i - 1] as number) > (ends[i] as number))) return false;
  }
  return true;
}

/**
 * The `quote` of each entry of `index` that meets [start, end), in order. The array is always of one
 * kind, empty or not (one that `map` makes from no entries holds small integers), so the optimized code
 * that reads it never meets a second kind.
 */
export function quotesMeeting<Q>(index: SpanIndex<Span & { quote: Q }>, start: number, end: number): Q[] {
  const found: Q[] = [];
  for (const entry of index.overlapping(start, end)) found.push(entry.quote);
  return found;
}
