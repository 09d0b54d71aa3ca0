// TEMPORARY until the numbers and checkworthiness stages land
import type { Doc, NumberMention } from '../model.js';
export function findNumbers(_doc: Readonly<Doc>): NumberMention[] { return []; }
export function scoreCheckworthiness(_input: { text: string; tokens?: unknown; context?: unknown }): { score: number; features: string[] } { return { score: 0.5, features: [] }; }
