import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import type { ArticleInput } from '../analyze.js';
import { NewsgraphError } from '../errors.js';
import { domText, isoDate } from '../input/index.js';

/** Whether a text is an RSS or Atom feed (by its root element). */
export function isFeed(text: string): boolean {
  const head = text.replace(/^\ufeff/, '').trimStart().slice(0, 2000).replace(/<\?xml[^>]*\?>\s*/, '').replace(/<!--[\s\S]*?-->\s*/g, '');
  return /^<(rss|feed|rdf:RDF)\b/i.test(head);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  isArray: (name) => ['item', 'entry', 'link', 'author', 'category', 'dc:creator'].includes(name),
  processEntities: true,
  htmlEntities: true,
});

const str = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return str((v as Record<string, unknown>)['#text']);
  return undefined;
};

/** Plain text of an HTML fragment (feed descriptions and contents are HTML). */
export function htmlFragmentText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return domText(document.body).trim();
}

/**
 * Reads the items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed as articles: the item link is the id and
 * URL, the full content (`content:encoded`, Atom `content`) is preferred over the summary.
 * Items without any text are skipped; `ingest --fetch` fetches their pages instead.
 *
 * @example
 *   parseFeed('<rss><channel><title>X</title><item><title>T</title><link>https://x/1</link><description>Body</description></item></channel></rss>', 'feed.xml');
 *   // [{ id: 'https://x/1', url: 'https://x/1', title: 'T', text: 'Body', outlet: 'X', source: 'feed.xml' }]
 */
export function parseFeed(xml: string, source: string): ArticleInput[] {
  let doc: Record<string, any>;
  try {
    doc = parser.parse(xml) as Record<string, any>;
  } catch (err) {
    throw new NewsgraphError('NG_INPUT_RECORD', source, `malformed feed XML (${(err as Error).message})`);
  }
  const channel = doc.rss?.channel ?? doc['rdf:RDF']?.channel;
  const items: any[] = doc.rss?.channel?.item ?? doc['rdf:RDF']?.item ?? doc.feed?.entry ?? [];
  const outlet = str(channel?.title) ?? str(doc.feed?.title);
  if (!doc.rss && !doc.feed && !doc['rdf:RDF']) throw new NewsgraphError('NG_INPUT_RECORD', source, 'not an RSS or Atom feed');
  const out: ArticleInput[] = [];
  for (const item of items) {
    const links: any[] = item.link ?? [];
    const alt = links.find((l) => typeof l === 'object' && (l['@_rel'] ?? 'alternate') === 'alternate') ?? links[0];
    const url = typeof alt === 'object' ? str(alt['@_href']) ?? str(alt) : str(alt);
    const guid = str(item.guid) ?? str(item.id);
    const body = str(item['content:encoded']) ?? str(item.content) ?? str(item.description) ?? str(item.summary);
    const authors = [...(item.author ?? []), ...(item['dc:creator'] ?? [])]
      .map((a: unknown) => (a && typeof a === 'object' && 'name' in a ? str((a as Record<string, unknown>).name) : str(a)))
      .filter((a): a is string => !!a);
    const article: ArticleInput = { source, id: url ?? guid };
    if (url) article.url = url;
    const title = str(item.title);
    if (title) article.title = htmlFragmentText(title);
    const date = isoDate(str(item.pubDate) ?? str(item.published) ?? str(item['dc:date']) ?? str(item.updated));
    if (date) article.date = date;
    if (authors.length) article.authors = authors;
    if (outlet) article.outlet = outlet;
    if (body) article.text = htmlFragmentText(body);
    out.push(article);
  }
  return out;
}
