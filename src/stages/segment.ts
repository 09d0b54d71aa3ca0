import type { Doc, Paragraph, Sentence, Token } from '../model.js';
import { forgetLearnedWords, read, type WinkReading } from '../nlp.js';

/** A line this short, without closing punctuation, is a heading, a caption or a dateline. */
const HEADING_MAX_WORDS = 14;
const HEADING_MAX_CHARS = 110;
const CLOSING_PUNCTUATION = /[.!?:;…]$/;
const TRAILING_WRAPPERS = /["'\u201C\u201D\u2018\u2019)\]\s]+$/;

export function isHeadingLine(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed) return false;
  if (trimmed.length > HEADING_MAX_CHARS) return false;
  if (wordCount(trimmed) > HEADING_MAX_WORDS) return false;
  if (/^[\p{Ll}]/u.test(trimmed)) return false;
  const core = trimmed.replace(TRAILING_WRAPPERS, '');
  if (CLOSING_PUNCTUATION.test(core)) return false;
  // a closing quote right after a full stop ("...,” he said.") is prose
  if (/[.!?,]["'\u201D\u2019]\s*$/.test(trimmed)) return false;
  return true;
}

/** `text.split(/\s+/).length` of a trimmed text, without the array. */
function wordCount(trimmed: string): number {
  let words = 1;
  let inSpace = false;
  for (let i = 0; i < trimmed.length; i++) {
    const space = isSpace(trimmed.charCodeAt(i));
    if (space && !inSpace) words++;
    inSpace = space;
  }
  return words;
}

/** A UTF-16 code unit that `/\s/` matches. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The lines of a text, trimmed, that hold something: \n, \r\n, \r, U+2028 and U+2029 end a line. */
export function findParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (c !== 0x0a && c !== 0x0d && c !== 0x2028 && c !== 0x2029) continue;
    let start = lineStart;
    let end = i;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) paragraphs.push({ start, end, heading: isHeadingLine(text.slice(start, end)) });
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    lineStart = i + 1;
  }
  // a heading stands above something: the last line of a text is prose, whatever its shape
  const last = paragraphs.at(-1);
  if (last) last.heading = false;
  return paragraphs;
}

/** A sentence that ends with one of these abbreviations goes on in the next. */
const ABBREVIATION_END = /\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Gov|Sen|Rep|Prof|No|U\.S|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.$/;
/** the longest match of ABBREVIATION_END ("Sept.", "Prof.") and the character before it, which `\b` looks at */
const ABBREVIATION_END_READ = 6;

