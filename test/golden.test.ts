import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processRecord } from '../src/batch.js';
import { fileNameForId } from '../src/io/inputs.js';
import { corpusRecords, ROOT } from './helpers.js';
import { invariantViolations } from './invariants.js';

// Golden outputs: output/<id>.json is the committed extraction of every corpus article.
// After an intended change, refresh them with `UPDATE_GOLDEN=1 npm test` (or `npm start`) and review the diff.
const update = process.env.UPDATE_GOLDEN === '1';
const records = corpusRecords();

describe('golden outputs over the corpus', () => {
  it('the corpus holds the seed article and the 280 Wikinews articles', () => {
    const ids = records.map(r => r.id);
    expect(ids).toContain('pakistan-afghanistan-istanbul-talks');
    const wikinews = ids.filter(id => id.startsWith('wikinews_'));
    expect(wikinews).toHaveLength(280);
    expect(new Set(wikinews).size).toBe(280);
  });

  for (const record of records) {
    it(`${record.id} matches output/ and keeps every invariant`, () => {
      const result = processRecord(record, {});
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(invariantViolations(result.document)).toEqual([]);
      const file = path.join(ROOT, 'output', `${fileNameForId(record.id)}.json`);
      const actual = `${JSON.stringify(result.document, null, 2)}\n`;
      if (update) fs.writeFileSync(file, actual);
      expect(fs.existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npm test`).toBe(true);
      expect(JSON.parse(actual)).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
    });
  }
});
