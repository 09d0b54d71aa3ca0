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
  // (the range's upper bound first: every character of the text passes that test, so the optimized code has seen both)
  return code === 0x22 || code === 0x27 || code === 0x60 || code === 0xab || code === 0xbb || (code <= 0x201e && code >= 0x201c);
}

/** Finds the quotation marks of every style in one paragraph of the original text. */
export function findMarks(text: string, start: number, end: number): Mark[] {
  const marks: Mark[] = [];
  for (let i = start; i < end; i++) {
    // (most characters are no quotation mark, and a code comparison rules them out with no string read)
    const code = text.charCodeAt(i);
    if (!mayBeQuoteMark(code)) continue;
    // what surrounds the mark (' ' outside the text), tested for every mark whatever its kind: a test that only a rarer kind
    // reached would be new to the optimized code when the first mark of that kind comes, and throw the code out
    // (marks are told apart by their codes: a character past U+00FF read from the text is a string of another kind than
    // the literal it would be compared with)
    const before = i === start ? ' ' : text[i - 1]!;
    const after = i + 1 < text.length ? text[i + 1]! : ' ';
    const openerBefore = OPENERS_BEFORE_STRAIGHT.test(before);
    const closerAfter = i + 1 >= end || /[\s.,;:!?)\]\u2014-]/.test(after);
    const spaceBefore = /\s/.test(before);
    const wordAfter = /[\p{L}\p{N}]/u.test(after);
    // a right mark where a left one belongs (a paragraph or word opening with ”): an opener typed wrong
    const misusedRight = code === 0x201d && spaceBefore && wordAfter;
    // the same character next, and once more after that: `` and '' (not ''')
    const twice = i + 1 < text.length && text.charCodeAt(i + 1) === code;
    const thrice = i + 2 < text.length && text.charCodeAt(i + 2) === code;
    let length = 1;
    let role: Mark['role'];
    let style: QuoteMarkStyle;
    if (code === 0x201c || code === 0x201e || code === 0xab) { role = 'open'; style = 'curly'; }
    else if (code === 0x201d || code === 0xbb) { role = misusedRight ? 'open' : 'close'; style = 'curly'; }
    else if (code === 0x22) { role = openerBefore ? 'open' : closerAfter ? 'close' : 'either'; style = 'straight'; }
    else if (code === 0x60 && twice) { length = 2; role = 'open'; style = 'backtick'; }
    else if (code === 0x27 && twice && !thrice) { length = 2; role = openerBefore ? 'open' : 'either'; style = 'double-single'; }
    else continue;
    marks.push({ at: i, length, role, style });
    i += length - 1;
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
