import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusRecords, ROOT } from './helpers.js';

// The README's recipes for running beyond one process, run for real: GNU parallel (--pipe,
// --pipepart, --sshlogin), the Spark rdd.pipe contract, and a Kubernetes Indexed Job's shards.
// 1,000 articles made from the corpus (each article repeated under new ids), never from ../shared.

// CLAIMSIFT_CLI: a copy of the build to test, so a rebuild running beside the tests cannot change it mid-test
const CLI = process.env.CLAIMSIFT_CLI ?? path.join(ROOT, 'dist', 'src', 'cli.js');
const hasParallel = spawnSync('sh', ['-c', 'command -v parallel'], { encoding: 'utf8' }).status === 0;
if (!hasParallel) console.warn('batch-parallel.test.ts: GNU parallel is not installed (apt-get install -y parallel): the GNU parallel recipe tests are skipped');

const N = 1000;
let dir: string;
let input: string;
let single: string;
const claimsift = `"${process.execPath}" "${CLI}"`;
const sh = (script: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync('bash', ['-c', `set -o pipefail; ${script}`], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 1024 * 1024 * 1024 });
const lineCount = (s: string): number => s.split('\n').filter(Boolean).length;
const firstDifference = (a: string, b: string): string | null => {
  if (a === b) return null;
  const la = a.split('\n');
  const lb = b.split('\n');
  const i = la.findIndex((l, k) => l !== lb[k]);
  return `${la.length} vs ${lb.length} lines; first difference on line ${i + 1}: ${(la[i] ?? '').slice(0, 120)} | ${(lb[i] ?? '').slice(0, 120)}`;
};

beforeAll(() => {
  if (!fs.existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: ROOT });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimsift-parallel-'));
  const base = corpusRecords().filter(r => r.ok);
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    const r = base[i % base.length];
    if (!r || !r.ok) continue;
    // a few bad records too: each must come out as an error line in its place
    if (i % 250 === 7) { lines.push(JSON.stringify({ id: `missing-text-${i}` })); continue; }
    lines.push(JSON.stringify({ id: `${r.id}~${i}`, title: r.title, text: r.text, publishedAt: r.publishedAt, batch: Math.floor(i / 100) }));
  }
  input = path.join(dir, 'articles.jsonl');
  fs.writeFileSync(input, `${lines.join('\n')}\n`);
  const res = sh(`cat "${input}" | ${claimsift} extract - --format jsonl -j1 -q`);
  expect(res.status).toBe(1); // the bad records
  single = res.stdout;
}, 600_000);

describe('one line per input line, identical for any split', () => {
  it('cat articles.jsonl | claimsift extract - --format jsonl: -j1 and -j2 agree, one line per input line', () => {
    expect(lineCount(single)).toBe(N);
    expect(single.split('\n').filter(l => l.startsWith('{"id":"missing-text-'))).toHaveLength(4);
    const j2 = sh(`cat "${input}" | ${claimsift} extract - --format jsonl -j2 -q`);
    expect(firstDifference(j2.stdout, single)).toBeNull();
  }, 600_000);

  it.skipIf(!hasParallel)('GNU parallel --pipe -k over the JSONL gives what one process gives', () => {
    const res = sh(`parallel --will-cite --pipe -k -N 100 ${claimsift} extract - --format jsonl -j1 -q < "${input}"`);
    // stderr holds only the bad records' messages (stdout only data)
    expect(res.stderr.split('\n').filter(Boolean).every(l => l.startsWith('claimsift: <stdin>: record has no'))).toBe(true);
    expect(firstDifference(res.stdout, single)).toBeNull();
  }, 600_000);

  it.skipIf(!hasParallel)('GNU parallel --pipepart -a (blocks of the file, no copy through parallel) gives the same', () => {
    const res = sh(`parallel --will-cite --pipepart -a "${input}" --block -3 -k ${claimsift} extract - --format jsonl -j1 -q`);
    expect(firstDifference(res.stdout, single)).toBeNull();
  }, 600_000);

  it.skipIf(!hasParallel)('GNU parallel --sshlogin (":" is this machine, through the same remote-job path) gives the same', () => {
    const res = sh(`parallel --will-cite --sshlogin 2/: --pipe -k -N 250 ${claimsift} extract - --format jsonl -j1 -q < "${input}"`);
    expect(firstDifference(res.stdout, single)).toBeNull();
  }, 600_000);
});

describe('the Spark and Kubernetes recipes', () => {
  it('Spark rdd.pipe: a partition\'s lines in, as many lines out, in order; exit 0 when records failed (errors are in-band)', () => {
    // rdd.pipe runs the command once per partition with the partition's lines on stdin and fails the
    // task on a non-zero exit; the README's command treats exit 1 (some records failed) as success.
    const partition = fs.readFileSync(input, 'utf8').split('\n').filter(Boolean).slice(0, 40).join('\n');
    const res = spawnSync('sh', ['-c', `${claimsift} extract - --format jsonl -j1 -q || [ $? -eq 1 ]`], { input: `${partition}\n`, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(res.status).toBe(0);
    expect(firstDifference(res.stdout, `${single.split('\n').slice(0, 40).join('\n')}\n`)).toBeNull();
    const broken = spawnSync('sh', ['-c', `${claimsift} extract - --format nonsense -q || [ $? -eq 1 ]`], { input: '{}\n', encoding: 'utf8' });
    expect(broken.status).not.toBe(0);
  }, 600_000);

  it('Kubernetes Indexed Job: each pod takes shard JOB_COMPLETION_INDEX of --shards n; together they are the whole', () => {
    const out = path.join(dir, 'k8s');
    for (let index = 0; index < 3; index++) {
      const res = sh(`cat "${input}" | ${claimsift} extract - --shards 3 --out "${out}" --format jsonl -j1 -q`, { JOB_COMPLETION_INDEX: String(index) });
      expect([0, 1]).toContain(res.status);
    }
    const parts = [0, 1, 2].map(i => fs.readFileSync(path.join(out, `claimsift-${i}-of-3.jsonl`), 'utf8'));
    const sorted = (s: string): string[] => s.split('\n').filter(Boolean).sort();
    expect(sorted(parts.join('')).join('\n') === sorted(single).join('\n')).toBe(true);
    expect(parts.map(lineCount).reduce((a, b) => a + b, 0)).toBe(N);
  }, 600_000);
});
