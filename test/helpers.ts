import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordsFromFile, listInputFiles } from '../src/io/inputs.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const hasShared = fs.existsSync(path.join(SHARED, 'tools'));

/** Every article of the shipped corpus, as input records. */
export function corpusRecords() {
  return listInputFiles([path.relative(process.cwd(), path.join(ROOT, 'corpus')) || 'corpus']).flatMap(f => [...recordsFromFile(f)]);
}
