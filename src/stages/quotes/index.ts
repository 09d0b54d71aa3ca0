import type { Doc, Quote, Span } from '../../model.js';
import type { Stage } from '../../pipeline.js';
import { attributeQuotes } from './attributeQuotes.js';
import { calibrateQuotes, QuoteConfidenceModel, quoteWith, type QuoteConfidenceWeights } from './confidence.js';
import { readRulesJson } from '../../rules/cueData.js';
import { pairQuoteMarks } from './pairQuoteMarks.js';
import { SpanIndex } from '../../text/spanIndex.js';

export const quoteMarksStage: Stage = {
  name: 'quote-marks',
  requires: ['paragraphs'],
  assigns: ['quoteSpans', 'diagnostics'],
  run: doc => {
    const { spans, diagnostics } = pairQuoteMarks(doc.text, doc.paragraphs);
    return { quoteSpans: spans, diagnostics };
  },
};

/** The parts of each quote's content that stand inside quotation marks. */
function withVerbatim(doc: Readonly<Doc>, quotes: Quote[]): Quote[] {
  const inners = new SpanIndex(doc.quoteSpans.map(s => s.inner));
  // (pushed one by one: an array of one kind, empty or not, for the code that reads quotes)
  const withParts: Quote[] = [];
  for (const q of quotes) {
    if (q.kind === 'direct' && !q.explain.some(e => e.startsWith('one attribution over'))) {
      withParts.push(quoteWith(q, [{ start: q.content.start, end: q.content.end }], q.confidence, q.explain));
      continue;
    }
    const verbatim: Span[] = [];
    for (const s of inners.overlapping(q.content.start, q.content.end)) {
      const part = { start: Math.max(s.start, q.content.start), end: Math.min(s.end, q.content.end) };
      if (part.end > part.start) verbatim.push(part);
    }
    withParts.push(quoteWith(q, verbatim, q.confidence, q.explain));
  }
  return withParts;
}

export const quotesStage: Stage = {
  name: 'quotes',
  requires: ['sentences', 'tokens', 'entities', 'quoteSpans'],
  assigns: ['quotes'],
  run: doc => ({ quotes: withVerbatim(doc, attributeQuotes(doc)) }),
};

let confidenceModel: QuoteConfidenceModel | null | undefined;
/** The quote-confidence model, read once from src/rules/quote-confidence.weights.json (none: the rules' confidences stand). */
function loadConfidenceModel(): QuoteConfidenceModel | null {
  if (confidenceModel === undefined) {
    const w = readRulesJson<QuoteConfidenceWeights>('quote-confidence.weights.json');
    confidenceModel = w ? new QuoteConfidenceModel(w) : null;
  }
  return confidenceModel;
}

/** Each quote's confidence as the learned model reads it (src/stages/quotes/confidence.ts). */
export const quoteConfidenceStage: Stage = {
  name: 'quote-confidence',
  requires: ['quotes'],
  assigns: ['quotes'],
  run: doc => ({ quotes: calibrateQuotes(doc, doc.quotes, loadConfidenceModel()) }),
};
