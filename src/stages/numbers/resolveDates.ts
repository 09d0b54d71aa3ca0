import { table, type Lexeme } from './types.js';
import { isLower, isText, lexemeAt } from './lex.js';

export const MONTHS: ReadonlyMap<string, number> = table({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
});
const FULL_MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
export const WEEKDAYS: ReadonlyMap<string, number> = table({ sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 });
export const RELATIVE_DAYS: ReadonlyMap<string, number> = table({ today: 0, tonight: 0, yesterday: -1, tomorrow: 1 });
/** Parts of a day that "last" or "this" before them make a date: "last night", "this morning". */
export const DAY_PARTS: ReadonlySet<string> = new Set(['night', 'morning', 'afternoon', 'evening']);
/** How many days back "last"/"this" before a part of the day point. */
const DAY_PART_LEADS: ReadonlyMap<string, number> = table({ last: -1, this: 0 });
/** Words before a lone month name that make it a date ("in May", "since October", "mid-March"). */
const MONTH_LEADS = new Set(['in', 'since', 'by', 'until', 'till', 'through', 'during', 'from', 'to', 'last', 'next', 'this', 'early', 'late', 'mid', 'end', 'of', 'before', 'after', 'between', 'and', 'or', 'on', 'every', 'each', 'that']);

export interface DateParts {
  y: number | null;
  m: number | null;
  d: number | null;
  /** last day of a day range ("Sept. 20-24") */
  d2: number | null;
  weekday: number | null;
  relative: number | null;
  /** "last October": -1, the latest before the anchor; "next October": 1, the first after it */
  direction: -1 | 1 | null;
}
export interface DateMatch { first: number; last: number; parts: DateParts; ruleId: string }

const isYear = (l: Lexeme | undefined): boolean => l !== undefined && l.type === 'num' && /^\d{4}$/.test(l.text) && +l.text >= 1000 && +l.text <= 2100;
const dayOf = (lx: readonly Lexeme[], k: number): { d: number; next: number } | null => {
  const l = lexemeAt(lx, k);
  if (!l || l.type !== 'num' || !/^\d{1,2}$/.test(l.text)) return null;
  const d = +l.text;
  if (d < 1 || d > 31) return null;
  const suf = lexemeAt(lx, k + 1);
  if (suf && !suf.gap && /^(?:st|nd|rd|th)$/.test(suf.lower)) return { d, next: k + 2 };
  // "19.5" or "19%" is not a day
  if (suf && !suf.gap && suf.type !== 'punct') return null;
  if (suf && !suf.gap && (isText(lx, k + 1, '%') || isText(lx, k + 1, '.') && lexemeAt(lx, k + 2)?.type === 'num' && !lx[k + 2]!.gap)) return null;
  return { d, next: k + 1 };
};
/** A month name at lexeme `k` (with an optional full stop after an abbreviation); capitalised unless the sentence is in lower case. */
const monthOf = (lx: readonly Lexeme[], k: number, lowerSentence: boolean): { m: number; next: number; full: boolean } | null => {
  const l = lexemeAt(lx, k);
  if (!l || l.type !== 'word') return null;
  const m = MONTHS.get(l.lower);
  if (m === undefined) return null;
  if (!l.cap && !lowerSentence) return null;
  const full = FULL_MONTHS.has(l.lower);
  if (!full && isText(lx, k + 1, '.') && !lx[k + 1]!.gap) return { m, next: k + 2, full };
  return { m, next: k + 1, full };
};
const parts = (p: Partial<DateParts>): DateParts => ({ y: null, m: null, d: null, d2: null, weekday: null, relative: null, direction: null, ...p });

/** A date starting at lexeme `i`: "October 19", "Oct. 19, 2025", "19 October 2025", "October 2025", "2025-10-19", "Monday", "yesterday". */
export function matchDate(lx: readonly Lexeme[], i: number, lowerSentence: boolean): DateMatch | null {
  // (in parts, each small enough for V8 to optimise soon)
  const l = lx[i];
  if (!l) return null;
  if (l.type === 'word') {
    const mo = monthOf(lx, i, lowerSentence);
    return mo ? monthFirstDate(lx, i, mo) : wordDate(lx, i, lowerSentence);
  }
  return l.type === 'num' ? digitFirstDate(lx, i, lowerSentence) : null;
}

