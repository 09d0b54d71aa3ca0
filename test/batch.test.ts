import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { packOutcomes, type RecordOutcome } from '../src/batch/chunk.js';
import { csvField, csvRow } from '../src/batch/csv.js';
import { keepCompleteLines } from '../src/batch/run.js';
import { fnv1a32, parseShard, shardOf } from '../src/batch/shard.js';
import { expandBraces, globSync } from '../src/io/glob.js';
import { listInputFiles, recordsFromFile } from '../src/io/inputs.js';
import { streamRecords } from '../src/io/stream.js';
import { corpusRecords, ROOT } from './helpers.js';
import { invariantViolations } from './invariants.js';

// CLAIMSIFT_CLI: a copy of the build to test, so a rebuild running beside the tests cannot change it mid-test
const CLI = process.env.CLAIMSIFT_CLI ?? path.join(ROOT, 'dist', 'src', 'cli.js');
const run = (args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input: options.input, env: { ...process.env, ...options.env }, cwd: options.cwd ?? ROOT, maxBuffer: 512 * 1024 * 1024 });

// these tests spawn the CLI, several workers each: give them room on a loaded CI machine
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

let dir: string;
/** The corpus articles as JSONL, repeated under new ids up to `n` records. */
let jsonl = (n: number): string => String(n);

beforeAll(() => {
  if (!fs.existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: ROOT });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimsift-batch-'));
  const base = corpusRecords().filter(r => r.ok);
  jsonl = (n: number): string => {
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = base[i % base.length];
      if (!r || !r.ok) continue;
      lines.push(JSON.stringify({ id: `${r.id}~${i}`, title: r.title, text: r.text, publishedAt: r.publishedAt, desk: i % 2 ? 'world' : 'home' }));
    }
    return `${lines.join('\n')}\n`;
  };
});

const write = (name: string, content: string | Buffer): string => {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
};
const lines = (s: string): string[] => s.split('\n').filter(Boolean);
/** Where two outputs first differ (line number and the ids there), or null: keeps failures short. */
const firstDifference = (a: string, b: string): string | null => {
  if (a === b) return null;
  const la = a.split('\n');
  const lb = b.split('\n');
  const i = la.findIndex((l, k) => l !== lb[k]);
  const id = (l: string | undefined): string => { try { const d = JSON.parse(l ?? ''); return String(d.article?.id ?? d.id); } catch { return (l ?? '').slice(0, 80); } };
  return `${la.length} vs ${lb.length} lines; first difference on line ${i + 1}: ${id(la[i])} vs ${id(lb[i])}`;
};

