/**
 * Counts the attribution cues of PolNeAR train and writes them as the cue lexicon's data,
 * src/rules/cues.counts.json:
 *   - lemmas: for every lemma that heads a gold Cue at least MIN_COUNT times, [times it heads a cue,
 *     times it occurs as a cue candidate] — the lexicon's `trainCount` and the prior P(cue | lemma);
 *   - after: words that follow a cue head and end the gold Cue span ("call" + "for", "say" + "in a
 *     statement"), with how often the span ends there when they follow the head.
 *
 *   npx tsc -p tsconfig.json && node dist/scripts/count-cues.js [--shared <dir>] [--no-write]
 *
 * Reads ../shared/datasets/polnear/train (text/ + attributions/, the first annotator file per
 * article, as the scorer does). Skips with a message when shared/ is absent. Deterministic.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDoc } from '../src/document.js';
import type { Doc, Token } from '../src/model.js';
import { runStages } from '../src/pipeline.js';
import { STAGES } from '../src/stages/index.js';
import { isCueCandidate } from '../src/stages/quotes/cueModel.js';
import { loadPolnear, type PolnearArticle } from '../src/eval/score-polnear.js';

/** The repository root: the nearest folder above this script that holds package.json (from scripts/ or dist/scripts/). */
export const REPO = ((): string => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();
const MIN_COUNT = 3;
const MAX_AFTER = 4;
const DANGLING = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'my', 'our', 'your', 'this', 'that', 'these', 'those', 'and', 'or']);

/** Words that never head a cue on their own: auxiliaries, "also", "not", infinitival "to". */
const NOT_HEAD = new Set(['be', 'have', 'do', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'also', 'not', "n't", 'to']);

export interface GoldCue {
  /** token indices [first, last) covered by the gold Cue span */
  first: number;
  last: number;
  head: number;
}

export interface AnnotatedArticle {
  article: PolnearArticle;
  doc: Doc;
  cues: GoldCue[];
}

export function sharedDir(argv: readonly string[]): string {
  const at = argv.indexOf('--shared');
  return at >= 0 && argv[at + 1] ? path.resolve(argv[at + 1] as string) : path.resolve(REPO, '..', 'shared');
}

/** PolNeAR's train and dev folders under the shared folder; null, with a line saying what is skipped, when train is absent. */
export function polnearDirs(argv: readonly string[], script: string, skipped: string): { trainDir: string; devDir: string } | null {
  const root = path.join(sharedDir(argv), 'datasets', 'polnear');
  const trainDir = path.join(root, 'train');
  if (!fs.existsSync(path.join(trainDir, 'attributions'))) {
    console.log(`${script}: ${trainDir} not found; ${skipped}`);
    return null;
  }
  return { trainDir, devDir: path.join(root, 'dev') };
}

/** The token that carries a cue's meaning: its first content verb, else its first noun, else its first token. */
export function cueHead(tokens: readonly Token[], first: number, last: number): number {
  const range = Array.from({ length: last - first }, (_, k) => first + k);
  const pick = (ok: (t: Token) => boolean): number | undefined => range.find(k => { const t = tokens[k]; return !!t && ok(t); });
  return pick(t => t.pos === 'VERB' && !NOT_HEAD.has(t.lemma))
    ?? pick(t => t.pos === 'NOUN')
    ?? pick(t => t.pos === 'VERB' || t.pos === 'AUX')
    ?? pick(t => isCueCandidate(t))
    ?? first;
}

/** Segments each article (segment and quote-mark stages only) and maps its gold cues to tokens. */
export function annotateSplit(dir: string): AnnotatedArticle[] {
  const stages = STAGES.filter(s => s.name === 'segment' || s.name === 'quote-marks');
  return loadPolnear(dir).map(article => {
    const doc = runStages(createDoc(article.text, { id: article.id }), stages);
    const cues: GoldCue[] = [];
    for (const a of article.attributions) {
      if (a.cue.length !== 1) continue;
      const span = a.cue[0];
      if (!span) continue;
      let first = -1;
      let last = -1;
      for (const t of tokensBetween(doc.tokens, span.start, span.end)) {
        if (first < 0) first = t.index;
        last = t.index + 1;
      }
      if (first < 0) continue;
      cues.push({ first, last, head: cueHead(doc.tokens, first, last) });
    }
    return { article, doc, cues };
  });
}

