/** `claimsift review`: serves the review app until interrupted. */
import os from 'node:os';
import path from 'node:path';
import { ReviewDbError } from './db.js';
import { startReviewServer, type ReviewServer } from './server.js';

export { startReviewServer, staticDir, TOKEN_HEADER, type ReviewServer, type ReviewServerOptions } from './server.js';
export { ReviewDb, ReviewDbError, VERDICTS, type ClaimEdits, type ClaimState, type Verdict } from './db.js';
export { OutputStore, articleFromJson, type ReviewArticle, type ReviewClaim } from './load.js';
export { reviewKey } from './keys.js';

export interface ReviewArgs {
  output: string;
  db: string;
  port?: number | undefined;
  reviewer?: string | undefined;
}

export function defaultReviewer(): string {
  const fromEnv = process.env.CLAIMSIFT_REVIEWER;
  if (fromEnv?.trim()) return fromEnv.trim();
  try { return os.userInfo().username || 'reviewer'; } catch { return 'reviewer'; }
}

/** Starts the server, prints its URL, and resolves with the exit status once SIGINT or SIGTERM stops it. */
export async function runReview(args: ReviewArgs): Promise<number> {
  if (args.port !== undefined && (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535)) {
    process.stderr.write(`claimsift: [E070] --port must be a whole number from 0 to 65535\n`);
    return 2;
  }
  let server: ReviewServer;
  try {
    server = await startReviewServer({ output: args.output, db: args.db, port: args.port ?? 0, reviewer: args.reviewer ?? defaultReviewer() });
  } catch (err) {
    process.stderr.write(`claimsift: ${(err as Error).message}\n`);
    return err instanceof ReviewDbError ? 1 : 2;
  }
  const articles = server.store.articles().length;
  for (const p of server.store.problems) process.stderr.write(`claimsift: warning: ${p.file}: ${p.message}\n`);
  process.stdout.write(`claimsift review: ${server.url}\n`);
  process.stderr.write(`claimsift review: ${articles} articles from ${path.relative(process.cwd(), server.store.root) || '.'}, decisions in ${path.relative(process.cwd(), server.db.file)}; open the URL above (it holds this session's write token). Ctrl-C stops.\n`);
  return new Promise<number>(resolve => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
