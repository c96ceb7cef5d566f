/** The HTTP API over a real SQLite store: routes, validation, error bodies, security. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.js';
import { createApp, startServer } from '../src/server/index.js';
import { recordIngester } from '../src/server/ingest.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';

let dir: string;
let store: Store;
let app: ReturnType<typeof createApp>;
let stored = 0;
const SAMPLE = '1.2011006-4012467280';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ng-api-'));
  store = await openStore(join(dir, 'api.db'));
  const summary = await ingest(store, [join(import.meta.dirname, '..', 'samples')], { jobs: 0 });
  expect(summary.failed).toEqual([]);
  stored = summary.stored;
  expect(stored).toBeGreaterThanOrEqual(4); // the column, a wire story, an HTML page, JSONL briefs
  app = createApp({ store, ingest: recordIngester(store), validateResponses: true });
}, 120_000);

afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const json = async (path: string, init?: RequestInit) => {
  const res = await app.request(path, init);
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
};
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  ({ method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });

describe('read endpoints', () => {
  it('counts the store', async () => {
    const { status, body } = await json('/api/stats');
    expect(status).toBe(200);
    expect(body.articles).toBe(stored);
  });

  it('pages articles with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const { body } = await json(`/api/articles?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((a: any) => a.id));
      cursor = body.next;
    }
    expect(seen.length).toBe(stored);
    expect(new Set(seen).size).toBe(stored);
    expect(seen).toContain(SAMPLE);
  });

  it('returns an article as the analysis contract', async () => {
    const { status, body } = await json(`/api/articles/${SAMPLE}`);
    expect(status).toBe(200);
    expect(body.schema).toBe('newsgraph.analysis/1');
    expect(body.document.date).toBe('2017-04-11');
    expect(body.story).toEqual([SAMPLE]);
    expect(body.entities.some((e: any) => /Putin/.test(e.name))).toBe(true);
  });

  it('finds actors and their profile', async () => {
    const { body } = await json('/api/actors?q=Vladimir%20Putin');
    expect(body.items[0].name).toMatch(/Putin/);
    const profile = await json(`/api/actors/${encodeURIComponent(body.items[0].key)}`);
    expect(profile.status).toBe(200);
    expect(profile.body.actor.name).toMatch(/Putin/);
  });

  it('searches article text with highlighted snippets', async () => {
    const { body } = await json('/api/search?q=Tartus');
    expect(body.articles[0].articleId).toBe(SAMPLE);
    expect(body.articles[0].snippet).toMatch(/«Tartus»/);
  });

  it('publishes an OpenAPI document covering every route', async () => {
    const { body } = await json('/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths).sort()).toEqual([
      '/api/actors', '/api/actors/{ref}', '/api/actors/{ref}/neighbourhood', '/api/analyze', '/api/articles', '/api/articles/{id}',
      '/api/dictionaries', '/api/dyads', '/api/events', '/api/events/{id}/why', '/api/graph', '/api/incidents', '/api/ingest',
      '/api/pattern', '/api/recode', '/api/search', '/api/stats',
    ]);
    expect(body.paths['/api/events'].get.parameters.map((p: any) => p.name)).toContain('modality');
  });
});

describe('errors', () => {
  it.each([
    ['/api/events?limit=0', 400, 'NG_BAD_REQUEST', /limit/],
    ['/api/events?modality=maybe', 400, 'NG_BAD_REQUEST', /unknown modality 'maybe'/],
    ['/api/events?from=yesterday', 400, 'NG_BAD_REQUEST', /from/],
    ['/api/articles/nope', 404, 'NG_NOT_FOUND', /no article 'nope'/],
    ['/api/nothing', 404, 'NG_NOT_FOUND', /no such endpoint/],
    ['/api/search', 400, 'NG_BAD_REQUEST', /q/],
  ])('%s → %i %s', async (path, status, code, message) => {
    const r = await json(path);
    expect(r.status).toBe(status);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message).toMatch(message);
  });

  it('refuses a body that is not JSON, and one without text or html', async () => {
    expect((await json('/api/analyze', { method: 'POST', body: 'nope', headers: { 'Content-Type': 'application/json' } })).body.error)
      .toEqual({ code: 'NG_BAD_REQUEST', message: 'body is not valid JSON' });
    expect((await json('/api/analyze', post('/api/analyze', { id: 'x' }))).body.error.message).toMatch(/text' or 'html/);
  });

  it('caps the request body size', async () => {
    const small = createApp({ store, maxBodyBytes: 1000 });
    const res = await small.request('/api/analyze', post('/api/analyze', { text: 'x'.repeat(5000) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.code).toBe('NG_BODY_TOO_LARGE');
  });
});

describe('write endpoints', () => {
  it('analyses without storing', async () => {
    const { status, body } = await json('/api/analyze', post('/api/analyze', { id: 'x1', text: 'Russian President Vladimir Putin met Italian President Sergio Mattarella in Moscow.', date: '2017-04-11' }));
    expect(status).toBe(200);
    expect(body.document.id).toBe('x1');
    expect((await store.stats()).articles).toBe(stored);
  });

  it('ingests on loopback without a token, skipping what is stored', async () => {
    const rec = { id: 'post-1', date: '2020-01-02', text: 'Iranian Foreign Minister Mohammad Javad Zarif condemned the US strike in Baghdad on Friday.' };
    const first = await json('/api/ingest', post('/api/ingest', { records: [rec] }));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ stored: 1, skipped: 0, failed: [] });
    const again = await json('/api/ingest', post('/api/ingest', { records: [rec] }));
    expect(again.body).toMatchObject({ stored: 0, skipped: 1 });
  });

  it('needs the token when exposed beyond loopback', async () => {
    const open = createApp({ store, exposed: true, ingest: recordIngester(store) });
    const body = { records: [{ text: 'Some text.' }] };
    expect((await open.request('/api/ingest', post('', body))).status).toBe(403);
    const guarded = createApp({ store, exposed: true, token: 's3cret', ingest: recordIngester(store) });
    expect((await guarded.request('/api/ingest', post('', body))).status).toBe(401);
    expect((await guarded.request('/api/ingest', post('', body, { Authorization: 'Bearer wrong' }))).status).toBe(401);
    expect((await guarded.request('/api/ingest', post('', { records: [{ id: 'tok-1', text: 'Germany and France agreed on a new budget for the European Union.' }] }, { Authorization: 'Bearer s3cret' }))).status).toBe(200);
  });
});

describe('steering from the API', () => {
  it('shows the dictionary line an event rule cites, and nothing outside data/events', async () => {
    const events = (await json('/api/events?modality=any&limit=500')).body.items as Array<{ rule: string }>;
    const ref = events.map((e) => /data\/events\/[\w.-]+:\d+/.exec(e.rule)?.[0]).find(Boolean)!;
    expect(ref).toBeTruthy();
    const { status, body } = await json(`/api/pattern?ref=${encodeURIComponent(ref)}`);
    expect(status).toBe(200);
    expect(body.file).toBe(ref.split(':')[0]);
    expect(typeof body.text).toBe('string');
    for (const bad of ['data/events/../../package.json:1', '/etc/passwd:1', 'data/events/verbs.tsv:999999']) {
      expect((await json(`/api/pattern?ref=${encodeURIComponent(bad)}`)).status).toBe(404);
    }
  });

  it('adds an alias to an actor, previews the re-coding, applies it; refuses an invalid edit', async () => {
    const putin = (await json('/api/actors?q=Vladimir%20Putin')).body.items[0];
    const added = await json('/api/dictionaries', post('', { op: 'add-alias', actor: putin.key, alias: 'the Russian strongman' }));
    expect(added.status).toBe(200);
    expect(added.body.message).toMatch(/Russian strongman/);
    const preview = await json('/api/recode', post('', { dryRun: true }));
    expect(preview.status).toBe(200);
    expect(preview.body.dryRun).toBe(true);
    const bad = await json('/api/dictionaries', post('', { op: 'add-role', actor: putin.key, title: 'Tsar', kind: 'head_of_state', org: 'RU', from: '2020-01-01', to: '2010-01-01' }));
    expect(bad.body.error.message).toMatch(/before|after|order|date/i);
    expect(bad.status).toBe(400);
    const unknown = await json('/api/dictionaries', post('', { op: 'add-alias', actor: 'PERSON:nobody at all', alias: 'x' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/not in the knowledge base/);
    const applied = await json('/api/recode', post('', { dryRun: false }));
    expect(applied.status).toBe(200);
  });

  it('needs the token for dictionary edits when exposed', async () => {
    const guarded = createApp({ store, exposed: true, token: 't0k' });
    const res = await guarded.request('/api/dictionaries', post('', { op: 'add-alias', actor: 'Q7747', alias: 'VVP' }));
    expect(res.status).toBe(401);
  });
});

describe('security headers and static files', () => {
  it('sends a strict Content-Security-Policy', async () => {
    const res = await app.request('/api/stats');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never serves a file outside the UI folder', async () => {
    const ui = createApp({ store, uiDir: join(import.meta.dirname, 'fixtures-ui') });
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/index.html/../../package.json']) {
      const res = await ui.request(path);
      const text = await res.text();
      expect(text).not.toContain('"name": "newsgraph"');
    }
  });

  it('binds to 127.0.0.1 by default', async () => {
    const s = await startServer({ store, port: 0, ui: false });
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${s.url}/api/stats`);
      expect(res.status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
