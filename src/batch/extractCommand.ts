import path from 'node:path';
import { listInputFiles, UsageError } from '../io/inputs.js';
import type { OutputFormat } from './chunk.js';
import type { ProgressMode } from './progress.js';
import { defaultJobs, runBatch } from './run.js';
import { parseShard } from './shard.js';

/** The options of `claimsift extract`, as yargs parsed them. */
export interface ExtractArgs {
  inputs: string[];
  out?: string | undefined;
  output?: string | undefined;
  format: OutputFormat;
  flatten: boolean;
  explain: boolean;
  offsets: 'codepoint' | 'utf16';
  quiet: boolean;
  jobs?: number | undefined;
  /** a folder, false for --no-cache, undefined for the default */
  cache?: string | boolean | undefined;
  resume: boolean;
  shard?: string | undefined;
  shards?: number | undefined;
  chunkSize?: number | undefined;
  timeout?: number | undefined;
  progress?: 'auto' | ProgressMode | undefined;
}

export const DEFAULT_CACHE_NAME = '.claimsift-cache';

/** Checks the options, then runs the batch; returns the exit status (0 all extracted, 1 some failed). */
export async function runExtract(args: ExtractArgs): Promise<number> {
  if (!args.inputs.length) throw new UsageError('[E003] no .txt, .json or .jsonl inputs found');
  const files = listInputFiles(args.inputs);
  if (!files.length) throw new UsageError('[E003] no .txt, .html, .json, .jsonl or .jsonl.gz inputs found');
  if (args.flatten && args.format !== 'csv') throw new UsageError('[E006] --flatten goes with --format csv (one row per claim)');
  const output = args.output === undefined || args.output === '' ? null : args.output;
  if (args.format === 'json') {
    if (!args.out) throw new UsageError('[E004] give --out <folder>, or --format jsonl to write to stdout');
    if (output !== null) throw new UsageError('[E006] --output names a file for --format jsonl or csv; --format json writes a file per article into --out');
  }
  if (output !== null && args.out) throw new UsageError('[E006] give --out <folder> or --output <file>, not both');
  const jobs = args.jobs ?? defaultJobs();
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`[E006] -j takes a whole number ≥ 1, not ${String(args.jobs)}`);
  const shard = parseShard(args.shard, args.shards);
  let cacheDir: string | null = null;
  if (typeof args.cache === 'string' && args.cache !== '') cacheDir = args.cache;
  else if (args.cache !== false && args.out) cacheDir = path.join(args.out, DEFAULT_CACHE_NAME);
  const toFile = (output !== null && output !== '-') || Boolean(args.out);
  if (args.resume) {
    if (!toFile) throw new UsageError('[E007] --resume continues a file or folder: give --out <folder> or --output <file>');
    if (args.format === 'json' && cacheDir === null) throw new UsageError('[E007] --resume with --out needs the cache (drop --no-cache)');
    if (args.format === 'csv') throw new UsageError('[E007] --resume works with --format json or jsonl, not csv (rows per claim do not map to records)');
  }
  const chunkSize = args.chunkSize ?? 32;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new UsageError('[E006] --chunk-size takes a whole number ≥ 1');
  const summary = await runBatch({
    files,
    format: args.format,
    out: args.out ?? null,
    output,
    offsets: args.offsets,
    explain: args.explain,
    jobs,
    chunkSize,
    cacheDir,
    resume: args.resume,
    shard,
    quiet: args.quiet,
    ...(args.progress && args.progress !== 'auto' ? { progress: args.progress } : {}),
    // the plain progress line's period (default 5 s); tests shorten it
    ...(Number(process.env.CLAIMSIFT_PROGRESS_MS) > 0 ? { progressIntervalMs: Number(process.env.CLAIMSIFT_PROGRESS_MS) } : {}),
    timeoutSeconds: args.timeout ?? 300,
    handleSignals: true,
  });
  return summary.exitCode;
}
