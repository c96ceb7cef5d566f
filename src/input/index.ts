import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { ArticleInput } from '../analyze.js';
import { NewsgraphError } from '../errors.js';
import { decodeBytes, sniffHtmlCharset } from '../normalize/encoding.js';
import { readHtml } from './html.js';
import { fromRecord } from './records.js';

export { readHtml, domText, dropLeadingMeta, pruneBoilerplate, splitByline } from './html.js';
export { isoDate } from './date.js';

/** Input formats; 'auto' detects from the content and the name's extension. */
export type InputFormat = 'auto' | 'text' | 'html' | 'json' | 'jsonl';

export interface ReadOptions {
  /** Size cap in bytes (default 20 MB): larger inputs are refused before being read whole. */
  maxBytes?: number;
  /** URL fetch timeout in ms (default 15 s). */
  timeoutMs?: number;
  format?: InputFormat;
  /** Charset the source declared (an HTTP Content-Type header); used only when the bytes are not UTF-8. */
  charset?: string;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 15_000;

/** The seed format's first line: one token with a digit, like `1.2011006-4012467280`. */
const ID_LINE = /^(?=[^\s]*\d)[A-Za-z0-9][\w.:/#-]{3,99}$/;

/**
 * Reads articles from a file path, an http(s) URL (fetched with a timeout and a size cap) or
 * `-` (stdin). JSON arrays and JSONL give several records; a record that cannot be read comes back
 * with `error` set (and `line`), so callers can report it and go on with the rest.
 * Throws {@link NewsgraphError} (one line, naming the input) when the input as a whole is unusable.
 *
 * @example
 *   const [article] = await readSource('samples/putin-assad-column.txt');
 *   article.id; // '1.2011006-4012467280'
 */
export async function readSource(source: string, opts: ReadOptions = {}): Promise<ArticleInput[]> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (source === '-') return parseBytes(await readStream(process.stdin, 'stdin', maxBytes), 'stdin', opts);
  if (/^https?:\/\//i.test(source)) {
    const { bytes, contentType } = await fetchUrl(source, maxBytes, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const format = opts.format && opts.format !== 'auto' ? opts.format : /html/i.test(contentType) ? 'html' : 'auto';
    const charset = /charset\s*=\s*["']?([\w:.-]+)/i.exec(contentType)?.[1];
    const records = parseBytes(bytes, source, { ...opts, format, ...(charset ? { charset } : {}) });
    // A single page is identified by its URL; records of a JSONL feed keep their own ids (or content hashes).
    if (records.length === 1) return [{ ...records[0]!, url: records[0]!.url ?? source, id: records[0]!.id ?? source, source }];
    return records.map((r) => ({ ...r, source }));
  }
  const info = await stat(source).catch((err: NodeJS.ErrnoException) => {
    const detail = err.code === 'EACCES' ? 'permission denied' : err.code === 'ENOENT' || err.code === 'ENOTDIR' ? 'no such file or directory' : `cannot read (${err.code ?? err.message})`;
    throw new NewsgraphError('NG_INPUT_MISSING', source, detail);
  });
  if (info.isDirectory()) throw new NewsgraphError('NG_INPUT_DIRECTORY', source, 'is a directory, not a file');
  if (info.size > maxBytes) throw tooLarge(source, info.size, maxBytes);
  let bytes: Buffer = await readFile(source).catch((err: Error) => {
    throw new NewsgraphError('NG_INPUT_MISSING', source, `cannot read: ${err.message}`);
  });
  if (source.endsWith('.gz')) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(source, NaN, maxBytes);
      throw new NewsgraphError('NG_INPUT_BINARY', source, `not valid gzip data (${e.message})`);
    }
  }
  return parseBytes(bytes, source.replace(/\.gz$/, ''), opts).map((r) => ({ ...r, source: r.source ?? source }));
}

function tooLarge(name: string, size: number, max: number): NewsgraphError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new NewsgraphError(
    'NG_INPUT_TOO_LARGE',
    name,
    `${Number.isNaN(size) ? 'more than' : mb(size) + ', over'} the ${mb(max)} cap (raise it with --max-bytes)`,
  );
}

