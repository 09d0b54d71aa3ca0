import type { Stage } from '../pipeline.js';
import { findClaims } from './claims.js';
import { findEntities } from './entities.js';
import { findNumbers } from './numbers/index.js';
import { quoteConfidenceStage, quoteMarksStage, quotesStage } from './quotes/index.js';
import { segment } from './segment.js';
import { SpanIndex } from '../text/spanIndex.js';

const segmentStage: Stage = {
  name: 'segment',
  requires: ['text', 'norm'],
  assigns: ['paragraphs', 'sentences', 'tokens'],
  run: doc => segment(doc),
};

const entitiesStage: Stage = {
  name: 'entities',
  requires: ['tokens', 'sentences', 'quoteSpans'],
  assigns: ['entities'],
  run: doc => {
    const inners = new SpanIndex(doc.quoteSpans.map(q => q.inner));
    return { entities: findEntities(doc, offset => inners.containing(offset) !== undefined) };
  },
};

const numbersStage: Stage = {
  name: 'numbers',
  requires: ['tokens', 'sentences'],
  assigns: ['numbers'],
  run: doc => ({ numbers: findNumbers(doc) }),
};

const claimsStage: Stage = {
  name: 'claims',
  requires: ['quotes', 'numbers', 'entities', 'sentences', 'tokens'],
  assigns: ['claims', 'numbers'],
  run: doc => findClaims(doc),
};

/** The pipeline, in order. Each stage reads only what earlier stages assigned. */
export const STAGES: readonly Stage[] = [segmentStage, quoteMarksStage, entitiesStage, quotesStage, quoteConfidenceStage, numbersStage, claimsStage];
