import { extract } from './extract.js';
import { articleFromHtml } from './io/html.js';
import type { InputRecord } from './io/inputs.js';
import type { ExtractOptions } from './model.js';
import type { OutputDocument } from './output.js';

export interface ErrorRecord {
  id: string;
  source: string;
  error: { code: string; message: string };
}

export type BatchResult = { ok: true; id: string; document: OutputDocument } | { ok: false; id: string; record: ErrorRecord };

/**
 * The article text of a record: as given, or taken out of its HTML page (the page's title fills a
 * missing title, and `meta.html` says where the text came from).
 */
export function resolveRecord(record: Extract<InputRecord, { ok: true }>): Extract<InputRecord, { ok: true }> {
  if (record.html === undefined) return record;
  const page = articleFromHtml(record.html, record.url);
  const { html: _html, ...rest } = record;
  return {
    ...rest,
    text: page.text,
    title: record.title ?? page.title,
    meta: { ...record.meta, html: { source: record.source, extractor: page.fallback ? 'body-text' : 'readability', byline: page.byline, siteName: page.siteName, lang: page.lang } },
  };
}

/** Extracts one input record; whatever goes wrong becomes an error record, never an exception. */
export function processRecord(input: InputRecord, options: ExtractOptions = {}): BatchResult {
  if (!input.ok) return { ok: false, id: input.id, record: { id: input.id, source: input.source, error: { code: 'E010', message: input.error } } };
  let record: Extract<InputRecord, { ok: true }>;
  try {
    record = resolveRecord(input);
  } catch (err) {
    return { ok: false, id: input.id, record: { id: input.id, source: input.source, error: { code: 'E011', message: `cannot read the HTML page: ${(err as Error).message}` } } };
  }
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
