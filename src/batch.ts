import { extract } from './extract.js';
import type { InputRecord } from './io/inputs.js';
import type { ExtractOptions } from './model.js';
import type { OutputDocument } from './output.js';

export interface ErrorRecord {
  id: string;
  source: string;
  error: { code: string; message: string };
}

export type BatchResult = { ok: true; id: string; document: OutputDocument } | { ok: false; id: string; record: ErrorRecord };

/** Extracts one input record; whatever goes wrong becomes an error record, never an exception. */
export function processRecord(record: InputRecord, options: ExtractOptions = {}): BatchResult {
  if (!record.ok) return { ok: false, id: record.id, record: { id: record.id, source: record.source, error: { code: 'E010', message: record.error } } };
  try {
    const document = extract(record.text, {
      ...options,
      article: { id: record.id, source: record.source, title: record.title, url: record.url, publishedAt: record.publishedAt, meta: record.meta },
    });
    return { ok: true, id: record.id, document };
  } catch (err) {
    return { ok: false, id: record.id, record: { id: record.id, source: record.source, error: { code: 'E020', message: `extraction failed: ${(err as Error).message}` } } };
  }
}
