import type { Writable } from 'node:stream';

export type ProgressMode = 'bar' | 'lines' | 'none';

interface BarLike {
  update(value: number, payload?: Record<string, unknown>): void;
  setTotal(total: number): void;
}
interface MultiBarLike {
  create(total: number, start: number, payload?: Record<string, unknown>): BarLike;
  log(text: string): void;
  stop(): void;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * Progress on stderr: a cli-progress bar (articles/s, ETA) on a terminal, a plain line every few
 * seconds otherwise, nothing with --quiet. The ETA comes from the input bytes read, when the total
 * is known (files); from stdin only the count and rate are shown.
 */
export class Progress {
  articles = 0;
  errors = 0;
  private bytes = 0;
  private readonly started = Date.now();
  private multibar: MultiBarLike | null = null;
  private bar: BarLike | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastDraw = 0;

  constructor(
    private readonly mode: ProgressMode,
    private readonly stream: Writable,
    private readonly totalBytes: number | null,
    private readonly intervalMs = 5000,
  ) {}

  async start(): Promise<void> {
    if (this.mode === 'bar') {
      const mod = (await import('cli-progress')) as unknown as { default?: unknown };
      const cliProgress = (mod.default ?? mod) as { MultiBar: new (o: object, preset?: object) => MultiBarLike; Presets: { shades_classic: object } };
      const known = this.totalBytes !== null && this.totalBytes > 0;
      this.multibar = new cliProgress.MultiBar({
        stream: this.stream,
        format: known
          ? 'claimsift {bar} {percentage}% | {articles} articles | {rate}/s | {errors} errors | ETA {eta}'
          : 'claimsift {articles} articles | {rate}/s | {errors} errors | {elapsed}',
        hideCursor: true,
        clearOnComplete: true,
        stopOnComplete: false,
        fps: 5,
        etaBuffer: 50,
      }, cliProgress.Presets.shades_classic);
      this.bar = this.multibar.create(known ? (this.totalBytes ?? 1) : 1, 0, this.payload());
    } else if (this.mode === 'lines') {
      this.timer = setInterval(() => this.stream.write(`${this.line()}\n`), this.intervalMs);
      this.timer.unref();
    }
  }

  private rate(): number {
    const seconds = (Date.now() - this.started) / 1000;
    return seconds > 0 ? this.articles / seconds : 0;
  }

  private eta(): string {
    if (this.totalBytes === null || this.totalBytes <= 0 || this.bytes <= 0) return '?';
    const seconds = (Date.now() - this.started) / 1000;
    return formatDuration((seconds * (this.totalBytes - this.bytes)) / this.bytes);
  }

  private payload(): Record<string, unknown> {
    return { articles: this.articles, errors: this.errors, rate: this.rate().toFixed(1), eta: this.eta(), elapsed: formatDuration((Date.now() - this.started) / 1000) };
  }

  /** The plain progress line (non-TTY stderr). */
  line(): string {
    const pct = this.totalBytes ? `, ${Math.min(100, (100 * this.bytes) / this.totalBytes).toFixed(0)}% read, ETA ${this.eta()}` : '';
    return `claimsift: ${this.articles} articles (${this.rate().toFixed(1)}/s), ${this.errors} errors, ${formatDuration((Date.now() - this.started) / 1000)} elapsed${pct}`;
  }

  addBytes(n: number): void {
    this.bytes += n;
  }

  done(ok: boolean): void {
    this.articles++;
    if (!ok) this.errors++;
    if (this.bar) {
      const now = Date.now();
      if (now - this.lastDraw >= 100) {
        this.lastDraw = now;
        this.bar.update(this.totalBytes ? Math.min(this.bytes, this.totalBytes) : 0, this.payload());
      }
    }
  }

  /** A message on stderr that does not tear the bar. */
  log(message: string): void {
    if (this.mode === 'none' && !message) return;
    if (this.multibar) this.multibar.log(message.endsWith('\n') ? message : `${message}\n`);
    else this.stream.write(message.endsWith('\n') ? message : `${message}\n`);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.multibar) {
      this.bar?.update(this.totalBytes ?? 0, this.payload());
      this.multibar.stop();
      this.multibar = null;
      this.bar = null;
    }
  }
}