const LOWERCASE_START = /^["']?\s*[\p{Ll}]/u;
/** "i.e.", "e.g.", "etc." are lowercase, but not the lowercase continuation LOWERCASE_START looks for */
const LATIN_ABBREVIATION_START = /^["']?\s*(?:i|e|etc)\b/;
const CLOSING_MARK_START = /^["']\s*[,\p{Ll}]/u;

/** Sentences that wink-nlp split inside a quotation or before a lowercase continuation get joined back. */
function shouldJoin(norm: string, prev: Sentence, next: Sentence): boolean {
  // no space between them: wink-nlp split inside a token ("RM23." | "50")
  if (next.start <= prev.end) return true;
  const head = norm.slice(next.start, Math.min(next.end, next.start + 3));
  if (LOWERCASE_START.test(head) && !LATIN_ABBREVIATION_START.test(head)) return true;
  // a lone closing mark or attribution tail (`" he said.`)
  if (CLOSING_MARK_START.test(head)) return true;
  // an abbreviation's full stop: only the sentence's end can match, so only its last characters are read
  return ABBREVIATION_END.test(norm.slice(Math.max(prev.start, prev.end - ABBREVIATION_END_READ), prev.end));
}

interface SegmentResult {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
}

/** What wink-nlp says about one paragraph: its tokens and sentences. */
interface ParagraphAnalysis {
  reading: WinkReading;
  /** the paragraph's tokens are reading's tokens [from, to) */
  from: number;
  to: number;
  /** first and last token of each sentence wink-nlp found, relative to `from`, two numbers a sentence */
  sentences: number[];
}

const PARAGRAPH_SEPARATOR = '\n\n';

const isSeparator = (reading: WinkReading, i: number): boolean => reading.value(i) === PARAGRAPH_SEPARATOR && reading.type(i) === 'tabCRLF';

/**
 * Paragraphs are read by wink-nlp in one go, joined by a blank line: wink-nlp ends a sentence at
 * a blank line and gives the line break a token of its own, so each paragraph's tokens, tags and
 * sentences come out as if it had been read alone, at a fraction of the cost of a readDoc per
 * paragraph. Null when the separators are not where they are expected (the caller then reads the
 * paragraphs one by one).
 */
function analyseJoined(paraTexts: readonly string[]): ParagraphAnalysis[] | null {
  if (!paraTexts.length) return [];
  const reading = read(paraTexts.join(PARAGRAPH_SEPARATOR));
  const analyses: ParagraphAnalysis[] = [];
  let from = 0;
  for (let i = 0; i < reading.size; i++) {
    if (!isSeparator(reading, i)) continue;
    if (analyses.length === paraTexts.length - 1) return null;
    analyses.push({ reading, from, to: i, sentences: [] });
    from = i + 1;
  }
  if (analyses.length !== paraTexts.length - 1) return null;
  analyses.push({ reading, from, to: reading.size, sentences: [] });
  let k = 0;
  for (let n = 0; n < reading.sentenceCount; n++) {
    // wink-nlp puts a separator at the start of the sentence after it, or at the end of the one before
    let first = reading.sentenceFirst(n);
    let last = reading.sentenceLast(n);
    while (first <= last && isSeparator(reading, first)) first++;
    while (last >= first && isSeparator(reading, last)) last--;
    if (first > last) continue;
    while (k < analyses.length - 1 && first >= (analyses[k] as ParagraphAnalysis).to) k++;
    const para = analyses[k] as ParagraphAnalysis;
    // a sentence that reaches into the next paragraph: read them apart
    if (last >= para.to) return null;
    para.sentences.push(first - para.from, last - para.from);
  }
  return analyses;
}

/** The paragraph read alone: what the joined reading stands for. */
function analyseAlone(paraText: string): ParagraphAnalysis {
  const reading = read(paraText);
  const sentences: number[] = [];
  for (let n = 0; n < reading.sentenceCount; n++) sentences.push(reading.sentenceFirst(n), reading.sentenceLast(n));
  return { reading, from: 0, to: reading.size, sentences };
}

/** The paragraphs read one by one, without the words wink-nlp learned from the joined reading. */
function readAgainAlone(paraTexts: readonly string[]): ParagraphAnalysis[] {
  forgetLearnedWords();
  return paraTexts.map(analyseAlone);
}

/**
 * Where each of a paragraph's tokens lies in the text (wink-nlp reports none): the start and end
 * of token i (from the paragraph's first) at 2i and 2i + 1, grown as needed and reused.
 */
let tokenBounds = new Int32Array(4096);

/**
 * Rebuilds the character offsets of a paragraph's tokens from their values: each is looked for
 * from where the one before ends, within 40 characters; a value not found (wink-nlp normalised
 * that token's text) takes its length after the spaces.
 */
function locateTokens(norm: string, para: Paragraph, reading: WinkReading, from: number, to: number): void {
  const count = to - from;
  if (tokenBounds.length < 2 * count) tokenBounds = new Int32Array(4 * count);
  const paraEnd = para.end;
  let cursor = para.start;
  for (let k = 0; k < count; k++) {
    const value = reading.value(from + k) ?? '';
    let at = firstWithin(norm, value, cursor, Math.min(cursor + 40, paraEnd - value.length));
    if (at < 0) {
      at = cursor;
      while (at < paraEnd && isSpace(norm.charCodeAt(at))) at++;
    }
    const end = Math.min(paraEnd, at + value.length);
    tokenBounds[2 * k] = at;
    tokenBounds[2 * k + 1] = end;
    cursor = end;
  }
}

/** The first place in [from, last] where `value` stands in the text; -1 if none. */
function firstWithin(text: string, value: string, from: number, last: number): number {
  if (value.length === 0) return from <= text.length ? from : -1;
  const head = value.charCodeAt(0);
  for (let at = from; at <= last; at++) if (text.charCodeAt(at) === head && text.startsWith(value, at)) return at;
  return -1;
}

export function segment(doc: Pick<Doc, 'text' | 'norm'>): SegmentResult {
  const { norm } = doc;
  const paragraphs = findParagraphs(norm);
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  // (pushed one by one: `map` makes arrays of another kind once it runs optimized, and analyseJoined would meet both)
  const paraTexts: string[] = [];
  for (const p of paragraphs) paraTexts.push(norm.slice(p.start, p.end));
  const analyses = analyseJoined(paraTexts) ?? readAgainAlone(paraTexts);
  const paraSentences: Sentence[] = [];
  for (let paragraphIndex = 0; paragraphIndex < paragraphs.length; paragraphIndex++) {
    const para = paragraphs[paragraphIndex] as Paragraph;
    const { reading, from, to, sentences: found } = analyses[paragraphIndex] as ParagraphAnalysis;
    locateTokens(norm, para, reading, from, to);
    paraSentences.length = 0;
    if (para.heading) {
      paraSentences.push({ index: 0, start: para.start, end: para.end, paragraph: paragraphIndex, heading: true, tokenStart: 0, tokenEnd: to - from });
    } else {
      for (let n = 0; n < found.length; n += 2) {
        const first = found[n] as number;
        const last = found[n + 1] as number;
        const candidate: Sentence = { index: 0, start: tokenBounds[2 * first] as number, end: tokenBounds[2 * last + 1] as number, paragraph: paragraphIndex, heading: false, tokenStart: first, tokenEnd: last + 1 };
        const prev = paraSentences.length ? paraSentences[paraSentences.length - 1] : undefined;
        if (prev && shouldJoin(norm, prev, candidate)) {
          // a new object rather than new values in the old one: see mergeSplitWords
          paraSentences[paraSentences.length - 1] = { index: 0, start: prev.start, end: candidate.end, paragraph: paragraphIndex, heading: false, tokenStart: prev.tokenStart, tokenEnd: candidate.tokenEnd };
        } else {
          paraSentences.push(candidate);
        }
      }
    }
    const tokenBase = tokens.length;
    for (const sentence of paraSentences) {
      sentence.index = sentences.length;
      for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) tokens.push(makeToken(norm, reading, from + k, k, tokens.length, sentence.index));
      sentence.tokenStart += tokenBase;
      sentence.tokenEnd += tokenBase;
      sentences.push(sentence);
    }
  }
  mergeSplitWords(tokens, norm);
  // token indices above assumed every wink token was kept; recompute exact ranges from the tokens
  for (const s of sentences) {
    s.tokenStart = tokens.length;
    s.tokenEnd = tokens.length;
  }
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i] as Token;
    const s = sentences[t.sentence] as Sentence;
    s.tokenStart = i;
    if (s.tokenEnd === tokens.length) s.tokenEnd = i + 1;
  }
  return { paragraphs, sentences, tokens };
}

