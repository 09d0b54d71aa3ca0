import type { ErrorRecord } from '../batch.js';
import { metricLines, round, type Section } from './common.js';

export type GoldType = 'gold' | 'polnear' | 'newsquant' | 'ct24';

/** Everything `claimsift eval` reports; `--json` prints it as it is. */
export interface EvalReport {
  goldType: GoldType;
  gold: string[];
  /** the --pred argument, or null when eval extracted the gold articles itself */
  pred: string | null;
  extraction: { articles: number; errors: ErrorRecord[]; missingArticles: string[] } | null;
  /** the reference scorer's figures, rounded to three decimals as it prints them */
  metrics: Record<string, number>;
  /** the reference scorer's misses list (score-gold only; empty otherwise) */
  misses: string[];
  /** the reference scorer's closing line */
  summary: string;
  breakdown: Record<string, Section>;
}

/** Name column width of each reference scorer's `name value` lines. */
export const METRIC_PAD: Record<GoldType, number> = { gold: 26, polnear: 28, newsquant: 16, ct24: 18 };

/** The reference scorer's closing `ok ...` line. */
export function summaryLine(type: GoldType, m: Record<string, number>): string {
  const r = (k: string, fallback?: number): number => round(m[k] ?? fallback ?? NaN);
  switch (type) {
    case 'gold': return `ok quotes.attributedF1=${r('quotes.attributedF1')} claims.statusAccuracy=${r('claims.statusAccuracy', 0)} numbers.recall=${r('numbers.recall', 0)}`;
    case 'polnear': return `ok contentF1=${r('contentF1')} attributedF1=${r('attributedF1')} reportingAttributedRecall=${r('reportingAttributedRecall')}`;
    case 'newsquant': return `ok valueF1=${r('valueF1')} changeF1=${r('changeF1')} countedAccuracy=${r('countedAccuracy')}`;
    case 'ct24': return `ok f1=${r('f1')} averagePrecision=${r('averagePrecision')}`;
  }
}

/** The lines the reference scorer prints without --json (score-gold: its misses, then the figures). */
export function referenceLines(type: GoldType, metrics: Record<string, number>, misses: readonly string[]): string[] {
  return [...misses.map(m => `  ${m}`), ...metricLines(metrics, METRIC_PAD[type]), summaryLine(type, metrics)];
}

function sectionLines(name: string, section: Section): string[] {
  const keys = Object.keys(section.slices);
  const lines = ['', `== ${name}: ${section.title}`];
  if (!keys.length) return [...lines, '  (nothing to report)'];
  const countCols = [...new Set(keys.flatMap(k => Object.keys(section.slices[k]!.counts)))];
  const rateCols = [...new Set(keys.flatMap(k => Object.keys(section.slices[k]!.rates)))];
  const cols = [...countCols, ...rateCols];
  const cell = (k: string, c: string): string => {
    const s = section.slices[k]!;
    const v = c in s.counts ? s.counts[c] : s.rates[c];
    return v === undefined ? '-' : String(v);
  };
  const first = Math.max(5, ...keys.map(k => k.length));
  const widths = cols.map(c => Math.max(c.length, ...keys.map(k => cell(k, c).length)));
  lines.push(`  ${'slice'.padEnd(first)}  ${cols.map((c, i) => c.padStart(widths[i]!)).join('  ')}`);
  for (const k of keys) {
    lines.push(`  ${k.padEnd(first)}  ${cols.map((c, i) => cell(k, c).padStart(widths[i]!)).join('  ')}`);
  }
  for (const k of keys) {
    for (const [kind, samples] of Object.entries(section.slices[k]!.samples)) {
      for (const s of samples) lines.push(`    ${k} ${kind}: ${s.article}: "${s.text}"${s.detail ? ` (${s.detail})` : ''}`);
    }
  }
  return lines;
}

/** The text report: the reference scorer's lines first (comparable line by line), then the breakdown. */
export function formatReport(report: EvalReport): string {
  const lines = referenceLines(report.goldType, report.metrics, report.misses);
  for (const [name, section] of Object.entries(report.breakdown)) lines.push(...sectionLines(name, section));
  if (report.extraction) {
    const { articles, errors, missingArticles } = report.extraction;
    lines.push('', `extracted ${articles} articles with claimsift${errors.length ? `, ${errors.length} failed` : ''}`);
    for (const e of errors) lines.push(`  ${e.id}: ${e.error.code} ${e.error.message}`);
    for (const m of missingArticles) lines.push(`  no article text found for ${m}`);
  }
  return `${lines.join('\n')}\n`;
}
