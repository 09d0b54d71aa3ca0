/**
 * Length-preserving normalisation: the result has exactly the same length as the input,
 * so every offset found in it is an offset into the original text.
 */
const SUBSTITUTIONS: Record<string, string> = {
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u00A0': ' ', '\u2007': ' ', '\u2009': ' ', '\u200A': ' ', '\u202F': ' ', '\u2002': ' ', '\u2003': ' ',
  '\u2060': ' ', '\uFEFF': ' ', '\u200B': ' ', '\t': ' ', '\r': ' ', '\u000B': ' ', '\u000C': ' ',
  '\u2013': '-', '\u2012': '-', '\u2011': '-', '\u2010': '-',
};
const PATTERN = new RegExp(`[${Object.keys(SUBSTITUTIONS).join('')}]`, 'g');

export function normalizeText(text: string): string {
  return text.replace(PATTERN, ch => SUBSTITUTIONS[ch] ?? ch);
}

/** Characters that open a quotation in the original text. */
export const OPEN_QUOTE_CHARS = new Set(['\u201C', '\u201E', '\u00AB']);
export const CLOSE_QUOTE_CHARS = new Set(['\u201D', '\u00BB']);
