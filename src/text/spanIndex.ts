import type { Span } from '../model.js';

/**
 * Spans that do not overlap one another, sorted, for logarithmic lookups: which span holds an
 * offset, which spans meet a range. Keeps the pipeline linear on very long articles.
 */
export class SpanIndex<T extends Span> {
  private readonly items: T[];

  constructor(items: Iterable<T>) {
    this.items = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  get size(): number {
    return this.items.length;
  }

  /** Index of the first span whose end lies after `offset`. */
  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.items[mid]?.end ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  containing(offset: number): T | undefined {
    const item = this.items[this.firstEndingAfter(offset)];
    return item && item.start <= offset && offset < item.end ? item : undefined;
  }

  overlapping(start: number, end: number): T[] {
    const found: T[] = [];
    for (let i = this.firstEndingAfter(start); i < this.items.length; i++) {
      const item = this.items[i];
      if (!item || item.start >= end) break;
      if (item.end > start) found.push(item);
    }
    return found;
  }
}
