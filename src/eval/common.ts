/**
 * Shared pieces of the scorers: the loose shape of a prediction document (read from untrusted
 * JSON), offset conversion, rounding, and the per-slice breakdown that eval adds to the figures.
 */

/** A span as a prediction document holds it, in the document's offsetUnit. */
export interface PredSpan { start: number; end: number; text?: string | null }

export interface PredQuote {
  kind?: string | null;
  content?: PredSpan | null;
  speaker?: { name?: string | null; anonymous?: boolean | null; mention?: PredSpan | null } | null;
  cue?: PredSpan | null;
  ruleId?: string | null;
  confidence?: number | null;
}

export interface PredNumber {
  span?: PredSpan | null;
  kind?: string | null;
  value?: unknown;
  approx?: string | null;
  lower?: unknown;
  upper?: unknown;
  change?: string | null;
  unit?: string | null;
  counted?: PredSpan | null;
  event?: PredSpan | null;
  date?: unknown;
  ruleId?: string | null;
}

export interface PredClaim {
  span?: PredSpan | null;
  status?: string | null;
  source?: { name?: string | null; kind?: string | null } | null;
  hedged?: boolean | null;
  polarity?: string | null;
  checkworthiness?: number | null;
}

/** An output document as the scorers read it: only the fields they look at, all optional but the article. */
export interface PredDoc {
  article: { id: unknown };
  text?: unknown;
  offsetUnit?: unknown;
  quotes?: PredQuote[] | null;
  numbers?: PredNumber[] | null;
  claims?: PredClaim[] | null;
}

/** Predictions by article id (the raw `article.id`, as the reference scorers key them). */
export type Predictions = ReadonlyMap<unknown, PredDoc>;

export interface Range { start: number; end: number }

/** Converts spans in the document's offsetUnit into JavaScript string indices (the scorers' toUtf16). */
export function toUtf16(doc: PredDoc): <S extends Range>(s: S | null | undefined) => S | null | undefined {
  if (doc.offsetUnit !== 'codepoint') return s => s;
  const cps = Array.from(String(doc.text));
  const idx: number[] = [0];
  for (let i = 0; i < cps.length; i++) idx.push((idx[i] ?? 0) + (cps[i]?.length ?? 0));
  return s => (s ? { ...s, start: idx[s.start] ?? s.start, end: idx[s.end] ?? s.end } : s);
}

/** Three decimals, as every reference scorer prints. */
export const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Lower-cased words (letters, digits, hyphens), as score-gold and score-polnear split names. */
export const words = (t: unknown): string[] =>
  (t == null ? '' : String(t)).toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, ' ').split(/\s+/).filter(Boolean);

// ---------------------------------------------------------------------------------------------
// Breakdown: per-slice counts, rates and a few examples of what went wrong.

export const SAMPLE_LIMIT = 5;

export interface Sample { article: string; text: string; detail?: string }

export interface Slice {
  counts: Record<string, number>;
  rates: Record<string, number>;
  samples: Record<string, Sample[]>;
}

export interface Section { title: string; slices: Record<string, Slice> }

/** One text snippet: whitespace collapsed, at most 100 characters. */
export function snippet(text: unknown, max = 100): string {
  const t = (text == null ? '' : String(text)).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Collects slices for one section; counts start at zero in the order they are declared. */
export class SectionBuilder {
  private readonly slices = new Map<string, Slice>();
  constructor(readonly title: string, private readonly countNames: readonly string[]) {}

  slice(key: string): Slice {
    let s = this.slices.get(key);
    if (!s) {
      s = { counts: Object.fromEntries(this.countNames.map(n => [n, 0])), rates: {}, samples: {} };
      this.slices.set(key, s);
    }
    return s;
  }

  add(key: string, count: string, by = 1): void {
    const s = this.slice(key);
    s.counts[count] = (s.counts[count] ?? 0) + by;
  }

  sample(key: string, kind: string, sample: Sample): void {
    const list = (this.slice(key).samples[kind] ??= []);
    if (list.length < SAMPLE_LIMIT) list.push({ ...sample, text: snippet(sample.text) });
  }

  /** Adds rate = numerator / sum of denominators to every slice (only when that sum is non-zero). */
  build(rates: Record<string, [string, string | readonly string[]]> = {}): Section {
    const out: Record<string, Slice> = {};
    for (const key of [...this.slices.keys()].sort()) {
      const s = this.slices.get(key)!;
      for (const [name, [num, den]] of Object.entries(rates)) {
        const d = (typeof den === 'string' ? [den] : den).reduce((sum, c) => sum + (s.counts[c] ?? 0), 0);
        if (d > 0) s.rates[name] = round((s.counts[num] ?? 0) / d);
      }
      // (a count may be a sum of fractions, a confidence's: shown rounded)
      for (const [name, v] of Object.entries(s.counts)) s.counts[name] = round(v);
      out[key] = s;
    }
    return { title: this.title, slices: out };
  }
}

/** What every scorer returns: the reference figures (unrounded), its misses list, and the breakdown. */
export interface ScoreResult {
  metrics: Record<string, number>;
  misses: string[];
  breakdown: Record<string, Section>;
}

/** The reference scorers' `name value` lines. */
export function metricLines(metrics: Record<string, number>, pad: number): string[] {
  return Object.entries(metrics).map(([k, v]) => `${k.padEnd(pad)} ${round(v)}`);
}

export const roundMetrics = (metrics: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, round(v)]));
