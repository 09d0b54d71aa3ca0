import type { Diagnostic, Paragraph, QuotedSpan, QuoteMarkStyle, Span } from '../../model.js';

interface Mark {
  at: number;
  length: number;
  role: 'open' | 'close' | 'either';
  style: QuoteMarkStyle;
}

const OPENERS_BEFORE_STRAIGHT = /[\s([{\u2014\u2013\-/:]/;

/** Whether a character can be (part of) a quotation mark: " ' ` « » “ ” „. */
function mayBeQuoteMark(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0x60 || code === 0xab || code === 0xbb || (code >= 0x201c && code <= 0x201e);
}

/** Finds the quotation marks of every style in one paragraph of the original text. */
export function findMarks(text: string, start: number, end: number): Mark[] {
  const marks: Mark[] = [];
  for (let i = start; i < end; i++) {
    // (most characters are no quotation mark, and a code comparison rules them out with no string read)
    if (!mayBeQuoteMark(text.charCodeAt(i))) continue;
    const ch = text[i];
    // the characters around it, read once for every mark (' ' outside the text) so that no rarer branch is the first to read them
    const before = i === start ? ' ' : text[i - 1]!;
    const after = i + 1 < text.length ? text[i + 1]! : ' ';
    if (ch === '\u201C' || ch === '\u201E' || ch === '\u00AB') marks.push({ at: i, length: 1, role: 'open', style: 'curly' });
    else if (ch === '\u201D' || ch === '\u00BB') {
      // a right mark where a left one belongs (a paragraph or word opening with ”): an opener typed wrong
      const misused = ch === '\u201D' && /\s/.test(before) && /[\p{L}\p{N}]/u.test(after);
      marks.push({ at: i, length: 1, role: misused ? 'open' : 'close', style: 'curly' });
    }
    else if (ch === '"') {
      const role = OPENERS_BEFORE_STRAIGHT.test(before) ? 'open' : /[\s.,;:!?)\]\u2014-]/.test(after) || i + 1 >= end ? 'close' : 'either';
      marks.push({ at: i, length: 1, role, style: 'straight' });
    } else if (ch === '`' && after === '`') {
      marks.push({ at: i, length: 2, role: 'open', style: 'backtick' });
      i++;
    } else if (ch === "'" && after === "'" && text.charAt(i + 2) !== "'") {
      marks.push({ at: i, length: 2, role: OPENERS_BEFORE_STRAIGHT.test(before) ? 'open' : 'either', style: 'double-single' });
      i++;
    }
  }
  return marks;
}

export interface PairResult {
  spans: QuotedSpan[];
  diagnostics: Diagnostic[];
}

/**
 * Pairs quotation marks paragraph by paragraph. A quote left open at the end of a paragraph
 * whose next paragraph opens with a mark continues there (the news convention for quotes that
 * run over several paragraphs); any other unmatched mark is reported and left out.
 */
export function pairQuoteMarks(text: string, paragraphs: readonly Paragraph[]): PairResult {
  const spans: QuotedSpan[] = [];
  const diagnostics: Diagnostic[] = [];
  let carriedOpen = false;
  paragraphs.forEach((para, p) => {
    const marks = findMarks(text, para.start, para.end);
    let open: Mark | null = null;
    let continued = false;
    const firstMark = marks[0];
    if (carriedOpen && firstMark && firstMark.at === para.start && firstMark.role !== 'close') continued = true;
    carriedOpen = false;
    for (const mark of marks) {
      if (open === null) {
        if (mark.role === 'close') {
          diagnostics.push({ code: 'W002', message: 'closing quotation mark without an opening one', span: { start: mark.at, end: mark.at + mark.length } });
          continue;
        }
        open = mark;
        continue;
      }
      if (mark.role === 'open' && mark.style === open.style && mark.style === 'curly') {
        // a second opening curly mark: the first was never closed
        diagnostics.push({ code: 'W001', message: 'unbalanced quotation mark', span: { start: open.at, end: open.at + open.length } });
        open = mark;
        continue;
      }
      if (mark.role === 'open' && open.style !== 'curly') {
        open = mark;
        continue;
      }
      spans.push(makeSpan(open, { start: mark.at, end: mark.at + mark.length }, continued && spans.length >= 0 && open === firstMark));
      open = null;
    }
    if (open) {
      const next = paragraphs[p + 1];
      const reopens = next ? findMarks(text, next.start, Math.min(next.end, next.start + 2))[0] : undefined;
      if (next && !next.heading && reopens && reopens.at === next.start && reopens.role !== 'close') {
        spans.push(makeSpan(open, { start: para.end, end: para.end }, continued && open === firstMark));
        carriedOpen = true;
      } else {
        diagnostics.push({ code: 'W001', message: 'unbalanced quotation mark', span: { start: open.at, end: open.at + open.length } });
      }
    }
  });
  return { spans, diagnostics };
}

function makeSpan(open: Mark, close: Span, continued: boolean): QuotedSpan {
  return {
    open: { start: open.at, end: open.at + open.length },
    close,
    inner: { start: open.at + open.length, end: close.start },
    style: open.style,
    continued,
    scare: false,
  };
}
