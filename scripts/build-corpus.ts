/**
 * `node dist/scripts/build-corpus.js`: writes corpus/wikinews.jsonl and corpus/NOTICE from the CC BY 2.5
 * Wikinews collection in ../shared/corpus/wikinews/ (every article, in its order). Field names change
 * (headline → title, date → publishedAt, body → text); the text does not. Skips with a message when
 * ../shared is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface SharedArticle { id: string; headline: string; date: string; url: string; license: string; attribution: string; body: string }

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = fs.existsSync(path.join(here, '..', 'package.json')) ? path.resolve(here, '..') : path.resolve(here, '..', '..');
const SOURCE = path.resolve(ROOT, '..', 'shared', 'corpus', 'wikinews', 'wikinews_cc-by-2.5.jsonl');

if (!fs.existsSync(SOURCE)) {
  console.error(`build-corpus: ${SOURCE} not found; nothing to do`);
  process.exit(0);
}

const articles = fs.readFileSync(SOURCE, 'utf8').split('\n').filter(line => line.trim()).map(line => JSON.parse(line) as SharedArticle);
const records = articles.map(a => JSON.stringify({ id: a.id, title: a.headline, url: a.url, publishedAt: a.date, license: a.license, attribution: a.attribution, text: a.body }));
fs.writeFileSync(path.join(ROOT, 'corpus', 'wikinews.jsonl'), `${records.join('\n')}\n`);

const notice = `corpus/ — notices

wikinews.jsonl
--------------
The ${articles.length} news articles in wikinews.jsonl are by "Wikinews contributors", from en.wikinews.org
(https://en.wikinews.org), licensed under Creative Commons Attribution 2.5
(https://creativecommons.org/licenses/by/2.5/).
Attribution: Wikinews contributors, en.wikinews.org.

Changes made:
- The articles are the whole of a collection of ${articles.length} Wikinews articles from 2019-2021, in its order.
- Field names were changed: headline -> title, date -> publishedAt, body -> text.
- Text not altered: each record's "text" is the article body exactly as in that collection
  (the text as published on en.wikinews.org, with whitespace normalised).
- scripts/build-corpus.ts makes this file and wikinews.jsonl from that collection.

Articles (id | title | URL):
${articles.map(a => `- ${a.id} | ${a.headline} | ${a.url}`).join('\n')}

pakistan-afghanistan-istanbul-talks.txt
---------------------------------------
pakistan-afghanistan-istanbul-talks.txt is the project's seed article (the article the project was
started from); it is not a Wikinews article.
`;
fs.writeFileSync(path.join(ROOT, 'corpus', 'NOTICE'), notice);
console.error(`build-corpus: ${articles.length} articles written to corpus/wikinews.jsonl, with corpus/NOTICE`);
