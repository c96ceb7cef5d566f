import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/index.js';
import { expandSources, ingest, parseFeed, readWarc, warcArticles } from '../src/ingest/index.js';
import { openStore } from '../src/store/open.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'corpus');
const tmp = () => mkdtempSync(join(tmpdir(), 'ng-ingest-'));

const ARTICLE_HTML = (title: string, body: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${body
    .split('\n')
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;

const LONG_BODY = [
  'Officials in Kyiv said on Tuesday that talks with European partners on air defence would continue next week in Brussels.',
  'The defence minister told reporters that the country needed more systems before the winter, when attacks on power plants usually increase.',
  'Diplomats from several member states said an agreement on financing was close but that details remained to be settled by the finance ministers.',
].join('\n');

function warcRecord(headers: Record<string, string>, content: Buffer): Buffer {
  const head = ['WARC/1.0', ...Object.entries({ ...headers, 'Content-Length': String(content.length) }).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), content, Buffer.from('\r\n\r\n')]);
}

function httpResponse(body: string, status = 200, type = 'text/html; charset=utf-8', extra: Record<string, string> = {}): Buffer {
  const head = [`HTTP/1.1 ${status} OK`, `Content-Type: ${type}`, ...Object.entries(extra).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), Buffer.from(body)]);
}

/** A WARC with a warcinfo record, a request, two HTML responses (one chunked), an image and a 404. */
function buildWarc(): Buffer[] {
  const page1 = ARTICLE_HTML('Air defence talks', LONG_BODY);
  const page2 = ARTICLE_HTML('Floods in the north', 'Heavy rain flooded villages in northern Italy on Sunday, the civil protection agency said.\nRescuers evacuated hundreds of residents overnight.');
  const chunked = `${Buffer.byteLength(page2).toString(16)}\r\n${page2}\r\n0\r\n\r\n`;
  return [
    warcRecord({ 'WARC-Type': 'warcinfo', 'WARC-Record-ID': '<urn:uuid:1>' }, Buffer.from('software: test\r\n')),
    warcRecord({ 'WARC-Type': 'request', 'WARC-Target-URI': 'https://a.example/talks' }, Buffer.from('GET /talks HTTP/1.1\r\n\r\n')),
    warcRecord({ 'WARC-Type': 'response', 'WARC-Target-URI': 'https://a.example/talks', 'WARC-Date': '2024-03-01T00:00:00Z' }, httpResponse(page1)),
    warcRecord({ 'WARC-Type': 'response', 'WARC-Target-URI': 'https://a.example/floods' }, httpResponse(chunked, 200, 'text/html', { 'Transfer-Encoding': 'chunked' })),
    warcRecord({ 'WARC-Type': 'response', 'WARC-Target-URI': 'https://a.example/logo.png' }, httpResponse('\x89PNG', 200, 'image/png')),
    warcRecord({ 'WARC-Type': 'response', 'WARC-Target-URI': 'https://a.example/missing' }, httpResponse('not found', 404)),
  ];
}

describe('feeds', () => {
  it('reads RSS 2.0 items: full content preferred, HTML to text, dates to ISO', () => {
    const items = parseFeed(readFileSync(join(FIXTURES, 'feed.rss'), 'utf8'), 'feed.rss');
    expect(items).toEqual([
      {
        source: 'feed.rss', id: 'https://news.example.org/2024/03/geneva-talks', url: 'https://news.example.org/2024/03/geneva-talks',
        title: 'Ministers meet in Geneva', date: '2024-03-12', authors: ['Jane Reporter'], outlet: 'Example World News',
        text: 'The foreign ministers of France and Germany met in Geneva on Monday to discuss a ceasefire.\n\nThey agreed to meet again next month.',
      },
      {
        source: 'feed.rss', id: 'https://news.example.org/2024/03/protest', url: 'https://news.example.org/2024/03/protest',
        title: 'Protest in the capital & beyond', date: '2024-03-13', outlet: 'Example World News',
        text: 'Thousands of students protested in Nairobi against the new tax law on Wednesday.',
      },
      { source: 'feed.rss', id: 'https://news.example.org/2024/03/gallery', url: 'https://news.example.org/2024/03/gallery', title: 'Photo gallery', outlet: 'Example World News' },
    ]);
  });

  it('reads Atom entries', () => {
    expect(parseFeed(readFileSync(join(FIXTURES, 'feed.atom'), 'utf8'), 'feed.atom')).toEqual([{
      source: 'feed.atom', id: 'https://wire.example.com/talks-resume', url: 'https://wire.example.com/talks-resume', title: 'Talks resume',
      date: '2024-05-01', authors: ['Sam Writer'], outlet: 'Atom Example Wire',
      text: 'Negotiators from Armenia and Azerbaijan resumed talks in Brussels on Wednesday.',
    }]);
  });
});

