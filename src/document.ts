import type { ArticleMeta, Doc } from './model.js';
import { normalizeText } from './text/normalize.js';

export function createDoc(text: string, article: Partial<ArticleMeta> = {}): Doc {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return {
    text: clean,
    norm: normalizeText(clean),
    article: {
      id: article.id ?? 'article',
      source: article.source ?? null,
      title: article.title ?? null,
      url: article.url ?? null,
      publishedAt: article.publishedAt ?? null,
      meta: article.meta ?? {},
    },
    paragraphs: [], sentences: [], tokens: [], entities: [], quoteSpans: [], quotes: [], numbers: [], claims: [], diagnostics: [],
  };
}
