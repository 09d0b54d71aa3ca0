import type { Doc, Paragraph, Sentence, Token } from '../model.js';
import { nlp } from '../nlp.js';

/** A line this short, without closing punctuation, is a heading, a caption or a dateline. */
const HEADING_MAX_WORDS = 14;
const HEADING_MAX_CHARS = 110;
const CLOSING_PUNCTUATION = /[.!?:;…]$/;
const TRAILING_WRAPPERS = /["'\u201C\u201D\u2018\u2019)\]\s]+$/;

export function isHeadingLine(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed) return false;
  if (trimmed.length > HEADING_MAX_CHARS) return false;
  const words = trimmed.split(/\s+/).length;
  if (words > HEADING_MAX_WORDS) return false;
  if (/^[\p{Ll}]/u.test(trimmed)) return false;
  const core = trimmed.replace(TRAILING_WRAPPERS, '');
  if (CLOSING_PUNCTUATION.test(core)) return false;
  // a closing quote right after a full stop ("...,” he said.") is prose
  if (/[.!?,]["'\u201D\u2019]\s*$/.test(trimmed)) return false;
  return true;
}

export function findParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const lineBreak = /\r?\n|\r|\u2028|\u2029/g;
  let lineStart = 0;
  const push = (start: number, end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) paragraphs.push({ start: s, end: e, heading: isHeadingLine(text.slice(s, e)) });
  };
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    push(lineStart, m.index);
    lineStart = m.index + m[0].length;
  }
  push(lineStart, text.length);
  // a heading stands above something: the last line of a text is prose, whatever its shape
  const last = paragraphs.at(-1);
  if (last) last.heading = false;
  return paragraphs;
}

/** Sentences that wink-nlp split inside a quotation or before a lowercase continuation get joined back. */
function shouldJoin(norm: string, prev: Sentence, next: Sentence): boolean {
  // no space between them: wink-nlp split inside a token ("RM23." | "50")
  if (next.start <= prev.end) return true;
  const head = norm.slice(next.start, Math.min(next.end, next.start + 3));
  if (/^["']?\s*[\p{Ll}]/u.test(head) && !/^["']?\s*(?:i|e|etc)\b/.test(head)) return true;
  // a lone closing mark or attribution tail (`" he said.`)
  if (/^["']\s*[,\p{Ll}]/u.test(head)) return true;
  const prevText = norm.slice(prev.start, prev.end);
  return /\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Gov|Sen|Rep|Prof|No|U\.S|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.$/.test(prevText);
}

interface SegmentResult {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
}

/** Rebuilds character offsets for wink-nlp's tokens, which it reports without them. */
function locateTokens(text: string, base: number, values: string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let cursor = 0;
  for (const value of values) {
    let at = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
    if (at < 0 || at - cursor > 40) {
      // wink-nlp normalised this token's text; skip whitespace and take its length
      at = cursor;
      while (at < text.length && /\s/.test(text[at] ?? '')) at++;
    }
    const end = Math.min(text.length, at + value.length);
    spans.push([base + at, base + end]);
    cursor = end;
  }
  return spans;
}

export function segment(doc: Pick<Doc, 'text' | 'norm'>): SegmentResult {
  const { norm } = doc;
  const paragraphs = findParagraphs(norm);
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const its = nlp().its;
  paragraphs.forEach((para, paragraphIndex) => {
    const paraText = norm.slice(para.start, para.end);
    const wdoc = nlp().readDoc(paraText);
    const values = wdoc.tokens().out(its.value) as string[];
    const pos = wdoc.tokens().out(its.pos) as string[];
    const lemmas = wdoc.tokens().out(its.lemma as never) as unknown as string[];
    const types = wdoc.tokens().out(its.type) as string[];
    const spans = locateTokens(paraText, para.start, values);
    const paraSentences: Sentence[] = [];
    if (para.heading) {
      paraSentences.push({ index: 0, start: para.start, end: para.end, paragraph: paragraphIndex, heading: true, tokenStart: 0, tokenEnd: values.length });
    } else {
      wdoc.sentences().each((s: { out(f: unknown): unknown }) => {
        const [first, last] = s.out(its.span) as unknown as [number, number];
        const startSpan = spans[first];
        const endSpan = spans[last];
        if (!startSpan || !endSpan) return;
        const candidate: Sentence = { index: 0, start: startSpan[0], end: endSpan[1], paragraph: paragraphIndex, heading: false, tokenStart: first, tokenEnd: last + 1 };
        const prev = paraSentences.at(-1);
        if (prev && shouldJoin(norm, prev, candidate)) {
          prev.end = candidate.end;
          prev.tokenEnd = candidate.tokenEnd;
        } else {
          paraSentences.push(candidate);
        }
      });
    }
    const tokenBase = tokens.length;
    for (const sentence of paraSentences) {
      sentence.index = sentences.length;
      for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
        const span = spans[i];
        if (!span) continue;
        tokens.push({
          index: tokens.length,
          sentence: sentence.index,
          start: span[0],
          end: span[1],
          text: norm.slice(span[0], span[1]),
          lower: norm.slice(span[0], span[1]).toLowerCase(),
          pos: pos[i] ?? 'X',
          lemma: lemmas[i] ?? (values[i] ?? '').toLowerCase(),
          type: types[i] ?? 'word',
        });
      }
      sentence.tokenStart += tokenBase;
      sentence.tokenEnd += tokenBase;
      sentences.push(sentence);
    }
  });
  mergeSplitWords(tokens, norm);
  // token indices above assumed every wink token was kept; recompute exact ranges from the tokens
  for (const s of sentences) {
    s.tokenStart = tokens.length;
    s.tokenEnd = tokens.length;
  }
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    const s = t ? sentences[t.sentence] : undefined;
    if (!t || !s) continue;
    s.tokenStart = i;
    if (s.tokenEnd === tokens.length) s.tokenEnd = i + 1;
  }
  return { paragraphs, sentences, tokens };
}

/** wink-nlp splits words at letters outside Latin-1 ("Brudzi|ń|ski"); glue them back, in place. */
function mergeSplitWords(tokens: Token[], norm: string): void {
  let write = 0;
  for (let read = 0; read < tokens.length; read++) {
    const t = tokens[read];
    if (!t) continue;
    const prev = write > 0 ? tokens[write - 1] : undefined;
    if (prev && prev.sentence === t.sentence && prev.end === t.start && /\p{L}$/u.test(prev.text) && /^\p{L}/u.test(t.text)
      && (/[^\u0000-\u00ff]/.test(prev.text + t.text))) {
      prev.end = t.end;
      prev.text = norm.slice(prev.start, prev.end);
      prev.lower = prev.text.toLowerCase();
      prev.lemma = prev.lower;
      if (prev.pos === 'X') prev.pos = t.pos === 'X' ? 'PROPN' : t.pos;
      if (/^\p{Lu}/u.test(prev.text) && prev.pos !== 'PROPN' && prev.pos !== 'NOUN') prev.pos = 'PROPN';
      continue;
    }
    t.index = write;
    tokens[write++] = t;
  }
  tokens.length = write;
}