describe('inputs', () => {
  it('expands globs: *, ?, **, classes and {a,b}', () => {
    const g = path.join(dir, 'glob');
    for (const f of ['a.txt', 'b.txt', 'c.md', 'sub/d.txt', 'sub/deeper/e.jsonl', '.hidden/f.txt']) write(path.join('glob', f), 'Officials said 3 people died.');
    expect(expandBraces('x/{a,b{c,d}}.txt')).toEqual(['x/a.txt', 'x/bc.txt', 'x/bd.txt']);
    expect(globSync(`${g}/*.txt`).map(f => path.relative(g, f))).toEqual(['a.txt', 'b.txt']);
    expect(globSync(`${g}/**/*.txt`).map(f => path.relative(g, f))).toEqual(['a.txt', 'b.txt', 'sub/d.txt']);
    expect(globSync(`${g}/[ab].{txt,md}`).map(f => path.relative(g, f))).toEqual(['a.txt', 'b.txt']);
    expect(globSync(`${g}/?.md`).map(f => path.relative(g, f))).toEqual(['c.md']);
    expect(listInputFiles([`${g}/**/*.{txt,jsonl}`]).map(f => path.relative(g, f))).toEqual(['a.txt', 'b.txt', 'sub/d.txt', 'sub/deeper/e.jsonl']);
    // a folder walk skips hidden folders (the cache lives in one)
    expect(listInputFiles([g]).map(f => path.relative(g, f))).toEqual(['a.txt', 'b.txt', 'c.md', 'sub/d.txt', 'sub/deeper/e.jsonl']);
    const res = run(['extract', `${g}/*.txt`, '--format', 'jsonl', '-q']);
    expect(lines(res.stdout).map(l => JSON.parse(l).article.id)).toEqual(['a', 'b']);
    const none = run(['extract', `${g}/*.nothing`, '--format', 'jsonl']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no file matches/);
  });

  it('reads .jsonl.gz as a stream, like the plain file', async () => {
    const content = jsonl(40);
    const plain = write('gz/articles.jsonl', content);
    const gz = write('gz/articles.jsonl.gz', zlib.gzipSync(content));
    const fromPlain = lines(run(['extract', plain, '--format', 'jsonl', '-q', '-j1']).stdout).map(l => JSON.parse(l));
    const fromGz = lines(run(['extract', gz, '--format', 'jsonl', '-q', '-j1']).stdout).map(l => JSON.parse(l));
    expect(fromGz).toHaveLength(40);
    expect(fromGz.map(d => ({ ...d, article: { ...d.article, source: null } }))).toEqual(fromPlain.map(d => ({ ...d, article: { ...d.article, source: null } })));
    expect(fromGz[3].article.source).toBe(`${gz}:4`);
    const streamed = [];
    for await (const r of streamRecords([gz])) streamed.push(r);
    expect(streamed.map(r => r.id)).toEqual([...recordsFromFile(gz)].map(r => r.id));
    // a truncated gzip: the complete records go through, then one error record says where reading stopped
    const bytes = zlib.gzipSync(content);
    const cut = write('gz/cut.jsonl.gz', bytes.subarray(0, Math.floor(bytes.length / 2)));
    const res = run(['extract', cut, '--format', 'jsonl', '-q', '-j1']);
    expect(res.status).toBe(1);
    const out = lines(res.stdout).map(l => JSON.parse(l));
    expect(out.at(-1).error.message).toMatch(/cannot read file after line/);
    expect(out.length).toBeGreaterThan(1);
  });

  it('takes the article out of an HTML page with Readability; offsets index the extracted text', () => {
    const html = `<!doctype html><html lang="en"><head><title>Storm: mayor vows to rebuild | Daily Planet</title></head><body>
      <nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
      <article><h1>Storm: mayor vows to rebuild</h1>
      <p>“We will rebuild,” Mayor Ann Lee said on Monday, adding that 12&nbsp;people died in the storm that hit the coast.</p>
      <p>Officials said the storm destroyed <b>300 homes</b> and damaged roads across the county, according to the emergency agency.</p>
      <p>The governor, Ida Falk, confirmed that federal aid would arrive within two weeks, a spokesman said in a statement.</p></article>
      <footer>Copyright 2024 Daily Planet. All rights reserved.</footer><script>var tracking = "said";</script></body></html>`;
    const file = write('html/storm.html', html);
    const res = run(['extract', file, '--format', 'jsonl', '-q']);
    expect(res.status).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.article.id).toBe('storm');
    expect(doc.article.title).toMatch(/mayor vows to rebuild/);
    expect(doc.article.meta.html).toMatchObject({ source: file, extractor: 'readability', lang: 'en' });
    expect(doc.text).toMatch(/^“We will rebuild,” Mayor Ann Lee said/);
    expect(doc.text).toMatch(/coast\.\n\nOfficials said/);
    expect(doc.text).not.toMatch(/World news menu|Copyright|tracking|<p>/);
    expect(doc.quotes.length).toBeGreaterThan(0);
    expect(doc.quotes[0].content.text).toBe('We will rebuild,');
    expect(invariantViolations(doc)).toEqual([]);
    // a record may carry the page in "html"
    const rec = run(['extract', '-', '--format', 'jsonl', '-q'], { input: `${JSON.stringify({ id: 'p1', url: 'https://example.org/storm', html })}\n` });
    const fromRecord = JSON.parse(rec.stdout);
    expect(fromRecord.text).toBe(doc.text);
    expect(fromRecord.article.meta.html).toBeDefined();
    expect(fromRecord.article.meta).not.toHaveProperty('html.length');
  });

  it('streams stdin: the first documents come out before the input ends', async () => {
    const child = spawn(process.execPath, [CLI, 'extract', '-', '--format', 'jsonl', '-q', '-j1', '--chunk-size', '4'], { cwd: ROOT });
    const first = jsonl(12);
    let out = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString('utf8'); });
    child.stdin.write(first);
    const deadline = Date.now() + 60_000;
    while (lines(out).length < 4 && Date.now() < deadline) await new Promise(r => setTimeout(r, 50));
    expect(lines(out).length).toBeGreaterThanOrEqual(4);
    child.stdin.end(`${JSON.stringify({ id: 'last', text: 'The minister said it rained.' })}\n`);
    const code = await new Promise<number | null>(resolve => child.on('close', resolve));
    expect(code).toBe(0);
    const ids = lines(out).map(l => JSON.parse(l).article.id);
    expect(ids).toHaveLength(13);
    expect(ids.at(-1)).toBe('last');
  });
});

