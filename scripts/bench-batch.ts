/**
 * One batch run for `npm run bench`, in a fresh process: `claimsift extract <file> --format jsonl -j<jobs>`
 * as the CLI runs it (runBatch, no cache, output discarded). Prints the run's BatchSummary as JSON.
 * The bench starts it once per job count, so -j1 and -j2 pay the same start-up (node, modules, the
 * wink-nlp model, once in-process or once per worker) and neither inherits the bench's warm JIT.
 * Adds `cpuSeconds`, the CPU time of the whole process (all its threads).
 */
import { Writable } from 'node:stream';
import { tuneCompilerForBatch } from '../src/batch/compilerTuning.js';
import { runBatch } from '../src/batch/run.js';

tuneCompilerForBatch();

const [file, jobsArg] = process.argv.slice(2);
const jobs = Number(jobsArg);
if (!file || !Number.isInteger(jobs) || jobs < 1) {
  process.stderr.write('usage: node dist/scripts/bench-batch.js <file.jsonl> <jobs>\n');
  process.exit(2);
}
const discard = new Writable({ write(_chunk, _encoding, callback) { callback(); } });
const summary = await runBatch({
  files: [file], format: 'jsonl', out: null, output: null, offsets: 'codepoint', explain: false, jobs,
  cacheDir: null, resume: false, shard: null, quiet: true, stdout: discard,
});
// the CPU time of the whole process: every thread, the workers' and V8's compiler and GC threads too
const cpu = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ ...summary, cpuSeconds: (cpu.user + cpu.system) / 1e6 })}\n`);
