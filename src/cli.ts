#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { processRecord, type ErrorRecord } from './batch.js';
import { fileNameForId, listInputFiles, recordsFromFile, UsageError } from './io/inputs.js';
import type { OutputDocument } from './output.js';
import { VERSION } from './version.js';

interface ExtractArgs {
  inputs: string[];
  out?: string | undefined;
  format: 'json' | 'jsonl';
  explain: boolean;
  offsets: 'codepoint' | 'utf16';
  quiet: boolean;
}

function printExplain(doc: OutputDocument, write: (line: string) => void): void {
  write(`# ${doc.article.id}`);
  for (const c of doc.claims as Array<Record<string, unknown>>) {
    const span = c.span as { text: string };
    write(`${String(c.id)} [${String(c.status)}${c.hedged ? ', hedged' : ''}${c.polarity === 'denied' ? ', denied' : ''}] ${String(c.checkworthiness)} "${span.text.slice(0, 100)}"`);
    for (const line of (c.explain as string[] | undefined) ?? []) write(`    ${line}`);
  }
}

function runExtract(args: ExtractArgs): number {
  const files = listInputFiles(args.inputs);
  if (!files.length) throw new UsageError('[E003] no .txt, .json or .jsonl inputs found');
  const toStdout = args.format === 'jsonl' && !args.out;
  if (!toStdout && !args.out) throw new UsageError('[E004] give --out <folder>, or --format jsonl to write to stdout');
  if (args.out) fs.mkdirSync(args.out, { recursive: true });
  const errors: ErrorRecord[] = [];
  const seen = new Map<string, number>();
  let written = 0;
  let quotes = 0;
  let claims = 0;
  const jsonlOut = args.out && args.format === 'jsonl' ? fs.openSync(path.join(args.out, 'claimsift.jsonl'), 'w') : null;
  const started = Date.now();
  for (const file of files) {
    for (const record of recordsFromFile(file)) {
      const result = processRecord(record, { offsets: args.offsets, explain: args.explain });
      const count = (seen.get(result.id) ?? 0) + 1;
      seen.set(result.id, count);
      if (!result.ok) {
        errors.push(result.record);
        process.stderr.write(`claimsift: ${result.record.source}: ${result.record.error.message}\n`);
        if (toStdout) process.stdout.write(`${JSON.stringify(result.record)}\n`);
        else if (jsonlOut !== null) fs.writeSync(jsonlOut, `${JSON.stringify(result.record)}\n`);
        continue;
      }
      const doc = result.document;
      if (count > 1) process.stderr.write(`claimsift: warning: article id "${doc.article.id}" appears ${count} times; the later one overwrites\n`);
      written++;
      quotes += doc.quotes.length;
      claims += doc.claims.length;
      if (toStdout) process.stdout.write(`${JSON.stringify(doc)}\n`);
      else if (jsonlOut !== null) fs.writeSync(jsonlOut, `${JSON.stringify(doc)}\n`);
      else if (args.out) fs.writeFileSync(path.join(args.out, `${fileNameForId(doc.article.id)}.json`), `${JSON.stringify(doc, null, 2)}\n`);
      if (args.explain) printExplain(doc, line => process.stderr.write(`${line}\n`));
    }
  }
  if (jsonlOut !== null) fs.closeSync(jsonlOut);
  if (args.out && !toStdout) {
    const errorFile = path.join(args.out, 'errors.jsonl');
    if (errors.length) fs.writeFileSync(errorFile, errors.map(e => JSON.stringify(e)).join('\n') + '\n');
    else if (fs.existsSync(errorFile)) fs.rmSync(errorFile);
  }
  if (!args.quiet) {
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(`claimsift: ${written} articles, ${quotes} quotes, ${claims} claims, ${errors.length} errors in ${seconds.toFixed(1)} s\n`);
  }
  return errors.length ? 1 : 0;
}

/** yargs drops a bare "-", the Unix name for stdin, so it travels under another name. */
const STDIN_ARG = '\u0000stdin';

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const parser = yargs(argv.map(a => (a === '-' ? STDIN_ARG : a)))
    .scriptName('claimsift')
    .version(VERSION)
    .strict()
    .demandCommand(1, 'name a command: extract or eval')
    .command('extract [inputs..]', 'extract quotes, numbers and claims from articles (.txt files, folders, .json/.jsonl records, - for JSONL on stdin)', y => y
      .positional('inputs', { type: 'string', array: true, default: [] as string[] })
      .option('out', { alias: 'o', type: 'string', describe: 'folder to write <id>.json files into' })
      .option('format', { choices: ['json', 'jsonl'] as const, default: 'json' as const, describe: 'json: a file per article; jsonl: one line per article (stdout without --out)' })
      .option('explain', { type: 'boolean', default: false, describe: 'print, per claim, the chain cue → speaker → status → hedge → score (stderr), and keep it in the output' })
      .option('offsets', { choices: ['codepoint', 'utf16'] as const, default: 'codepoint' as const, describe: 'unit of every offset' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false }),
    args => { exitCode = runExtract({ inputs: (args.inputs ?? []).map(a => (a === STDIN_ARG ? '-' : String(a))), out: args.out, format: args.format, explain: args.explain, offsets: args.offsets, quiet: args.quiet }); })
    .command('eval', 'score extractions against gold annotations', y => y
      .option('gold', { type: 'string', array: true, demandOption: true, describe: '*.gold.json files or folders, a brat folder (text/ + attributions/), or a NewsQuant/CheckThat! file' })
      .option('pred', { type: 'string', describe: 'extracted documents (folder or .jsonl); extracted on the fly when absent' })
      .option('json', { type: 'boolean', default: false }),
    async args => { const { runEval } = await import('./eval/index.js'); exitCode = await runEval({ gold: args.gold.map(String), pred: args.pred, json: args.json }); })
    .fail((msg, err) => { throw err ?? new UsageError(msg); })
    .help();
  try {
    await parser.parseAsync();
  } catch (err) {
    if (err instanceof UsageError || (err as Error).name === 'YError') {
      process.stderr.write(`claimsift: ${(err as Error).message}\nRun "claimsift --help" for usage.\n`);
      return 2;
    }
    throw err;
  }
  return exitCode;
}

main(hideBin(process.argv)).then(code => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`claimsift: internal error: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
