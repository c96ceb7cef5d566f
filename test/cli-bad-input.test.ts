import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync, copyFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../src/contract.js';
import { runCli } from './cli-helpers.js';

let dir: string;
let server: Server;
let base: string;
let closedPort: number;
const ARTICLE_HTML = `<html><head><title>Talks</title><meta property="article:published_time" content="2021-06-15"></head><body>
<article><p>${'Foreign ministers met in Geneva on Tuesday to discuss a ceasefire, officials said. '.repeat(5)}</p></article></body></html>`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-cli-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(join(dir, 'huge.txt'), '');
  truncateSync(join(dir, 'huge.txt'), 200 * 1024 * 1024); // sparse: 200 MB by stat, no disk used
  writeFileSync(join(dir, 'cut.txt'), Buffer.concat([Buffer.from('Putin’s Kremlin said on Tuesday '), Buffer.from('’').subarray(0, 2)]));
  writeFileSync(join(dir, 'nav.html'), '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>');
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'french.txt'), 'Le président russe Vladimir Poutine a rencontré son homologue italien Sergio Mattarella au Kremlin mardi, lors d’une visite officielle.');
  copyFileSync('test/fixtures/records.jsonl', join(dir, 'records.jsonl'));
  server = createServer((req, res) => {
    if (req.url === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(ARTICLE_HTML);
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 5000).unref();
    } else if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50_000_000) });
      res.end();
    } else if (req.url === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('x'.repeat(4000));
      res.end('y'.repeat(4000));
    } else {
      res.writeHead(404);
      res.end('not found');
    }
  });
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server?.closeAllConnections();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const oneLine = (stderr: string) => {
  expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
};

describe('newsgraph analyze refuses bad input with one line and a non-zero exit', () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    ['empty file', () => ['analyze', join(dir, 'empty.txt')], /^newsgraph: .*empty\.txt: input is empty \(0 bytes\)$/],
    ['binary file', () => ['analyze', join(dir, 'image.png')], /^newsgraph: .*image\.png: input looks binary/],
    ['200 MB file over the default cap', () => ['analyze', join(dir, 'huge.txt')], /^newsgraph: .*huge\.txt: 200\.0 MB, over the 20\.0 MB cap \(raise it with --max-bytes\)$/],
    ['file over --max-bytes', () => ['analyze', '--max-bytes', '1000', 'samples/putin-assad-column.txt'], /^newsgraph: samples\/putin-assad-column\.txt: 0\.0 MB, over the 0\.0 MB cap/],
    ['truncated UTF-8', () => ['analyze', join(dir, 'cut.txt')], /^newsgraph: .*cut\.txt: truncated UTF-8: the input ends inside a multi-byte character \(byte 34\)/],
    ['HTML with no article', () => ['analyze', join(dir, 'nav.html')], /^newsgraph: .*nav\.html: HTML has no article text/],
    ['missing path', () => ['analyze', join(dir, 'nope.txt')], /^newsgraph: .*nope\.txt: no such file or directory$/],
    ['directory', () => ['analyze', join(dir, 'folder')], /^newsgraph: .*folder: is a directory, not a file$/],
    ['URL that fails', () => ['analyze', `${base}/missing`], /^newsgraph: http:\/\/127\.0\.0\.1:\d+\/missing: HTTP 404 Not Found$/],
    ['URL that times out', () => ['analyze', '--timeout', '300', `${base}/slow`], /^newsgraph: http:\/\/127\.0\.0\.1:\d+\/slow: timed out after 0\.3 s$/],
    ['URL too big by its header', () => ['analyze', `${base}/big`], /^newsgraph: http:\/\/127\.0\.0\.1:\d+\/big: 47\.7 MB, over the 20\.0 MB cap/],
    ['URL too big while reading', () => ['analyze', '--max-bytes', '5000', `${base}/big-chunked`], /^newsgraph: http:\/\/127\.0\.0\.1:\d+\/big-chunked: more than the 0\.0 MB cap/],
    ['unreachable URL', () => ['analyze', `http://127.0.0.1:${closedPort}/x`], /^newsgraph: http:\/\/127\.0\.0\.1:\d+\/x: could not fetch \(ECONNREFUSED\)$/],
  ];
  it.each(cases)('%s', async (_, args, message) => {
    const r = await runCli(args());
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    oneLine(r.stderr);
    expect(r.stderr.trim()).toMatch(message);
  });
});

