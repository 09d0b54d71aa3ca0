/**
 * Measures the numbers stage against the shared gold data, without the CLI:
 *   npx tsc -p tsconfig.json && node dist/scripts/eval-numbers.js [--verbose] [--bench N]
 * Writes NewsQuant dev predictions to /tmp/nq.jsonl and the seed article's to /tmp/seed-numbers/, then runs
 * ../shared/tools/score-newsquant.mjs and score-gold.mjs on them. Skips with a message when ../shared is absent.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDoc } from '../src/document.js';
import type { Doc, NumberMention } from '../src/model.js';
import { findNumbers } from '../src/stages/numbers/index.js';
import { segment } from '../src/stages/segment.js';

function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'src'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

function build(text: string, id: string, publishedAt: string | null = null): { doc: Doc; ms: number } {
  const doc = createDoc(text, { id, publishedAt });
  Object.assign(doc, segment(doc));
  const t0 = performance.now();
  doc.numbers = findNumbers(doc);
  return { doc, ms: performance.now() - t0 };
}

const out = (doc: Doc): Record<string, unknown> => {
  const sp = (s: { start: number; end: number }): { start: number; end: number; text: string } => ({ start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) });
  return {
    article: { id: doc.article.id, publishedAt: doc.article.publishedAt },
    offsetUnit: 'utf16',
    text: doc.text,
    numbers: doc.numbers.map((n: NumberMention) => ({
      ...n,
      span: sp(n.span),
      counted: n.counted ? sp(n.counted) : null,
      event: n.event ? { ...sp(n.event), lemma: n.eventLemma, class: n.eventClass } : null,
    })),
  };
};

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const benchAt = args.indexOf('--bench');
const root = projectRoot();
const shared = path.resolve(root, '../shared');
if (!fs.existsSync(shared)) {
  console.log(`eval-numbers: skipped, ${shared} is not there`);
  process.exit(0);
}
const run = (script: string, extra: string[]): string => {
  try {
    return execFileSync(process.execPath, [path.join(shared, 'tools', script), ...extra], { encoding: 'utf8' });
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
};

// NewsQuant dev
const nqGold = path.join(shared, 'datasets/newsquant/dev.jsonl');
if (fs.existsSync(nqGold)) {
  const records = fs.readFileSync(nqGold, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l) as { id: string; text: string; quantities: Array<{ value: string; change: string; unit: string }> });
  const lines: string[] = [];
  let ms = 0;
  for (const r of records) {
    const { doc, ms: t } = build(r.text, r.id);
    ms += t;
    lines.push(JSON.stringify(out(doc)));
    if (verbose) {
      const shown = doc.numbers.filter(n => !['date', 'year', 'ordinal'].includes(n.kind))
        .map(n => `${doc.text.slice(n.span.start, n.span.end)}=${n.value}${n.approx ? ` ${n.approx}` : ''}${n.change ? ` ${n.change}` : ''}${n.unit ? ` [${n.unit}]` : ''}${n.counted ? ` {${doc.text.slice(n.counted.start, n.counted.end)}}` : ''} (${n.kind})`);
      console.log(`${r.id} ${r.text}\n  gold: ${r.quantities.map(q => `${q.value} ${q.change} [${q.unit}]`).join(' | ')}\n  pred: ${shown.join(' | ')}`);
    }
  }
  fs.writeFileSync('/tmp/nq.jsonl', `${lines.join('\n')}\n`);
  console.log(`NewsQuant dev: ${records.length} sentences, findNumbers ${(ms / records.length).toFixed(3)} ms each`);
  console.log(run('score-newsquant.mjs', ['--gold', nqGold, '--pred', '/tmp/nq.jsonl']));
}

// the seed article
const seedDir = path.join(shared, 'corpus/seed');
if (fs.existsSync(seedDir)) {
  const dir = '/tmp/seed-numbers';
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(seedDir).filter(f => f.endsWith('.txt'))) {
    const id = f.replace(/\.txt$/, '');
    const { doc } = build(fs.readFileSync(path.join(seedDir, f), 'utf8'), id);
    fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(out(doc), null, 1));
    if (verbose) for (const n of doc.numbers) console.log(`  ${n.id} ${JSON.stringify(doc.text.slice(n.span.start, n.span.end))} ${n.kind} ${n.value} ${n.approx ?? ''} ${n.unit ?? ''} ${n.date ?? ''}${n.dateInferred ? '*' : ''} counted=${n.counted ? JSON.stringify(doc.text.slice(n.counted.start, n.counted.end)) : '-'} event=${n.event ? `${doc.text.slice(n.event.start, n.event.end)}/${n.eventClass}` : '-'}`);
  }
  const report = run('score-gold.mjs', ['--gold', seedDir, '--pred', dir]);
  console.log('seed article (numbers only):');
  for (const line of report.split('\n')) if (/number/i.test(line)) console.log(line);
}

// throughput on real articles
if (benchAt >= 0) {
  const n = Number(args[benchAt + 1] ?? 200);
  const file = path.join(shared, 'bench/articles.jsonl');
  const rows = fs.readFileSync(file, 'utf8').split('\n', n).filter(Boolean).map(l => JSON.parse(l) as { id: string; body?: string; date?: string });
  let ms = 0;
  let count = 0;
  let chars = 0;
  for (const r of rows) {
    const { doc, ms: t } = build(r.body ?? '', String(r.id));
    ms += t;
    count += doc.numbers.length;
    chars += doc.text.length;
  }
  console.log(`bench: ${rows.length} articles, ${(chars / rows.length).toFixed(0)} chars avg, ${count} numbers, findNumbers ${(ms / rows.length).toFixed(3)} ms per article`);
}
