import { createRequire } from 'node:module';

/**
 * The article inside an HTML page, taken out by Mozilla's Readability (the Firefox Reader View
 * library) over a linkedom DOM. The text keeps one paragraph per block element, separated by a
 * blank line, so the pipeline's paragraphs and headings survive; offsets in the output index this
 * text, never the HTML.
 */
export interface HtmlArticle {
  text: string;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  /** true when Readability found no article and the page's body text was used instead */
  fallback: boolean;
}

// Loaded on first use: HTML is rare in a batch, and these modules cost ~60 ms to load.
const require = createRequire(import.meta.url);
let libs: { parseHTML: (html: string) => { document: DomDocument }; Readability: ReadabilityCtor } | null = null;

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomDocument extends DomNode {
  body: DomNode | null;
  documentElement: DomNode | null;
  title?: string;
  querySelectorAll(selector: string): ArrayLike<DomNode & { remove(): void }>;
}
type ReadabilityCtor = new (doc: DomDocument, options?: Record<string, unknown>) => {
  parse(): { title?: string | null; content?: string | null; byline?: string | null; siteName?: string | null; lang?: string | null } | null;
};

function load(): NonNullable<typeof libs> {
  libs ??= {
    parseHTML: (require('linkedom') as { parseHTML: (html: string) => { document: DomDocument } }).parseHTML,
    Readability: (require('@mozilla/readability') as { Readability: ReadabilityCtor }).Readability,
  };
  return libs;
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'HEAD', 'BUTTON', 'SELECT']);

/** The text of a DOM subtree with one line per block element; runs of HTML whitespace become one space. */
export function blockText(root: DomNode): string {
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const visit = (node: DomNode): void => {
    if (node.nodeType === 3) { current += node.textContent ?? ''; return; }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) flush();
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child) visit(child);
    }
    if (block) flush();
  };
  visit(root);
  flush();
  return lines.join('\n\n');
}

const clean = (s: string | null | undefined): string | null => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t || null;
};

/** Takes the article out of an HTML page. Never throws for odd HTML; an empty page gives empty text. */
export function articleFromHtml(html: string, url?: string | null): HtmlArticle {
  const { parseHTML, Readability } = load();
  const { document } = parseHTML(html);
  const pageTitle = clean(document.title);
  const lang = (document.documentElement as unknown as { getAttribute?: (n: string) => string | null } | null)?.getAttribute?.('lang') ?? null;
  let parsed: ReturnType<InstanceType<ReadabilityCtor>['parse']> = null;
  try {
    // Readability changes the DOM it reads, so it gets its own copy
    parsed = new Readability(parseHTML(html).document, url ? { baseURI: url } : {}).parse();
  } catch {
    parsed = null;
  }
  const content = parsed?.content ? blockText(parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document.body ?? document) : '';
  if (content.trim()) {
    return { text: content, title: clean(parsed?.title) ?? pageTitle, byline: clean(parsed?.byline), siteName: clean(parsed?.siteName), lang: clean(parsed?.lang) ?? clean(lang), fallback: false };
  }
  const body = document.body ?? document.documentElement ?? document;
  return { text: blockText(body), title: pageTitle, byline: null, siteName: null, lang: clean(lang), fallback: true };
}