describe('WARC', () => {
  it.each([
    ['plain', (recs: Buffer[]) => Buffer.concat(recs)],
    ['gzip per record', (recs: Buffer[]) => Buffer.concat(recs.map((r) => gzipSync(r)))],
  ])('reads records of a %s WARC file', async (_label, pack) => {
    const path = join(tmp(), 'crawl.warc.gz');
    writeFileSync(path, pack(buildWarc()));
    const types: Array<[string, string | null]> = [];
    for await (const r of readWarc(path)) types.push([r.type, r.targetUri]);
    expect(types).toEqual([
      ['warcinfo', null], ['request', 'https://a.example/talks'], ['response', 'https://a.example/talks'],
      ['response', 'https://a.example/floods'], ['response', 'https://a.example/logo.png'], ['response', 'https://a.example/missing'],
    ]);
    const articles: Array<[string | undefined, string | undefined]> = [];
    for await (const item of warcArticles(path)) if ('input' in item) articles.push([item.input.id, item.input.title]);
    expect(articles).toEqual([['https://a.example/talks', 'Air defence talks'], ['https://a.example/floods', 'Floods in the north']]);
  });

  it('reports a truncated record', async () => {
    const path = join(tmp(), 'cut.warc');
    writeFileSync(path, Buffer.concat(buildWarc()).subarray(0, 700));
    await expect(async () => { for await (const _ of readWarc(path)); }).rejects.toThrow(/truncated WARC record/);
  });
});

describe('ingest', () => {
  it('stores the good files of a mixed directory and lists each bad one with its reason', async () => {
    const dir = tmp();
    const corpus = join(dir, 'in');
    mkdirSync(join(corpus, 'sub'), { recursive: true });
    writeFileSync(join(corpus, 'good.html'), ARTICLE_HTML('Air defence talks', LONG_BODY));
    writeFileSync(join(corpus, 'sub', 'note.txt'), 'Heavy rain flooded villages in northern Italy on Sunday, the civil protection agency said.');
    writeFileSync(join(corpus, 'image.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0, 5, 6]));
    writeFileSync(join(corpus, 'broken.html'), '<html><body><div><span></span></div></body></html>');
    writeFileSync(join(corpus, 'empty.txt'), '');
    writeFileSync(join(corpus, 'recs.jsonl'), '{"id":"r1","text":"Protesters gathered in Nairobi on Tuesday."}\n{"id":"r2"}\n');
    writeFileSync(join(corpus, 'feed.rss'), readFileSync(join(FIXTURES, 'feed.rss')));
    const store = await openStore(join(dir, 'x.db'));
    const s = await ingest(store, [corpus, join(dir, 'nope.txt')], { jobs: 0 });
    expect(s.failed.map((f) => [f.source.slice(dir.length + 1), f.reason])).toEqual([
      ['nope.txt', 'no such file or directory'],
      ['in/broken.html', 'HTML has no article text (no main content found)'],
      ['in/empty.txt', 'input is empty (0 bytes)'],
      ['https://news.example.org/2024/03/gallery'.slice(dir.length + 1), 'feed item has no text (try --fetch)'],
      ['in/image.bin', 'input looks binary (NUL or control bytes), not text'],
      ['in/recs.jsonl:2', "record has neither 'text' nor 'html'"],
    ].map(([a, b]) => [a, b]));
    expect(s).toMatchObject({ read: 5, stored: 5, skipped: 0 });
    expect((await store.stats()).articles).toBe(5);
    await store.close();
  });

  it('is resumable: a second run skips what is stored and adds only the new', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.jsonl'), ['x1', 'x2', 'x3'].map((id, i) => JSON.stringify({ id, text: `Article ${i}: ${LONG_BODY.replace('Tuesday', ['Monday', 'Tuesday', 'Friday'][i]!)}` })).join('\n'));
    const store = await openStore(join(dir, 'x.db'));
    expect(await ingest(store, [join(dir, 'a.jsonl')], { jobs: 0 })).toMatchObject({ stored: 3, skipped: 0 });
    writeFileSync(join(dir, 'b.jsonl'), JSON.stringify({ id: 'x4', text: 'Rescuers evacuated hundreds of residents overnight in northern Italy.' }));
    expect(await ingest(store, [join(dir, '*.jsonl')], { jobs: 0 })).toMatchObject({ stored: 1, skipped: 3 });
    expect((await store.runs()).map((r) => r.stats?.stored)).toEqual([3, 1]);
    await store.close();
  });

  it('groups exact and near-duplicate copies into one story', async () => {
    const dir = tmp();
    const copy = LONG_BODY.replace('Officials in Kyiv said', 'Officials in Kyiv announced') + '\nThis article was amended.';
    writeFileSync(join(dir, 'c.jsonl'), [
      { id: 'orig', text: LONG_BODY, outlet: 'Wire' },
      { id: 'reprint', text: LONG_BODY, outlet: 'Daily' },
      { id: 'edited', text: copy },
      { id: 'other', text: 'Heavy rain flooded villages in northern Italy on Sunday, the civil protection agency said, and rescuers evacuated hundreds of residents overnight while roads stayed closed.' },
    ].map((r) => JSON.stringify(r)).join('\n'));
    const store = await openStore(join(dir, 'x.db'));
    expect(await ingest(store, [join(dir, 'c.jsonl')], { jobs: 0 })).toMatchObject({ stored: 4, duplicates: 2 });
    expect(await store.story('orig')).toEqual(['orig', 'reprint', 'edited']);
    expect((await store.getArticle('reprint'))?.duplicateKind).toBe('exact');
    expect((await store.getArticle('edited'))?.duplicateKind).toBe('near');
    expect(await store.story('other')).toEqual(['other']);
    await store.close();
  });

  it('reads WARC files and feeds through ingest, analysing in worker threads', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'crawl.warc.gz'), Buffer.concat(buildWarc().map((r) => gzipSync(r))));
    const store = await openStore(join(dir, 'x.db'));
    const s = await ingest(store, [join(dir, 'crawl.warc.gz'), join(FIXTURES, 'feed.atom')], { jobs: 1 });
    expect(s).toMatchObject({ stored: 3, failed: [] });
    expect((await store.getArticle('https://a.example/talks'))?.title).toBe('Air defence talks');
    expect((await store.getArticle('https://wire.example.com/talks-resume'))?.date).toBe('2024-05-01');
    await store.close();
  });

  it('refuses a second writer while one holds the store, naming the holder', async () => {
    const dir = tmp();
    const path = join(dir, 'x.db');
    const store = await openStore(path);
    const db = new Database(path);
    db.prepare("INSERT INTO locks(name, pid, host, owner, since) VALUES ('writer', ?, ?, 'ingest', '2026-01-01T00:00:00Z')").run(process.ppid, (await import('node:os')).hostname());
    db.close();
    writeFileSync(join(dir, 'a.txt'), 'Protesters gathered in Nairobi on Tuesday.');
    await expect(ingest(store, [join(dir, 'a.txt')], { jobs: 0 })).rejects.toThrow(`another ingest (pid ${process.ppid} on`);
    expect((await store.stats()).articles).toBe(0);
    await store.close();
  });

  it('expands directories recursively and globs, sorted', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'd', 'e'), { recursive: true });
    for (const f of ['d/b.txt', 'd/a.html', 'd/e/c.jsonl', 'd/.hidden']) writeFileSync(join(dir, f), 'x');
    const { sources, failures } = await expandSources([join(dir, 'd'), join(dir, 'd/*.txt'), join(dir, 'zz*.txt'), '-', 'https://x.example/rss']);
    expect(sources.map((s) => (s.kind === 'file' ? s.path.slice(dir.length + 1) : s.kind === 'url' ? s.url : s.kind))).toEqual([
      'd/a.html', 'd/b.txt', 'd/e/c.jsonl', 'd/b.txt', 'stdin', 'https://x.example/rss',
    ]);
    expect(failures).toEqual([{ source: join(dir, 'zz*.txt'), reason: 'no files match this pattern' }]);
  });
});