describe('outputs', () => {
  it('--format jsonl: one line per input record, in order, ids and fields passed through, stdout only data', () => {
    const input = `${jsonl(5).trim()}\n\n{"id":"bad"}\nnot json\n{"text":"Police said two men were arrested."}\n`;
    const res = run(['extract', '-', '--format', 'jsonl', '-j2', '--chunk-size', '2'], { input });
    expect(res.status).toBe(1);
    const out = lines(res.stdout).map(l => JSON.parse(l));
    expect(out.map(d => d.article?.id ?? d.id)).toEqual([...lines(jsonl(5)).map(l => JSON.parse(l).id), 'bad', 'stdin-8', 'stdin-9']);
    expect(out[1].article.meta).toEqual({ desk: 'world' });
    expect(out[0].article.source).toBe('<stdin>');
    expect(out[5]).toMatchObject({ id: 'bad', source: '<stdin>', error: { code: 'E010' } });
    expect(out[6]).toMatchObject({ id: 'stdin-8', error: { code: 'E010' } });
    expect(out[6]).toMatchObject({ source: '<stdin>:8' });
    expect(out[6].error.message).toMatch(/invalid JSON on line 8/);
    expect(out[7].article.source).toBe('<stdin>:9');
    for (const d of out) if (!d.error) expect(invariantViolations(d)).toEqual([]);
    expect(res.stderr).toMatch(/claimsift: 6 articles, \d+ quotes, \d+ claims, 2 errors/);
  });

  it('--format csv --flatten: a row per claim with its article, source, status, numbers; RFC 4180 quoting', () => {
    const text = 'The mayor said the storm "destroyed 300 homes, and more" on Monday. Officials reportedly said 12 people died.';
    const input = `${JSON.stringify({ id: 'a,1', text })}\n{"id":"bad"}\n`;
    const csv = run(['extract', '-', '--format', 'csv', '--flatten', '-q'], { input });
    expect(csv.status).toBe(1);
    const docs = lines(run(['extract', '-', '--format', 'jsonl', '-q'], { input }).stdout).map(l => JSON.parse(l));
    const rows = parseCsv(csv.stdout);
    expect(rows[0]).toEqual(['article_id', 'claim_id', 'claim_text', 'source_name', 'source_kind', 'status', 'hedged', 'hedge', 'polarity', 'checkworthiness', 'numbers', 'quote_id', 'cue', 'error']);
    const doc = docs[0];
    const claimRows = rows.slice(1).filter(r => r[0] === 'a,1');
    expect(claimRows).toHaveLength(doc.claims.length);
    expect(doc.claims.length).toBeGreaterThan(0);
    doc.claims.forEach((c: any, i: number) => {
      const row = claimRows[i] ?? [];
      expect(row.slice(0, 10)).toEqual(['a,1', c.id, c.span.text, c.source.name ?? '', c.source.kind, c.status, String(c.hedged), c.hedge ?? '', c.polarity, String(c.checkworthiness)]);
      const nums = c.numberIds.map((id: string) => doc.numbers.find((n: any) => n.id === id)).map((n: any) => `${n.span.text}=${n.value ?? n.date ?? ''}`);
      expect(row[10]).toBe(nums.join('; '));
      expect(row[11]).toBe(c.quoteId ?? '');
    });
    expect(rows.at(-1)).toEqual(['bad', '', '', '', '', '', '', '', '', '', '', '', '', 'E010: record has no "text" or "body" string']);
    expect(csv.stdout.endsWith('\r\n')).toBe(true);
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvRow(['a', null, 1, true])).toBe('a,,1,true\r\n');
    expect(run(['extract', '-', '--format', 'jsonl', '--flatten'], { input }).status).toBe(2);
  });

  it('--out with --format jsonl or csv writes claimsift.jsonl / claims.csv and errors.jsonl', () => {
    const input = write('outmodes/in.jsonl', `${jsonl(3)}{"id":"bad"}\n`);
    const out = path.join(dir, 'outmodes/out');
    expect(run(['extract', input, '--out', out, '--format', 'jsonl', '-q']).status).toBe(1);
    expect(run(['extract', input, '--out', out, '--format', 'csv', '-q']).status).toBe(1);
    expect(fs.readdirSync(out).filter(f => !f.startsWith('.')).sort()).toEqual(['claims.csv', 'claimsift.jsonl', 'errors.jsonl']);
    expect(lines(fs.readFileSync(path.join(out, 'claimsift.jsonl'), 'utf8'))).toHaveLength(4);
  });
});

