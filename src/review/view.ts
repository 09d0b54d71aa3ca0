/**
 * What the review app shows: article summaries for the list, and per article the text with its
 * paragraphs, quotes, numbers and claims in UTF-16 offsets (what the browser indexes), each claim
 * with its review state, and the decisions that no longer match any claim ("stale").
 */
import { isHeadingLine } from '../stages/segment.js';
import { VERDICTS, type ClaimSnapshot, type ClaimState } from './db.js';
import type { DocSpan, ReviewArticle, ReviewClaim } from './load.js';

export interface ArticleSummary {
  id: string;
  title: string | null;
  publishedAt: string | null;
  quotes: number;
  numbers: number;
  claims: number;
  reviewed: number;
  accepted: number;
  rejected: number;
  verdicts: number;
  stale: number;
  statuses: { asserted: number; confirmed: number; hedged: number; denied: number };
}

export interface ViewSpan { start: number; end: number; text: string }

/** Only web links are shown as links. */
export const safeUrl = (url: string | null): string | null => {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
};

export function snapshotOf(article: ReviewArticle, claim: ReviewClaim): ClaimSnapshot {
  return {
    articleId: article.id,
    title: article.title,
    url: article.url,
    publishedAt: article.publishedAt,
    claimId: claim.id,
    text: claim.span.text || article.text.slice(article.toUtf16(claim.span.start), article.toUtf16(claim.span.end)),
    speaker: claim.source.name,
    speakerKind: claim.source.kind,
    status: claim.status,
    hedged: claim.hedged,
    polarity: claim.polarity,
  };
}

export function reviewOf(state: ClaimState | undefined): Record<string, unknown> | null {
  if (!state) return null;
  if (state.decision === null && state.verdict === null && !Object.keys(state.edits).length) return null;
  return {
    decision: state.decision,
    verdict: state.verdict,
    verdictLabel: state.verdict === null ? null : VERDICTS[state.verdict],
    edits: state.edits,
    reviewer: state.reviewer,
    updatedAt: state.updatedAt,
  };
}

export function summarize(article: ReviewArticle, states: readonly ClaimState[]): ArticleSummary {
  const byKey = new Map(states.map(s => [s.key, s]));
  const current = new Set(article.claims.map(c => c.key));
  let reviewed = 0, accepted = 0, rejected = 0, verdicts = 0;
  for (const c of article.claims) {
    const s = byKey.get(c.key);
    if (!s) continue;
    if (s.decision) reviewed++;
    if (s.decision === 'accepted') accepted++;
    if (s.decision === 'rejected') rejected++;
    if (s.verdict !== null) verdicts++;
  }
  return {
    id: article.id,
    title: article.title,
    publishedAt: article.publishedAt,
    quotes: article.quotes.length,
    numbers: article.numbers.length,
    claims: article.claims.length,
    reviewed,
    accepted,
    rejected,
    verdicts,
    stale: states.filter(s => !current.has(s.key)).length,
    statuses: {
      asserted: article.claims.filter(c => c.status === 'asserted').length,
      confirmed: article.claims.filter(c => c.status === 'confirmed').length,
      hedged: article.claims.filter(c => c.hedged).length,
      denied: article.claims.filter(c => c.polarity === 'denied').length,
    },
  };
}

/** Paragraphs by line, headings flagged by the segmenter's own rule, in UTF-16 offsets. */
export function paragraphsOf(text: string): Array<{ start: number; end: number; heading: boolean }> {
  const out: Array<{ start: number; end: number; heading: boolean }> = [];
  const re = /[^\r\n\u2028\u2029]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let s = m.index, e = m.index + m[0].length;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ start: s, end: e, heading: isHeadingLine(text.slice(s, e)) });
  }
  return out;
}

