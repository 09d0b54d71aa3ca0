/**
 * The review database: one row of current state per reviewed claim (keyed by its review key) and
 * an append-only log of every decision, which is what undo walks back. SQLite in WAL mode with
 * synchronous=FULL: a write is on disk before the server answers it, so killing the server loses
 * nothing it acknowledged.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const SCHEMA_VERSION = 1;
const APP_ID = 'claimsift-review';

/** The Check/ClaimReview verdict vocabulary, keyed 1–5 as on the keyboard. */
export const VERDICTS = { 1: 'False', 2: 'Misleading', 3: 'Unproven', 4: 'Accurate', 5: 'Not checkable' } as const;
export type Verdict = keyof typeof VERDICTS;
export const isVerdict = (v: unknown): v is Verdict => v === 1 || v === 2 || v === 3 || v === 4 || v === 5;

export type Decision = 'accepted' | 'rejected';
export const SPEAKER_KINDS = ['person', 'organization', 'anonymous', 'outlet'] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

/** Corrections a reviewer made to a claim; a field is present only where it differs from the extraction. */
export interface ClaimEdits {
  speaker?: string;
  speakerKind?: SpeakerKind;
  status?: 'asserted' | 'confirmed';
  hedged?: boolean;
  polarity?: 'affirmed' | 'denied';
  text?: string;
  /** What each linked number counts, by the number's review key. */
  counted?: Record<string, string>;
}

/** What the claim and its article looked like when first reviewed: enough to export or show it once stale. */
export interface ClaimSnapshot {
  articleId: string;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  claimId: string;
  text: string;
  speaker: string | null;
  speakerKind: string;
  status: string;
  hedged: boolean;
  polarity: string;
}

export interface ClaimState {
  key: string;
  articleId: string;
  textSha256: string;
  start: number;
  end: number;
  kind: string;
  snapshot: ClaimSnapshot;
  decision: Decision | null;
  verdict: Verdict | null;
  edits: ClaimEdits;
  reviewer: string;
  updatedAt: string;
}

export interface ReviewEvent {
  id: number;
  key: string;
  articleId: string;
  action: string;
  reviewer: string;
  at: string;
  undone: boolean;
}

/** The claim a decision is about: where it is, and its snapshot. */
export interface ClaimRef {
  key: string;
  articleId: string;
  textSha256: string;
  start: number;
  end: number;
  kind: 'claim';
  snapshot: ClaimSnapshot;
}

export type Change =
  | { action: 'accept' }
  | { action: 'reject' }
  | { action: 'clear' }
  | { action: 'verdict'; verdict: Verdict | null }
  | { action: 'edit'; edits: ClaimEdits };

export class ReviewDbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewDbError';
  }
}

interface StateRow {
  key: string; article_id: string; text_sha256: string; start: number; end: number; kind: string;
  snapshot: string; decision: string | null; verdict: number | null; edits: string; reviewer: string; updated_at: string;
}

