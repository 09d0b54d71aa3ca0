import type { Doc, Paragraph, Sentence, Token } from '../model.js';
import { forgetLearnedWords, nlp } from '../nlp.js';

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
function locateTokens(text: string, base: number, values: readonly string[], from: number, to: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let cursor = 0;
  for (let i = from; i < to; i++) {
    const value = values[i] ?? '';
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

/** What wink-nlp says about one paragraph: its tokens (as parallel arrays) and sentences. */
interface ParagraphAnalysis {
  values: readonly string[];
  pos: readonly string[];
  lemmas: readonly string[];
  types: readonly string[];
  /** the paragraph's tokens are values[from, to) */
  from: number;
  to: number;
  /** first and last token of each sentence wink-nlp found, relative to `from` */
  sentences: Array<[number, number]>;
}

/**
 * Paragraphs are read by wink-nlp in one go, joined by a blank line: wink-nlp ends a sentence at
 * a blank line and gives the line break a token of its own, so each paragraph's tokens, tags and
 * sentences come out as if it had been read alone, at a fraction of the cost of a readDoc per
 * paragraph. Null when the separators are not where they are expected (the caller then reads the
 * paragraphs one by one).
 */
function analyseJoined(paraTexts: readonly string[]): ParagraphAnalysis[] | null {
  if (!paraTexts.length) return [];
  const wink = nlp();
  const its = wink.its;
  const wdoc = wink.readDoc(paraTexts.join(PARAGRAPH_SEPARATOR));
  const tokens = wdoc.tokens();
  const values = tokens.out(its.value) as string[];
  const types = tokens.out(its.type) as string[];
  const boundaries: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (values[i] === PARAGRAPH_SEPARATOR && types[i] === 'tabCRLF') boundaries.push(i);
  }
  if (boundaries.length !== paraTexts.length - 1) return null;
  const pos = tokens.out(its.pos) as string[];
  const lemmas = tokens.out(its.lemma as never) as unknown as string[];
  const analyses: ParagraphAnalysis[] = paraTexts.map((_text, k) => ({
    values, pos, lemmas, types, from: k === 0 ? 0 : (boundaries[k - 1] ?? 0) + 1, to: boundaries[k] ?? values.length, sentences: [],
  }));
  const isSeparator = (i: number): boolean => types[i] === 'tabCRLF' && values[i] === PARAGRAPH_SEPARATOR;
  let k = 0;
  for (const [from, to] of wdoc.sentences().out(its.span) as unknown as Array<[number, number]>) {
    // wink-nlp puts a separator at the start of the sentence after it, or at the end of the one before
    let first = from;
    let last = to;
    while (first <= last && isSeparator(first)) first++;
    while (last >= first && isSeparator(last)) last--;
    if (first > last) continue;
    while (k < analyses.length - 1 && first >= (analyses[k] as ParagraphAnalysis).to) k++;
    const para = analyses[k] as ParagraphAnalysis;
    // a sentence that reaches into the next paragraph: read them apart
    if (last >= para.to) return null;
    para.sentences.push([first - para.from, last - para.from]);
  }
  return analyses;
}

/** The paragraph read alone: what the joined reading stands for. */
function analyseAlone(paraText: string): ParagraphAnalysis {
  const wink = nlp();
  const its = wink.its;
  const wdoc = wink.readDoc(paraText);
  const tokens = wdoc.tokens();
  const values = tokens.out(its.value) as string[];
  return {
    values,
    pos: tokens.out(its.pos) as string[],
    lemmas: tokens.out(its.lemma as never) as unknown as string[],
    types: tokens.out(its.type) as string[],
    from: 0,
    to: values.length,
    sentences: wdoc.sentences().out(its.span) as unknown as Array<[number, number]>,
  };
}

/** The paragraphs read one by one, without the words wink-nlp learned from the joined reading. */
function readAgainAlone(paraTexts: readonly string[]): ParagraphAnalysis[] {
  forgetLearnedWords();
  return paraTexts.map(analyseAlone);
}

const PARAGRAPH_SEPARATOR = '\n\n';

export function segment(doc: Pick<Doc, 'text' | 'norm'>): SegmentResult {
  const { norm } = doc;
  const paragraphs = findParagraphs(norm);
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const paraTexts = paragraphs.map(p => norm.slice(p.start, p.end));
  const analyses = analyseJoined(paraTexts) ?? readAgainAlone(paraTexts);
  paragraphs.forEach((para, paragraphIndex) => {
    const paraText = paraTexts[paragraphIndex] ?? '';
    const { values, pos, lemmas, types, from, to } = analyses[paragraphIndex] as ParagraphAnalysis;
    const spans = locateTokens(paraText, para.start, values, from, to);
    const paraSentences: Sentence[] = [];
    if (para.heading) {
      paraSentences.push({ index: 0, start: para.start, end: para.end, paragraph: paragraphIndex, heading: true, tokenStart: 0, tokenEnd: to - from });
    } else {
      for (const [first, last] of (analyses[paragraphIndex] as ParagraphAnalysis).sentences) {
        const startSpan = spans[first];
        const endSpan = spans[last];
        if (!startSpan || !endSpan) continue;
        const candidate: Sentence = { index: 0, start: startSpan[0], end: endSpan[1], paragraph: paragraphIndex, heading: false, tokenStart: first, tokenEnd: last + 1 };
        const prev = paraSentences.at(-1);
        if (prev && shouldJoin(norm, prev, candidate)) {
          prev.end = candidate.end;
          prev.tokenEnd = candidate.tokenEnd;
        } else {
          paraSentences.push(candidate);
        }
      }
    }
    const tokenBase = tokens.length;
    for (const sentence of paraSentences) {
      sentence.index = sentences.length;
      for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
        const span = spans[i];
        if (!span) continue;
        const text = norm.slice(span[0], span[1]);
        tokens.push({
          index: tokens.length,
          sentence: sentence.index,
          start: span[0],
          end: span[1],
          text,
          lower: text.toLowerCase(),
          pos: pos[from + i] ?? 'X',
          lemma: lemmas[from + i] ?? (values[from + i] ?? '').toLowerCase(),
          type: types[from + i] ?? 'word',
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
