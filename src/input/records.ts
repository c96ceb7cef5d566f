import type { ArticleInput } from '../analyze.js';
import { NewsgraphError } from '../errors.js';
import { genreFromSection } from '../structure/data.js';
import { isoDate } from './date.js';
import { readHtml } from './html.js';

function optString(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
}

/**
 * Turns one JSON record `{id, url, title, date, text | html, authors?, outlet?}` into an input.
 * Throws `NG_INPUT_RECORD` when it is not an object or has neither text nor html.
 */
export function fromRecord(rec: unknown, subject: string, source: string): ArticleInput {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
    throw new NewsgraphError('NG_INPUT_RECORD', subject, 'record is not a JSON object');
  }
  const r = rec as Record<string, unknown>;
  const text = typeof r.text === 'string' ? r.text : typeof r.body === 'string' ? r.body : undefined;
  const html = typeof r.html === 'string' ? r.html : undefined;
  if (!text?.trim() && !html?.trim()) {
    throw new NewsgraphError('NG_INPUT_RECORD', subject, "record has neither 'text' nor 'html'");
  }
  const fromHtml = !text?.trim() && html ? readHtml(html, subject) : {};
  const authors = Array.isArray(r.authors)
    ? r.authors.filter((a): a is string => typeof a === 'string')
    : optString(r.author) ? [optString(r.author)!] : undefined;
  const input: ArticleInput = { ...fromHtml, source };
  const set = <K extends keyof ArticleInput>(k: K, v: ArticleInput[K] | undefined) => {
    if (v !== undefined) input[k] = v;
  };
  set('id', optString(r.id));
  set('url', optString(r.url));
  set('title', optString(r.title));
  set('date', isoDate(r.date ?? r.published ?? r.datePublished ?? r.published_at ?? r.pubDate));
  set('authors', authors?.length ? authors : undefined);
  set('outlet', optString(r.outlet));
  set('section', optString(r.section));
  set('genre', input.genre ?? genreFromSection(optString(r.section)));
  if (text?.trim()) input.text = text;
  if (html && !input.html) input.html = html;
  return input;
}