type Mutable = Pick<ClaimState, 'decision' | 'verdict' | 'edits'>;

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claim_state (
  key TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  text_sha256 TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  kind TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  decision TEXT CHECK (decision IN ('accepted', 'rejected')),
  verdict INTEGER CHECK (verdict BETWEEN 1 AND 5),
  edits TEXT NOT NULL DEFAULT '{}',
  reviewer TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claim_state_article ON claim_state (article_id);
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL,
  article_id TEXT NOT NULL,
  action TEXT NOT NULL,
  before TEXT,
  after TEXT,
  reviewer TEXT NOT NULL,
  at TEXT NOT NULL,
  undone_by INTEGER
);
CREATE INDEX IF NOT EXISTS events_reviewer ON events (reviewer, id);
`;

const rowToState = (r: StateRow): ClaimState => ({
  key: r.key,
  articleId: r.article_id,
  textSha256: r.text_sha256,
  start: r.start,
  end: r.end,
  kind: r.kind,
  snapshot: JSON.parse(r.snapshot) as ClaimSnapshot,
  decision: r.decision === 'accepted' || r.decision === 'rejected' ? r.decision : null,
  verdict: isVerdict(r.verdict) ? r.verdict : null,
  edits: JSON.parse(r.edits) as ClaimEdits,
  reviewer: r.reviewer,
  updatedAt: r.updated_at,
});

/** Rows left with nothing in them (after an undo or a clear) are kept, so undo can restore them, but are not reviews. */
const NOT_EMPTY = `(decision IS NOT NULL OR verdict IS NOT NULL OR edits <> '{}')`;

export interface OpenOptions {
  /** Create the file when it does not exist (review); export and read-only uses want it to exist. */
  create: boolean;
  readonly?: boolean;
}

export class ReviewDb {
  readonly file: string;
  private db: Database.Database;

  private constructor(file: string, db: Database.Database) {
    this.file = file;
    this.db = db;
  }

  /** Opens (or creates) a review database, with a clear error for a missing, foreign or corrupt file. */
  static open(file: string, options: OpenOptions): ReviewDb {
    const full = path.resolve(file);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat) {
      if (!options.create) throw new ReviewDbError(`[E072] no review database at ${file}: start one with "claimsift review <output dir> --db ${file}"`);
      if (!fs.existsSync(path.dirname(full))) throw new ReviewDbError(`[E073] cannot create ${file}: folder ${path.dirname(file)} does not exist`);
    } else if (stat.isDirectory()) {
      throw new ReviewDbError(`[E074] ${file} is a folder, not a review database`);
    } else if (stat.size > 0) {
      const head = Buffer.alloc(16);
      const fd = fs.openSync(full, 'r');
      try { fs.readSync(fd, head, 0, 16, 0); } finally { fs.closeSync(fd); }
      if (head.toString('latin1') !== 'SQLite format 3\u0000') {
        throw new ReviewDbError(`[E075] ${file} is not a SQLite database (corrupt, or some other file): move it aside or give another --db`);
      }
    }
    let db: Database.Database;
    try {
      db = new Database(full, { readonly: options.readonly ?? false, fileMustExist: !options.create });
    } catch (err) {
      throw new ReviewDbError(`[E076] cannot open ${file}: ${(err as Error).message}`);
    }
    const self = new ReviewDb(full, db);
    try {
      self.init(options.readonly ?? false);
    } catch (err) {
      db.close();
      if (err instanceof ReviewDbError) throw err;
      throw new ReviewDbError(`[E075] ${file} is corrupt or not a claimsift review database (${(err as Error).message}): move it aside or give another --db`);
    }
    return self;
  }

  private init(readonly: boolean): void {
    const db = this.db;
    db.pragma('busy_timeout = 5000');
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map(t => t.name);
    if (tables.length && !tables.includes('meta')) {
      throw new ReviewDbError(`[E077] ${this.file} is a SQLite database of something else (tables: ${tables.slice(0, 5).join(', ')}): give another --db`);
    }
    if (tables.includes('meta')) {
      const meta = Object.fromEntries((db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>).map(r => [r.key, r.value]));
      if (meta.app !== APP_ID) throw new ReviewDbError(`[E077] ${this.file} is a SQLite database of something else: give another --db`);
      const version = Number(meta.schemaVersion);
      if (version > SCHEMA_VERSION) throw new ReviewDbError(`[E078] ${this.file} was written by a newer claimsift (review schema ${version}; this one reads ${SCHEMA_VERSION})`);
      for (const t of ['claim_state', 'events']) if (!tables.includes(t)) throw new ReviewDbError(`[E075] ${this.file} is corrupt: table ${t} is missing`);
      if (!readonly) {
        const check = db.pragma('quick_check', { simple: true });
        if (check !== 'ok') throw new ReviewDbError(`[E075] ${this.file} is corrupt (${String(check)}): move it aside or give another --db`);
      }
      return;
    }
    if (readonly) throw new ReviewDbError(`[E077] ${this.file} is an empty database, not a claimsift review database`);
    db.transaction(() => {
      db.exec(DDL);
      const put = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
      put.run('app', APP_ID);
      put.run('schemaVersion', String(SCHEMA_VERSION));
      put.run('createdAt', new Date().toISOString());
    })();
  }

  getMeta(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
  }

  /** Every claim with a decision, a verdict or an edit. */
  allStates(): ClaimState[] {
    return (this.db.prepare(`SELECT * FROM claim_state WHERE ${NOT_EMPTY} ORDER BY article_id, start, end`).all() as StateRow[]).map(rowToState);
  }

  statesForArticle(articleId: string): ClaimState[] {
    return (this.db.prepare(`SELECT * FROM claim_state WHERE article_id = ? AND ${NOT_EMPTY} ORDER BY start, end`).all(articleId) as StateRow[]).map(rowToState);
  }

  state(key: string): ClaimState | null {
    const row = this.db.prepare('SELECT * FROM claim_state WHERE key = ?').get(key) as StateRow | undefined;
    return row ? rowToState(row) : null;
  }

  /** Applies one reviewer action to a claim in a transaction, logging it for undo. Returns the new state. */
  apply(ref: ClaimRef, change: Change, reviewer: string, at: Date = new Date()): ClaimState {
    const run = this.db.transaction((): ClaimState => {
      const current = this.state(ref.key);
      const before: Mutable | null = current ? { decision: current.decision, verdict: current.verdict, edits: current.edits } : null;
      const next: Mutable = before ? { ...before, edits: { ...before.edits } } : { decision: null, verdict: null, edits: {} };
      switch (change.action) {
        case 'accept': next.decision = 'accepted'; break;
        case 'reject': next.decision = 'rejected'; break;
        case 'clear': next.decision = null; next.verdict = null; next.edits = {}; break;
        case 'verdict':
          next.verdict = change.verdict;
          // a verdict is given to a claim worth checking: it accepts the claim unless already decided
          if (change.verdict !== null && next.decision === null) next.decision = 'accepted';
          break;
        case 'edit': next.edits = change.edits; break;
      }
      const stamp = at.toISOString();
      this.writeState(ref, current?.snapshot ?? ref.snapshot, next, reviewer, stamp);
      this.db.prepare('INSERT INTO events (key, article_id, action, before, after, reviewer, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(ref.key, ref.articleId, change.action, before ? JSON.stringify(before) : null, JSON.stringify(next), reviewer, stamp);
      const state = this.state(ref.key);
      if (!state) throw new Error(`state of ${ref.key} was not written`);
      return state;
    });
    return run.immediate();
  }

  /**
   * Undoes this reviewer's latest action not yet undone (in one article when given): the claim goes
   * back to its state before that action. Returns the key it touched, or null when there is nothing to undo.
   */
  undo(reviewer: string, articleId: string | null, at: Date = new Date()): { key: string; articleId: string; action: string; state: ClaimState | null } | null {
    const run = this.db.transaction(() => {
      const last = (articleId === null
        ? this.db.prepare(`SELECT * FROM events WHERE reviewer = ? AND action <> 'undo' AND undone_by IS NULL ORDER BY id DESC LIMIT 1`).get(reviewer)
        : this.db.prepare(`SELECT * FROM events WHERE reviewer = ? AND article_id = ? AND action <> 'undo' AND undone_by IS NULL ORDER BY id DESC LIMIT 1`).get(reviewer, articleId)) as
        { id: number; key: string; article_id: string; action: string; before: string | null } | undefined;
      if (!last) return null;
      const current = this.state(last.key);
      const before = last.before ? (JSON.parse(last.before) as Mutable) : null;
      const stamp = at.toISOString();
      if (current) {
        const ref = { key: current.key, articleId: current.articleId, textSha256: current.textSha256, start: current.start, end: current.end, kind: current.kind };
        this.writeState(ref, current.snapshot, before ?? { decision: null, verdict: null, edits: {} }, reviewer, stamp);
      }
      const info = this.db.prepare('INSERT INTO events (key, article_id, action, before, after, reviewer, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(last.key, last.article_id, 'undo', current ? JSON.stringify({ decision: current.decision, verdict: current.verdict, edits: current.edits }) : null, before ? JSON.stringify(before) : null, reviewer, stamp);
      this.db.prepare('UPDATE events SET undone_by = ? WHERE id = ?').run(Number(info.lastInsertRowid), last.id);
      return { key: last.key, articleId: last.article_id, action: last.action, state: this.state(last.key) };
    });
    return run.immediate();
  }

  events(limit = 1000): ReviewEvent[] {
    return (this.db.prepare('SELECT id, key, article_id, action, reviewer, at, undone_by FROM events ORDER BY id DESC LIMIT ?').all(limit) as
      Array<{ id: number; key: string; article_id: string; action: string; reviewer: string; at: string; undone_by: number | null }>)
      .map(e => ({ id: e.id, key: e.key, articleId: e.article_id, action: e.action, reviewer: e.reviewer, at: e.at, undone: e.undone_by !== null }));
  }

  integrity(): string {
    return String(this.db.pragma('integrity_check', { simple: true }));
  }

  close(): void {
    if (!this.db.open) return;
    try { if (!this.db.readonly) this.db.pragma('wal_checkpoint(TRUNCATE)'); } catch { /* another connection may hold it */ }
    this.db.close();
  }

  private writeState(ref: Omit<ClaimRef, 'snapshot' | 'kind'> & { kind: string }, snapshot: ClaimSnapshot, next: Mutable, reviewer: string, stamp: string): void {
    this.db.prepare(`INSERT INTO claim_state (key, article_id, text_sha256, start, end, kind, snapshot, decision, verdict, edits, reviewer, updated_at)
      VALUES (@key, @articleId, @textSha256, @start, @end, @kind, @snapshot, @decision, @verdict, @edits, @reviewer, @updatedAt)
      ON CONFLICT (key) DO UPDATE SET decision = excluded.decision, verdict = excluded.verdict, edits = excluded.edits,
        reviewer = excluded.reviewer, updated_at = excluded.updated_at`)
      .run({
        key: ref.key, articleId: ref.articleId, textSha256: ref.textSha256, start: ref.start, end: ref.end, kind: ref.kind,
        snapshot: JSON.stringify(snapshot), decision: next.decision, verdict: next.verdict, edits: JSON.stringify(next.edits),
        reviewer, updatedAt: stamp,
      });
  }
}
