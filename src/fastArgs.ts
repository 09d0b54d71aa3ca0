/**
 * `claimsift extract` with plain options, read without yargs: loading and setting up yargs costs
 * ~100 ms of a cold start, a quarter of extracting one small article. Only unambiguous command lines
 * are read here, to exactly the arguments yargs would give (test/cli-args.test.ts holds the two
 * side by side); anything else (help, a misspelt or repeated option, a bad choice, a value that
 * starts with "-", a number-like input name...) returns null and goes to yargs, which accepts it or
 * explains what is wrong.
 */
import type { ExtractArgs } from './batch/extractCommand.js';

type Kind = 'string' | 'number' | 'boolean' | readonly string[];

/** The options of `extract` (cliParser.ts), by the name yargs gives them in the parsed arguments. */
const OPTIONS: Readonly<Record<string, Kind>> = {
  out: 'string', output: 'string', cache: 'string', shard: 'string',
  format: ['json', 'jsonl', 'csv'], offsets: ['codepoint', 'utf16'], progress: ['auto', 'bar', 'lines', 'none'],
  jobs: 'number', shards: 'number', chunkSize: 'number', timeout: 'number',
  flatten: 'boolean', explain: 'boolean', resume: 'boolean', quiet: 'boolean',
};
const SHORT: Readonly<Record<string, string>> = { '-o': 'out', '-j': 'jobs', '-q': 'quiet' };
const LONG: Readonly<Record<string, string>> = { 'chunk-size': 'chunkSize' };
/** Values that yargs would read as something else than this reader does. */
const AMBIGUOUS_VALUE = /^-|^$/;
const WHOLE_NUMBER = /^\d{1,9}$/;

/** The option an argument names, or null when it names none of them in a form read here. */
function optionOf(arg: string): { name: string; inline: string | null } | null {
  const short = SHORT[arg];
  if (short !== undefined) return { name: short, inline: null };
  if (!arg.startsWith('--')) return null;
  const eq = arg.indexOf('=');
  const raw = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
  const name = LONG[raw] ?? raw;
  // camel-case spellings (--chunkSize) and the like are left to yargs
  if (!(name in OPTIONS) || (name !== raw && raw in OPTIONS) || /[A-Z]/.test(raw)) return null;
  return { name, inline: eq < 0 ? null : arg.slice(eq + 1) };
}

/** The arguments of `claimsift extract ...`, or null to let yargs read the command line. */
export function fastExtractArgs(argv: readonly string[]): ExtractArgs | null {
  if (argv[0] !== 'extract') return null;
  const inputs: string[] = [];
  const seen = new Map<string, string | number | boolean>();
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-') { inputs.push(arg); continue; }
    if (!arg.startsWith('-')) {
      // yargs reads number-like positionals as numbers ("007" becomes "7")
      if (arg.trim() === '' || !Number.isNaN(Number(arg))) return null;
      inputs.push(arg);
      continue;
    }
    if (arg === '--no-cache') {
      if (seen.has('cache')) return null;
      seen.set('cache', false);
      continue;
    }
    const option = optionOf(arg);
    if (option === null || seen.has(option.name)) return null;
    const kind = OPTIONS[option.name] as Kind;
    if (kind === 'boolean') {
      // "--quiet true" and "--quiet=false" are read by yargs as values of the flag
      const next = argv[i + 1];
      if (option.inline !== null || next === 'true' || next === 'false') return null;
      seen.set(option.name, true);
      continue;
    }
    const value = option.inline ?? argv[++i];
    if (value === undefined || AMBIGUOUS_VALUE.test(value)) return null;
    if (kind === 'number') {
      if (!WHOLE_NUMBER.test(value)) return null;
      seen.set(option.name, Number(value));
    } else if (kind === 'string') {
      if (/^(?:true|false)$/.test(value)) return null;
      seen.set(option.name, value);
    } else {
      if (!kind.includes(value)) return null;
      seen.set(option.name, value);
    }
  }
  const str = (name: string): string | undefined => seen.get(name) as string | undefined;
  const num = (name: string): number | undefined => seen.get(name) as number | undefined;
  const flag = (name: string): boolean => seen.get(name) === true;
  return {
    inputs,
    out: str('out'),
    output: str('output'),
    format: (str('format') ?? 'json') as ExtractArgs['format'],
    flatten: flag('flatten'),
    explain: flag('explain'),
    offsets: (str('offsets') ?? 'codepoint') as ExtractArgs['offsets'],
    quiet: flag('quiet'),
    jobs: num('jobs'),
    cache: seen.get('cache') as string | boolean | undefined,
    resume: flag('resume'),
    shard: str('shard'),
    shards: num('shards'),
    chunkSize: num('chunkSize'),
    timeout: num('timeout'),
    progress: (str('progress') ?? 'auto') as NonNullable<ExtractArgs['progress']>,
  };
}
