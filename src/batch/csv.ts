import type { ErrorRecord } from '../batch.js';
import type { OutputDocument } from '../output.js';

/** The columns of `--format csv --flatten`: one row per claim. */
export const CSV_COLUMNS = [
  'article_id', 'claim_id', 'claim_text', 'source_name', 'source_kind', 'status', 'hedged', 'hedge', 'polarity',
  'checkworthiness', 'numbers', 'quote_id', 'cue', 'error',
] as const;

/** One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
export function csvField(value: unknown): string {
  const s = value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One RFC 4180 record, CRLF-terminated. */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export const CSV_HEADER = csvRow(CSV_COLUMNS);

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const spanText = (v: unknown): string | null => {
  const o = obj(v);
  return o && typeof o.text === 'string' ? o.text : null;
};

/** The rows of one document: a row per claim (none for an article without claims). */
export function documentCsvRows(doc: OutputDocument): string {
  const numbers = new Map<string, Obj>();
  for (const n of doc.numbers) if (typeof n.id === 'string') numbers.set(n.id, n);
  const quotes = new Map<string, Obj>();
  for (const q of doc.quotes) if (typeof q.id === 'string') quotes.set(q.id, q);
  let out = '';
  for (const c of doc.claims) {
    const source = obj(c.source);
    const quoteId = typeof c.quoteId === 'string' ? c.quoteId : null;
    const quote = quoteId !== null ? quotes.get(quoteId) : undefined;
    const evidenceCue = Array.isArray(c.evidence) ? (c.evidence as unknown[]).map(e => spanText(obj(e)?.cue)).find(t => t) : undefined;
    const cue = spanText(quote?.cue) ?? evidenceCue ?? null;
    const nums = (Array.isArray(c.numberIds) ? (c.numberIds as unknown[]) : []).flatMap(id => {
      const n = typeof id === 'string' ? numbers.get(id) : undefined;
      if (!n) return [];
      const value = n.value ?? n.date ?? '';
      return [`${spanText(n.span) ?? ''}=${typeof value === 'string' ? value : JSON.stringify(value)}`];
    });
    out += csvRow([
      doc.article.id, c.id, spanText(c.span), source?.name ?? null, source?.kind ?? null, c.status, c.hedged, c.hedge ?? null, c.polarity,
      c.checkworthiness, nums.join('; '), quoteId, cue, null,
    ]);
  }
  return out;
}

/** The row of a failed article: its id and the reason, every other column empty. */
export function errorCsvRow(error: ErrorRecord): string {
  return csvRow([error.id, null, null, null, null, null, null, null, null, null, null, null, null, `${error.error.code}: ${error.error.message}`]);
}
