/**
 * The PostgreSQL store: the shared store suite (same results as SQLite), plus what only a
 * networked, multi-process store has to get right: concurrent writers, the advisory writer lock,
 * racing migrations, schema and connection errors. Needs NEWSGRAPH_TEST_PG (started by the
 * global setup when PostgreSQL is installed); skipped with a message otherwise.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignStories } from '../src/dedup/index.js';
import { maskUrl } from '../src/cluster/redis.js';
import { NewsgraphError } from '../src/errors.js';
import { articleA, articleB } from '../src/store/fixtures.js';
import { openStore } from '../src/store/open.js';
import { PG_SCHEMA_VERSION } from '../src/store/pg-schema.js';
import { storeSuite } from '../src/store/suite.js';
import type { Store } from '../src/store/types.js';
import { closedPort, scratchDatabase, type ScratchDatabase } from './cluster-helpers.js';

const PG = process.env.NEWSGRAPH_TEST_PG;
if (!PG) console.warn('store-postgres: NEWSGRAPH_TEST_PG is not set (PostgreSQL not installed); PostgreSQL store tests skipped');

let db: ScratchDatabase;

async function openError(url: string): Promise<NewsgraphError> {
  try {
    const s = await openStore(url);
    await s.close();
  } catch (err) {
    if (err instanceof NewsgraphError) return err;
    throw err;
  }
  throw new Error('expected openStore to fail');
}

describe.skipIf(!PG)('PostgreSQL store', () => {
  beforeAll(async () => {
    db = await scratchDatabase(PG!);
  });
  afterAll(async () => {
    await db?.drop();
  });

  storeSuite('postgres', async () => {
    await db.reset();
    return openStore(db.url);
  });

  describe('PostgreSQL specifics', () => {
    it('opens postgresql:// URLs too and reports a masked location', async () => {
      await db.reset();
      const store = await openStore(db.url.replace(/^postgres:/, 'postgresql:'));
      expect(store.kind).toBe('postgres');
      expect(await store.schemaVersion()).toBe(PG_SCHEMA_VERSION);
      await store.close();
      const withPassword = new URL(db.url);
      withPassword.password = 's3cret';
      const again = await openStore(withPassword.toString()); // trust auth: any password works
      expect(again.location).toBe(withPassword.toString().replace('s3cret', '***'));
      await again.close();
    });

    it('migrates once when several processes open a fresh database at the same time', async () => {
      await db.reset();
      const stores = await Promise.all(Array.from({ length: 4 }, () => openStore(db.url)));
      expect(await Promise.all(stores.map((s) => s.schemaVersion()))).toEqual([1, 1, 1, 1].map(() => PG_SCHEMA_VERSION));
      await Promise.all(stores.map((s) => s.close()));
      expect(await db.query("SELECT key, value FROM meta ORDER BY key")).toEqual([
        { key: 'application', value: 'newsgraph' }, { key: 'schema_version', value: String(PG_SCHEMA_VERSION) },
      ]);
    });

    it('refuses a schema newer than the code and leaves it alone', async () => {
      await db.reset();
      await (await openStore(db.url)).close();
      await db.query("UPDATE meta SET value = $1 WHERE key = 'schema_version'", [String(PG_SCHEMA_VERSION + 1)]);
      const err = await openError(db.url);
      expect(err.code).toBe('NG_DB_SCHEMA');
      expect(err.message).toBe(`${maskUrl(db.url)}: store schema v${PG_SCHEMA_VERSION + 1} is newer than this newsgraph (v${PG_SCHEMA_VERSION}); upgrade newsgraph`);
      expect(await db.query("SELECT value FROM meta WHERE key = 'schema_version'")).toEqual([{ value: String(PG_SCHEMA_VERSION + 1) }]);
    });

    it("refuses another application's tables", async () => {
      await db.reset();
      await db.query('CREATE TABLE meta (key text PRIMARY KEY, value text); CREATE TABLE customers (id int)');
      const err = await openError(db.url);
      expect(err.code).toBe('NG_DB_FOREIGN');
      expect(err.detail).toBe("has a 'meta' table of another application; refusing to modify it");
    });

    it('refuses a read-only open of a database without a store', async () => {
      await db.reset();
      await expect(openStore(db.url, { readonly: true })).rejects.toThrow(
        `${maskUrl(db.url)}: no newsgraph store in this database; run \`newsgraph ingest --db\` or a worker first`);
    });

    it('stores an article written by two writers at once exactly once', async () => {
      await db.reset();
      const [s1, s2] = await Promise.all([openStore(db.url), openStore(db.url)]);
      const put = async (s: Store) => s.putArticles(await assignStories(s, [articleA(), articleB()]), null);
      const results = await Promise.all([put(s1!), put(s2!), put(s1!), put(s2!)]);
      expect(results.reduce((n, r) => n + r.stored, 0)).toBe(2);
      expect(await db.query('SELECT id, count(*)::int AS n FROM articles GROUP BY id ORDER BY id')).toEqual([{ id: 'a1', n: 1 }, { id: 'b1', n: 1 }]);
      expect(await s1!.stats()).toMatchObject({ articles: 2, events: 4, relations: 2, quotes: 1 });
      expect((await s2!.findActors('Q44329'))[0]).toMatchObject({ articles: 2, mentions: 4 });
      await Promise.all([s1!.close(), s2!.close()]);
    });

    it('holds the writer lock across processes (advisory lock), waits up to waitMs, and frees it with the session', async () => {
      await db.reset();
      const [s1, s2] = await Promise.all([openStore(db.url), openStore(db.url)]);
      const release = await s1!.lockWriter({ owner: 'test' });
      const err = await s2!.lockWriter().catch((e: unknown) => e as NewsgraphError);
      expect(err).toBeInstanceOf(NewsgraphError);
      expect((err as NewsgraphError).code).toBe('NG_DB_LOCKED');
      expect((err as NewsgraphError).message).toMatch(new RegExp(`^${escape(maskUrl(db.url))}: another ingest \\(pid ${process.pid} on .+, since .+\\) is writing this store; wait for it or pass --wait$`));
      const waiting = s2!.lockWriter({ waitMs: 10_000 });
      await release();
      const release2 = await waiting;
      await release2();
      // A holder that dies (its session closes) leaves nothing behind.
      await s1!.lockWriter();
      await s1!.close();
      const release3 = await s2!.lockWriter({ waitMs: 5000 });
      await release3();
      await s2!.close();
    });

    it('gives the same search hits and snippets as the SQLite store', async () => {
      await db.reset();
      const long = (id: string, title: string, text: string) => {
        const b = articleB(id);
        return { ...b, document: { ...b.document, title, text, contentHash: id }, sentences: [], entities: [], places: [], events: [], relations: [], quotes: [] };
      };
      const docs = [
        articleA(), articleB(),
        long('l1', 'Ceasefire talks in Geneva', 'Diplomats from twelve countries gathered on Monday for a third round of talks. The United Nations envoy said ' +
          'progress was slow but real. Fighting continued near Aleppo, where government forces shelled rebel-held districts overnight. ' +
          'Aid agencies warned that food stocks in the besieged east of the city would run out within weeks unless a ceasefire held. ' +
          'The envoy will brief the Security Council on Friday: diplomats expect a vote on a new resolution next month.'),
        long('l2', 'Élections à Genève', 'Les électeurs genevois ont voté dimanche. Le taux de participation était élevé.'),
      ];
      const dir = mkdtempSync(join(tmpdir(), 'ng-pg-vs-sqlite-'));
      const sqlite = await openStore(join(dir, 'x.db'));
      const pgStore = await openStore(db.url);
      for (const store of [sqlite, pgStore]) await store.putArticles(await assignStories(store, docs), null);
      for (const [query, highlight] of [
        ['ceasefire', undefined], ['Aleppo', undefined], ['food stocks', ['<b>', '</b>']], ['Security Council vote', undefined],
        ['Geneva', undefined], ['geneve', undefined], ['GENÈVE électeurs', undefined], ['envoy', undefined], ['Idlib', undefined], ['rebel', ['[', ']']], ['votes', undefined],
      ] as Array<[string, [string, string] | undefined]>) {
        const opts = highlight ? { highlight } : {};
        const bySqlite = (await sqlite.search(query, opts)).map((h) => [h.articleId, h.snippet]).sort();
        const byPg = (await pgStore.search(query, opts)).map((h) => [h.articleId, h.snippet]).sort();
        expect({ query, hits: byPg }).toEqual({ query, hits: bySqlite });
      }
      await sqlite.close();
      await pgStore.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('survives the server closing its connections: no crash, the next query reconnects', async () => {
      await db.reset();
      const store = await openStore(db.url);
      expect((await store.stats()).articles).toBe(0);
      const release = await store.lockWriter();
      expect((await store.stats()).articles).toBe(0); // a second connection, idle in the pool now
      const killed = await db.query('SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      expect(killed.length).toBeGreaterThanOrEqual(2); // the idle pool connection and the lock's
      await put(store);
      expect((await store.stats()).articles).toBe(2);
      await release(); // its session is gone, and the lock with it
      const again = await store.lockWriter();
      await again();
      await store.close();
    });

    it.each([
      ['a closed port', async () => `postgres://news:hunter2@127.0.0.1:${await closedPort()}/x`, /^postgres:\/\/news:\*\*\*@127\.0\.0\.1:\d+\/x: PostgreSQL unreachable \(ECONNREFUSED\)$/],
      ['a missing database', async () => PG!.replace(/\/[^/]*$/, '/ng_no_such_db'), /: no such database \(database "ng_no_such_db" does not exist\)$/],
      ['a refused login', async () => PG!.replace(/\/\/[^@/]*@/, '//ng_nobody:hunter2@'), /^postgres:\/\/ng_nobody:\*\*\*@.*: authentication failed \(role "ng_nobody" does not exist\)$/],
    ])('names %s in one line, password masked', async (_label, makeUrl, message) => {
      const err = await openError(await makeUrl());
      expect(err.code).toBe('NG_DB');
      expect(err.message).toMatch(message);
      expect(err.message).not.toContain('hunter2');
      expect(err.message).not.toContain('\n');
    });
  });
});

async function put(store: Store): Promise<void> {
  await store.putArticles(await assignStories(store, [articleA(), articleB()]), null);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
