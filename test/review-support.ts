/** Shared by test/review*.test.ts and test/export*.test.ts: the real CLI, real HTTP. */
import { execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ROOT } from './helpers.js';

export const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');
export const OUTPUT = path.join(ROOT, 'output');
export const SEED_ID = 'pakistan-afghanistan-istanbul-talks';
export const SEED_TXT = path.join(ROOT, 'corpus', `${SEED_ID}.txt`);

export function ensureBuilt(): void {
  if (!fs.existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
}

export const runCli = (args: string[], input?: string) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });

/** Extracts inputs into a folder with the real CLI. */
export function extractTo(out: string, inputs: string[], extra: string[] = []): void {
  const res = runCli(['extract', ...inputs, '--out', out, '--quiet', ...extra]);
  if (res.status !== 0) throw new Error(`extract failed (${res.status}): ${res.stderr}`);
}

export interface CliServer {
  proc: ChildProcessWithoutNullStreams;
  url: string;
  origin: string;
  port: number;
  token: string;
  stderr: () => string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string | null>;
}

/** Starts `claimsift review` and waits for the URL it prints. */
export function startCli(args: string[]): Promise<CliServer> {
  const proc = spawn(process.execPath, [CLI, 'review', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '', err = '';
  const exited = new Promise<number | string | null>(resolve => proc.on('exit', (code, signal) => resolve(code ?? signal)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error(`review did not start: ${err}`)); }, 30_000);
    proc.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:(\d+))\/\?token=([\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[0], origin: m[1]!, port: Number(m[2]), token: m[3]!, stderr: () => err, exited });
      }
    });
    void exited.then(code => { clearTimeout(timer); reject(new Error(`review exited (${String(code)}) before printing a URL: ${err}`)); });
  });
}

export interface RawResponse { status: number; headers: http.IncomingHttpHeaders; body: string; json: () => any }

/** One HTTP request with full control over the path and headers (fetch would normalise both). */
export function raw(port: number, options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer; chunked?: boolean }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} }, res => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
      });
    });
    req.on('error', reject);
    if (options.body !== undefined) {
      if (options.chunked) {
        const buf = Buffer.from(options.body);
        for (let i = 0; i < buf.length; i += 16 * 1024) req.write(buf.subarray(i, i + 16 * 1024));
      } else req.write(options.body);
    }
    req.end();
  });
}

/** A write as the review page makes it: same origin, the token, JSON. */
export function post(server: { port: number; origin: string; token: string }, route: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  const text = JSON.stringify(body);
  return raw(server.port, {
    method: 'POST',
    path: route,
    headers: { Origin: server.origin, 'X-Claimsift-Token': server.token, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers },
    body: text,
  });
}

export const get = (port: number, route: string): Promise<RawResponse> => raw(port, { path: route });
