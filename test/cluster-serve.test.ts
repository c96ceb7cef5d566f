/**
 * `newsgraph serve --db postgres://...`: the unchanged HTTP API over a shared PostgreSQL store,
 * two server processes' worth (two stores, two servers) at once. Both answer the same, and an
 * article ingested through one is served by the other. Needs NEWSGRAPH_TEST_PG.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignStories } from '../src/dedup/index.js';
import { startServer } from '../src/server/index.js';
import { recordIngester } from '../src/server/ingest.js';
import { articleA, articleB, articleC } from '../src/store/fixtures.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import { scratchDatabase, type ScratchDatabase } from './cluster-helpers.js';

const PG = process.env.NEWSGRAPH_TEST_PG;
if (!PG) console.warn('cluster-serve: NEWSGRAPH_TEST_PG is not set; PostgreSQL server tests skipped');

describe.skipIf(!PG)('two API servers over one PostgreSQL store', () => {
  let db: ScratchDatabase;
  const stores: Store[] = [];
  const servers: Array<{ url: string; close: () => Promise<void> }> = [];

  beforeAll(async () => {
    db = await scratchDatabase(PG!);
    for (let i = 0; i < 2; i++) {
      const store = await openStore(db.url);
      stores.push(store);
      servers.push(await startServer({ store, port: 0, ui: false, ingest: recordIngester(store) }));
    }
    await stores[0]!.putArticles(await assignStories(stores[0]!, [articleA(), articleB(), articleC()]), null);
    await stores[1]!.rebuildIncidents();
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const s of stores) await s.close();
    await db?.drop();
  });

  const get = async (base: string, path: string) => {
    const res = await fetch(base + path);
    return { status: res.status, body: await res.json() };
  };

  it.each([
    '/api/stats',
    '/api/articles?limit=10',
    '/api/articles/a1',
    '/api/actors?q=Assad',
    '/api/actors/Q44329',
    '/api/actors/Q7747/neighbourhood?depth=2',
    '/api/dyads?a=Q7747&b=Q44329',
    '/api/events?modality=any',
    '/api/events/a1%23v1/why',
    '/api/incidents?minSources=2',
    '/api/search?q=Idlib',
    '/api/graph',
  ])('both servers answer %s the same', async (path) => {
    const [one, two] = await Promise.all(servers.map((s) => get(s.url, path)));
    expect(one!.status).toBe(200);
    expect(two).toEqual(one);
  });

  it('serves from one server what was ingested through the other', async () => {
    const text = 'Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Sochi on Tuesday. They agreed on a ceasefire in Idlib.';
    const res = await fetch(`${servers[1]!.url}/api/ingest`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ records: [{ id: 'sochi-1', title: 'Sochi talks', date: '2018-09-17', text }] }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ stored: 1, skipped: 0, failed: [] });
    const { status, body } = await get(servers[0]!.url, '/api/articles/sochi-1');
    expect(status).toBe(200);
    expect(body.document).toMatchObject({ id: 'sochi-1', title: 'Sochi talks', date: '2018-09-17', text });
    expect((await get(servers[0]!.url, '/api/stats')).body.articles).toBe(4);
  });
});
