import type { Doc, Quote, QuotedSpan, QuoteKind, Sentence, Span, Speaker, Token } from '../../model.js';
import { cueEntry } from '../../rules/cues.js';
import { DISCOURSE_OPENERS } from '../../rules/names.js';
import { findCues, type CueMatch } from './findCues.js';
import { clauseSubject, phraseStartingAt, subjectBefore, withAppositive, type Phrase } from './nounPhrases.js';
import { SpeakerResolver } from './resolveSpeaker.js';
import { SpanIndex } from '../../text/spanIndex.js';

/** How sure each rule is, measured on PolNeAR train; shown as `confidence`. */
export const QUOTE_RULES = {
  'direct-cue-after': { kind: 'direct', confidence: 0.95, description: '“…,” he said — speaker and cue after the quotation' },
  'direct-cue-before': { kind: 'direct', confidence: 0.9, description: 'He said: “…” — speaker and cue before the quotation' },
  'direct-participle': { kind: 'direct', confidence: 0.85, description: '…, saying, “…” — the clause subject speaks' },
  'direct-carried': { kind: 'direct', confidence: 0.7, description: 'a quotation with no cue continues the previous speaker' },
  'direct-continued': { kind: 'direct', confidence: 0.8, description: 'a quotation running over paragraphs keeps its speaker' },
  'reported-cue-after-subject': { kind: 'indirect', confidence: 0.85, description: 'Tarar said (that) … — subject, cue, content' },
  'reported-participle': { kind: 'indirect', confidence: 0.75, description: '…, claiming … — the clause subject reports' },
  'reported-inverted': { kind: 'indirect', confidence: 0.8, description: '…, sources said / said Tarar — content before the cue' },
  'reported-according-to': { kind: 'indirect', confidence: 0.85, description: '… according to X' },
  'mixed-carried': { kind: 'mixed', confidence: 0.6, description: 'a sentence with quoted words and no cue continues the previous speaker' },
} as const;
export type QuoteRuleId = keyof typeof QUOTE_RULES;

interface Draft {
  kind: QuoteKind;
  content: Span;
  speaker: Speaker | null;
  cue: CueMatch | null;
  sentence: number;
  ruleId: QuoteRuleId;
}

const CLOSING_QUOTE = /["'\u201D\u2019]$/;
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday',
  'today', 'tonight', 'earlier', 'later', 'again', 'also', 'previously', 'recently', 'repeatedly', 'publicly', 'privately',
  'separately', 'then', 'now']);
