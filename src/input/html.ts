import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleInput } from '../analyze.js';
import type { Genre } from '../contract.js';
import { NewsgraphError } from '../errors.js';
import { genreFromSection } from '../structure/data.js';
import { isoDate } from './date.js';

/** Block elements: their text starts a new paragraph. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL', 'CAPTION',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'SELECT', 'OPTION', 'HEAD']);

/** Article types of schema.org that describe a news article, and the genre some of them state. */
const ARTICLE_TYPES: Record<string, Genre | null> = {
  NewsArticle: null, Article: null, ReportageNewsArticle: 'news', OpinionNewsArticle: 'opinion',
  AnalysisNewsArticle: 'analysis', BackgroundNewsArticle: 'analysis', ReviewNewsArticle: 'opinion',
  BlogPosting: null, Report: null, LiveBlogPosting: 'news',
};

/** Fewer words than this is not an article (a navigation page, a cookie wall, an empty shell). */
const MIN_ARTICLE_WORDS = 10;

type Node_ = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<Node_> };

/**
 * Converts a DOM subtree to text: block elements become paragraphs separated by blank lines,
 * `<br>` a line break, inline text is joined. Script, style and form controls are dropped.
 *
 * @example
 *   domText(parseHTML('<div><p>One <b>two</b></p><p>Three</p></div>').document.body); // 'One two\n\nThree'
 */
export function domText(root: unknown): string {
  const out: string[] = [];
  const walk = (node: Node_) => {
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      out.push('\n');
      return;
    }
    const block = BLOCK.has(tag);
    if (block) out.push('\n\n');
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) out.push('\n\n');
  };
  walk(root as Node_);
  return out
    .join('')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}

type El = {
  nodeName: string;
  textContent: string | null;
  querySelectorAll(sel: string): ArrayLike<El>;
  remove(): void;
  parentNode: El | null;
};

/** Blocks that are mostly link text are navigation, related-story lists or share bars, not article text. */
const LINK_DENSITY_MAX = 0.7;
const PRUNE_BLOCKS = 'li, p, div, section, ul, ol, aside, nav, header, footer, table, tr, dl, h2, h3, h4, h5, h6, span';

/**
 * Removes boilerplate Readability leaves in its content: figure captions, and blocks whose text is
 * mostly links (navigation, "related" lists, share bars). Readability's own link-density check
 * only runs on candidate containers, not on the blocks inside the one it picks.
 */
export function pruneBoilerplate<T>(root: T): T {
  const r = root as unknown as El;
  for (const el of Array.from(r.querySelectorAll('figcaption, figure'))) el.remove();
  const els = Array.from(r.querySelectorAll(PRUNE_BLOCKS)).reverse(); // innermost first
  for (const el of els) {
    if (!el.parentNode) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const linkText = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + (a.textContent ?? '').replace(/\s+/g, ' ').trim().length, 0);
    if (linkText / text.length > LINK_DENSITY_MAX) el.remove();
  }
  return root;
}

/**
 * The first figure caption of the article and its credit: an element whose class names a credit
 * inside the figure, else a trailing "Credit: X" / "Photo: X" label in the caption text.
 */
function figureCaption(root: unknown, original: unknown): { caption: string; credit: string | null } | null {
  const squash = (t: string | null) => (t ?? '').replace(/\s+/g, ' ').trim();
  const kept = Array.from((root as El).querySelectorAll('figcaption'))[0];
  if (!kept) return null;
  // Readability drops class attributes: find the same caption in the original page for its credit element.
  const fc = Array.from((original as El).querySelectorAll('figcaption')).find((f) => squash(f.textContent) === squash(kept.textContent)) ?? kept;
  const creditEl = Array.from(fc.querySelectorAll('[class*="credit"], [class*="Credit"], [class*="copyright"]'))[0];
  const creditText = creditEl?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  let caption = (fc.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (creditText) caption = caption.replace(creditText, '').trim();
  const label = /\s*(?:Image credit|Photo credit|Credit|Photo|Picture|Image)\s*:\s*([^:]{1,60})$/i.exec(caption);
  if (label) caption = caption.slice(0, label.index).trim();
  const credit = (creditText.replace(/^(?:Image credit|Photo credit|Credit|Photo|Picture|Image)\s*:\s*/i, '') || label?.[1]?.trim()) ?? null;
  return caption ? { caption, credit: credit || null } : null;
}

/** A short line that is only a byline or a publication stamp ("By Staff | November 18, 2019 at 2:26 PM"). */
const META_LINE = /^(?:by\s+\S|published\b|updated\b|posted\b|last updated\b)|^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? |^\d{1,2}:\d{2}\s*(?:am|pm)\b|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}/i;

