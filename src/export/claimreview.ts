/**
 * schema.org ClaimReview drafts (JSON-LD), one per accepted claim: what was claimed, by whom
 * (itemReviewed: a Claim whose author is the speaker), where it appeared (the article), and, only
 * where the reviewer gave a verdict, the reviewRating. A draft has no review url or body yet: a
 * fact-checker finishes it in their CMS.
 */
import type { ClaimState, Verdict } from '../review/db.js';
import type { ReviewArticle } from '../review/load.js';
import { effectiveClaim, effectiveFromSnapshot, verdictLabel, type EffectiveClaim, type ReviewedSet } from './reviewed.js';

export interface ArticleInfo { id: string; title: string | null; url: string | null; publishedAt: string | null; source?: string | null }

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?/;

const webUrl = (url: string | null): URL | null => {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch { return null; }
};

/** The Claim's author: the speaker as a Person or Organization; the outlet for unattributed claims. */
export function authorOf(claim: EffectiveClaim, article: ArticleInfo): Record<string, unknown> {
  const kind = claim.speakerKind;
  if (kind === 'outlet' || !claim.speaker) {
    const site = webUrl(article.url);
    const name = claim.speaker || site?.hostname || `publisher of ${article.title ?? article.id}`;
    return { '@type': 'Organization', name, ...(site && kind === 'outlet' ? { url: site.origin } : {}) };
  }
  return { '@type': kind === 'organization' ? 'Organization' : 'Person', name: claim.speaker };
}

export function claimReview(claim: EffectiveClaim, article: ArticleInfo, review: { reviewer: string; reviewedAt: string; verdict: Verdict | null }): Record<string, unknown> {
  const appearance: Record<string, unknown> = { '@type': 'CreativeWork' };
  if (article.url) appearance.url = article.url;
  if (article.title) appearance.headline = article.title;
  if (!article.url && !article.title) appearance.name = article.id;
  const published = article.publishedAt && ISO_DATE.test(article.publishedAt) ? article.publishedAt : null;
  if (published) appearance.datePublished = published;
  const item: Record<string, unknown> = {
    '@type': 'Claim',
    author: authorOf(claim, article),
    ...(published ? { datePublished: published } : {}),
    appearance,
  };
  const label = verdictLabel(review.verdict);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    identifier: `claimsift:${claim.key}`,
    claimReviewed: claim.text,
    itemReviewed: item,
    author: { '@type': 'Person', name: review.reviewer },
    datePublished: review.reviewedAt.slice(0, 10),
    ...(review.verdict !== null && label
      ? { reviewRating: { '@type': 'Rating', ratingValue: review.verdict, worstRating: 1, bestRating: 5, alternateName: label } }
      : {}),
  };
}

export interface ClaimReviewResult { drafts: Array<Record<string, unknown>>; withVerdict: number; skippedStale: number; noUrl: string[] }

/** Drafts for every accepted claim; stale decisions are skipped when the documents are at hand. */
export function claimReviews(set: ReviewedSet | null, states: readonly ClaimState[]): ClaimReviewResult {
  const drafts: Array<Record<string, unknown>> = [];
  let skippedStale = 0;
  const noUrl = new Set<string>();
  const add = (claim: EffectiveClaim, article: ArticleInfo, state: ClaimState): void => {
    if (!article.url) noUrl.add(article.id);
    drafts.push(claimReview(claim, article, { reviewer: state.reviewer, reviewedAt: state.updatedAt, verdict: state.verdict }));
  };
  if (set) {
    for (const { article, states: byKey, stale } of set.articles) {
      skippedStale += stale.filter(s => s.decision === 'accepted').length;
      for (const claim of [...article.claims].sort((a, b) => a.cpStart - b.cpStart || a.cpEnd - b.cpEnd)) {
        const state = byKey.get(claim.key);
        if (state?.decision === 'accepted') add(effectiveClaim(claim, state.edits), infoOf(article), state);
      }
    }
    skippedStale += set.orphans.filter(s => s.decision === 'accepted').length;
  } else {
    for (const state of states) {
      if (state.decision !== 'accepted') continue;
      const s = state.snapshot;
      add(effectiveFromSnapshot(state), { id: s.articleId, title: s.title, url: s.url, publishedAt: s.publishedAt }, state);
    }
  }
  return { drafts, withVerdict: drafts.filter(d => d.reviewRating).length, skippedStale, noUrl: [...noUrl] };
}

const infoOf = (a: ReviewArticle): ArticleInfo => ({ id: a.id, title: a.title, url: a.url, publishedAt: a.publishedAt, source: a.source });

/** Structure checks of one ClaimReview draft (what Google's fact-check markup and schema.org require). */
export function claimReviewProblems(value: unknown): string[] {
  const problems: string[] = [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(value)) return ['not an object'];
  if (value['@context'] !== 'https://schema.org') problems.push('@context is not https://schema.org');
  if (value['@type'] !== 'ClaimReview') problems.push('@type is not ClaimReview');
  if (typeof value.claimReviewed !== 'string' || !value.claimReviewed.trim()) problems.push('claimReviewed is missing');
  if (!isObj(value.author) || typeof value.author.name !== 'string') problems.push('author is missing');
  if (typeof value.datePublished !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value.datePublished)) problems.push('datePublished is not a date');
  const item = value.itemReviewed;
  if (!isObj(item) || item['@type'] !== 'Claim') problems.push('itemReviewed is not a Claim');
  else {
    if (!isObj(item.author) || !['Person', 'Organization'].includes(String(item.author['@type'])) || typeof item.author.name !== 'string' || !item.author.name) problems.push('itemReviewed.author is not a named Person or Organization');
    if (!isObj(item.appearance) || (typeof item.appearance.url !== 'string' && typeof item.appearance.headline !== 'string' && typeof item.appearance.name !== 'string')) problems.push('itemReviewed.appearance is missing');
  }
  if (value.reviewRating !== undefined) {
    const r = value.reviewRating;
    if (!isObj(r) || r['@type'] !== 'Rating' || typeof r.alternateName !== 'string' || typeof r.ratingValue !== 'number' || r.ratingValue < 1 || r.ratingValue > 5) problems.push('reviewRating needs @type Rating, alternateName and ratingValue 1–5');
  }
  return problems;
}
