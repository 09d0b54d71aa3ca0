/**
 * Joins the review database with the extracted documents: each current claim with its decision,
 * the decisions that no longer match a claim (stale), and a claim's values after the reviewer's edits.
 */
import { VERDICTS, type ClaimEdits, type ClaimSnapshot, type ClaimState, type Verdict } from '../review/db.js';
import type { OutputStore, ReviewArticle, ReviewClaim } from '../review/load.js';

export interface ReviewedArticle {
  article: ReviewArticle;
  /** Decisions on current claims, by review key. */
  states: Map<string, ClaimState>;
  /** Decisions whose key no longer names a claim of this article. */
  stale: ClaimState[];
}

export interface ReviewedSet {
  articles: ReviewedArticle[];
  /** Decisions on articles that are not in the output any more. */
  orphans: ClaimState[];
}

export function joinReviews(store: OutputStore, states: readonly ClaimState[]): ReviewedSet {
  const byArticle = new Map<string, ClaimState[]>();
  for (const s of states) byArticle.set(s.articleId, [...(byArticle.get(s.articleId) ?? []), s]);
  const articles = store.articles().sort((a, b) => a.id.localeCompare(b.id)).map(article => {
    const keys = new Set(article.claims.map(c => c.key));
    const mine = byArticle.get(article.id) ?? [];
    byArticle.delete(article.id);
    return { article, states: new Map(mine.filter(s => keys.has(s.key)).map(s => [s.key, s])), stale: mine.filter(s => !keys.has(s.key)) };
  });
  return { articles, orphans: [...byArticle.values()].flat() };
}

/** A claim as the reviewer left it: the extraction with the edits applied. */
export type EffectiveClaim = { key: string } & Pick<ClaimSnapshot, 'text' | 'speaker' | 'speakerKind' | 'status' | 'hedged' | 'polarity'>;

export function effectiveClaim(claim: ReviewClaim, edits: ClaimEdits): EffectiveClaim {
  return {
    key: claim.key,
    text: edits.text ?? claim.span.text.replace(/\s+/g, ' ').trim(),
    speaker: edits.speaker !== undefined ? edits.speaker || null : claim.source.name,
    speakerKind: edits.speakerKind ?? claim.source.kind,
    status: edits.status ?? claim.status,
    hedged: edits.hedged ?? claim.hedged,
    polarity: edits.polarity ?? claim.polarity,
  };
}

export function effectiveFromSnapshot(state: ClaimState): EffectiveClaim {
  const e = state.edits;
  const s = state.snapshot;
  return {
    key: state.key,
    text: e.text ?? s.text.replace(/\s+/g, ' ').trim(),
    speaker: e.speaker !== undefined ? e.speaker || null : s.speaker,
    speakerKind: e.speakerKind ?? s.speakerKind,
    status: e.status ?? s.status,
    hedged: e.hedged ?? s.hedged,
    polarity: e.polarity ?? s.polarity,
  };
}

export const verdictLabel = (v: Verdict | null): string | null => (v === null ? null : VERDICTS[v]);

/** The review fields attached to an exported claim. */
export function reviewRecord(state: ClaimState | undefined): Record<string, unknown> | null {
  if (!state) return null;
  return {
    key: state.key,
    decision: state.decision,
    verdict: state.verdict,
    verdictLabel: verdictLabel(state.verdict),
    edits: state.edits,
    reviewer: state.reviewer,
    reviewedAt: state.updatedAt,
  };
}