describe('feeds over HTTP', () => {
  it('ingests a feed URL, fetches item pages with --fetch, and `watch` polls without storing twice', async () => {
    const rss = readFileSync(join(FIXTURES, 'feed.rss'), 'utf8');
    const server = createServer((req, res) => {
      if (req.url === '/rss') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(rss.replaceAll('https://news.example.org/', `http://localhost:${(server.address() as AddressInfo).port}/`));
      } else if (req.url === '/2024/03/gallery') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(ARTICLE_HTML('Photo gallery', LONG_BODY));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss`;
    try {
      const dir = tmp();
      const store = await openStore(join(dir, 'x.db'));
      const s = await ingest(store, [url], { jobs: 0 });
      expect(s).toMatchObject({ stored: 2 });
      expect(s.failed.map((f) => f.reason)).toEqual(['feed item has no text (try --fetch)']);
      await store.close();

      const db = join(dir, 'w.db');
      const write = process.stdout.write;
      let out = '';
      process.stdout.write = ((chunk: string) => { out += chunk; return true; }) as typeof process.stdout.write;
      let code: number;
      try {
        code = await main(['node', 'newsgraph', 'watch', url, '--fetch', '--every', '50ms', '--polls', '2', '--db', db]);
      } finally {
        process.stdout.write = write;
      }
      // --fetch: the gallery page is fetched; the other item pages 404, so their feed text is used.
      expect(out.split('\n').filter(Boolean).map((l) => l.replace(/^\S+ /, '').replace(/(, \d+ incidents)? — .*/, ''))).toEqual([
        'stored 3 articles',
        'stored 0 articles, skipped 3 already stored',
      ]);
      expect(code).toBe(0);
    } finally {
      server.close();
    }
  });
});