describe('workers', () => {
  it('output is byte-identical for -j1, -j2 and -j3 with small chunks, in input order', () => {
    const input = write('jobs/in.jsonl', jsonl(90));
    const outs = ['1', '2', '3'].map(j => run(['extract', input, '--format', 'jsonl', '-q', '-j', j, '--chunk-size', '7']));
    for (const o of outs) expect(o.status).toBe(0);
    expect(lines(outs[0]?.stdout ?? '')).toHaveLength(90);
    expect(firstDifference(outs[1]?.stdout ?? '', outs[0]?.stdout ?? '')).toBeNull();
    expect(firstDifference(outs[2]?.stdout ?? '', outs[0]?.stdout ?? '')).toBeNull();
  });

  it('workers send jsonl and csv as bytes: the same stream and file as -j1, error records among them', () => {
    const records = lines(jsonl(30));
    records.splice(11, 0, '{"id": "broken", "text": ');
    records.splice(20, 0, '{"id": "empty", "text": ""}');
    const input = write('jobs/mixed.jsonl', `${records.join('\n')}\n`);
    for (const format of ['jsonl', 'csv']) {
      const outs = ['1', '2'].map(j => run(['extract', input, '--format', format, ...(format === 'csv' ? ['--flatten'] : []), '-q', '-j', j, '--chunk-size', '4']));
      for (const o of outs) expect(o.status).toBe(1);
      expect(outs[0]?.stdout.length).toBeGreaterThan(1000);
      expect(firstDifference(outs[1]?.stdout ?? '', outs[0]?.stdout ?? '')).toBeNull();
      const file = path.join(dir, 'jobs', `mixed-j2.${format}`);
      expect(run(['extract', input, '--format', format, ...(format === 'csv' ? ['--flatten'] : []), '-q', '-j2', '--chunk-size', '4', '--output', file]).status).toBe(1);
      expect(firstDifference(fs.readFileSync(file, 'utf8'), outs[0]?.stdout ?? '')).toBeNull();
    }
  });

  it('packOutcomes: the text of every record as UTF-8 bytes in one buffer, a jsonl line with its newline; json stays text', () => {
    const outcome = (out: string): RecordOutcome => ({ id: out, ok: true, out, outBytes: null, error: null, quotes: 0, claims: 0, cacheBlob: null, explain: null });
    const texts = ['{"a":"Zürich — “quoted”"}', '', '{"b":"😀"}'];
    for (const format of ['jsonl', 'csv'] as const) {
      const outcomes = texts.map(outcome);
      const buffer = packOutcomes(outcomes, format);
      expect(buffer).toBeInstanceOf(ArrayBuffer);
      const decoded = outcomes.map(o => Buffer.from(o.outBytes ?? new Uint8Array()).toString('utf8'));
      expect(decoded).toEqual(texts.map(t => (format === 'jsonl' ? `${t}\n` : t)));
      expect(outcomes.every(o => o.out === '' && o.outBytes?.buffer === buffer)).toBe(true);
      expect(Buffer.from(buffer as ArrayBuffer).toString('utf8')).toBe(decoded.join(''));
    }
    const pretty = [outcome('{\n  "x": 1\n}\n')];
    expect(packOutcomes(pretty, 'json')).toBeNull();
    expect(pretty[0]?.out).toBe('{\n  "x": 1\n}\n');
    expect(pretty[0]?.outBytes).toBeNull();
  });

  it('the same article gives the same document whatever was extracted before it', () => {
    const input = jsonl(40);
    const all = lines(run(['extract', '-', '--format', 'jsonl', '-q', '-j1'], { input }).stdout);
    const last = lines(input).at(-1) ?? '';
    const alone = lines(run(['extract', '-', '--format', 'jsonl', '-q', '-j1'], { input: `${last}\n` }).stdout);
    expect(alone[0] === all.at(-1)).toBe(true);
  });
});