async function readStream(stream: NodeJS.ReadableStream, name: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += b.length;
    if (total > maxBytes) throw tooLarge(name, NaN, maxBytes);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Fetches a URL with a timeout, refusing bodies over `maxBytes` (by header, then while reading). */
async function fetchUrl(url: string, maxBytes: number, timeoutMs: number): Promise<{ bytes: Buffer; contentType: string }> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, { signal, redirect: 'follow', headers: { 'user-agent': 'newsgraph' } });
    if (!res.ok) throw new NewsgraphError('NG_INPUT_FETCH', url, `HTTP ${res.status} ${res.statusText}`.trim());
    const length = Number(res.headers.get('content-length') ?? NaN);
    if (length > maxBytes) {
      await res.body?.cancel();
      throw tooLarge(url, length, maxBytes);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    if (res.body) {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        total += chunk.length;
        if (total > maxBytes) {
          await res.body.cancel().catch(() => {});
          throw tooLarge(url, NaN, maxBytes);
        }
        chunks.push(Buffer.from(chunk));
      }
    }
    return { bytes: Buffer.concat(chunks), contentType: res.headers.get('content-type') ?? '' };
  } catch (err) {
    if (err instanceof NewsgraphError) throw err;
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || signal.aborted) {
      throw new NewsgraphError('NG_INPUT_FETCH', url, `timed out after ${timeoutMs / 1000} s`);
    }
    throw new NewsgraphError('NG_INPUT_FETCH', url, `could not fetch (${e.cause?.code ?? e.cause?.message ?? e.message})`);
  }
}

/**
 * Parses the bytes of one input: decodes them ({@link decodeBytes}), detects the format from the
 * content and `name`'s extension unless `opts.format` says, and returns its records.
 * Formats: the seed plain-text format (line 1 an id like `1.2011006-4012467280`, then the text),
 * plain text, HTML, JSON (a record or an array of records) and JSONL (one record a line).
 *
 * @example
 *   parseBytes(Buffer.from('{"id":"a","text":"Hello"}\n{"id":"b","text":"Bye"}\n'), 'x.jsonl').map((r) => r.id); // ['a', 'b']
 */
export function parseBytes(bytes: Buffer, name: string, opts: ReadOptions = {}): ArticleInput[] {
  if (!bytes.length) throw new NewsgraphError('NG_INPUT_EMPTY', name, 'input is empty (0 bytes)');
  const text = decodeBytes(bytes, name, opts.charset ?? sniffHtmlCharset(bytes)).text;
  if (!text.trim()) throw new NewsgraphError('NG_INPUT_EMPTY', name, 'input is empty (only whitespace)');
  const format = opts.format && opts.format !== 'auto' ? opts.format : detectFormat(text, name);
  switch (format) {
    case 'html':
      return [{ ...readHtml(text, name), source: name }];
    case 'json':
      return parseJson(text, name);
    case 'jsonl':
      return parseJsonl(text, name);
    default:
      return [parsePlainText(text, name)];
  }
}

/** Guesses the format from the extension, then from the first characters. */
export function detectFormat(text: string, name: string): Exclude<InputFormat, 'auto'> {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'json') return 'json';
  const head = text.replace(/^\ufeff/, '').trimStart().slice(0, 1000);
  if (/^<(!doctype html|html|head|body|meta|article)\b/i.test(head) || /^<\?xml[^>]*>\s*<(!doctype html|html)/i.test(head)) return 'html';
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    try {
      JSON.parse(text);
      return 'json';
    } catch {
      return 'jsonl';
    }
  }
  return 'text';
}

/** The seed format when line 1 looks like an id; plain text otherwise. */
function parsePlainText(text: string, name: string): ArticleInput {
  const body = text.replace(/^\ufeff/, '');
  const nl = body.indexOf('\n');
  const first = (nl < 0 ? body : body.slice(0, nl)).trim();
  if (nl > 0 && ID_LINE.test(first) && body.slice(nl).trim()) {
    return { id: first, text: body.slice(nl + 1), source: name };
  }
  return { text: body, source: name };
}

function recordOrError(rec: unknown, subject: string, name: string, line: number): ArticleInput {
  try {
    return { ...fromRecord(rec, subject, name), line };
  } catch (err) {
    if (err instanceof NewsgraphError) return { error: err, line, source: name };
    throw err;
  }
}

function parseJson(text: string, name: string): ArticleInput[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new NewsgraphError('NG_INPUT_JSON', name, `malformed JSON (${(err as Error).message})`);
  }
  const list = Array.isArray(value) ? value : [value];
  if (!list.length) throw new NewsgraphError('NG_INPUT_EMPTY', name, 'JSON array has no records');
  return list.map((rec, i) => recordOrError(rec, Array.isArray(value) ? `${name}[${i}]` : name, name, i + 1));
}

function parseJsonl(text: string, name: string): ArticleInput[] {
  const out: ArticleInput[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const subject = `${name}:${i + 1}`;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (err) {
      out.push({ error: new NewsgraphError('NG_INPUT_JSON', subject, `malformed JSON on line ${i + 1} (${(err as Error).message})`), line: i + 1, source: name });
      return;
    }
    out.push(recordOrError(rec, subject, name, i + 1));
  });
  if (!out.length) throw new NewsgraphError('NG_INPUT_EMPTY', name, 'no records');
  return out;
}
