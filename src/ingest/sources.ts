import { closeSync, createReadStream, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { isAbsolute } from 'node:path';
import { glob } from 'tinyglobby';
import type { ArticleInput } from '../analyze.js';
import { NewsgraphError } from '../errors.js';
import { parseBytes, readSource } from '../input/index.js';
import { fromRecord } from '../input/records.js';
import { isFeed, parseFeed } from './feed.js';
import { warcArticles } from './warc.js';

/** One place articles come from, after expanding directories and globs. */
export type Source = { kind: 'file'; path: string } | { kind: 'url'; url: string } | { kind: 'stdin' };

/** An input that could not be read, and why (one line). */
export interface Failure {
  source: string;
  reason: string;
}

/**
 * What reading sources yields: an article to analyse, or a failure to report. `of` is how many
 * records the source holds, when known up front (a JSON array or JSONL file), for progress totals.
 */
export type Item = ({ input: ArticleInput } | { failure: Failure }) & { of?: number };

export interface ReadItemsOptions {
  /** Fetch each feed item's page instead of using the feed's own text. */
  fetch?: boolean;
  /** Size cap per input file, bytes. */
  maxBytes?: number;
}

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Expands command-line arguments (paths, directories, globs, URLs, `-`) into sources, sorted
 * within each directory or glob. Arguments that name nothing become failures, not errors, so one
 * typo does not stop a long ingest.
 *
 * @example
 *   const { sources, failures } = await expandSources(['corpus/', 'extra/*.jsonl', '-']);
 */
export async function expandSources(args: string[]): Promise<{ sources: Source[]; failures: Failure[] }> {
  const sources: Source[] = [];
  const failures: Failure[] = [];
  for (const arg of args) {
    if (arg === '-') sources.push({ kind: 'stdin' });
    else if (/^https?:\/\//i.test(arg)) sources.push({ kind: 'url', url: arg });
    else if (existsSync(arg)) {
      if (statSync(arg).isDirectory()) {
        const files = await glob('**/*', { cwd: arg, onlyFiles: true, absolute: false, dot: false });
        for (const f of files.sort()) sources.push({ kind: 'file', path: `${arg.replace(/\/+$/, '')}/${f}` });
      } else sources.push({ kind: 'file', path: arg });
    } else if (GLOB_CHARS.test(arg)) {
      const files = await glob(arg, { onlyFiles: true, dot: false, absolute: isAbsolute(arg) });
      if (!files.length) failures.push({ source: arg, reason: 'no files match this pattern' });
      for (const f of files.sort()) sources.push({ kind: 'file', path: f });
    } else failures.push({ source: arg, reason: 'no such file or directory' });
  }
  return { sources, failures };
}

function sourceName(s: Source): string {
  return s.kind === 'file' ? s.path : s.kind === 'url' ? s.url : 'stdin';
}

function head(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(n);
    const got = readSync(fd, b, 0, n, 0);
    return b.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads every article of one source: WARC files (plain or gzip), RSS/Atom feeds (files or URLs),
 * and everything `src/input` reads (text, HTML, JSON, JSONL). Unreadable inputs and records are
 * yielded as failures with their reason.
 */
export async function* readItems(source: Source, opts: ReadItemsOptions = {}): AsyncGenerator<Item> {
  const name = sourceName(source);
  try {
    if (source.kind === 'file') {
      const h = head(source.path, 2048);
      const gz = h[0] === 0x1f && h[1] === 0x8b;
      if (/\.warc(\.gz)?$/i.test(source.path) || h.subarray(0, 5).toString('latin1') === 'WARC/') {
        yield* warcArticles(source.path);
        return;
      }
      if (!gz && (/\.(rss|atom)$/i.test(source.path) || isFeed(h.toString('utf8')))) {
        yield* feedItems(readFileSync(source.path, 'utf8'), source.path, opts);
        return;
      }
      if (!gz && /\.(jsonl|ndjson)$/i.test(source.path)) {
        yield* jsonLines(source.path);
        return;
      }
      yield* records(await readSource(source.path, { maxBytes: opts.maxBytes }), name);
      return;
    }
    if (source.kind === 'url') {
      const { bytes, contentType } = await fetchBytes(source.url, opts.maxBytes ?? 20 * 1024 * 1024);
      const text = /xml|rss|atom/i.test(contentType) || !/html/i.test(contentType) ? bytes.toString('utf8') : '';
      if (text && isFeed(text)) {
        yield* feedItems(text, source.url, opts);
        return;
      }
      const parsed = parseBytes(bytes, source.url, { format: /html/i.test(contentType) ? 'html' : 'auto' });
      yield* records(parsed.map((r) => ({ ...r, id: r.id ?? source.url, url: r.url ?? source.url, source: source.url })), name);
      return;
    }
    yield* records(await readSource('-', { maxBytes: opts.maxBytes }), name);
  } catch (err) {
    if (!(err instanceof NewsgraphError)) throw err;
    yield { failure: { source: err.subject && err.subject !== name ? `${name} (${err.subject})` : name, reason: err.detail } };
  }
}

/**
 * Streams a JSONL file one record at a time: corpora come as JSONL files of gigabytes, which
 * neither fit the per-input size cap nor belong in memory at once.
 */
async function* jsonLines(path: string): AsyncGenerator<Item> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = n === 1 ? raw.replace(/^\ufeff/, '').trim() : raw.trim();
    if (!line) continue;
    const subject = `${path}:${n}`;
    try {
      let rec: unknown;
      try {
        rec = JSON.parse(line);
      } catch (err) {
        throw new NewsgraphError('NG_INPUT_JSON', subject, `malformed JSON on line ${n} (${(err as Error).message})`);
      }
      const input = fromRecord(rec, subject, path);
      yield { input: { ...input, line: n, source: input.source ?? path } };
    } catch (err) {
      if (!(err instanceof NewsgraphError)) throw err;
      yield { failure: { source: subject, reason: err.detail } };
    }
  }
  if (n === 0) yield { failure: { source: path, reason: 'input is empty (0 bytes)' } };
}

function* records(inputs: ArticleInput[], name: string): Generator<Item> {
  const of = inputs.length;
  for (const input of inputs) {
    if (input.error) yield { failure: { source: input.line ? `${name}:${input.line}` : name, reason: input.error.detail }, of };
    else yield { input: { ...input, source: input.source ?? name }, of };
  }
}

async function* feedItems(xml: string, name: string, opts: ReadItemsOptions): AsyncGenerator<Item> {
  for (const item of parseFeed(xml, name)) {
    if (opts.fetch && item.url) {
      try {
        const [page] = await readSource(item.url, { maxBytes: opts.maxBytes });
        if (page && !page.error) {
          // The feed's metadata is more reliable than what a page's markup yields.
          yield { input: { ...page, id: item.id ?? item.url, url: item.url, source: item.url, title: item.title ?? page.title, date: item.date ?? page.date, authors: item.authors ?? page.authors, outlet: item.outlet ?? page.outlet } };
          continue;
        }
      } catch (err) {
        if (!(err instanceof NewsgraphError)) throw err;
        if (!item.text) {
          yield { failure: { source: item.url, reason: err.detail } };
          continue;
        }
      }
    }
    if (!item.text?.trim()) {
      yield { failure: { source: item.url ?? name, reason: 'feed item has no text (try --fetch)' } };
      continue;
    }
    yield { input: item };
  }
}

/** Fetches a URL with a timeout and a size cap. */
export async function fetchBytes(url: string, maxBytes: number, timeoutMs = 15_000): Promise<{ bytes: Buffer; contentType: string }> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow', headers: { 'user-agent': 'newsgraph' } });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    throw new NewsgraphError('NG_INPUT_FETCH', url, e.name === 'TimeoutError' ? `timed out after ${timeoutMs / 1000} s` : `could not fetch (${e.cause?.code ?? e.message})`);
  }
  if (!res.ok) throw new NewsgraphError('NG_INPUT_FETCH', url, `HTTP ${res.status} ${res.statusText}`.trim());
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > maxBytes) throw new NewsgraphError('NG_INPUT_TOO_LARGE', url, `larger than the ${Math.round(maxBytes / 1048576)} MB cap`);
  return { bytes, contentType: res.headers.get('content-type') ?? '' };
}