/** Token `w` of the reading, the paragraph's token `k` (located by locateTokens). */
function makeToken(norm: string, reading: WinkReading, w: number, k: number, index: number, sentence: number): Token {
  const start = tokenBounds[2 * k] as number;
  const end = tokenBounds[2 * k + 1] as number;
  // sliced from the text even where it equals wink-nlp's value: with the model's (internalized)
  // strings in the tokens, JSON.stringify of the output document allocated twice as much (measured)
  const text = norm.slice(start, end);
  const lower = text.toLowerCase();
  const lemma = reading.lemma(w) ?? (reading.value(w) ?? '').toLowerCase();
  // a word that is its own lemma gets the lemma's string for its lower case too: wink-nlp's lemmas are
  // internalized and shared, so every lookup by `lower` (word lists, the check-worthiness vocabulary) then
  // finds its key by pointer, and `lemma === lower` needs no comparison of characters
  return { index, sentence, start, end, text, lower: lemma === lower ? lemma : lower, pos: reading.pos(w) ?? 'X', lemma, type: reading.type(w) ?? 'word' };
}

/**
 * wink-nlp splits words at letters outside Latin-1 ("Brudzi|ń|ski"); glue them back. The glued token
 * and the tokens after it (whose index changes) are new objects: a token's fields are never
 * written after it is made. V8 treats a field no code has changed as a constant and lets optimized
 * code rely on that, so the first article that changed one (one in a few thousand) threw out the
 * optimized code of about 90 functions that read tokens, to be compiled again.
 */
function mergeSplitWords(tokens: Token[], norm: string): void {
  let write = 0;
  for (let read = 0; read < tokens.length; read++) {
    const t = tokens[read] as Token;
    const prev = write > 0 ? tokens[write - 1] as Token : undefined;
    if (prev && prev.sentence === t.sentence && prev.end === t.start && (beyondLatin1(prev.text) || beyondLatin1(t.text))
      && /\p{L}$/u.test(prev.text) && /^\p{L}/u.test(t.text)) {
      tokens[write - 1] = gluedToken(prev, t, norm);
      continue;
    }
    tokens[write] = t.index === write ? t : tokenWithIndex(t, write);
    write++;
  }
  tokens.length = write;
}

/** `t` at another index (the fields in makeToken's order, so that it has the same hidden class). */
function tokenWithIndex(t: Token, index: number): Token {
  return { index, sentence: t.sentence, start: t.start, end: t.end, text: t.text, lower: t.lower, pos: t.pos, lemma: t.lemma, type: t.type };
}

/** One token for `prev` and the piece of the same word that follows it. */
function gluedToken(prev: Token, next: Token, norm: string): Token {
  const text = norm.slice(prev.start, next.end);
  const lower = text.toLowerCase();
  let pos = prev.pos === 'X' ? (next.pos === 'X' ? 'PROPN' : next.pos) : prev.pos;
  if (/^\p{Lu}/u.test(text) && pos !== 'PROPN' && pos !== 'NOUN') pos = 'PROPN';
  return { index: prev.index, sentence: prev.sentence, start: prev.start, end: next.end, text, lower, pos, lemma: lower, type: prev.type };
}

function beyondLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return true;
  return false;
}
