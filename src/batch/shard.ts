import { UsageError } from '../io/inputs.js';

export interface Shard {
  index: number;
  count: number;
}

/** 32-bit FNV-1a over the UTF-8 bytes of a string: stable across machines, Node versions and runs. */
export function fnv1a32(value: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(value, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The shard a record belongs to: FNV-1a of its article id (for a record without id, `<file stem>-<line>`), modulo n. */
export function shardOf(id: string, count: number): number {
  return fnv1a32(id) % count;
}

/**
 * Reads `--shard i/n`, or `--shards n` with i from JOB_COMPLETION_INDEX (a Kubernetes Indexed Job).
 * Returns null when the run is not sharded.
 */
export function parseShard(shard: string | undefined, shards: number | undefined, env: NodeJS.ProcessEnv = process.env): Shard | null {
  if (shard !== undefined && shards !== undefined) throw new UsageError('[E005] give --shard i/n or --shards n, not both');
  if (shard !== undefined) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(shard);
    if (!m) throw new UsageError(`[E005] --shard takes i/n (0 ≤ i < n), not "${shard}"`);
    return check(Number(m[1]), Number(m[2]));
  }
  if (shards !== undefined) {
    const raw = env.JOB_COMPLETION_INDEX;
    if (raw === undefined || !/^\d+$/.test(raw.trim())) throw new UsageError('[E005] --shards n takes the shard index from JOB_COMPLETION_INDEX, which is not set');
    return check(Number(raw), shards);
  }
  return null;
}

function check(index: number, count: number): Shard {
  if (!Number.isInteger(count) || count < 1) throw new UsageError(`[E005] the shard count must be a whole number ≥ 1, not ${count}`);
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new UsageError(`[E005] the shard index must be in 0…${count - 1}, not ${index}`);
  return { index, count };
}
