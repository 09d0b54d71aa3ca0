import { setFlagsFromString } from 'node:v8';

/** V8's default interrupt budget (Node 20), the work a function does before it is considered for optimizing. */
const DEFAULT_INTERRUPT_BUDGET = 67_584;

/**
 * Lets V8 optimize a function after four times its default amount of work: the pipeline's large
 * stage functions then compile with fuller type feedback and are deoptimized and recompiled less.
 * Over the 25,083 bench articles this cut user CPU at -j2 by about a sixth (each worker compiles
 * its own code, on the cores the workers share) and did not slow -j1 (docs/throughput-log.md, session 7).
 * Process-wide, so it covers the worker threads started afterwards; the CLI and the benchmark call it
 * before any article is read. A library embedding claimsift keeps its own V8 settings.
 */
export function tuneCompilerForBatch(): void {
  setFlagsFromString(`--interrupt-budget=${4 * DEFAULT_INTERRUPT_BUDGET}`);
}