describe('failures', () => {
  it('a worker that dies or hangs costs only its own record: the rest is written, in order', () => {
    const input = write('crash/in.jsonl', jsonl(40));
    const ids = lines(jsonl(40)).map(l => JSON.parse(l).id as string);
    const clean = lines(run(['extract', input, '--format', 'jsonl', '-q', '-j1']).stdout);
    for (const [env, code] of [[{ CLAIMSIFT_TEST_CRASH_ON: ids[13] }, /worker failed/], [{ CLAIMSIFT_TEST_HANG_ON: ids[13] }, /timed out after 3 s/]] as const) {
      const res = run(['extract', input, '--format', 'jsonl', '-q', '-j2', '--chunk-size', '5', '--timeout', '3'], { env });
      expect(res.status).toBe(1);
      const out = lines(res.stdout);
      expect(out).toHaveLength(40);
      const failed = JSON.parse(out[13] ?? '{}');
      expect(failed).toMatchObject({ id: ids[13], error: { code: 'E021' } });
      expect(failed.error.message).toMatch(code);
      out.forEach((l, i) => { if (i !== 13) expect(l === clean[i], `line ${i + 1}`).toBe(true); });
    }
  });
});

describe('progress and summary', () => {
  it('plain progress lines on a non-TTY stderr, a summary at the end, nothing with --quiet', () => {
    const input = write('progress/in.jsonl', jsonl(30));
    const res = run(['extract', input, '--format', 'jsonl', '-j1', '--chunk-size', '5'], { env: { CLAIMSIFT_PROGRESS_MS: '20' } });
    expect(res.stderr).toMatch(/^claimsift: \d+ articles \([\d.]+\/s\), 0 errors, \d+s elapsed, \d+% read, ETA /m);
    expect(res.stderr).toMatch(/claimsift: 30 articles, \d+ quotes, \d+ claims, 0 errors in [\d.]+ s/);
    const quiet = run(['extract', input, '--format', 'jsonl', '-j1', '--quiet'], { env: { CLAIMSIFT_PROGRESS_MS: '20' } });
    expect(quiet.stderr).toBe('');
    expect(lines(quiet.stdout)).toHaveLength(30);
  });
});

