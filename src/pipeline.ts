import type { Doc } from './model.js';

export type Layer = Exclude<keyof Doc, 'text' | 'norm' | 'article'>;

/** A stage reads the layers it `requires` and returns the layers it `assigns`; only the runner writes them. */
export interface Stage {
  readonly name: string;
  readonly requires: readonly (keyof Doc)[];
  readonly assigns: readonly Layer[];
  run(doc: Readonly<Doc>): Partial<Pick<Doc, Layer>>;
}

export function runStages(doc: Doc, stages: readonly Stage[]): Doc {
  const available = new Set<keyof Doc>(['text', 'norm', 'article', 'diagnostics']);
  for (const stage of stages) {
    const missing = stage.requires.filter(r => !available.has(r));
    if (missing.length) {
      throw new Error(`[E101] stage "${stage.name}" requires ${missing.join(', ')}, which no earlier stage assigns. Order: ${stages.map(s => s.name).join(' → ')}`);
    }
    const result = stage.run(doc);
    for (const layer of stage.assigns) {
      const value = result[layer];
      if (value === undefined) continue;
      if (layer === 'diagnostics') doc.diagnostics.push(...(value as Doc['diagnostics']));
      else (doc as unknown as Record<string, unknown>)[layer] = value;
      available.add(layer);
    }
  }
  return doc;
}
