/**
 * A piscina worker: it loads the library (and so one wink-nlp model) once, then extracts chunk
 * after chunk of records sent by `runBatch`.
 */
import { move } from 'piscina';
import { packOutcomes, runChunk, type ChunkResult, type ChunkTask } from './chunk.js';

// For the tests of worker failure: a record with this id ends the worker thread, or hangs it.
const CRASH_ON = process.env.CLAIMSIFT_TEST_CRASH_ON;
const HANG_ON = process.env.CLAIMSIFT_TEST_HANG_ON;

/** piscina's protocol for a result sent with a transfer list: the value, and what to transfer */
const TRANSFERABLE = Symbol.for('Piscina.transferable');
const VALUE = Symbol.for('Piscina.valueOf');

export default function extractChunk(task: ChunkTask): ChunkResult {
  if (CRASH_ON !== undefined || HANG_ON !== undefined) {
    for (const r of task.records) {
      if (r.id === CRASH_ON) process.exit(70);
      if (r.id === HANG_ON) for (;;) { /* a record that never finishes */ }
    }
  }
  const result = runChunk(task);
  const bytes = packOutcomes(result.outcomes, task.options.format);
  if (!bytes) return result;
  // piscina unwraps this and posts the result with the buffer in its transfer list
  return move({ [TRANSFERABLE]: bytes, [VALUE]: result } as unknown as ArrayBuffer) as unknown as ChunkResult;
}
