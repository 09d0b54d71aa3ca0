import type { Doc, Quote, Span } from '../../model.js';
import type { Stage } from '../../pipeline.js';
import { attributeQuotes } from './attributeQuotes.js';
import { calibrateQuotes, QuoteConfidenceModel, type QuoteConfidenceWeights } from './confidence.js';
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
  return quotes.map(q => {
    if (q.kind === 'direct' && !q.explain.some(e => e.startsWith('one attribution over'))) return { ...q, verbatim: [{ ...q.content }] };
    const verbatim: Span[] = inners.overlapping(q.content.start, q.content.end)
      .map(s => ({ start: Math.max(s.start, q.content.start), end: Math.min(s.end, q.content.end) }))
      .filter(s => s.end > s.start);
    return { ...q, verbatim };
  });
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
