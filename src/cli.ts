#!/usr/bin/env node
import { tuneCompilerForBatch } from './batch/compilerTuning.js';
import { fastExtractArgs } from './fastArgs.js';
import { UsageError } from './io/inputs.js';

/** Runs a command line; returns the exit status (2 for bad usage, explained on stderr). */
export async function main(argv: string[]): Promise<number> {
  try {
    const fast = fastExtractArgs(argv);
    if (fast !== null) return await (await import('./batch/extractCommand.js')).runExtract(fast);
    return await (await import('./cliParser.js')).runCommandLine(argv);
  } catch (err) {
    if (err instanceof UsageError || (err as Error).name === 'YError') {
      process.stderr.write(`claimsift: ${(err as Error).message}\nRun "claimsift --help" for usage.\n`);
      return 2;
    }
    throw err;
  }
}

tuneCompilerForBatch();
main(process.argv.slice(2)).then(code => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`claimsift: internal error: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