describe('option mistakes exit 2', () => {
  it.each([
    [['--date', '2017-02-30'], /^newsgraph: --date: '2017-02-30' is not a valid date \(expected YYYY-MM-DD\)$/],
    [['--date', '11/04/2017'], /^newsgraph: --date: '11\/04\/2017' is not a valid date/],
    [['--max-bytes', 'lots'], /^newsgraph: --max-bytes: 'lots' is not a positive whole number$/],
    [['--format', 'pdf'], /^newsgraph: --format: 'pdf' is not one of auto, text, html, json, jsonl$/],
  ])('%j', async (opts, message) => {
    const r = await runCli(['analyze', ...opts, 'samples/putin-assad-column.txt']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    oneLine(r.stderr);
    expect(r.stderr.trim()).toMatch(message);
  });
});

describe('records and streams', () => {
  it('a malformed JSONL line is reported with its line number; the rest is analysed; exit 1', async () => {
    const r = await runCli(['analyze', '--jsonl', join(dir, 'records.jsonl')]);
    expect(r.code).toBe(1);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/^newsgraph: .*records\.jsonl:2: malformed JSON on line 2/);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Analysis);
    expect(out.map((a) => [a.document.id, a.document.date])).toEqual([['r1', '2020-01-02'], ['r3', '2020-01-03']]);
  });

  it('--jsonl streams stdin to stdout in input order', async () => {
    const lines = [
      JSON.stringify({ id: 'a', text: 'Officials in Paris said on Monday that talks with Berlin would resume next week.' }),
      '{ not json',
      JSON.stringify({ id: 'b', date: '2019-05-06', text: 'The ministers of Italy and Spain met in Rome on Tuesday to discuss trade.' }),
      JSON.stringify({ id: 'c', title: 'no body' }),
      JSON.stringify({ id: 'd', text: 'Turkey and Greece agreed on Friday to hold new talks on maritime borders.' }),
    ];
    const r = await runCli(['analyze', '--jsonl', '-'], `${lines.join('\n')}\n`);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'newsgraph: stdin:2: malformed JSON on line 2',
      "newsgraph: stdin:4: record has neither 'text' nor 'html'",
    ]);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Analysis);
    expect(out.map((a) => a.document.id)).toEqual(['a', 'b', 'd']);
    expect(out[1]!.document.dateSource).toBe('metadata');
  });

  it('reads a URL (HTML by content type) and names it as source and id', async () => {
    const r = await runCli(['analyze', '--json', `${base}/article`]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const d = (JSON.parse(r.stdout) as Analysis).document;
    expect([d.id, d.source, d.title, d.date, d.dateSource]).toEqual([`${base}/article`, `${base}/article`, 'Talks', '2021-06-15', 'metadata']);
  });

  it('reads stdin as one article', async () => {
    const r = await runCli(['analyze', '--json', '-'], 'Officials in Paris said on Monday that talks with Berlin would resume next week.');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Analysis).document.source).toBe('stdin');
  });

  it('an unsupported language: one line naming input and language, output still printed, exit 3', async () => {
    const r = await runCli(['analyze', '--json', join(dir, 'french.txt')]);
    expect(r.code).toBe(3);
    oneLine(r.stderr);
    expect(r.stderr.trim()).toMatch(/^newsgraph: .*french\.txt: language 'fr' is not supported; only the document structure was analysed$/);
    const a = JSON.parse(r.stdout) as Analysis;
    expect([a.document.language, a.sentences]).toEqual(['fr', []]);
  });
});
