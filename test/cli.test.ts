import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { invariantViolations } from './invariants.js';

const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });

let dir: string;
beforeAll(() => {
  if (!fs.existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: ROOT });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimsift-cli-'));
});

const write = (name: string, content: string | Buffer): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

describe('claimsift extract: bad input never stops a batch', () => {
  it('writes every good article, an error record for each bad one, and exits 1', () => {
    const inDir = path.join(dir, 'mixed');
    fs.mkdirSync(inDir);
    fs.writeFileSync(path.join(inDir, 'good.txt'), '“We will rebuild,” Mayor Ann Lee said on Monday.');
    fs.writeFileSync(path.join(inDir, 'empty.txt'), '');
    fs.writeFileSync(path.join(inDir, 'blank.txt'), '   \n\t\n');
    fs.writeFileSync(path.join(inDir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8]));
    fs.writeFileSync(path.join(inDir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x73, 0x2e]));
    fs.writeFileSync(path.join(inDir, 'bom.txt'), '\uFEFFOfficials said 12 people died.');
    fs.writeFileSync(path.join(inDir, 'crlf.txt'), 'Heading here\r\nThe minister said the plan failed.\r\n');
    fs.writeFileSync(path.join(inDir, 'unbalanced.txt'), 'He said “this never closes. And more text follows.');
    fs.writeFileSync(path.join(inDir, 'records.jsonl'), '{"id":"r1","text":"Sources said 3 were hurt.","publishedAt":"2024-05-02","desk":"world"}\nnot json\n{"id":"r3"}\n');
    const out = path.join(dir, 'mixed-out');
    const res = run(['extract', inDir, '--out', out]);
    expect(res.status).toBe(1);
    const files = fs.readdirSync(out).filter(f => !f.startsWith('.')).sort(); // .claimsift-cache: the content-hash cache
    expect(files).toEqual(['blank.json', 'bom.json', 'crlf.json', 'empty.json', 'errors.jsonl', 'good.json', 'latin1.json', 'r1.json', 'unbalanced.json']);
    const errors = fs.readFileSync(path.join(out, 'errors.jsonl'), 'utf8').trim().split('\n').map(l => JSON.parse(l));
    expect(errors.map(e => e.id).sort()).toEqual(['binary', 'r3', 'records-2']);
    expect(errors.find(e => e.id === 'binary').error.message).toMatch(/binary/);
    expect(errors.find(e => e.id === 'r3').error.message).toMatch(/no "text" or "body"/);
    expect(res.stderr).toMatch(/3 errors/);
    const read = (f: string) => JSON.parse(fs.readFileSync(path.join(out, f), 'utf8'));
    for (const f of files.filter(f => f.endsWith('.json'))) expect(invariantViolations(read(f)), f).toEqual([]);
    expect(read('empty.json').diagnostics.map((d: any) => d.code)).toContain('W010');
    expect(read('latin1.json').diagnostics.map((d: any) => d.code)).toContain('W011');
    expect(read('unbalanced.json').diagnostics.map((d: any) => d.code)).toContain('W001');
    expect(read('bom.json').text.startsWith('Officials')).toBe(true);
    expect(read('crlf.json').quotes).toHaveLength(1);
    const r1 = read('r1.json');
    expect(r1.article.publishedAt).toBe('2024-05-02');
    expect(r1.article.meta).toEqual({ desk: 'world' });
  });

  it('exits 2 on bad usage and names the problem', () => {
    expect(run(['extract', path.join(dir, 'does-not-exist.txt'), '--out', dir]).status).toBe(2);
    expect(run(['frobnicate']).status).toBe(2);
    const noOut = run(['extract', write('x.txt', 'Hello there.')]);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toMatch(/--out/);
  });

  it('writes one JSON line per input record with --format jsonl, errors in place', () => {
    const res = run(['extract', '-', '--format', 'jsonl'], '{"id":"a","text":"He said it rained."}\n{"id":"b"}\n{"id":"c","body":"Officials said 4 people died."}\n');
    const lines = res.stdout.trim().split('\n').map(l => JSON.parse(l));
    expect(lines.map(l => l.article?.id ?? l.id)).toEqual(['a', 'b', 'c']);
    expect(lines[1].error).toBeDefined();
    expect(res.status).toBe(1);
  });

  it('handles a 5 MB article', () => {
    const para = 'The council said the new budget “will cut waste by 20 per cent” over three years. ';
    const big = write('big.txt', (para.repeat(40) + '\n').repeat(Math.ceil(5_000_000 / (para.length * 40))));
    const res = run(['extract', big, '--format', 'jsonl', '--quiet']);
    expect(res.status).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.text.length).toBeGreaterThan(5_000_000);
    expect(doc.quotes.length).toBeGreaterThan(1000);
  });
});

describe('offsets', () => {
  const text = '🎉 “Rates will fall,” the governor Ida Falk said.';
  it('counts code points by default and UTF-16 units on request', () => {
    const file = write('emoji.txt', text);
    const cp = JSON.parse(run(['extract', file, '--format', 'jsonl']).stdout);
    const u16 = JSON.parse(run(['extract', file, '--format', 'jsonl', '--offsets', 'utf16']).stdout);
    expect(cp.offsetUnit).toBe('codepoint');
    expect(u16.offsetUnit).toBe('utf16');
    expect(cp.quotes[0].content.start).toBe(3);
    expect(u16.quotes[0].content.start).toBe(4);
    expect(cp.quotes[0].content.text).toBe('Rates will fall,');
    expect(invariantViolations(cp)).toEqual([]);
    expect(invariantViolations(u16)).toEqual([]);
  });
});

describe('--explain', () => {
  it('prints the chain cue → speaker → status → hedge → score for each claim', () => {
    const file = write('explain.txt', 'The ministry confirmed that 12 soldiers were killed. Rebels reportedly seized the town.');
    const res = run(['extract', file, '--format', 'jsonl', '--explain']);
    expect(res.stderr).toMatch(/cue "confirmed"/);
    expect(res.stderr).toMatch(/status: confirmed \(confirm-verb\)/);
    expect(res.stderr).toMatch(/hedged: "reportedly"/);
    expect(res.stderr).toMatch(/check-worthiness/);
  });
});
