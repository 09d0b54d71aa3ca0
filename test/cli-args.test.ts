import { describe, expect, it } from 'vitest';
import type { ExtractArgs } from '../src/batch/extractCommand.js';
import { runCommandLine } from '../src/cliParser.js';
import { fastExtractArgs } from '../src/fastArgs.js';

/** The arguments yargs hands to `extract`, or the error it raises. */
async function viaYargs(argv: string[]): Promise<ExtractArgs | string> {
  let parsed: ExtractArgs | null = null;
  try {
    await runCommandLine(argv, { extract: async args => { parsed = args; return 0; } });
  } catch (err) {
    return (err as Error).message;
  }
  return parsed ?? 'no command ran';
}

describe('extract arguments read without yargs', () => {
  const plain: string[][] = [
    ['extract', 'corpus'],
    ['extract', 'a.txt', 'b.jsonl', '--format', 'jsonl', '--quiet'],
    ['extract', '-', '--format=csv', '--flatten', '-q'],
    ['extract', 'corpus', '--out', 'output', '-j', '2', '--no-cache'],
    ['extract', 'corpus', '-o', 'out dir', '--cache', '.c', '--resume', '--explain'],
    ['extract', '--offsets', 'utf16', 'x.html', '--jobs=4', '--chunk-size', '8', '--timeout', '0'],
    ['extract', 'in.jsonl', '--format', 'jsonl', '--output', 'o.jsonl', '--shard', '1/3', '--progress', 'lines'],
    ['extract', 'in.jsonl', '--shards', '4', '--progress=none'],
    ['extract'],
  ];
  for (const argv of plain) {
    it(`reads ${argv.join(' ')} as yargs does`, async () => {
      const fast = fastExtractArgs(argv);
      expect(fast).not.toBeNull();
      expect(fast).toEqual(await viaYargs(argv));
    });
  }

  const leftToYargs: string[][] = [
    ['--help'], ['extract', '--help'], ['--version'], ['eval', '--gold', 'g.json'], ['--quiet', 'extract', 'a'],
    ['extract', 'a', '--quiet', 'true'], ['extract', 'a', '--quiet=false'], ['extract', 'a', '--no-quiet'],
    ['extract', 'a', '--format', 'xml'], ['extract', 'a', '--format'], ['extract', 'a', '--format', 'json', '--format', 'jsonl'],
    ['extract', 'a', '--output', '-'], ['extract', 'a', '-j', '-1'], ['extract', 'a', '-j', '1.5'], ['extract', 'a', '-j2'],
    ['extract', 'a', '--chunkSize', '4'], ['extract', 'a', '--jobs', 'two'], ['extract', '007'], ['extract', ''],
    ['extract', 'a', '--', 'b'], ['extract', 'a', '--frmat', 'json'], ['extract', 'a', '-x'], ['extract', 'a', '--out', 'true'],
  ];
  for (const argv of leftToYargs) {
    it(`leaves ${JSON.stringify(argv)} to yargs`, () => expect(fastExtractArgs(argv)).toBeNull());
  }
});
