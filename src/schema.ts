/**
 * Validation of output documents against the shipped JSON Schema
 * (`schema/claimsift.v1.schema.json`, draft 2020-12).
 *
 * The schema file is read at runtime from the package root. This module runs both as
 * `dist/src/schema.js` (compiled) and as `src/schema.ts` (vitest), so the root is found by
 * walking up from the module's own directory until a `schema/claimsift.v1.schema.json` appears.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Import from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

export const SCHEMA_ID = 'https://claimsift.dev/schema/claimsift.v1.schema.json';
const SCHEMA_REL = join('schema', 'claimsift.v1.schema.json');

// ajv is CommonJS: under nodenext the default import is `module.exports`, which at runtime is the
// class itself (with a `.default` alias), while bundlers/vitest may hand us the `.default` export.
interface AjvInstance {
  compile(schema: object): ValidateFunction;
}
type AjvCtor = new (opts?: Record<string, unknown>) => AjvInstance;
const AjvClass: AjvCtor =
  ((Ajv2020Import as unknown as { default?: AjvCtor }).default ?? (Ajv2020Import as unknown as AjvCtor));

let cachedPath: string | undefined;
let cachedValidator: ValidateFunction | undefined;

/** Absolute path of the schema file shipped with the package. */
export function schemaPath(): string {
  if (cachedPath !== undefined) return cachedPath;
  // The compiled layout first: dist/src/schema.js -> <root>/schema/...
  const direct = fileURLToPath(new URL('../../schema/claimsift.v1.schema.json', import.meta.url));
  let dir = dirname(fileURLToPath(import.meta.url));
  const tried: string[] = [];
  for (;;) {
    const candidate = join(dir, SCHEMA_REL);
    tried.push(candidate);
    if (existsSync(candidate)) {
      cachedPath = candidate;
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (existsSync(direct)) {
    cachedPath = direct;
    return direct;
  }
  throw new Error(`claimsift: cannot find ${SCHEMA_REL}; looked in:\n  ${tried.join('\n  ')}`);
}

function validator(): ValidateFunction {
  if (cachedValidator !== undefined) return cachedValidator;
  const schema = JSON.parse(readFileSync(schemaPath(), 'utf8')) as object;
  const ajv = new AjvClass({ allErrors: true, strict: true, allowUnionTypes: true });
  cachedValidator = ajv.compile(schema);
  return cachedValidator;
}

function formatError(e: ErrorObject): string {
  const where = e.instancePath === '' ? '/' : e.instancePath;
  let msg = e.message ?? e.keyword;
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'enum' && Array.isArray(params['allowedValues'])) {
    msg += `: ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (e.keyword === 'const' && 'allowedValue' in params) {
    msg += `: ${JSON.stringify(params['allowedValue'])}`;
  }
  return `${where} ${msg}`;
}

/** Validate one output document against the v1 schema. */
export function validateDocument(doc: unknown): { valid: boolean; errors: string[] } {
  const validate = validator();
  const valid = validate(doc) === true;
  if (valid) return { valid: true, errors: [] };
  const seen = new Set<string>();
  const errors: string[] = [];
  for (const e of validate.errors ?? []) {
    const s = formatError(e);
    if (!seen.has(s)) {
      seen.add(s);
      errors.push(s);
    }
  }
  return { valid: false, errors };
}
