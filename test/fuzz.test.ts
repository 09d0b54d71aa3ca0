import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { extract } from '../src/extract.js';
import { decodeText } from '../src/io/inputs.js';
import { firstLine, streamRecords } from '../src/io/stream.js';
import type { OutputDocument } from '../src/output.js';
import { invariantViolations } from './invariants.js';

// Property-based tests: whatever text comes in — random Unicode (astral characters, lone
// surrogates, combining marks, controls), quote marks of every style, NBSP and CR/LF, binary
// garbage, nothing at all, megabytes — extract() returns a schema-valid document whose every span
// is valid, and never throws. A failure prints fast-check's seed and the shrunk input.

vi.setConfig({ testTimeout: 120_000 });

const SEED = Number(process.env.FUZZ_SEED ?? 20251124);
const runs = (n: number): { numRuns: number; seed: number } => ({ numRuns: Number(process.env.FUZZ_RUNS ?? n), seed: SEED });

const QUOTES = ['"', "'", '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '「', '」', '『', '』', '``', "''", '″', '〝', '〞', '＂'];
const SPACES = [' ', ' ', ' ', '\u00a0', '\u2009', '\u202f', '\t', '\n', '\n\n', '\r\n', '\r', '\u2028', '\u2029', '\u200b'];
const WORDS = [
  'said', 'says', 'told', 'added', 'according to', 'reportedly', 'allegedly', 'denied', 'confirmed', 'not', 'never', 'may', 'he', 'she', 'they',
  'the minister', 'Mayor Ann Lee', 'President Ida Falk', 'the ministry', 'Reuters', 'officials', 'a spokesman', 'police',
  '12', '3.5%', '$4bn', '£600m', '1,000', 'two-thirds', 'at least 20', 'nearly half', '2024', 'Monday', '10 km', '-7', '½',
  'rose', 'fell', 'killed', 'injured', 'were', 'will', 'Mr.', 'Dr.', 'U.S.', 'e.g.', '...', '…', '—', '–', '-', '(', ')', '[', ']', ',', '.', '?', '!', ':', ';',
  '🎉', '👩‍👩‍👧', '𝔘𝔫𝔦', 'é', 'e\u0301', 'ß', 'İ', 'ﬁ', 'שלום', 'مرحبا', '中文', '\ufeff', '\u0000', '\u0007', '\ud800', '\udfff', '\ufffd',
];

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...QUOTES) },
  { weight: 3, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map(c => String.fromCharCode(c)) },
);
/** Text shaped like news, salted with everything that breaks offsets. */
const newsy = fc.array(token, { maxLength: 160 }).map(parts => parts.join(''));
/** Quote marks opening and closing everywhere, across paragraphs. */
const quoteHeavy = fc.array(fc.oneof(fc.constantFrom(...QUOTES), fc.constantFrom('He said ', 'yes', ', she added. ', '\n', '\n\n', ' ', 'no')), { maxLength: 120 }).map(p => p.join(''));
/** Any code points, astral included. */
const unicode = fc.string({ unit: 'binary', maxLength: 300 });
/** Bytes decoded as a file would be (invalid UTF-8 becomes U+FFFD). */
const binaryish = fc.uint8Array({ maxLength: 600 }).map(bytes => new TextDecoder('utf-8').decode(bytes));
const empty = fc.constantFrom('', ' ', '\n', '\r\n\r\n', '\u00a0', '\ufeff', '\t\t', '\u2028', '"', '“', '""', '\u200b');

function check(text: string, offsets: 'codepoint' | 'utf16'): void {
  let doc: OutputDocument;
  try {
    doc = extract(text, { article: { id: 'fuzz' }, offsets });
  } catch (err) {
    throw new Error(`extract threw on ${JSON.stringify(text.slice(0, 200))}: ${(err as Error).stack ?? String(err)}`);
  }
  const problems = invariantViolations(doc);
  if (problems.length) throw new Error(`${problems.slice(0, 5).join('; ')} on ${JSON.stringify(text.slice(0, 200))}`);
}

describe('fuzz: extract() never throws and every output is valid', () => {
  it('news-like text with every quote style, NBSP, CR/LF, astral and lone surrogates', () => {
    fc.assert(fc.property(newsy, fc.constantFrom('codepoint' as const, 'utf16' as const), (text, offsets) => check(text, offsets)), runs(600));
  });

  it('quote-heavy text', () => {
    fc.assert(fc.property(quoteHeavy, text => check(text, 'codepoint')), runs(400));
  });

  it('random Unicode', () => {
    fc.assert(fc.property(unicode, text => check(text, 'codepoint')), runs(300));
  });

  it('binary garbage decoded as text, and empty or blank inputs', () => {
    fc.assert(fc.property(binaryish, text => check(text, 'codepoint')), runs(200));
    fc.assert(fc.property(empty, text => check(text, 'codepoint')), runs(30));
  });

  it('the same text gives the same document', () => {
    fc.assert(fc.property(newsy, text => {
      expect(JSON.stringify(extract(text, { article: { id: 'x' } }))).toBe(JSON.stringify(extract(text, { article: { id: 'x' } })));
    }), runs(80));
  });

  it('huge inputs: a few hundred thousand characters of generated news', () => {
    fc.assert(fc.property(fc.array(newsy, { minLength: 20, maxLength: 20 }), fc.integer({ min: 150_000, max: 400_000 }), (parts, size) => {
      let text = '';
      for (let i = 0; text.length < size; i++) text += `${parts[i % parts.length] ?? ''}\n\n`;
      check(text, 'codepoint');
    }), runs(3));
  }, 120_000);
});

describe('fuzz: the JSONL reader', () => {
  it('never throws on random bytes and gives one record per non-blank line', async () => {
    const line = fc.oneof(
      fc.uint8Array({ maxLength: 80 }).map(b => Buffer.from(b.filter(x => x !== 10))),
      fc.record({ id: fc.string({ maxLength: 8 }), text: fc.string({ unit: 'binary', maxLength: 60 }) }).map(r => Buffer.from(JSON.stringify(r))),
      fc.constantFrom(Buffer.from(''), Buffer.from('   '), Buffer.from('{}'), Buffer.from('[1]'), Buffer.from('{"id":1,"text":"x"}\r')),
    );
    await fc.assert(fc.asyncProperty(fc.array(line, { maxLength: 30 }), fc.integer({ min: 1, max: 50 }), async (lines, piece) => {
      const bytes = Buffer.concat(lines.flatMap(l => [l, Buffer.from('\n')]));
      // delivered in random-sized pieces, as a pipe would
      const pieces: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += piece) pieces.push(bytes.subarray(i, i + piece));
      const records = [];
      for await (const r of streamRecords(['-'], { stdin: Readable.from(pieces) })) records.push(r);
      const binary = 'error' in decodeText(firstLine(bytes));
      if (binary) expect(records).toHaveLength(1);
      else expect(records).toHaveLength(lines.filter(l => new TextDecoder().decode(l).trim() !== '').length);
    }), runs(150));
  });
});
