import { createReadStream } from 'node:fs';
import { createGunzip, gunzipSync, inflateSync, brotliDecompressSync } from 'node:zlib';
import type { ArticleInput } from '../analyze.js';
import { NewsgraphError } from '../errors.js';
import { parseBytes } from '../input/index.js';

/**
 * A small streaming WARC reader (ISO 28500, WARC/1.0 and 1.1), for news crawls.
 *
 * Why hand-written: the npm WARC readers (warcio) pull in a large dependency tree for what is
 * a header block and a length-delimited body. Records are read one at a time, so memory stays
 * flat on multi-gigabyte files; `.warc.gz` (one gzip member per record, concatenated) is
 * decompressed as one stream.
 */
export interface WarcRecord {
  /** WARC header fields, names lower-cased. */
  headers: Record<string, string>;
  type: string;
  targetUri: string | null;
  content: Buffer;
}

const CRLF2 = Buffer.from('\r\n\r\n');

/**
 * Reads the records of a WARC file (plain or gzip-compressed, detected by magic bytes).
 *
 * @example
 *   for await (const rec of readWarc('crawl.warc.gz')) if (rec.type === 'response') console.log(rec.targetUri);
 */
export async function* readWarc(path: string): AsyncGenerator<WarcRecord> {
  const raw = createReadStream(path);
  const head = await new Promise<Buffer>((resolve, reject) => {
    const probe = createReadStream(path, { start: 0, end: 1 });
    const parts: Buffer[] = [];
    probe.on('data', (c) => parts.push(c as Buffer)).on('end', () => resolve(Buffer.concat(parts))).on('error', reject);
  }).catch((err: NodeJS.ErrnoException) => {
    throw new NewsgraphError('NG_INPUT_MISSING', path, err.code === 'ENOENT' ? 'no such file or directory' : err.message);
  });
  const stream: AsyncIterable<Buffer> = head[0] === 0x1f && head[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  yield* parseWarcStream(stream, path);
}

/** Parses WARC records out of a stream of byte chunks. */
export async function* parseWarcStream(chunks: AsyncIterable<Buffer>, name: string): AsyncGenerator<WarcRecord> {
  let buf = Buffer.alloc(0);
  let offset = 0;
  const iterator = chunks[Symbol.asyncIterator]();
  const more = async (): Promise<boolean> => {
    let next: IteratorResult<Buffer>;
    try {
      next = await iterator.next();
    } catch (err) {
      throw new NewsgraphError('NG_INPUT_BINARY', name, `not a readable WARC file (${(err as Error).message})`);
    }
    if (next.done) return false;
    buf = offset ? Buffer.concat([buf.subarray(offset), next.value]) : Buffer.concat([buf, next.value]);
    offset = 0;
    return true;
  };
  for (;;) {
    // Skip the blank lines between records.
    while (offset < buf.length && (buf[offset] === 0x0d || buf[offset] === 0x0a)) offset++;
    let end = buf.indexOf(CRLF2, offset);
    while (end < 0) {
      if (!(await more())) {
        if (buf.length - offset > 0 && buf.subarray(offset).toString('latin1').trim()) {
          throw new NewsgraphError('NG_INPUT_RECORD', name, 'truncated WARC record header');
        }
        return;
      }
      while (offset < buf.length && (buf[offset] === 0x0d || buf[offset] === 0x0a)) offset++;
      end = buf.indexOf(CRLF2, offset);
    }
    const headerText = buf.subarray(offset, end).toString('utf8');
    const lines = headerText.split('\r\n');
    if (!/^WARC\/\d/.test(lines[0] ?? '')) throw new NewsgraphError('NG_INPUT_RECORD', name, `not a WARC record (starts with "${(lines[0] ?? '').slice(0, 20)}")`);
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const c = line.indexOf(':');
      if (c > 0) headers[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
    }
    const length = Number(headers['content-length']);
    if (!Number.isFinite(length) || length < 0) throw new NewsgraphError('NG_INPUT_RECORD', name, 'WARC record without a valid Content-Length');
    offset = end + 4;
    while (buf.length - offset < length) {
      if (!(await more())) throw new NewsgraphError('NG_INPUT_RECORD', name, `truncated WARC record (${headers['warc-target-uri'] ?? headers['warc-record-id'] ?? '?'})`);
    }
    const content = Buffer.from(buf.subarray(offset, offset + length));
    offset += length;
    yield { headers, type: headers['warc-type'] ?? '', targetUri: headers['warc-target-uri'] ?? null, content };
  }
}

/** Splits an HTTP response (as stored in a WARC response record) into status, headers and decoded body. */
export function parseHttpResponse(content: Buffer): { status: number; headers: Record<string, string>; body: Buffer } | null {
  const end = content.indexOf(CRLF2);
  if (end < 0) return null;
  const lines = content.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/[\d.]+\s+(\d{3})/.exec(lines[0] ?? '')?.[1] ?? NaN);
  if (!Number.isFinite(status)) return null;
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const c = line.indexOf(':');
    if (c > 0) headers[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
  }
  let body = content.subarray(end + 4);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  const enc = (headers['content-encoding'] ?? '').toLowerCase();
  try {
    if (enc === 'gzip' || enc === 'x-gzip') body = gunzipSync(body);
    else if (enc === 'deflate') body = inflateSync(body);
    else if (enc === 'br') body = brotliDecompressSync(body);
  } catch {
    return { status, headers, body: Buffer.alloc(0) };
  }
  return { status, headers, body };
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let p = 0;
  while (p < body.length) {
    const eol = body.indexOf('\r\n', p);
    if (eol < 0) break;
    const size = parseInt(body.subarray(p, eol).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    p = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** One article or one unreadable record of a WARC file. */
export type WarcItem = { input: ArticleInput } | { failure: { source: string; reason: string } };

/**
 * The HTML pages of a WARC file as articles: `response` records with status 200 and an HTML
 * content type (other records — requests, metadata, images, redirects — are passed over).
 * The target URI becomes the article's id and URL.
 */
export async function* warcArticles(path: string): AsyncGenerator<WarcItem> {
  for await (const rec of readWarc(path)) {
    if (rec.type !== 'response' || !rec.targetUri) continue;
    const http = parseHttpResponse(rec.content);
    if (!http || http.status !== 200) continue;
    if (!/html/i.test(http.headers['content-type'] ?? 'text/html')) continue;
    const source = rec.targetUri;
    try {
      for (const input of parseBytes(http.body, source, { format: 'html' })) {
        yield { input: { ...input, id: input.id ?? source, url: input.url ?? source, source } };
      }
    } catch (err) {
      if (!(err instanceof NewsgraphError)) throw err;
      yield { failure: { source: `${path} ${source}`, reason: err.detail } };
    }
  }
}
