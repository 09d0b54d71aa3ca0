/**
 * `claimsift export`: the review database (with the extracted documents it was made on) as
 * ClaimReview JSON-LD drafts, Label Studio predictions, brat standoff, or JSONL with decisions attached.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileNameForId } from '../io/inputs.js';
import { ReviewDb, ReviewDbError } from '../review/db.js';
import { OutputStore } from '../review/load.js';
import { VERSION } from '../version.js';
import { BRAT_ANNOTATION_CONF, bratAnn } from './brat.js';
import { claimReviews } from './claimreview.js';
import { LABEL_STUDIO_CONFIG, labelStudioTask } from './labelstudio.js';
import { joinReviews, reviewRecord, type ReviewedSet } from './reviewed.js';

export { claimReview, claimReviews, claimReviewProblems, authorOf } from './claimreview.js';
export { labelStudioTask, LABEL_STUDIO_CONFIG } from './labelstudio.js';
export { bratAnn, BRAT_ANNOTATION_CONF } from './brat.js';
export { joinReviews, effectiveClaim, reviewRecord } from './reviewed.js';

export const EXPORT_FORMATS = ['claimreview', 'labelstudio', 'brat', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportArgs {
  db: string;
  format: ExportFormat;
  /** The extracted documents; the folder the review was made on when absent. */
  from?: string | undefined;
  /** A file (a folder for brat); stdout when absent. */
  out?: string | undefined;
  quiet?: boolean;
}

class ExportUsage extends Error {}

/** The reviewed dataset as JSONL lines: each document with `review` on every claim and the stale decisions. */
export function jsonlLines(set: ReviewedSet): string[] {
  return set.articles.map(({ article, states, stale }) => {
    const claims = (Array.isArray(article.raw.claims) ? article.raw.claims : []) as Array<Record<string, unknown>>;
    const byId = new Map(article.claims.map(c => [c.id, c]));
    return JSON.stringify({
      ...article.raw,
      claims: claims.map(c => {
        const current = byId.get(String(c.id));
        return current ? { ...c, reviewKey: current.key, review: reviewRecord(states.get(current.key)) } : c;
      }),
      review: { stale: stale.map(s => ({ ...reviewRecord(s), snapshot: s.snapshot })) },
    });
  });
}

export function runExport(args: ExportArgs): number {
  const say = (line: string): void => { if (!args.quiet) process.stderr.write(`${line}\n`); };
  let db: ReviewDb;
  try {
    db = ReviewDb.open(args.db, { create: false, readonly: true });
  } catch (err) {
    process.stderr.write(`claimsift: ${(err as Error).message}\n`);
    return err instanceof ReviewDbError ? 1 : 2;
  }
  try {
    const states = db.allStates();
    const recorded = db.getMeta('outputDir');
    let from = args.from;
    if (from === undefined && recorded && fs.existsSync(recorded)) from = recorded;
    let set: ReviewedSet | null = null;
    if (from !== undefined) {
      if (!fs.existsSync(from)) throw new ExportUsage(`[E081] --from ${from} does not exist`);
      const store = new OutputStore(from);
      store.refresh();
      for (const p of store.problems) say(`claimsift: warning: ${p.file}: ${p.message}`);
      set = joinReviews(store, states);
    } else if (args.format !== 'claimreview') {
      throw new ExportUsage(`[E082] --format ${args.format} needs the extracted documents: give --from <output dir>`);
    } else {
      say(`claimsift: warning: no --from and ${recorded ?? 'no output folder'} is gone: drafts are built from the claims as they were when reviewed`);
    }
    const stale = set ? set.articles.reduce((n, a) => n + a.stale.length, 0) + set.orphans.length : 0;
    if (stale) say(`claimsift: ${stale} decisions are stale (their claim is no longer in ${from}) and are left out${args.format === 'jsonl' ? ' of the claims (kept under review.stale)' : ''}`);
    const write = (text: string): void => {
      if (args.out) {
        fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
        fs.writeFileSync(args.out, text);
      } else process.stdout.write(text);
    };
    switch (args.format) {
      case 'claimreview': {
        const result = claimReviews(set, states);
        write(`${JSON.stringify(result.drafts, null, 2)}\n`);
        if (result.noUrl.length) say(`claimsift: warning: ${result.noUrl.length} articles have no url, so their drafts name the article instead of linking it: ${result.noUrl.slice(0, 5).join(', ')}`);
        say(`claimsift export: ${result.drafts.length} ClaimReview drafts (${result.withVerdict} with a verdict) from ${states.filter(s => s.decision === 'accepted').length} accepted claims${args.out ? ` → ${args.out}` : ''}`);
        break;
      }
      case 'labelstudio': {
        const articles = (set as ReviewedSet).articles;
        write(`${JSON.stringify(articles.map(labelStudioTask), null, 2)}\n`);
        if (args.out) {
          const config = args.out.replace(/\.json$/i, '') + '.label-config.xml';
          fs.writeFileSync(config, LABEL_STUDIO_CONFIG);
          say(`claimsift export: ${articles.length} Label Studio tasks with predictions → ${args.out} (labeling config: ${config})`);
        } else say(`claimsift export: ${articles.length} Label Studio tasks (claimsift ${VERSION})`);
        break;
      }
      case 'brat': {
        if (!args.out) throw new ExportUsage('[E083] --format brat writes a folder: give --out <folder>');
        if (fs.existsSync(args.out) && !fs.statSync(args.out).isDirectory()) throw new ExportUsage(`[E083] --out ${args.out} is a file; brat needs a folder`);
        fs.mkdirSync(args.out, { recursive: true });
        const articles = (set as ReviewedSet).articles;
        for (const reviewed of articles) {
          const base = path.join(args.out, fileNameForId(reviewed.article.id));
          fs.writeFileSync(`${base}.txt`, reviewed.article.text);
          fs.writeFileSync(`${base}.ann`, bratAnn(reviewed));
        }
        fs.writeFileSync(path.join(args.out, 'annotation.conf'), BRAT_ANNOTATION_CONF);
        say(`claimsift export: ${articles.length} articles as brat standoff (.txt + .ann) → ${args.out}`);
        break;
      }
      case 'jsonl': {
        const lines = jsonlLines(set as ReviewedSet);
        write(lines.length ? `${lines.join('\n')}\n` : '');
        say(`claimsift export: ${lines.length} documents with ${states.length - stale} decisions attached${args.out ? ` → ${args.out}` : ''}`);
        break;
      }
    }
    return 0;
  } catch (err) {
    if (err instanceof ExportUsage) {
      process.stderr.write(`claimsift: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`claimsift: ${(err as Error).message}\n`);
    return 1;
  } finally {
    db.close();
  }
}