function tokensBetween(tokens: readonly Token[], start: number, end: number): Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.end ?? 0) <= start) lo = mid + 1;
    else hi = mid;
  }
  const found: Token[] = [];
  for (let i = lo; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.start >= end) break;
    if (t.start >= start && t.end <= end) found.push(t);
  }
  return found;
}

export interface CueCounts {
  source: string;
  /** lemma → [times it heads a gold cue, times it occurs as a cue candidate] */
  lemmas: Record<string, [number, number]>;
  /** lemma → [following words, times inside the gold Cue span, times after a gold cue head] */
  after: Record<string, Array<[string, number, number]>>;
}

export function countCues(articles: readonly AnnotatedArticle[]): CueCounts {
  const heads = new Map<string, number>();
  const seen = new Map<string, number>();
  const afterIn = new Map<string, number>();
  const afterAll = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string): void => { m.set(k, (m.get(k) ?? 0) + 1); };
  for (const { doc, cues } of articles) {
    const { tokens } = doc;
    for (const t of tokens) if (isCueCandidate(t)) bump(seen, t.lemma);
    for (const c of cues) {
      const head = tokens[c.head];
      if (!head) continue;
      bump(heads, head.lemma);
      // the words after the head, one to MAX_AFTER, and whether the gold span takes them in
      const sentence = head.sentence;
      let words = '';
      for (let k = c.head + 1; k <= c.head + MAX_AFTER; k++) {
        const u = tokens[k];
        if (!u || u.sentence !== sentence || /^[.,;:!?"\u201C\u201D']$/.test(u.text)) break;
        words = words ? `${words} ${u.lower}` : u.lower;
        const key = `${head.lemma}\t${words}`;
        bump(afterAll, key);
        // counted only where the gold Cue ends: "said in a statement", not "said in" of "said in an interview"
        if (k === c.last - 1) bump(afterIn, key);
      }
    }
  }
  const lemmas: CueCounts['lemmas'] = {};
  for (const [lemma, n] of [...heads].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    if (n >= MIN_COUNT) lemmas[lemma] = [n, Math.max(n, seen.get(lemma) ?? 0)];
  }
  const after: CueCounts['after'] = {};
  for (const [key, n] of [...afterIn].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const total = afterAll.get(key) ?? n;
    if (n < MIN_COUNT || n / total < 0.5) continue;
    const [lemma = '', words = ''] = key.split('\t');
    // a cue ends on a word of its own, never on an article or a possessive: "issued a" is not a cue
    if (DANGLING.has(words.split(' ').at(-1) ?? '')) continue;
    (after[lemma] ??= []).push([words, n, total]);
  }
  return { source: 'PolNeAR v1.0.0 train (840 articles, first annotator file each), counted by scripts/count-cues.ts', lemmas, after };
}

function main(): void {
  const argv = process.argv.slice(2);
  const dirs = polnearDirs(argv, 'count-cues', 'nothing to count (the lexicon data stays as committed)');
  if (!dirs) return;
  const train = dirs.trainDir;
  const articles = annotateSplit(train);
  const counts = countCues(articles);
  const out = path.join(REPO, 'src', 'rules', 'cues.counts.json');
  const top = Object.entries(counts.lemmas).slice(0, 15).map(([l, [n, s]]) => `${l} ${n}/${s}`).join(', ');
  console.log(`count-cues: ${articles.length} articles, ${Object.keys(counts.lemmas).length} cue lemmas (${top}, …)`);
  if (argv.includes('--no-write')) return;
  fs.writeFileSync(out, `${JSON.stringify(counts, null, 0).replace(/\],"/g, '],\n"')}\n`);
  console.log(`count-cues: wrote ${path.relative(process.cwd(), out)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