export function articleView(article: ReviewArticle, states: readonly ClaimState[]): Record<string, unknown> {
  const u = (s: DocSpan): ViewSpan => {
    const start = article.toUtf16(s.start), end = article.toUtf16(s.end);
    return { start, end, text: article.text.slice(start, end) };
  };
  const maybe = (s: DocSpan | null): ViewSpan | null => (s ? u(s) : null);
  const speakerIndex = new Map<string, number>();
  const speakers: Array<{ name: string; anonymous: boolean; quotes: number }> = [];
  const speakerOf = (name: string | null, entityId: string | null, anonymous: boolean): number | null => {
    if (!name && !entityId) return null;
    const key = entityId ? `e:${entityId}` : `n:${(name ?? '').toLowerCase()}`;
    let i = speakerIndex.get(key);
    if (i === undefined) {
      i = speakers.length;
      speakerIndex.set(key, i);
      speakers.push({ name: name ?? entityId ?? '', anonymous, quotes: 0 });
    }
    return i;
  };
  const quotes = [...article.quotes]
    .sort((a, b) => a.content.start - b.content.start)
    .map(q => {
      const speaker = q.speaker ? speakerOf(q.speaker.name, q.speaker.entityId, q.speaker.anonymous) : null;
      if (speaker !== null) speakers[speaker]!.quotes++;
      return { id: q.id, kind: q.kind, content: u(q.content), speaker, speakerName: q.speaker?.name ?? null, mention: maybe(q.speaker?.mention ?? null), cue: maybe(q.cue) };
    });
  const quoteById = new Map(article.quotes.map(q => [q.id, q]));
  const numberById = new Map(article.numbers.map(n => [n.id, n]));
  const numbers = article.numbers.map(n => ({ key: n.key, id: n.id, span: u(n.span), kind: n.kind, value: n.value, unit: n.unit, counted: maybe(n.counted), event: maybe(n.event) }));
  const byKey = new Map(states.map(s => [s.key, s]));
  const claims = [...article.claims]
    .sort((a, b) => b.checkworthiness - a.checkworthiness || a.cpStart - b.cpStart || a.cpEnd - b.cpEnd)
    .map((c, rank) => {
      const quote = c.quoteId ? quoteById.get(c.quoteId) : undefined;
      const cue = quote?.cue ?? c.evidence.find(e => e.cue)?.cue ?? null;
      const speaker = c.source.kind === 'outlet' ? null : speakerOf(c.source.name, c.source.entityId, c.source.anonymous);
      return {
        key: c.key,
        id: c.id,
        rank: rank + 1,
        span: u(c.span),
        sentence: c.sentence,
        source: c.source,
        speaker,
        quoteId: c.quoteId,
        cue: maybe(cue),
        status: c.status,
        hedged: c.hedged,
        hedge: c.hedge,
        polarity: c.polarity,
        numbers: c.numberIds.map(id => numberById.get(id)?.key).filter((k): k is string => k !== undefined),
        checkworthiness: c.checkworthiness,
        evidence: c.evidence.map(e => ({ ruleId: e.ruleId, cue: maybe(e.cue), text: e.text })),
        explain: c.explain,
        review: reviewOf(byKey.get(c.key)),
      };
    });
  const currentKeys = new Set(article.claims.map(c => c.key));
  const stale = states.filter(s => !currentKeys.has(s.key)).map(s => {
    const similar = article.claims.find(c => c.span.text.trim() === s.snapshot.text.trim());
    return {
      key: s.key,
      snapshot: s.snapshot,
      reason: s.textSha256 !== article.textSha256 ? 'the article text changed since this decision' : 'no claim has this span any more',
      similar: similar?.key ?? null,
      review: reviewOf(s),
    };
  });
  return {
    article: {
      id: article.id,
      title: article.title,
      url: safeUrl(article.url),
      publishedAt: article.publishedAt,
      source: article.source,
      textSha256: article.textSha256,
      offsetUnit: article.offsetUnit,
    },
    text: article.text,
    paragraphs: paragraphsOf(article.text),
    speakers,
    quotes,
    numbers,
    claims,
    stale,
    entities: [...new Set(article.entities.map(e => e.name))].sort(),
  };
}
