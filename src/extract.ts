import { createDoc } from './document.js';
import type { ArticleMeta, Doc, ExtractOptions } from './model.js';
import { forgetLearnedWords } from './nlp.js';
import { toOutput, type OutputDocument } from './output.js';
import { runStages } from './pipeline.js';
import { STAGES } from './stages/index.js';

/** Largest article accepted; longer texts are cut to this length with a diagnostic. */
export const MAX_ARTICLE_CHARS = 6_000_000;

export interface ExtractInput extends Partial<ArticleMeta> {}

/** Runs the pipeline over one text and returns the annotated document model. Never prints or exits. */
export function annotate(text: string, article: ExtractInput = {}): Doc {
  if (typeof text !== 'string') throw new TypeError('[E001] extract(text): text must be a string');
  const doc = createDoc(text, article);
  if (!doc.text.trim()) {
    doc.diagnostics.push({ code: 'W010', message: 'the article is empty', span: null });
    return doc;
  }
  if (/\uFFFD/.test(doc.text)) {
    const at = doc.text.indexOf('\uFFFD');
    doc.diagnostics.push({ code: 'W011', message: 'the text holds replacement characters (invalid UTF-8 in the input?)', span: { start: at, end: at + 1 } });
  }
  // every article is read as by a fresh wink-nlp instance, whatever was read before it
  forgetLearnedWords();
  return runStages(doc, STAGES);
}

/** Extracts quotes, numbers and claims from one article as an output-contract document. */
export function extract(text: string, options: ExtractOptions & { article?: ExtractInput } = {}): OutputDocument {
  const doc = annotate(text, options.article ?? {});
  return toOutput(doc, options.offsets ?? 'codepoint', options.explain ?? false);
}
