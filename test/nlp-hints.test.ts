import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Decoding, hintTransformers, LexemeIndex, lexemeLookup, modelPackage } from '../src/nlp.js';

const require = createRequire(import.meta.url);

type Transformer = (symbol: number, cache: unknown, tokens: number[], i: number) => number;

interface Cache {
  lookup(text: string): number[] | null;
  add(text: string, category: number): number;
  normal(lexeme: number): number;
  property(lexeme: number, name: string): unknown;
  value(lexeme: number): string | undefined;
}

const WORD = 1;
const PUNCTUATION = 12;

describe('the SBD and POS hint transformers read the packed lexicon as the model\'s own do', () => {
  const pkg = modelPackage() as unknown as { core(): Parameters<typeof hintTransformers>[0]; featureFn: unknown };
  const model = pkg.core();
  const ours = hintTransformers(model);
  const makeCache = require('wink-nlp/src/cache.js') as (model: unknown, featureFn: unknown) => Cache;
  const cache = makeCache(model, pkg.featureFn);
  const theirSbd = (require('wink-eng-lite-web-model/dist/sbd-transformers.js') as Transformer[])[0] as Transformer;
  const theirPos = (require('wink-eng-lite-web-model/dist/pos-transformers.js') as Transformer[])[0] as Transformer;
  // learned words, as wink-nlp's tokenizer adds them: abbreviations among them, of two letters and more
  const learned = ['Zqx.', 'q.', 'Qz.', 'e.g.z', 'Dr.Who.', 'Xyzzy', 'XYZZY', "o'Qz", 'Abc.def', '“', '7.', '.'];
  for (const word of learned) cache.add(word, /^[A-Za-z]/.test(word) ? WORD : PUNCTUATION);
  const lexemeCount = (model as unknown as { features: { lexeme: { list: string[] } } }).features.lexeme.list.length;

  it('applies to the installed model', () => {
    expect(ours).not.toBeNull();
    expect(lexemeCount).toBeGreaterThan(80_000);
  });

  it('gives what the model\'s own give for every lexeme, learned ones too', () => {
    if (ours === null) return;
    let differences = 0;
    let hinted = 0;
    for (let lexeme = 0; lexeme < lexemeCount; lexeme++) {
      const normal = cache.normal(lexeme);
      for (const spaces of [0, 1, 3]) {
        const tokens = [7, 0, 0, 0, lexeme, spaces, 0, 0];
        for (const symbol of [normal, lexeme, 0]) {
          const sbd = ours.sbd(symbol, cache, tokens, 1);
          if (sbd !== theirSbd(symbol, cache, tokens, 1)) differences++;
          if (sbd !== symbol) hinted++;
        }
        if (ours.pos(42, cache, tokens, 1) !== theirPos(42, cache, tokens, 1)) differences++;
      }
    }
    expect(differences).toBe(0);
    expect(hinted).toBeGreaterThan(100);
  });

  it('reads learned abbreviations through the cache', () => {
    if (ours === null) return;
    const lexeme = cache.add('Qz.', WORD);
    expect(lexeme).toBeGreaterThanOrEqual(lexemeCount - learned.length * 2);
    expect(ours.sbd(lexeme, cache, [lexeme, 0, 0, 0], 0)).toBe(theirSbd(lexeme, cache, [lexeme, 0, 0, 0], 0));
    expect(ours.sbd(lexeme, cache, [lexeme, 0, 0, 0], 0)).not.toBe(lexeme);
  });
});

describe('readings decode token types and POS names as wink-nlp\'s cache does', () => {
  const pkg = modelPackage() as unknown as { core(): Parameters<typeof hintTransformers>[0]; featureFn: unknown };
  const model = pkg.core();
  const makeCache = require('wink-nlp/src/cache.js') as (model: unknown, featureFn: unknown) => Cache & { valueOf(feature: string, index: number): string | undefined };
  const cache = makeCache(model, pkg.featureFn);
  for (const word of ['Zqx.', 'q123z', '@someone', '#tag', 'https://example.com/x', '3.5bn', '\u2014']) cache.add(word, WORD);
  const decoding = new Decoding({ its: { lemma: () => undefined } } as unknown as ConstructorParameters<typeof Decoding>[0], null, model);
  const lexemeCount = (model as unknown as { features: { lexeme: { list: string[] } } }).features.lexeme.list.length;

  it('gives every lexeme\'s token type, learned ones too', () => {
    let differences = 0;
    for (let lexeme = 0; lexeme < lexemeCount; lexeme++) if (decoding.tokenType(lexeme, cache) !== cache.property(lexeme, 'tokenType')) differences++;
    expect(differences).toBe(0);
  });

  it('names every POS tag', () => {
    expect(decoding.posNames).not.toBeNull();
    for (let pos = 0; pos < 64; pos++) expect(decoding.posNames?.[pos]).toBe(cache.valueOf('pos', pos));
  });
});

describe('the lexeme lookup finds what wink-nlp\'s cache.lookup finds', () => {
  const pkg = modelPackage() as unknown as { core(): Parameters<typeof lexemeLookup>[0]; featureFn: unknown };
  const model = pkg.core();
  const list = model.features.lexeme.list;
  // wink-nlp's cache reading an index of plain properties, as the model package gives it
  const hash: Record<string, number> = Object.create(null) as Record<string, number>;
  for (let k = 0; k < list.length; k++) hash[list[k] as string] = k;
  model.features.lexeme.hash = hash;
  const cache = (require('wink-nlp/src/cache.js') as (model: unknown, featureFn: unknown) => Cache)(model, pkg.featureFn);
  const ours = lexemeLookup(model, new LexemeIndex(list));

  it('gives the same lexeme, or contraction expansions, for every word of the model, and null for others', () => {
    expect(ours).not.toBeNull();
    if (ours === null) return;
    let differences = 0;
    let contractions = 0;
    for (const word of list) {
      for (const text of [word, word.toUpperCase(), `${word}.`]) {
        const theirs = cache.lookup(text);
        if (JSON.stringify(ours(text)) !== JSON.stringify(theirs)) differences++;
        if (theirs !== null && theirs.length > 1) contractions++;
      }
    }
    expect(differences).toBe(0);
    expect(contractions).toBeGreaterThan(50);
    expect(ours('qzxv-unknown')).toBeNull();
  });
});