/** A date that starts with the month `mo` at lexeme i: "October 19", "Oct. 19, 2025", "October 2025", "in May". */
function monthFirstDate(lx: readonly Lexeme[], i: number, mo: { m: number; next: number; full: boolean }): DateMatch | null {
  const l = lx[i]!;
  const day = dayOf(lx, mo.next);
  if (day && !(lexemeAt(lx, day.next)?.type === 'word' && !lx[day.next]!.gap)) {
    let last = day.next - 1;
    let d2: number | null = null;
    // "Sept. 20-24", "March 15 to 17"
    const link = lx[day.next];
    if (link && ((link.text === '-' && !link.gap) || /^(?:to|through|until|till)$/.test(link.lower))) {
      const e = dayOf(lx, day.next + 1);
      const after = e ? lx[e.next] : undefined;
      const bare = !after || after.type !== 'word' || !(after.pos === 'NOUN' || after.pos === 'PROPN' && !MONTHS.has(after.lower));
      if (e && e.d > day.d && (link.text !== '-' || !lx[day.next + 1]!.gap) && bare && !MONTHS.has(after?.lower ?? '')) { d2 = e.d; last = e.next - 1; }
    }
    let y: number | null = null;
    let k = last + 1;
    if (isText(lx, k, ',')) k++;
    if (isYear(lx[k]) && !(lx[k + 1] && !lx[k + 1]!.gap && lx[k + 1]!.type !== 'punct')) { y = +lx[k]!.text; last = k; }
    return { first: i, last, parts: parts({ y, m: mo.m, d: day.d, d2 }), ruleId: y !== null ? 'date-month-day-year' : 'date-month-day' };
  }
  let k = mo.next;
  if (isText(lx, k, ',')) k++;
  if (isYear(lx[k])) return { first: i, last: k, parts: parts({ y: +lx[k]!.text, m: mo.m }), ruleId: 'date-month-year' };
  const prev = lexemeAt(lx, i - 1);
  const prevWord = prev?.text === '-' && !prev.gap ? lexemeAt(lx, i - 2) : prev;
  if (mo.full && prevWord && MONTH_LEADS.has(prevWord.lower) && !(l.lower === 'may' && prevWord.lower === 'that')) {
    const direction = prevWord.lower === 'last' ? -1 : prevWord.lower === 'next' ? 1 : null;
    return { first: i, last: mo.next - 1, parts: parts({ m: mo.m, direction }), ruleId: 'date-month' };
  }
  return null;
}

/** A weekday, a relative day ("yesterday") or a part of the day after "last"/"this" at lexeme i. */
function wordDate(lx: readonly Lexeme[], i: number, lowerSentence: boolean): DateMatch | null {
  const l = lx[i]!;
  const wd = WEEKDAYS.get(l.lower);
  if (wd !== undefined && (l.cap || lowerSentence)) return { first: i, last: i, parts: parts({ weekday: wd }), ruleId: 'date-weekday' };
  const rel = RELATIVE_DAYS.get(l.lower);
  if (rel !== undefined) return { first: i, last: i, parts: parts({ relative: rel }), ruleId: 'date-relative-day' };
  // "last night", "this morning": the date starts at the word before
  const lead = DAY_PARTS.has(l.lower) && lexemeAt(lx, i - 1)?.type === 'word' ? DAY_PART_LEADS.get(lx[i - 1]!.lower) : undefined;
  if (lead !== undefined) return { first: i - 1, last: i, parts: parts({ relative: lead }), ruleId: 'date-day-part' };
  return null;
}

/** A date that starts with digits at lexeme i: "2025-10-19", "10/19/2025", "19 October 2025", "19th of October". */
function digitFirstDate(lx: readonly Lexeme[], i: number, lowerSentence: boolean): DateMatch | null {
  const l = lx[i]!;
  // "2025-10-19"
  if (isText(lx, i + 1, '-') && !lx[i + 1]!.gap && /^\d{4}$/.test(l.text) && /^\d{2}$/.test(lexemeAt(lx, i + 2)?.text ?? '') && !lx[i + 2]!.gap
    && isText(lx, i + 3, '-') && !lx[i + 3]!.gap && /^\d{2}$/.test(lexemeAt(lx, i + 4)?.text ?? '') && !lx[i + 4]!.gap) {
    const y = +l.text, m = +lx[i + 2]!.text, d = +lx[i + 4]!.text;
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return { first: i, last: i + 4, parts: parts({ y, m, d }), ruleId: 'date-iso' };
  }
  // "10/19/2025", "19/10/2025"
  if (isText(lx, i + 1, '/') && !lx[i + 1]!.gap && /^\d{1,2}$/.test(l.text) && /^\d{1,2}$/.test(lexemeAt(lx, i + 2)?.text ?? '') && !lx[i + 2]!.gap
    && isText(lx, i + 3, '/') && !lx[i + 3]!.gap && /^\d{4}$/.test(lexemeAt(lx, i + 4)?.text ?? '') && !lx[i + 4]!.gap) {
    const a = +l.text, b = +lx[i + 2]!.text, y = +lx[i + 4]!.text;
    const [m, d] = a > 12 ? [b, a] : [a, b];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return { first: i, last: i + 4, parts: parts({ y, m, d }), ruleId: 'date-numeric' };
  }
  // "19 October 2025", "19th of October"
  const day = dayOf(lx, i);
  if (day) {
    let k = day.next;
    if (isLower(lx, k, 'of')) k++;
    const mo = monthOf(lx, k, lowerSentence);
    if (mo && (mo.full || lx[k]!.cap)) {
      let last = mo.next - 1;
      let y: number | null = null;
      let j = mo.next;
      if (isText(lx, j, ',')) j++;
      if (isYear(lx[j])) { y = +lx[j]!.text; last = j; }
      return { first: i, last, parts: parts({ y, m: mo.m, d: day.d }), ruleId: y !== null ? 'date-day-month-year' : 'date-day-month' };
    }
  }
  return null;
}