/** Drops byline and date-stamp lines at the top of the extracted text: page furniture, not article prose. */
export function dropLeadingMeta(text: string): string {
  const blocks = text.split('\n\n');
  let i = 0;
  while (i < Math.min(3, blocks.length - 1) && blocks[i]!.length <= 120 && META_LINE.test(blocks[i]!.trim()) && !/[.!?]["”’]?$/.test(blocks[i]!.trim())) i++;
  return blocks.slice(i).join('\n\n');
}

type Meta = { get(...names: string[]): string | undefined };

function metaReader(document: Document): Meta {
  const map = new Map<string, string>();
  for (const m of Array.from(document.querySelectorAll('meta'))) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
    const content = m.getAttribute('content')?.trim();
    if (key && content && !map.has(key)) map.set(key, content);
  }
  return { get: (...names) => names.map((n) => map.get(n.toLowerCase())).find((v) => v) };
}

/** Article-like objects from the page's JSON-LD blocks (including `@graph` lists). */
function jsonLdArticles(document: Document): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const types = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
    if (types.some((t) => t in ARTICLE_TYPES)) found.push(o);
    if (o['@graph']) visit(o['@graph']);
  };
  for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // a broken JSON-LD block is the page's problem; the meta tags may still say enough
    }
  }
  return found;
}

function names(v: unknown): string[] {
  if (!v) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return [(v as { name: string }).name];
  return [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"]; URLs and outlet-looking bylines are dropped. */
export function splitByline(byline: string): string[] {
  return byline
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:,|\band\b|&|\|)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s && !/^https?:/.test(s) && s.split(/\s+/).length <= 5 && /\p{Lu}/u.test(s));
}

/**
 * Reads an HTML page: main text via Mozilla Readability on a linkedom DOM, metadata from
 * meta tags (og:, article:, name=author, dc.*) and JSON-LD (NewsArticle and kin).
 * Throws `NG_INPUT_NO_ARTICLE` when the page has no article text.
 *
 * @example
 *   const a = readHtml('<html><head><meta property="og:title" content="T"></head><body><article><p>…</p></article></body></html>', 'page.html');
 *   a.title; // 'T'
 */
export function readHtml(html: string, name: string): ArticleInput {
  const { document } = parseHTML(html);
  const meta = metaReader(document as unknown as Document);
  const ld = jsonLdArticles(document as unknown as Document)[0] ?? {};
  const ldTypes = ([] as unknown[]).concat(ld['@type'] ?? []).map(String);
  const ldGenre = ldTypes.map((t) => ARTICLE_TYPES[t]).find((g) => g) ?? undefined;

  const title =
    str(ld.headline) ?? meta.get('og:title', 'twitter:title', 'dc.title') ?? str(document.querySelector('title')?.textContent);
  const date = isoDate(
    str(ld.datePublished) ??
    meta.get('article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'dc.date.issued', 'dc.date', 'sailthru.date', 'parsely-pub-date') ??
    str(document.querySelector('time[datetime]')?.getAttribute('datetime')),
  );
  const outlet = str(names(ld.publisher)[0]) ?? meta.get('og:site_name', 'application-name', 'dc.publisher');
  const url = str(ld.url) ?? meta.get('og:url') ?? str(document.querySelector('link[rel="canonical"]')?.getAttribute('href'));
  const section = str(ld.articleSection) ?? meta.get('article:section', 'section');
  let authors = names(ld.author).flatMap(splitByline);
  if (!authors.length) {
    const metaAuthor = meta.get('author', 'article:author', 'dc.creator', 'byl', 'sailthru.author');
    if (metaAuthor && !/^https?:/.test(metaAuthor)) authors = splitByline(metaAuthor);
  }

  const doc = document as unknown as Document;
  const parsed = new Readability<unknown>(doc.cloneNode(true) as Document, { serializer: (n) => n }).parse();
  const figure = parsed?.content ? figureCaption(parsed.content, document) : null;
  let text = parsed?.content ? dropLeadingMeta(domText(pruneBoilerplate(parsed.content))) : '';
  if (wordCount(text) < MIN_ARTICLE_WORDS) text = str(ld.articleBody) ?? text;
  if (wordCount(text) < MIN_ARTICLE_WORDS) {
    throw new NewsgraphError('NG_INPUT_NO_ARTICLE', name, 'HTML has no article text (no main content found)');
  }
  if (!authors.length && parsed?.byline) authors = splitByline(parsed.byline);

  return {
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    ...(authors.length ? { authors } : {}),
    ...(outlet ?? parsed?.siteName ? { outlet: (outlet ?? parsed?.siteName)! } : {}),
    ...(url ? { url } : {}),
    ...(section ? { section } : {}),
    ...(figure?.caption ? { caption: figure.caption } : {}),
    ...(figure?.credit ? { imageCredit: figure.credit } : {}),
    ...(ldGenre ?? genreFromSection(section) ? { genre: (ldGenre ?? genreFromSection(section))! } : {}),
    text,
    html,
  };
}

function wordCount(text: string): number {
  return text.match(/\p{L}+/gu)?.length ?? 0;
}
