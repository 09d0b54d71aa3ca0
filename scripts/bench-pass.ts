/**
 * One kind of pass for `npm run bench`, in a process of its own: `node dist/scripts/bench-pass.js <kind> <file> <limit>`,
 * started by scripts/bench.ts with an IPC channel. It reads the first <limit> articles of <file>, warms up on the first
 * 100, says "ready", then times each slice [from, to) the parent sends and answers with the seconds it took.
 *
 * Kinds: `wink` (wink-nlp annotating what the issue names as the floor: sentences, POS and entities, its pipe
 * `sbd`, `pos`, `ner`; then its sentences, tokens, POS, lemmas and entities are read out), `wink-default` (the same with
 * wink-nlp's default pipe, which also marks negation and sentiment: the baseline of sessions 5–9), `wink-lean` (the pipe
 * claimsift asks for: sentences and POS), `pipeline` (claimsift's extraction and JSON, with the CLI's compiler settings). Each runs as its own program would, so none of them shares a JIT or a heap with another:
 * in one process the three wink-nlp instances share wink-nlp's code and its type feedback, which slowed wink-nlp's
 * own pass more than the pipeline's and flattered the ratio (0.44 in one process against 0.40 apart, session 10).
 */
import fs from 'node:fs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { processRecord } from '../src/batch.js';
import { renderDocument } from '../src/batch/chunk.js';
import { tuneCompilerForBatch } from '../src/batch/compilerTuning.js';
import { recordFromLine, type InputRecord } from '../src/io/inputs.js';

export type PassKind = 'wink' | 'wink-default' | 'wink-lean' | 'pipeline';
const PASS_KINDS: readonly string[] = ['wink', 'wink-default', 'wink-lean', 'pipeline'] satisfies PassKind[];
/** parent → child: time articles [from, to), or stop */
export type PassRequest = { from: number; to: number } | 'exit';
/** child → parent: loaded and warm, or the seconds a slice took */
export type PassReply = 'ready' | { seconds: number };

/** Articles each pass runs before timing starts (the first of the measured ones, for every kind alike). */
export const WARM_UP_ARTICLES = 100;

type Pass = (from: number, to: number) => void;

/**
 * wink-nlp's annotation with the given pipe (its default pipe when none is given), read out as its users read it:
 * sentences, tokens, POS, lemmas, and entities when the pipe finds them.
 */
function winkPass(texts: readonly string[], pipe?: string[]): Pass {
  const wink = pipe ? winkNLP(model, pipe) : winkNLP(model);
  const its = wink.its;
  const readsEntities = !pipe || pipe.includes('ner');
  return (from, to) => {
    for (let i = from; i < to; i++) {
      const doc = wink.readDoc(texts[i] ?? '');
      doc.sentences().out(its.span);
      doc.tokens().out(its.value);
      doc.tokens().out(its.type);
      doc.tokens().out(its.pos);
      doc.tokens().out(its.lemma as never);
      if (readsEntities) doc.entities().out(its.detail);
    }
  };
}

function pipelinePass(records: readonly InputRecord[]): Pass {
  tuneCompilerForBatch();
  return (from, to) => {
    for (let i = from; i < to; i++) {
      const r = processRecord(records[i] as InputRecord);
      if (r.ok) renderDocument(r.document, 'jsonl');
    }
  };
}

function main(): void {
  const [kind, file, limitArg] = process.argv.slice(2);
  const limit = Number(limitArg);
  const send = process.send?.bind(process);
  if (!send || !file || !kind || !PASS_KINDS.includes(kind) || !Number.isInteger(limit) || limit < 1) {
    process.stderr.write(`usage: started by scripts/bench.ts — bench-pass.js <${PASS_KINDS.join('|')}> <file.jsonl> <limit>\n`);
    process.exit(2);
  }
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(l => l.trim()).slice(0, limit);
  const records = lines.map((l, i) => recordFromLine(l, i + 1, file, 'articles')).filter((r): r is InputRecord => r !== null);
  const texts = records.map(r => (r.ok ? r.text : ''));
  const pass = kind === 'wink' ? winkPass(texts, ['sbd', 'pos', 'ner'])
    : kind === 'wink-default' ? winkPass(texts)
    : kind === 'wink-lean' ? winkPass(texts, ['sbd', 'pos'])
    : pipelinePass(records);
  pass(0, Math.min(WARM_UP_ARTICLES, records.length));
  process.on('message', (request: PassRequest) => {
    if (request === 'exit') process.exit(0);
    const t = process.hrtime.bigint();
    pass(request.from, request.to);
    send({ seconds: Number(process.hrtime.bigint() - t) / 1e9 } satisfies PassReply);
  });
  send('ready' satisfies PassReply);
}

main();
