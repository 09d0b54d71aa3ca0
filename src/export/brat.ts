/**
 * brat standoff: per article a .txt (the text exactly) and a .ann with the PolNeAR attribution
 * layout (Source, Cue and Content spans tied by an Attribution event), the claims as the reviewer
 * left them (Claim spans with Status, Hedged, Denied, Decision and Verdict attributes; rejected
 * claims are kept with Decision=rejected), and numbers with what they count. Offsets are code
 * points, as brat counts them; a span over a line break becomes fragments.
 */
import { VERDICTS } from '../review/db.js';
import type { DocSpan } from '../review/load.js';
import { effectiveClaim, type ReviewedArticle } from './reviewed.js';

export const BRAT_ANNOTATION_CONF = `[entities]
Source
Cue
Content
Claim
Number
Counted

[relations]
Counts\tArg1:Number, Arg2:Counted
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <ANY>

[events]
Attribution\tSource?:Source, Cue?:Cue, Content:Content
Attribution-no-source\tCue?:Cue, Content:Content

[attributes]
Status\tArg:Claim, Value:asserted|confirmed
Hedged\tArg:Claim
Denied\tArg:Claim
Decision\tArg:Claim, Value:accepted|rejected
Verdict\tArg:Claim, Value:${Object.values(VERDICTS).map(v => v.replace(/ /g, '_')).join('|')}
`;

/** One article's .ann text. */
export function bratAnn({ article, states }: ReviewedArticle): string {
  const cps = [...article.text];
  const lines: string[] = [];
  let t = 0, e = 0, a = 0, r = 0, n = 0;
  const fragments = (span: DocSpan): Array<[number, number]> => {
    const start = article.toCodepoint(span.start), end = article.toCodepoint(span.end);
    const out: Array<[number, number]> = [];
    let s = start;
    for (let i = start; i <= end; i++) {
      if (i === end || /[\n\r\u2028\u2029]/.test(cps[i] ?? '')) {
        let fs = s, fe = i;
        while (fs < fe && /\s/.test(cps[fs] ?? '')) fs++;
        while (fe > fs && /\s/.test(cps[fe - 1] ?? '')) fe--;
        if (fe > fs) out.push([fs, fe]);
        s = i + 1;
      }
    }
    return out;
  };
  const textbound = (type: string, span: DocSpan): string | null => {
    const parts = fragments(span);
    if (!parts.length) return null;
    const id = `T${++t}`;
    lines.push(`${id}\t${type} ${parts.map(([s, f]) => `${s} ${f}`).join(';')}\t${parts.map(([s, f]) => cps.slice(s, f).join('')).join(' ')}`);
    return id;
  };
  const note = (target: string, text: string): void => { lines.push(`#${++n}\tAnnotatorNotes ${target}\t${text.replace(/[\t\r\n]+/g, ' ')}`); };
  for (const q of article.quotes) {
    const source = q.speaker?.mention ? textbound('Source', q.speaker.mention) : null;
    const cue = q.cue ? textbound('Cue', q.cue) : null;
    const content = textbound('Content', q.content);
    if (!content) continue;
    const type = source ? 'Attribution' : 'Attribution-no-source';
    const trigger = textbound(type, q.cue ?? q.content);
    if (!trigger) continue;
    lines.push(`E${++e}\t${type}:${trigger} Content:${content}${cue ? ` Cue:${cue}` : ''}${source ? ` Source:${source}` : ''}`);
    if (source && q.speaker?.name) note(source, `speaker: ${q.speaker.name}`);
  }
  const counted = new Map<string, string>();
  for (const num of article.numbers) {
    const id = textbound('Number', num.span);
    if (!id) continue;
    if (num.counted) {
      const c = textbound('Counted', num.counted);
      if (c) lines.push(`R${++r}\tCounts Arg1:${id} Arg2:${c}`);
    }
    counted.set(num.key, id);
  }
  for (const c of article.claims) {
    const state = states.get(c.key);
    const eff = effectiveClaim(c, state?.edits ?? {});
    const id = textbound('Claim', c.span);
    if (!id) continue;
    lines.push(`A${++a}\tStatus ${id} ${eff.status === 'confirmed' ? 'confirmed' : 'asserted'}`);
    if (eff.hedged) lines.push(`A${++a}\tHedged ${id}`);
    if (eff.polarity === 'denied') lines.push(`A${++a}\tDenied ${id}`);
    if (state?.decision) lines.push(`A${++a}\tDecision ${id} ${state.decision}`);
    if (state?.verdict) lines.push(`A${++a}\tVerdict ${id} ${VERDICTS[state.verdict].replace(/ /g, '_')}`);
    const bits = [`speaker: ${eff.speaker ?? (eff.speakerKind === 'outlet' ? 'the outlet' : 'unknown')} (${eff.speakerKind})`];
    if (state?.edits.text) bits.push(`edited text: ${state.edits.text}`);
    for (const [key, text] of Object.entries(state?.edits.counted ?? {})) bits.push(`${counted.get(key) ?? key} counts: ${text}`);
    if (state) bits.push(`reviewed by ${state.reviewer} at ${state.updatedAt}`);
    bits.push(`key ${c.key}`);
    note(id, bits.join('; '));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
