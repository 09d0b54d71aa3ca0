/**
 * Port of shared/tools/score-ct24.mjs: check-worthiness against CheckThat! 2024 TSV gold
 * (Sentence_id, Text, class_label Yes/No). A sentence counts as check-worthy when its document holds
 * a claim with checkworthiness >= the threshold; documents pair by String(article.id) == Sentence_id.
 */
import fs from 'node:fs';
import { SectionBuilder, type Predictions, type ScoreResult } from './common.js';

/** One TSV row split on tabs: [Sentence_id, Text, class_label, ...]. */
export type Ct24Row = string[];

/** A TSV field as written by CSV-minded tools: `"…"` around it, `""` for a quote mark inside. */
export const unquoteTsvField = (field: string): string =>
  field.length >= 2 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;

export const loadCt24 = (f: string): Ct24Row[] =>
  fs.readFileSync(f, 'utf8').split('\n').slice(1).filter(Boolean).map(l => l.replace(/\r$/, '').split('\t').map(unquoteTsvField));

export function scoreCt24(rows: readonly Ct24Row[], preds: Predictions, threshold = 0.5): ScoreResult {
  let tp = 0, fp = 0, fn = 0, tn = 0, missing = 0;
  const scored: Array<[number, boolean]> = [];
  const byLabel = new SectionBuilder(`sentences by gold label (flagged: a claim scores >= ${threshold})`, ['sentences', 'flagged', 'missing']);
  const byStatus = new SectionBuilder('flagged sentences by status of their top claim', ['flagged', 'labelledYes']);
  for (const [id = '', text = '', label = ''] of rows) {
    const d = preds.get(String(id));
    if (!d) missing++;
    const claims = d?.claims ?? [];
    const score = Math.max(0, ...claims.map(c => Number(c.checkworthiness ?? 0)));
    const yes = label.trim() === 'Yes';
    scored.push([score, yes]);
    const flagged = score >= threshold;
    if (flagged) { if (yes) tp++; else fp++; } else if (yes) fn++; else tn++;

    const lk = yes ? 'Yes' : 'No';
    byLabel.add(lk, 'sentences');
    if (!d) byLabel.add(lk, 'missing');
    if (flagged) {
      byLabel.add(lk, 'flagged');
      const top = claims.reduce<(typeof claims)[number] | undefined>((best, c) => (!best || Number(c.checkworthiness ?? 0) > Number(best.checkworthiness ?? 0) ? c : best), undefined);
      const sk = top?.status == null ? '(none)' : String(top.status);
      byStatus.add(sk, 'flagged');
      if (yes) byStatus.add(sk, 'labelledYes');
      else byLabel.sample(lk, 'falseAlarm', { article: String(id), text, detail: `score ${score}` });
    } else if (yes) byLabel.sample(lk, 'miss', { article: String(id), text, detail: d ? `score ${score}` : 'no prediction for the sentence' });
  }
  // average precision of the ranking, as CheckThat! 2018-2021 reported it
  scored.sort((a, b) => b[0] - a[0]);
  let hits = 0, ap = 0;
  scored.forEach(([, yes], i) => { if (yes) { hits++; ap += hits / (i + 1); } });
  const P = tp / Math.max(1, tp + fp), R = tp / Math.max(1, tp + fn);
  const metrics: Record<string, number> = { sentences: rows.length, missing, precision: P, recall: R, f1: P + R ? 2 * P * R / (P + R) : 0, averagePrecision: ap / Math.max(1, hits) };
  return {
    metrics,
    misses: [],
    breakdown: {
      'sentences.byLabel': byLabel.build({ flaggedRate: ['flagged', 'sentences'] }),
      'claims.byStatus': byStatus.build({ precision: ['labelledYes', 'flagged'] }),
    },
  };
}