const OPEN_MARK_TOKEN = /^(?:["\u201C\u201E`]|'')$/;

export function attributeQuotes(doc: Readonly<Doc>): Quote[] {
  const { tokens, sentences, quoteSpans, norm, text } = doc;
  const inners = new SpanIndex(quoteSpans.map(q => ({ ...q.inner, quote: q })));
  const opens = new SpanIndex(quoteSpans.map(q => ({ start: q.open.start, end: q.open.start + 1, quote: q })));
  const insideQuote = (offset: number): boolean => inners.containing(offset) !== undefined;
  const draftByCue = new Map<CueMatch, Draft>();
  /** Contents only ever collide with attributions found close by, so the check looks back a little way. */
  const overlapsRecentDraft = (content: Span): boolean => {
    for (let i = drafts.length - 1; i >= Math.max(0, drafts.length - 40); i--) {
      const d = drafts[i];
      if (d && overlapsSpan(d.content, content)) return true;
    }
    return false;
  };
  const tokenIndex = new SpanIndex(tokens);
  /** A mention stands as a subject when a verb follows it or it opens its sentence. */
  const isSubject = (mention: Span): boolean => {
    const inMention = tokenIndex.overlapping(mention.start, mention.end);
    const last = inMention.at(-1);
    const first = inMention[0];
    if (!last || !first) return false;
    const next = tokens[last.index + 1];
    const s = sentences[first.sentence];
    if (next && (next.pos === 'VERB' || next.pos === 'AUX' || (next.pos === 'ADV' && tokens[last.index + 2]?.pos === 'VERB'))) return true;
    return !!s && first.index <= s.tokenStart + 1;
  };
  const resolver = new SpeakerResolver(text, doc.entities, insideQuote, isSubject);
  const drafts: Draft[] = [];
  const consumedCues = new Set<number>();
  const usedQuoteSpans = new Set<QuotedSpan>();
  let lastAttributionParagraph = -10;

  const sentenceAt = (offset: number): Sentence | undefined => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sentences[mid];
      if (!s) break;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return s;
    }
    return sentences[Math.max(0, Math.min(sentences.length - 1, lo))];
  };
  const firstTokenFrom = (offset: number, s: Sentence): number => {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) if ((tokens[i]?.start ?? Infinity) >= offset) return i;
    return s.tokenEnd;
  };
  const lastTokenBefore = (offset: number, s: Sentence): number => {
    for (let i = s.tokenEnd - 1; i >= s.tokenStart; i--) if ((tokens[i]?.end ?? -1) <= offset) return i;
    return s.tokenStart - 1;
  };
  const cuesBySentence = new Map<number, CueMatch[]>();
  const cuesOf = (s: Sentence): CueMatch[] => {
    let found = cuesBySentence.get(s.index);
    if (!found) {
      found = s.heading ? [] : findCues(tokens, s).filter(c => !insideQuote(tokens[c.first]?.start ?? 0));
      cuesBySentence.set(s.index, found);
    }
    return found;
  };
  const speakerFrom = (phrase: Phrase | null): Speaker | null => (phrase ? resolver.resolve(tokens, phrase.first, phrase.last) : null);
  const record = (draft: Draft): void => {
    drafts.push(draft);
    if (draft.cue) { consumedCues.add(draft.cue.first); draftByCue.set(draft.cue, draft); }
    if (draft.speaker) resolver.noteSpeaker(draft.speaker);
    lastAttributionParagraph = sentences[draft.sentence]?.paragraph ?? lastAttributionParagraph;
  };

  /** Speaker and cue right after a closing mark: `,” he said` / `,” said Tarar` / `,” one source noted`. */
  const cueAfter = (q: QuotedSpan, s: Sentence): { cue: CueMatch; speaker: Phrase | null } | null => {
    let i = firstTokenFrom(q.close.end, s);
    if (tokens[i]?.text === ',' || tokens[i]?.text === '\u2014' || tokens[i]?.text === '-') i++;
    const cues = cuesOf(s).filter(c => c.first >= i && c.first <= i + 12 && !consumedCues.has(c.first));
    const cue = cues[0];
    if (!cue) return null;
    if (cue.first === i) {
      // inverted: said Tarar / according to officials
      const after = phraseStartingAt(tokens, cue.last, s.tokenEnd);
      return { cue, speaker: after ? withAppositive(tokens, after, s.tokenEnd) : null };
    }
    const subject = subjectBefore(tokens, cue.first, i);
    if (!subject || subject.first !== i) return null;
    return { cue, speaker: subject };
  };

  /** Cue right before an opening mark: `Tarar said: “` / `He added, “` / `saying, “`. */
  const cueBefore = (q: QuotedSpan, s: Sentence): CueMatch | null => {
    const openToken = firstTokenFrom(q.open.start, s);
    let k = openToken - 1;
    while (k >= s.tokenStart && (tokens[k]?.text === ',' || tokens[k]?.text === ':')) k--;
    const cue = cuesOf(s).find(c => !consumedCues.has(c.first) && c.last <= openToken
      && (c.last - 1 === k || afterCueModifiers(c, s) === k + 1));
    if (cue) return cue;
    const colon = cuesOf(s).find(c => c.lemma === ':' && c.last === openToken && !consumedCues.has(c.first));
    return colon ?? null;
  };

  const speakerOfCue = (cue: CueMatch, s: Sentence): { phrase: Phrase | null; inverted: boolean } => {
    if (cue.sourceAfter) {
      const after = phraseStartingAt(tokens, cue.last, s.tokenEnd);
      return { phrase: after ? withAppositive(tokens, after, s.tokenEnd) : null, inverted: true };
    }
    if (cue.participle) {
      let earlier: Draft | undefined;
      for (let i = drafts.length - 1; i >= Math.max(0, drafts.length - 10); i--) {
        const d = drafts[i];
        if (d && d.sentence === s.index && d.speaker) { earlier = d; break; }
      }
      if (earlier?.speaker?.mention) {
        const first = firstTokenFrom(earlier.speaker.mention.start, s);
        const last = lastTokenBefore(earlier.speaker.mention.end, s) + 1;
        return { phrase: { first, last }, inverted: false };
      }
      return { phrase: clauseSubject(tokens, s.tokenStart, cue.first), inverted: false };
    }
    const floor = clauseFloor(s, cue.first);
    const before = subjectBefore(tokens, cue.first, floor);
    if (before) return { phrase: before, inverted: false };
    const prev = tokens[cue.first - 1];
    if (prev && (prev.lower === 'and' || prev.lower === 'but' || prev.lower === 'then') && cue.first - 1 > s.tokenStart) {
      // a second verb of the same subject: "The embassy declined the request and said ..."
      return { phrase: clauseSubject(tokens, s.tokenStart, cue.first), inverted: false };
    }
    const after = phraseStartingAt(tokens, cue.last, s.tokenEnd);
    const withApp = after ? withAppositive(tokens, after, s.tokenEnd) : null;
    // inverted order only ends a clause: "..., said Tarar." / "..., said the minister, adding ..."
    const end = withApp ? tokens[withApp.last] : undefined;
    if (withApp && withApp.last < s.tokenEnd && end && !/^[.,;!?\u2014]$/.test(end.text) && !CLOSING_QUOTE.test(end.text)) return { phrase: null, inverted: true };
    return { phrase: withApp, inverted: true };
  };

  /** Content never reaches back over an earlier clause boundary such as "; " or a previous cue's content. */
  const clauseFloor = (s: Sentence, before: number): number => {
    for (let k = before - 1; k > s.tokenStart; k--) if (tokens[k]?.text === ';') return k + 1;
    return s.tokenStart;
  };

  for (const s of sentences) {
    if (s.heading) continue;
    resolver.advanceTo(s.start);

    // 1. quotations that open in this sentence and stand on their own
    for (const { quote: q } of opens.overlapping(s.start, s.end)) {
      if (usedQuoteSpans.has(q)) continue;
      const lead = norm.slice(s.start, q.open.start).trim();
      const closeSentence = sentenceAt(Math.max(q.close.start - 1, q.open.end)) ?? s;
      const wordCount = norm.slice(q.inner.start, q.inner.end).trim().split(/\s+/).length;
      if (!/[\p{L}\p{N}]/u.test(lead)) {
        const after = cueAfter(q, closeSentence);
        if (after && wordCount >= 2) {
          const speaker = speakerFrom(after.speaker);
          usedQuoteSpans.add(q);
          record({ kind: 'direct', content: q.inner, speaker, cue: after.cue, sentence: closeSentence.index, ruleId: 'direct-cue-after' });
          continue;
        }
        const tail = norm.slice(q.close.end, closeSentence.end).trim();
        const prev = resolver.previousSpeaker;
        const nearby = s.paragraph - lastAttributionParagraph <= 1 || q.continued;
        if (/^[.!?]?$/.test(tail) && wordCount >= 3 && prev && nearby) {
          usedQuoteSpans.add(q);
          record({ kind: 'direct', content: q.inner, speaker: { ...prev, mention: null, resolution: 'carried' }, cue: null, sentence: s.index, ruleId: q.continued ? 'direct-continued' : 'direct-carried' });
          continue;
        }
        if (/^[.!?]?$/.test(tail) && wordCount >= 3 && q.continued === false && nextParagraphContinues(q)) {
          // a quotation that runs on into the next paragraph and is attributed there
          continue;
        }
      } else {
        const cue = cueBefore(q, s);
        if (cue && wordCount >= 2) {
          const { phrase } = cue.lemma === ':' ? { phrase: subjectBefore(tokens, cue.first, s.tokenStart) } : speakerOfCue(cue, s);
          const speaker = speakerFrom(phrase);
          usedQuoteSpans.add(q);
          record({ kind: 'direct', content: q.inner, speaker, cue, sentence: s.index, ruleId: cue.participle ? 'direct-participle' : 'direct-cue-before' });
        }
      }
    }

    // 2. reported speech: every cue not used by a quotation
    const cues = cuesOf(s);
    for (const cue of cues) {
      if (consumedCues.has(cue.first) || cue.lemma === ':') continue;
      const { phrase, inverted } = speakerOfCue(cue, s);
      let content: Span | null;
      let ruleId: QuoteRuleId;
      if (cue.sourceAfter) {
        const after = phrase ? phrase.last : cue.last;
        const atStart = cue.first <= s.tokenStart + 1;
        content = atStart ? tokenRange(after, s.tokenEnd, s) : tokenRange(s.tokenStart, cue.first, s);
        ruleId = 'reported-according-to';
      } else if (inverted || isAtClauseEnd(cue, phrase, s)) {
        const end = inverted ? cue.first : (phrase?.first ?? cue.first);
        const start = previousBoundary(cues, cue, s);
        content = tokenRange(start, end, s);
        ruleId = 'reported-inverted';
      } else {
        const start = contentStart(cue, s);
        const end = nextBoundary(cues, cue, s);
        content = tokenRange(start, end, s);
        ruleId = cue.participle ? 'reported-participle' : 'reported-cue-after-subject';
      }
      if (!content || !phrase) continue;
      const contentTokens = tokensIn(content, s);
      if (contentTokens < 2) continue;
      if (overlapsRecentDraft(content)) continue;
      const speaker = speakerFrom(phrase);
      const fragments = inners.overlapping(content.start, content.end).map(i => i.quote);
      fragments.forEach(q => usedQuoteSpans.add(q));
      record({ kind: fragments.length ? 'mixed' : 'indirect', content, speaker, cue, sentence: s.index, ruleId });
    }

    // 3. quoted words in a sentence with no cue: the previous speaker goes on
    const loose = opens.overlapping(s.start, s.end).map(o => o.quote).filter(q => !usedQuoteSpans.has(q)
      && norm.slice(q.inner.start, q.inner.end).trim().split(/\s+/).length >= 3);
    const prev = resolver.previousSpeaker;
    if (loose.length && cues.length === 0 && prev && s.paragraph - lastAttributionParagraph <= 1) {
      const content = trimContent(s.start + openerLength(norm.slice(s.start, s.end)), s.end);
      if (content && !overlapsRecentDraft(content)) {
        loose.forEach(q => usedQuoteSpans.add(q));
        record({ kind: 'mixed', content, speaker: { ...prev, mention: null, resolution: 'carried' }, cue: null, sentence: s.index, ruleId: 'mixed-carried' });
      }
    }
  }

  function nextParagraphContinues(q: QuotedSpan): boolean {
    return opens.overlapping(q.close.end, q.close.end + 4).some(o => o.quote.continued && o.quote !== q);
  }

  /** Skips what may follow a cue before its content or the clause end: "told reporters", "said on Monday", "said in a statement". */
  function afterCueModifiers(cue: CueMatch, s: Sentence): number {
    let k = cue.last;
    const entry = cueEntry(cue.lemma);
    const takesObject = ['tell', 'assure', 'remind', 'warn', 'urge', 'inform', 'brief'].includes(cue.lemma) || entry?.complement === 'predicate';
    for (let guard = 0; guard < 4 && k < s.tokenEnd; guard++) {
      const t = tokens[k];
      if (!t) break;
      if (TIME_WORDS.has(t.lower)) { k++; continue; }
      if (t.pos === 'ADP' && t.lower !== 'that' && !(cue.lemma === 'call' && (t.lower === 'for' || t.lower === 'on'))) {
        const obj = phraseStartingAt(tokens, k + 1, s.tokenEnd);
        if (obj) { k = obj.last; continue; }
        break;
      }
      if (takesObject && guard === 0 && !OPEN_MARK_TOKEN.test(t.text) && t.lower !== 'that') {
        const obj = phraseStartingAt(tokens, k, s.tokenEnd);
        if (obj) { k = obj.last; continue; }
      }
      break;
    }
    return k;
  }

  function isAtClauseEnd(cue: CueMatch, phrase: Phrase | null, s: Sentence): boolean {
    if (!phrase || phrase.last > cue.first) return false;
    const k = afterCueModifiers(cue, s);
    const next = tokens[k];
    const atEnd = k >= s.tokenEnd || /^[.!?;]$/.test(next?.text ?? '') || next?.text === '\u2014'
      || (next?.text === ',' && !OPEN_MARK_TOKEN.test(tokens[k + 1]?.text ?? '') && tokens[k + 1]?.lower !== 'that');
    const before = tokens[phrase.first - 1];
    return atEnd && !!before && (before.text === ',' || CLOSING_QUOTE.test(before.text)) && phrase.first > s.tokenStart;
  }

  function previousBoundary(cues: CueMatch[], cue: CueMatch, s: Sentence): number {
    const earlier = cues.filter(c => c.last <= cue.first && c !== cue).at(-1);
    if (earlier) {
      const earlierDraft = draftByCue.get(earlier);
      if (earlierDraft) return firstTokenFrom(earlierDraft.content.end, s);
    }
    // skip a leading connective ("But,", "However,")
    return s.tokenStart;
  }

  function contentStart(cue: CueMatch, s: Sentence): number {
    let k = afterCueModifiers(cue, s);
    if (cue.lemma === 'call' && ['for', 'on'].includes(tokens[k]?.lower ?? '')) k++;
    while (k < s.tokenEnd && [',', ':', 'that', '\u2014', '-'].includes(tokens[k]?.lower ?? '')) k++;
    return k;
  }

  function nextBoundary(cues: CueMatch[], cue: CueMatch, s: Sentence): number {
    for (const other of cues) {
      if (other.first < cue.last) continue;
      if (other.participle || other.sourceAfter) {
        let k = other.first;
        while (k > cue.last && [',', 'and', 'while', 'before', 'after', '\u2014'].includes(tokens[k - 1]?.lower ?? '')) k--;
        // a comma inside the closing mark stays with the quoted words: `excuses,” claiming`
        if (k < other.first && /^["'\u201D\u2019]$/.test(tokens[k]?.text ?? '')) k++;
        return k;
      }
      // a second cue of the same subject: "said that ... but denied that ..."
      const joiner = tokens[other.first - 1];
      if (joiner && (joiner.lower === 'but' || joiner.lower === 'and') && !subjectBefore(tokens, other.first, other.first - 1)) {
        let k = other.first - 1;
        if (tokens[k - 1]?.text === ',') k--;
        if (k > cue.last + 1) return k;
      }
      // an inverted attribution later in the sentence: "..., officials said."
      const subject = subjectBefore(tokens, other.first, cue.last);
      if (subject && tokens[subject.first - 1]?.text === ',' && (other.last >= s.tokenEnd - 1)) return subject.first - 1;
    }
    return s.tokenEnd;
  }

  function tokenRange(first: number, last: number, s: Sentence): Span | null {
    if (first >= last || first < s.tokenStart || last > s.tokenEnd) return null;
    const a = tokens[first];
    const b = tokens[last - 1];
    if (!a || !b) return null;
    return trimContent(a.start, b.end);
  }

  function tokensIn(span: Span, s: Sentence): number {
    let n = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i];
      if (t && t.start >= span.start && t.end <= span.end && t.pos !== 'PUNCT') n++;
    }
    return n;
  }

  /** Trims spaces, a trailing full stop or comma outside the quotation marks, and a leading "that". */
  function trimContent(start: number, end: number): Span | null {
    let a = start;
    let b = end;
    for (;;) {
      while (a < b && /[\s,;:\u2014]/.test(norm[a] ?? '')) a++;
      while (b > a && /\s/.test(norm[b - 1] ?? '')) b--;
      const last = norm[b - 1] ?? '';
      if (/[.,;:\u2014-]/.test(last) && !(last === '.' && /\b[A-Z][a-z]?$|\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|Inc|Co|Corp|Ltd|St)$/.test(norm.slice(Math.max(a, b - 4), b - 1)))) { b--; continue; }
      if (/^that\s/i.test(norm.slice(a, a + 5))) { a += 4; continue; }
      break;
    }
    return b > a ? { start: a, end: b } : null;
  }

  return finalize(drafts, tokens, text);
}

