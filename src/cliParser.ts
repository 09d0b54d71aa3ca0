/**
 * The full command line of claimsift, parsed by yargs: every command, option, help and error.
 * (`claimsift extract` with plain options skips this module: see fastArgs.ts.)
 */
import yargs from 'yargs';
import type { ExtractArgs } from './batch/extractCommand.js';
import { UsageError } from './io/inputs.js';
import { VERSION } from './version.js';

/**
 * yargs renders a command's whole help text after starting its handler, to keep it for a later
 * failure (~45 ms of every extract's cold start); this CLI prints its own errors, so that copy is
 * never used. The internals are reached with care: if they change, nothing happens.
 */
function skipHelpCache(_argv: unknown, y?: unknown): void {
  const usage = (y as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } } | undefined)?.getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

/** yargs drops a bare "-", the Unix name for stdin, so it travels under another name. */
export const STDIN_ARG = '\u0000stdin';

/** What each command does with its parsed arguments (the tests give their own, to see what yargs parsed). */
export interface Commands {
  extract(args: ExtractArgs): Promise<number>;
}

const COMMANDS: Commands = {
  extract: async args => (await import('./batch/extractCommand.js')).runExtract(args),
};

/** Parses the command line with yargs and runs its command; returns the exit status. Usage errors are thrown as UsageError. */
export async function runCommandLine(argv: string[], commands: Commands = COMMANDS): Promise<number> {
  let exitCode = 0;
  const parser = yargs(argv.map(a => (a === '-' ? STDIN_ARG : a)))
    .scriptName('claimsift')
    .version(VERSION)
    .strict()
    .demandCommand(1, 'name a command: extract or eval')
    .command('extract [inputs..]', 'extract quotes, numbers and claims from articles (.txt, .html, .json/.jsonl/.jsonl.gz records, folders, globs, - for JSONL on stdin)', y => y
      .positional('inputs', { type: 'string', array: true, default: [] as string[] })
      .option('out', { alias: 'o', type: 'string', describe: 'folder to write <id>.json files into (or claimsift.jsonl / claims.csv with --format jsonl / csv)' })
      .option('output', { type: 'string', describe: 'file for --format jsonl or csv (written whole or not at all); stdout when absent' })
      .option('format', { choices: ['json', 'jsonl', 'csv'] as const, default: 'json' as const, describe: 'json: a file per article; jsonl: one line per input record; csv: one row per claim' })
      .option('flatten', { type: 'boolean', default: false, describe: 'with --format csv: one row per claim (article id, claim, source, status, numbers, ...)' })
      .option('explain', { type: 'boolean', default: false, describe: 'print, per claim, the chain cue → speaker → status → hedge → score (stderr), and keep it in the output' })
      .option('offsets', { choices: ['codepoint', 'utf16'] as const, default: 'codepoint' as const, describe: 'unit of every offset' })
      .option('jobs', { alias: 'j', type: 'number', describe: 'worker threads (default: the available cores); -j1 runs in one thread' })
      .option('cache', { type: 'string', describe: 'content-hash cache folder (default with --out: <out>/.claimsift-cache); --no-cache for none' })
      .option('resume', { type: 'boolean', default: false, describe: 'continue an interrupted run: keep what --out / --output already holds' })
      .option('shard', { type: 'string', describe: 'i/n: extract only the records whose id hashes to shard i of n' })
      .option('shards', { type: 'number', describe: 'n shards, this one JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs)' })
      .option('chunk-size', { type: 'number', describe: 'records per task sent to a worker (default 32)' })
      .option('timeout', { type: 'number', describe: 'seconds a worker task may take before its records are retried one by one (default 300; 0: none)' })
      .option('progress', { choices: ['auto', 'bar', 'lines', 'none'] as const, default: 'auto' as const, describe: 'progress on stderr: a bar on a terminal, a line every 5 s otherwise' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no progress and no summary' })
      .middleware(skipHelpCache),
    async args => {
      exitCode = await commands.extract({
        inputs: (args.inputs ?? []).map(a => (a === STDIN_ARG ? '-' : String(a))), out: args.out, output: args.output, format: args.format, flatten: args.flatten,
        explain: args.explain, offsets: args.offsets, quiet: args.quiet, jobs: args.jobs, cache: args.cache as string | boolean | undefined, resume: args.resume,
        shard: args.shard, shards: args.shards, chunkSize: args.chunkSize, timeout: args.timeout, progress: args.progress,
      });
    })
    .command('eval', 'score extractions against gold annotations', y => y
      .option('gold', { type: 'string', array: true, demandOption: true, describe: '*.gold.json files or folders, a brat folder (text/ + attributions/), or a NewsQuant/CheckThat! file' })
      .option('pred', { type: 'string', describe: 'extracted documents (folder or .jsonl); extracted on the fly when absent' })
      .option('json', { type: 'boolean', default: false }),
    async args => { const { runEval } = await import('./eval/index.js'); exitCode = await runEval({ gold: args.gold.map(String), pred: args.pred, json: args.json }); })
    .command('review [output]', 'review claims in a local web app (127.0.0.1); decisions go to a SQLite file', y => y
      .positional('output', { type: 'string', default: 'output', describe: 'folder of extracted <id>.json files (or a .jsonl)' })
      .option('db', { type: 'string', default: 'review.sqlite', describe: 'review database (created when absent)' })
      .option('port', { type: 'number', describe: 'port to listen on (a free one when absent)' })
      .option('reviewer', { type: 'string', describe: 'name recorded with each decision (default: $CLAIMSIFT_REVIEWER or the login name)' }),
    async args => { const { runReview } = await import('./review/index.js'); exitCode = await runReview({ output: args.output, db: args.db, port: args.port, reviewer: args.reviewer }); })
    .command('export', 'export review decisions: ClaimReview JSON-LD, Label Studio, brat or JSONL', y => y
      .option('db', { type: 'string', default: 'review.sqlite', describe: 'review database' })
      .option('format', { choices: ['claimreview', 'labelstudio', 'brat', 'jsonl'] as const, demandOption: true })
      .option('from', { type: 'string', describe: 'extracted documents (default: the folder the review was made on)' })
      .option('out', { alias: 'o', type: 'string', describe: 'file to write (a folder for brat); stdout when absent' }),
    async args => { const { runExport } = await import('./export/index.js'); exitCode = runExport({ db: args.db, format: args.format, from: args.from, out: args.out }); })
    .fail((msg, err) => { throw err ?? new UsageError(msg); })
    .help();
  await parser.parseAsync();
  return exitCode;
}

