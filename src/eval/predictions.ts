import fs from 'node:fs';
import path from 'node:path';
import type { PredDoc } from './common.js';

/**
 * Which reference scorer's reading rules to follow. They differ only at the edges:
 * - gold, polnear: a folder gives its *.json files, then its *.jsonl files (each in name order);
 *   a document needs an `article` and a string `text`.
 * - newsquant, ct24: a folder gives its *.json and *.jsonl files in directory order; a document needs
 *   an `article`; ct24 keys documents by String(article.id).
 * A file argument is read as JSONL when its name ends in .jsonl, else as one JSON document.
 * A later document with the same id replaces an earlier one.
 */
export type PredictionRules = 'gold' | 'polnear' | 'newsquant' | 'ct24';

const sortedWithSuffix = (dir: string, suffix: string): string[] =>
  fs.readdirSync(dir).filter(f => f.endsWith(suffix)).sort().map(f => path.join(dir, f));

/** The files a --pred argument stands for, under the given rules. */
export function predictionFiles(p: string, rules: PredictionRules = 'gold'): string[] {
  const isDir = fs.statSync(p).isDirectory();
  if (!isDir) return [p];
  if (rules === 'gold' || rules === 'polnear') return sortedWithSuffix(p, '.json').concat(sortedWithSuffix(p, '.jsonl'));
  return fs.readdirSync(p).filter(f => /\.jsonl?$/.test(f)).map(f => path.join(p, f));
}

function parseFile(file: string): unknown[] {
  const raw = fs.readFileSync(file, 'utf8');
  try {
    return file.endsWith('.jsonl') ? raw.split('\n').filter(Boolean).map(l => JSON.parse(l) as unknown) : [JSON.parse(raw) as unknown];
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}

/** Reads prediction documents (a folder of .json, a .jsonl file, a folder holding .jsonl files...). */
export function loadPredictions(paths: string | readonly string[], rules: PredictionRules = 'gold'): Map<unknown, PredDoc> {
  const preds = new Map<unknown, PredDoc>();
  for (const p of typeof paths === 'string' ? [paths] : paths) {
    for (const f of predictionFiles(p, rules)) {
      for (const d of parseFile(f)) {
        if (!d || typeof d !== 'object') continue;
        const doc = d as PredDoc;
        if (!doc.article) continue;
        if ((rules === 'gold' || rules === 'polnear') && typeof doc.text !== 'string') continue;
        preds.set(rules === 'ct24' ? String(doc.article.id) : doc.article.id, doc);
      }
    }
  }
  return preds;
}

/** Indexes documents that are already in memory (e.g. extracted on the fly) the same way. */
export function predictionsFrom(docs: Iterable<PredDoc>, rules: PredictionRules = 'gold'): Map<unknown, PredDoc> {
  const preds = new Map<unknown, PredDoc>();
  for (const d of docs) preds.set(rules === 'ct24' ? String(d.article.id) : d.article.id, d);
  return preds;
}