describe('incremental runs', () => {
  it('a re-run over a folder touches only new or changed articles', () => {
    const src = path.join(dir, 'incr/in');
    const recs = lines(jsonl(6)).map(l => JSON.parse(l));
    recs.forEach((r, i) => write(`incr/in/art${i}.txt`, r.text));
    const out = path.join(dir, 'incr/out');
    const first = run(['extract', src, '--out', out]);
    expect(first.status).toBe(0);
    expect(fs.existsSync(path.join(out, '.claimsift-cache'))).toBe(true);
    const mtimes = (): Record<string, number> => Object.fromEntries(fs.readdirSync(out).filter(f => f.endsWith('.json')).map(f => [f, fs.statSync(path.join(out, f)).mtimeMs]));
    const before = mtimes();
    const before0 = fs.readFileSync(path.join(out, 'art0.json'), 'utf8');
    const second = run(['extract', src, '--out', out]);
    expect(second.stderr).toMatch(/6 from cache, 6 unchanged/);
    expect(mtimes()).toEqual(before);
    fs.appendFileSync(path.join(src, 'art2.txt'), '\nThe police said 4 people were arrested.');
    write('incr/in/art9.txt', 'A new article: the minister said the bridge would reopen.');
    const third = run(['extract', src, '--out', out]);
    expect(third.stderr).toMatch(/7 articles, .*5 from cache, 5 unchanged/);
    const after = mtimes();
    for (const f of Object.keys(before)) if (f !== 'art2.json') expect(after[f], f).toBe(before[f]);
    expect(after['art2.json']).not.toBe(before['art2.json']);
    expect(after['art9.json']).toBeDefined();
    expect(fs.readFileSync(path.join(out, 'art0.json'), 'utf8') === before0).toBe(true);
    // the cache serves the same bytes extraction gives
    const fresh = path.join(dir, 'incr/fresh');
    run(['extract', src, '--out', fresh, '--no-cache']);
    expect(fs.existsSync(path.join(fresh, '.claimsift-cache'))).toBe(false);
    for (const f of fs.readdirSync(fresh)) expect(fs.readFileSync(path.join(out, f), 'utf8') === fs.readFileSync(path.join(fresh, f), 'utf8'), f).toBe(true);
    // another --offsets is another key
    const u16 = run(['extract', src, '--out', out, '--offsets', 'utf16']);
    expect(u16.stderr).not.toMatch(/from cache/);
  });

  it('--resume continues a jsonl file after its complete lines', () => {
    const input = write('resume/in.jsonl', jsonl(20));
    const clean = path.join(dir, 'resume/clean.jsonl');
    expect(run(['extract', input, '--format', 'jsonl', '--output', clean, '-q']).status).toBe(0);
    const full = fs.readFileSync(clean, 'utf8');
    expect(lines(full)).toHaveLength(20);
    const target = path.join(dir, 'resume/out.jsonl');
    // an interrupted run: 7 complete lines and half of the 8th
    const all = full.split('\n');
    fs.writeFileSync(`${target}.partial`, `${all.slice(0, 7).join('\n')}\n${(all[7] ?? '').slice(0, 500)}`);
    const res = run(['extract', input, '--format', 'jsonl', '--output', target, '--resume']);
    expect(res.status).toBe(0);
    expect(res.stderr).toMatch(/13 articles.*7 kept from the interrupted run/);
    expect(firstDifference(fs.readFileSync(target, 'utf8'), full)).toBeNull();
    expect(fs.existsSync(`${target}.partial`)).toBe(false);
    // resuming a finished file adds nothing
    expect(run(['extract', input, '--format', 'jsonl', '--output', target, '--resume', '-q']).status).toBe(0);
    expect(fs.readFileSync(target, 'utf8')).toBe(full);
    expect(keepCompleteLines(target)).toEqual({ skip: 20, errors: 0 });
    expect(run(['extract', input, '--format', 'jsonl', '--resume']).status).toBe(2);
  });

  it('kill mid-run, re-run: complete, not duplicated (jsonl file and folder)', async () => {
    const input = write('kill/in.jsonl', jsonl(150));
    const clean = path.join(dir, 'kill/clean.jsonl');
    run(['extract', input, '--format', 'jsonl', '--output', clean, '-q', '-j1']);
    const target = path.join(dir, 'kill/out.jsonl');
    const killWhen = async (args: string[], ready: () => boolean): Promise<void> => {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: 'ignore' });
      const deadline = Date.now() + 60_000;
      while (!ready() && Date.now() < deadline && child.exitCode === null) await new Promise(r => setTimeout(r, 20));
      child.kill('SIGKILL');
      await new Promise(resolve => child.on('close', resolve));
    };
    const count = (f: string): number => (fs.existsSync(f) ? lines(fs.readFileSync(f, 'utf8')).length : 0);
    await killWhen(['extract', input, '--format', 'jsonl', '--output', target, '-q', '-j2', '--chunk-size', '4'], () => count(`${target}.partial`) >= 10);
    expect(fs.existsSync(target)).toBe(false);
    run(['extract', input, '--format', 'jsonl', '--output', target, '-q', '--resume']);
    expect(firstDifference(fs.readFileSync(target, 'utf8'), fs.readFileSync(clean, 'utf8'))).toBeNull();

    const out = path.join(dir, 'kill/out');
    const jsonCount = (): number => (fs.existsSync(out) ? fs.readdirSync(out).filter(f => f.endsWith('.json')).length : 0);
    await killWhen(['extract', input, '--out', out, '-q', '-j2', '--chunk-size', '4'], () => jsonCount() >= 10);
    const res = run(['extract', input, '--out', out, '--resume']);
    expect(res.status).toBe(0);
    expect(res.stderr).toMatch(/150 articles/);
    expect(res.stderr).toMatch(/unchanged/);
    const files = fs.readdirSync(out).filter(f => !f.startsWith('.'));
    expect(files).toHaveLength(150);
    expect(fs.readdirSync(out).filter(f => f.includes('claimsift-tmp'))).toEqual([]);
    const byId = new Map(lines(fs.readFileSync(clean, 'utf8')).map(l => [JSON.parse(l).article.id as string, l]));
    for (const f of files) {
      const doc = JSON.parse(fs.readFileSync(path.join(out, f), 'utf8'));
      expect(JSON.stringify(doc) === byId.get(doc.article.id), f).toBe(true);
    }
  });
});

