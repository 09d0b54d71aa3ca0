/**
 * Label Studio tasks with predictions: per article, the text and, as one prediction, its quotes
 * (Source, Cue and Content regions joined by relations) and its claims as the reviewer left them
 * (rejected claims dropped, edits applied), with status, verdict and speaker per region.
 * Offsets are UTF-16 (JavaScript string) indices, as Label Studio counts them.
 */
import { VERSION } from '../version.js';
import { VERDICTS } from '../review/db.js';
import type { DocSpan } from '../review/load.js';
import { effectiveClaim, type ReviewedArticle } from './reviewed.js';

/** The labeling config these predictions are made for (Settings → Labeling Interface → Code). */
export const LABEL_STUDIO_CONFIG = `<View>
  <Labels name="attribution" toName="text">
    <Label value="Source" background="#3b78d8"/>
    <Label value="Cue" background="#7a7a7a"/>
    <Label value="Content" background="#e0742a"/>
  </Labels>
  <Labels name="claim" toName="text">
    <Label value="Claim" background="#e0b400"/>
  </Labels>
  <Text name="text" value="$text"/>
  <Relations>
    <Relation value="source"/>
    <Relation value="cue"/>
  </Relations>
  <Choices name="status" toName="text" perRegion="true" choice="multiple" showInline="true">
    <Choice value="asserted"/>
    <Choice value="confirmed"/>
    <Choice value="hedged"/>
    <Choice value="denied"/>
  </Choices>
  <Choices name="verdict" toName="text" perRegion="true" showInline="true">
${Object.values(VERDICTS).map(v => `    <Choice value="${v}"/>`).join('\n')}
  </Choices>
  <TextArea name="speaker" toName="text" perRegion="true" maxSubmissions="1" placeholder="speaker"/>
</View>
`;

export function labelStudioTask({ article, states }: ReviewedArticle): Record<string, unknown> {
  const result: Array<Record<string, unknown>> = [];
  const region = (span: DocSpan) => {
    const start = article.toUtf16(span.start), end = article.toUtf16(span.end);
    return { start, end, text: article.text.slice(start, end) };
  };
  const label = (id: string, fromName: string, span: DocSpan, labels: string[], score?: number): void => {
    result.push({ id, from_name: fromName, to_name: 'text', type: 'labels', value: { ...region(span), labels }, ...(score === undefined ? {} : { score }) });
  };
  for (const q of article.quotes) {
    const id = `${q.id}-content`;
    label(id, 'attribution', q.content, ['Content']);
    if (q.speaker?.mention) {
      label(`${q.id}-source`, 'attribution', q.speaker.mention, ['Source']);
      result.push({ type: 'relation', from_id: id, to_id: `${q.id}-source`, direction: 'right', labels: ['source'] });
    }
    if (q.cue) {
      label(`${q.id}-cue`, 'attribution', q.cue, ['Cue']);
      result.push({ type: 'relation', from_id: id, to_id: `${q.id}-cue`, direction: 'right', labels: ['cue'] });
    }
  }
  let kept = 0;
  let score = 0;
  for (const c of article.claims) {
    const state = states.get(c.key);
    if (state?.decision === 'rejected') continue;
    const eff = effectiveClaim(c, state?.edits ?? {});
    const id = `claim-${c.key.slice(0, 10)}`;
    const r = region(c.span);
    label(id, 'claim', c.span, ['Claim'], c.checkworthiness);
    const choices = [eff.status, ...(eff.hedged ? ['hedged'] : []), ...(eff.polarity === 'denied' ? ['denied'] : [])];
    result.push({ id, from_name: 'status', to_name: 'text', type: 'choices', value: { ...r, choices } });
    if (state?.verdict) result.push({ id, from_name: 'verdict', to_name: 'text', type: 'choices', value: { ...r, choices: [VERDICTS[state.verdict]] } });
    if (eff.speaker) result.push({ id, from_name: 'speaker', to_name: 'text', type: 'textarea', value: { ...r, text: [eff.speaker] } });
    kept++;
    score += c.checkworthiness;
  }
  return {
    data: {
      text: article.text,
      article_id: article.id,
      title: article.title,
      url: article.url,
      published_at: article.publishedAt,
      text_sha256: article.textSha256,
    },
    predictions: [{ model_version: `claimsift ${VERSION}`, score: kept ? Math.round((score / kept) * 1000) / 1000 : 0, result }],
  };
}
