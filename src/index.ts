export { extract, annotate } from './extract.js';
export { toOutput, offsetConverter, type OutputDocument, type OutputSpan } from './output.js';
export { validateDocument, schemaPath } from './schema.js';
export { STAGES } from './stages/index.js';
export { runStages, type Stage } from './pipeline.js';
export type * from './model.js';
export { VERSION } from './version.js';