describe('shards', () => {
  it('--shard i/n splits the records by a stable hash of their id; the shards add up to the whole', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(shardOf('wikinews_2019_000', 4)).toBe(fnv1a32('wikinews_2019_000') % 4);
    expect(parseShard('2/5', undefined)).toEqual({ index: 2, count: 5 });
    expect(parseShard(undefined, 3, { JOB_COMPLETION_INDEX: '1' })).toEqual({ index: 1, count: 3 });
    expect(parseShard(undefined, undefined)).toBeNull();
    expect(() => parseShard('3/3', undefined)).toThrow(/0…2/);
    const input = write('shard/in.jsonl', `${jsonl(24)}not json\n`);
    const whole = lines(run(['extract', input, '--format', 'jsonl', '-q']).stdout);
    const parts = [0, 1, 2].map(i => lines(run(['extract', input, '--format', 'jsonl', '-q', '--shard', `${i}/3`]).stdout));
    for (const p of parts) expect(p.length).toBeGreaterThan(0);
    expect(parts.flat().sort()).toEqual([...whole].sort());
    const viaEnv = lines(run(['extract', input, '--format', 'jsonl', '-q', '--shards', '3'], { env: { JOB_COMPLETION_INDEX: '1' } }).stdout);
    expect(viaEnv).toEqual(parts[1]);
    expect(run(['extract', input, '--format', 'jsonl', '--shard', '1-3']).status).toBe(2);
    // shards writing into one folder keep their own stream and error files
    const out = path.join(dir, 'shard/out');
    for (const i of [0, 1]) run(['extract', input, '--out', out, '--format', 'jsonl', '-q', '--shard', `${i}/2`]);
    const visible = fs.readdirSync(out).filter(f => !f.startsWith('.')).sort();
    expect(visible.filter(f => f.startsWith('claimsift'))).toEqual(['claimsift-0-of-2.jsonl', 'claimsift-1-of-2.jsonl']);
    // the bad line lands in exactly one shard, which reports it in its own errors file
    expect(visible.filter(f => /^errors-[01]-of-2\.jsonl$/.test(f))).toHaveLength(1);
  });
});

describe('usage', () => {
  it('names the problem and exits 2', () => {
    const input = write('usage/in.jsonl', jsonl(1));
    for (const args of [
      ['extract', input, '--format', 'json', '--output', 'x.jsonl', '--out', dir],
      ['extract', input, '--format', 'jsonl', '-j', '0'],
      ['extract', input, '--out', path.join(dir, 'usage/o'), '--no-cache', '--resume'],
      ['extract', input, '--format', 'csv', '--output', path.join(dir, 'usage/x.csv'), '--resume'],
      ['extract', input, '--format', 'jsonl', '--shards', '2'],
    ]) {
      const res = run(args, { env: { JOB_COMPLETION_INDEX: '' } });
      expect(res.status, args.join(' ')).toBe(2);
      expect(res.stderr).toMatch(/claimsift: \[E00\d\]/);
    }
  });

  it('stops quietly when stdout closes early (| head)', () => {
    const input = write('epipe/in.jsonl', jsonl(200));
    const res = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" extract "${input}" --format jsonl -q | head -c 10 > /dev/null`], { encoding: 'utf8', timeout: 60_000 });
    expect(res.status).toBe(141);
    expect(res.stderr).toBe('');
  });
});

/** A small RFC 4180 reader for the test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
