/**
 * End to end in headless Chromium (Debian's package, driven by playwright-core): the seed article
 * reviewed with the keyboard alone, persisted across a reload, exported as ClaimReview JSON-LD; and
 * an article full of markup that must show as text and never run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimReviewProblems } from '../src/export/claimreview.js';
import { ROOT } from './helpers.js';
import { ensureBuilt, extractTo, OUTPUT, runCli, SEED_ID, startCli, type CliServer } from './review-support.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const SKIP_NOTE = hasChromium ? '' : ' — SKIPPED: /usr/bin/chromium is absent (apt-get install -y chromium)';
if (!hasChromium) console.warn(`review e2e${SKIP_NOTE}`);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];
const SCREENSHOT = path.join(ROOT, 'docs', 'review-screenshot.png');

let browser: Browser;
let dir: string;
const servers: CliServer[] = [];

const open = async (url: string): Promise<{ page: Page; errors: string[] }> => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', e => errors.push(e.message));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('dialog', d => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, errors };
};

describe.skipIf(!hasChromium)(`review app in headless Chromium${SKIP_NOTE}`, () => {
  beforeAll(async () => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimsift-review-e2e-'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of servers) if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGKILL');
  });

  it('reviews the seed article with the keyboard alone, persists across a reload, and exports ClaimReview', async () => {
    // the shipped extraction of the corpus (what `npm start` writes), copied so a concurrent re-run cannot move it
    const output = path.join(dir, 'output');
    fs.cpSync(OUTPUT, output, { recursive: true });
    const db = path.join(dir, 'review.sqlite');
    const server = await startCli([output, '--db', db, '--reviewer', 'E2E Reviewer']);
    servers.push(server);
    const { page, errors } = await open(server.url);

    // the list: counts, then j until the seed article is selected, Enter to open
    const row = page.locator(`tr[data-id="${SEED_ID}"]`);
    await expect(row.locator('td.progress .count').textContent()).resolves.toMatch(/^0\/\d+$/);
    for (let i = 0; i < 200 && (await page.getAttribute('tr.selected', 'data-id')) !== SEED_ID; i++) await page.keyboard.press('j');
    expect(await page.getAttribute('tr.selected', 'data-id')).toBe(SEED_ID);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#claims li.claim.selected');

    // the article view: headings apart, quotes coloured by speaker, the selected claim marked in the text
    expect(await page.locator('#text h2.heading').count()).toBeGreaterThan(0);
    expect(await page.locator('#text .q[class*="spk-"]').count()).toBeGreaterThan(5);
    expect(await page.locator('.legend .chip').count()).toBeGreaterThan(1);
    expect(await page.locator('#text .sel').count()).toBeGreaterThan(0);

    // j/k move; the first (most check-worthy) claim is the one we review
    const first = await page.getAttribute('#claims li.claim.selected', 'data-key');
    await page.keyboard.press('j');
    expect(await page.getAttribute('#claims li.claim.selected', 'data-key')).not.toBe(first);
    await page.keyboard.press('k');
    const key = await page.getAttribute('#claims li.claim.selected', 'data-key');
    expect(key).toBe(first);
    const card = page.locator(`#claims li.claim[data-key="${key}"]`);
    const selText = (await page.locator('#text .sel').allTextContents()).join('');
    expect((await card.locator('.claim-text').textContent())!.replace(/\s+/g, ' ')).toContain(selText.replace(/\s+/g, ' ').slice(0, 40));

    // a: accept
    await page.keyboard.press('a');
    await card.locator('.badge.accepted').waitFor();

    // e: edit the speaker, Enter saves
    await page.keyboard.press('e');
    await page.waitForSelector('#edit[open]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('edit-speaker');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Jane Q. Checker');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('edit-kind');
    await page.keyboard.type('person');
    expect(await page.inputValue('#edit-kind')).toBe('person');
    await page.keyboard.press('Enter');
    await card.locator('.badge.edited').waitFor();
    expect(await card.locator('.who strong').textContent()).toBe('Jane Q. Checker');

    // 2: verdict "misleading"; u undoes it; 2 again
    await page.keyboard.press('2');
    await card.locator('.badge.verdict').waitFor();
    await page.keyboard.press('u');
    await card.locator('.badge.verdict').waitFor({ state: 'detached' });
    expect(await card.locator('.badge.accepted').count()).toBe(1);
    await page.keyboard.press('2');
    await card.locator('.badge.verdict').waitFor();
    expect(await card.locator('.badge.verdict').textContent()).toBe('2 Misleading');

    // ? help, w explain chain
    await page.keyboard.press('?');
    await page.waitForSelector('#help[open]');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !(document.querySelector('#help') as HTMLDialogElement).open);
    await page.keyboard.press('w');
    await page.waitForFunction(k => {
      const items = document.querySelectorAll(`#claims li.claim[data-key="${k}"] ol.explain li`);
      return items.length > 1 || (items.length === 1 && items[0]!.textContent !== 'loading…');
    }, key);
    // the chain comes from the running extractor; it says so when output/ predates a change that dropped this claim
    expect((await card.locator('ol.explain').textContent())!).toMatch(/status: |no longer makes this claim/);

    const shot = path.join(dir, 'review-screenshot.png');
    await page.screenshot({ path: shot });
    if (process.env.UPDATE_SCREENSHOT === '1' || !fs.existsSync(SCREENSHOT)) fs.copyFileSync(shot, SCREENSHOT);

    // reload: the same claim comes back selected, accepted, edited, with its verdict
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#claims li.claim.selected');
    expect(await page.getAttribute('#claims li.claim.selected', 'data-key')).toBe(key);
    const after = page.locator(`#claims li.claim[data-key="${key}"]`);
    expect(await after.locator('.badge.accepted').count()).toBe(1);
    expect(await after.locator('.who strong').textContent()).toBe('Jane Q. Checker');
    expect(await after.locator('.badge.verdict').textContent()).toBe('2 Misleading');

    // Esc: back to the list, which counts the reviewed claim
    await page.keyboard.press('Escape');
    await page.waitForSelector('table.articles');
    await expect(page.locator(`tr[data-id="${SEED_ID}"] td.progress .count`).textContent()).resolves.toMatch(/^1\/\d+$/);
    expect(errors).toEqual([]);
    await page.close();

    // in the database, with the reviewer's name
    const conn = new Database(db, { readonly: true });
    const state = conn.prepare('SELECT * FROM claim_state WHERE key = ?').get(key) as any;
    conn.close();
    expect(state).toMatchObject({ article_id: SEED_ID, decision: 'accepted', verdict: 2, reviewer: 'E2E Reviewer' });
    const edits = JSON.parse(state.edits);
    expect(edits.speaker).toBe('Jane Q. Checker');
    expect(edits.speakerKind ?? 'person').toBe('person');

    server.proc.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    // export ClaimReview and validate the JSON-LD
    const file = path.join(dir, 'claimreview.json');
    const res = runCli(['export', '--db', db, '--format', 'claimreview', '--out', file]);
    expect(res.status, res.stderr).toBe(0);
    const drafts = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(drafts).toHaveLength(1);
    const d = drafts[0];
    expect(claimReviewProblems(d)).toEqual([]);
    expect(d['@context']).toBe('https://schema.org');
    expect(d['@type']).toBe('ClaimReview');
    expect(d.identifier).toBe(`claimsift:${key}`);
    expect(typeof d.claimReviewed).toBe('string');
    expect(d.claimReviewed.length).toBeGreaterThan(10);
    expect(d.itemReviewed['@type']).toBe('Claim');
    expect(d.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Jane Q. Checker' });
    expect(d.itemReviewed.appearance['@type']).toBe('CreativeWork');
    expect(d.author).toEqual({ '@type': 'Person', name: 'E2E Reviewer' });
    expect(d.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(d.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 2, worstRating: 1, bestRating: 5, alternateName: 'Misleading' });
  });

  it('shows every article string as text: <script> and "><img onerror> never run', async () => {
    const record = {
      id: 'xss-<script>window.__xss="id"</script>',
      title: '<script>window.__xss="title"</script>"><img src=x onerror="window.__xss=\'title-img\'">',
      url: 'javascript:window.__xss="url"',
      publishedAt: '2024-01-01',
      text: [
        'Breaking <script>window.__xss="heading"</script>',
        'Mayor Ann Lee said the "><img src=x onerror="window.__xss=1"> budget grew by 12 percent last year.',
        '"<script>window.__xss=2</script> We will never <b>stop</b> building 300 homes," Lee said.',
        'Officials said 40 people <img src=x onerror=alert(1)> were hurt, police confirmed.',
      ].join('\n'),
    };
    const input = path.join(dir, 'xss.jsonl');
    fs.writeFileSync(input, `${JSON.stringify(record)}\n`);
    const out = path.join(dir, 'xss-out');
    extractTo(out, [input]);
    const server = await startCli([out, '--db', path.join(dir, 'xss.sqlite'), '--reviewer', '<img src=x onerror="window.__xss=\'reviewer\'">']);
    servers.push(server);
    const { page, errors } = await open(server.url);
    expect(await page.locator('tr[data-id] td.title a').textContent()).toBe(record.title);
    expect(await page.locator('#who').textContent()).toContain('<img src=x');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#claims li.claim');
    expect(await page.locator('.article-head h1').textContent()).toBe(record.title);
    const text = await page.locator('#text').textContent();
    expect(text).toContain('<script>window.__xss=2</script>');
    expect(text).toContain('"><img src=x onerror="window.__xss=1">');
    expect(text).toContain('<b>stop</b>');
    await page.keyboard.press('w');
    await page.keyboard.press('e');
    await page.waitForSelector('#edit[open]');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    const dom = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
      images: document.querySelectorAll('img').length,
      scripts: [...document.querySelectorAll('script')].map(s => s.getAttribute('src')),
      bold: document.querySelectorAll('#text b, #claims b').length,
      jsLinks: document.querySelectorAll('a[href^="javascript"]').length,
    }));
    expect(dom).toEqual({ xss: null, images: 0, scripts: ['/static/app.js'], bold: 0, jsLinks: 0 });
    expect(errors).toEqual([]);
    await page.close();
    server.proc.kill('SIGTERM');
    await server.exited;
  });
});
