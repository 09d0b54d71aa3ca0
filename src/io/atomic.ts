import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let counter = 0;
const host = os.hostname().replace(/[^A-Za-z0-9_-]/g, '_');

/** A temporary name beside `file`, unique to this process, hidden, and recognisable by `removeStaleTemps`. */
export function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${host}-${process.pid}-${counter++}.claimsift-tmp`);
}

/**
 * Writes a whole file so that a reader (or a re-run after a kill) sees the old content or the new,
 * never a part: the bytes go to a temporary file beside it, which is then renamed over it.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = tempNameFor(file);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (err) {
    try { fs.rmSync(tmp, { force: true }); } catch { /* already gone */ }
    throw err;
  }
}

/** Removes temporary files that a killed run of this host left in `dir` (not those of live processes). */
export function removeStaleTemps(dir: string): void {
  let names: string[];
  try { names = fs.readdirSync(dir); } catch { return; }
  const re = new RegExp(`^\\..*\\.${host}-(\\d+)-\\d+\\.claimsift-tmp$`);
  for (const name of names) {
    const m = re.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    let alive = pid === process.pid;
    if (!alive) {
      try { process.kill(pid, 0); alive = true; } catch (err) { alive = (err as NodeJS.ErrnoException).code === 'EPERM'; }
    }
    if (!alive) fs.rmSync(path.join(dir, name), { force: true });
  }
}