export interface Ymd { y: number; m: number; d: number }

/** Publication dates already read (many articles share one; Date.parse of other formats is slow). Never mutated. */
const publishedDates = new Map<string, Ymd | null>();
const PUBLISHED_DATES_KEPT = 4096;

/** The calendar date at the start of an ISO 8601 timestamp ("2025-10-30T09:00:00Z" → 2025-10-30). */
export function parsePublished(s: string | null): Ymd | null {
  if (!s) return null;
  let date = publishedDates.get(s);
  if (date === undefined) {
    if (publishedDates.size >= PUBLISHED_DATES_KEPT) publishedDates.clear();
    date = readPublished(s);
    publishedDates.set(s, date);
  }
  return date;
}

function readPublished(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  if (m) return { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const dt = new Date(t);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86400000;
const fromDayNumber = (n: number): Ymd => {
  const dt = new Date(n * 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
};

/**
 * Resolves a date against an anchor (the publication date, or the latest date with a year the article stated
 * before it). A month and day without a year take the year that puts them nearest the anchor; weekdays and
 * "yesterday"/"today" resolve only against the publication date. Without an anchor, a yearless date is
 * written in ISO 8601's yearless form ("--10-19").
 */
export function resolveDate(p: DateParts, anchor: Ymd | null, published: Ymd | null): { date: string | null; inferred: boolean } {
  if (p.relative !== null) {
    if (!published) return { date: null, inferred: false };
    const r = fromDayNumber(dayNumber(published.y, published.m, published.d) + p.relative);
    return { date: iso(r.y, r.m, r.d), inferred: true };
  }
  if (p.weekday !== null) {
    if (!published) return { date: null, inferred: false };
    const pub = dayNumber(published.y, published.m, published.d);
    const pubWeekday = new Date(pub * 86400000).getUTCDay();
    const r = fromDayNumber(pub - ((pubWeekday - p.weekday + 7) % 7));
    return { date: iso(r.y, r.m, r.d), inferred: true };
  }
  if (p.m === null) return { date: null, inferred: false };
  const range = (y: number | null): string => {
    const head = y === null ? `--${pad(p.m!)}-${pad(p.d!)}` : iso(y, p.m!, p.d!);
    if (p.d2 === null) return head;
    return `${head}/${y === null ? `--${pad(p.m!)}-${pad(p.d2)}` : iso(y, p.m!, p.d2)}`;
  };
  if (p.y !== null) return { date: p.d !== null ? range(p.y) : `${p.y}-${pad(p.m)}`, inferred: false };
  if (!anchor) return { date: p.d !== null ? range(null) : `--${pad(p.m)}`, inferred: false };
  // signed distance from the anchor, in days (or months for a month alone)
  const offset = (y: number): number => (p.d !== null
    ? dayNumber(y, p.m!, p.d) - dayNumber(anchor.y, anchor.m, anchor.d)
    : (y * 12 + p.m!) - (anchor.y * 12 + anchor.m));
  const years = [anchor.y - 1, anchor.y, anchor.y + 1];
  let best = anchor.y;
  if (p.direction !== null) {
    // "last October": the latest before the anchor's month; "next October": the first after it
    best = p.direction < 0 ? years.filter(y => offset(y) < 0).at(-1) ?? anchor.y - 1 : years.find(y => offset(y) > 0) ?? anchor.y + 1;
  } else {
    let bestDist = Infinity;
    for (const y of years) {
      const dist = Math.abs(offset(y));
      if (dist < bestDist) { bestDist = dist; best = y; }
    }
  }
  return { date: p.d !== null ? range(best) : `${best}-${pad(p.m)}`, inferred: true };
}
