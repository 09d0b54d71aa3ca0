/** `claimsift review` as a process: its URL, durability when killed, and errors for bad databases. */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, extractTo, get, post, runCli, SEED_ID, SEED_TXT, startCli, type CliServer } from './review-support.js';

let dir: string;
let out: string;
const running: CliServer[] = [];

const start = async (args: string[]): Promise<CliServer> => {
  const s = await startCli(args);
  running.push(s);
  return s;
};

beforeAll(() => {
  ensureBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimsift-review-cli-'));
  out = path.join(dir, 'out');
  extractTo(out, [SEED_TXT]);
});

afterAll(() => {
  for (const s of running) if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGKILL');
});

describe('claimsift review (the CLI)', () => {
  it('prints a loopback URL with a session token, serves the app, and stops cleanly on SIGTERM', async () => {
    const db = path.join(dir, 'clean.sqlite');
    const s = await start([out, '--db', db, '--reviewer', 'cli']);
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32,}$/);
    expect((await get(s.port, '/')).body).toContain('claimsift review');
    const session = (await get(s.port, '/api/session')).json();
    expect(session.reviewer).toBe('cli');
    s.proc.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(fs.existsSync(db)).toBe(true);
    // a second session gets another token
    const again = await start([out, '--db', db]);
    expect(again.token).not.toBe(s.token);
    again.proc.kill('SIGTERM');
    await again.exited;
  });

  it('loses no acknowledged decision when the server is killed mid-write (SIGKILL), and keeps them across restarts', async () => {
    const db = path.join(dir, 'killed.sqlite');
    const s = await start([out, '--db', db, '--reviewer', 'kill-test']);
    const view = (await get(s.port, `/api/articles/${SEED_ID}`)).json();
    const claims = view.claims.slice(0, 24);
    expect(claims.length).toBeGreaterThan(10);
    const acknowledged = new Map<string, string>();
    for (const [i, c] of claims.entries()) {
      const action = i % 3 === 0 ? 'reject' : 'accept';
      const res = await post(s, '/api/decisions', { articleId: SEED_ID, claimKey: c.key, action });
      expect(res.status).toBe(200);
      acknowledged.set(c.key, action === 'accept' ? 'accepted' : 'rejected');
    }
    const edited = claims[1];
    expect((await post(s, '/api/decisions', { articleId: SEED_ID, claimKey: edited.key, action: 'edit', edits: { speaker: 'Kill Test Speaker' } })).status).toBe(200);
    // a burst of writes still in flight when the process dies
    const inFlight = view.claims.slice(24).map((c: any) => post(s, '/api/decisions', { articleId: SEED_ID, claimKey: c.key, action: 'accept' }).catch(() => null));
    s.proc.kill('SIGKILL');
    expect(await s.exited).toBe('SIGKILL');
    const settled = await Promise.all(inFlight);
    for (const [i, res] of settled.entries()) if (res?.status === 200) acknowledged.set(view.claims[24 + i].key, 'accepted');

    // the file opens, is intact, and holds every acknowledged decision
    const conn = new Database(db, { readonly: true });
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = conn.prepare('SELECT key, decision, edits, reviewer FROM claim_state').all() as Array<{ key: string; decision: string; edits: string; reviewer: string }>;
    conn.close();
    const byKey = new Map(rows.map(r => [r.key, r]));
    for (const [key, decision] of acknowledged) expect(byKey.get(key)?.decision, key).toBe(decision);
    expect(JSON.parse(byKey.get(edited.key)!.edits).speaker).toBe('Kill Test Speaker');
    expect(rows.every(r => r.reviewer === 'kill-test')).toBe(true);

    // a new server on the same database shows them
    const again = await start([out, '--db', db, '--reviewer', 'kill-test']);
    const after = (await get(again.port, `/api/articles/${SEED_ID}`)).json();
    for (const [key, decision] of acknowledged) expect(after.claims.find((c: any) => c.key === key).review.decision).toBe(decision);
    expect(after.claims.find((c: any) => c.key === edited.key).review.edits.speaker).toBe('Kill Test Speaker');
    again.proc.kill('SIGTERM');
    await again.exited;
  });

  it('refuses a corrupt database with a clear message and leaves the file alone', () => {
    const junk = path.join(dir, 'junk.sqlite');
    const bytes = Buffer.from('this is not a database at all\n'.repeat(200));
    fs.writeFileSync(junk, bytes);
    const res = runCli(['review', out, '--db', junk]);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/\[E075\].*not a SQLite database/);
    expect(fs.readFileSync(junk).equals(bytes)).toBe(true);

    // a real SQLite file with damaged pages
    const damaged = path.join(dir, 'damaged.sqlite');
    const conn = new Database(damaged);
    conn.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('app', 'claimsift-review'), ('schemaVersion', '1');
      CREATE TABLE claim_state (key TEXT); CREATE TABLE events (id INTEGER);`);
    for (let i = 0; i < 200; i++) conn.prepare('INSERT INTO claim_state VALUES (?)').run('x'.repeat(500));
    conn.close();
    const buf = fs.readFileSync(damaged);
    buf.fill(0xab, 1024, buf.length);
    fs.writeFileSync(damaged, buf);
    const res2 = runCli(['review', out, '--db', damaged]);
    expect(res2.status).toBe(1);
    expect(res2.stderr).toMatch(/\[E07[57]\].*(corrupt|something else)/);

    // some other application's database
    const foreign = path.join(dir, 'foreign.sqlite');
    const f = new Database(foreign);
    f.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    f.close();
    const res3 = runCli(['review', out, '--db', foreign]);
    expect(res3.status).toBe(1);
    expect(res3.stderr).toMatch(/\[E077\].*something else/);
  });

  it('names the problem for a missing database, folder or output, and a busy port', async () => {
    const exp = runCli(['export', '--db', path.join(dir, 'nope.sqlite'), '--format', 'claimreview']);
    expect(exp.status).toBe(1);
    expect(exp.stderr).toMatch(/\[E072\] no review database at .*nope\.sqlite/);
    const noFolder = runCli(['review', out, '--db', path.join(dir, 'missing-folder', 'r.sqlite')]);
    expect(noFolder.status).toBe(1);
    expect(noFolder.stderr).toMatch(/\[E073\]/);
    const noOutput = runCli(['review', path.join(dir, 'no-output'), '--db', path.join(dir, 'x.sqlite')]);
    expect(noOutput.status).toBe(2);
    expect(noOutput.stderr).toMatch(/\[E071\] output not found/);
    const blocker = net.createServer();
    await new Promise<void>(r => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    const busy = runCli(['review', out, '--db', path.join(dir, 'busy.sqlite'), '--port', String(port)]);
    blocker.close();
    expect(busy.status).toBe(2);
    expect(busy.stderr).toMatch(/\[E070\] port \d+ is in use/);
  });
});