function openerLength(sentenceText: string): number {
  const m = DISCOURSE_OPENERS.exec(sentenceText);
  return m ? m[0].length : 0;
}

function overlapsSpan(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function finalize(drafts: Draft[], tokens: readonly Token[], text: string): Quote[] {
  const kept: Draft[] = [];
  for (const d of drafts) {
    let clash = false;
    for (let i = kept.length - 1; i >= Math.max(0, kept.length - 40) && !clash; i--) clash = overlapsSpan((kept[i] as Draft).content, d.content);
    if (!clash) kept.push(d);
  }
  kept.sort((a, b) => a.content.start - b.content.start);
  return kept.map((d, i) => {
    const cueTokens = d.cue ? tokens.slice(d.cue.first, d.cue.last) : [];
    const cueStart = cueTokens[0]?.start ?? 0;
    const cueEnd = cueTokens.at(-1)?.end ?? 0;
    const entry = d.cue ? cueEntry(d.cue.lemma) : undefined;
    const frame = d.cue?.frame;
    const negated = d.cue?.negated ?? false;
    const rule = QUOTE_RULES[d.ruleId];
    const explain = [
      `rule ${d.ruleId}: ${rule.description}`,
      d.cue ? `cue "${text.slice(cueStart, cueEnd)}" (lemma ${d.cue.lemma}, ${d.cue.ruleId}${negated ? ', negated' : ''})` : 'no cue in the sentence',
      d.speaker ? `speaker "${d.speaker.mention ? text.slice(d.speaker.mention.start, d.speaker.mention.end) : '(carried)'}" → ${d.speaker.name} (${d.speaker.resolution})` : 'speaker unknown',
    ];
    return {
      id: `q${i + 1}`,
      kind: d.kind,
      content: d.content,
      verbatim: [],
      speaker: d.speaker,
      cue: d.cue ? {
        start: cueStart,
        end: cueEnd,
        lemma: d.cue.lemma,
        entry: {
          lemma: d.cue.lemma,
          status: (frame === 'confirm' && !negated) ? 'confirmed' : 'asserted',
          polarity: frame === 'deny' && !negated ? 'denied' : 'affirmed',
        },
      } : null,
      sentence: d.sentence,
      confidence: rule.confidence * (d.speaker ? 1 : 0.5) * (entry || !d.cue ? 1 : 0.95),
      ruleId: d.ruleId,
      explain,
    };
  });
}
