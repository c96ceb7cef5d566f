/** Helpers of the PostgreSQL and cluster tests: scratch databases on the test server (NEWSGRAPH_TEST_PG). */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';

export interface ScratchDatabase {
  name: string;
  url: string;
  /** Empties the database (drops and recreates the public schema). */
  reset(): Promise<void>;
  /** Runs one statement and returns its rows. */
  query(sql: string, params?: unknown[]): Promise<Array<Record<string, any>>>;
  drop(): Promise<void>;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => {});
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates `ng_<random>` on the server of `baseUrl`; `drop()` removes it (closing any session left). */
export async function scratchDatabase(baseUrl: string): Promise<ScratchDatabase> {
  const name = `ng_${randomBytes(6).toString('hex')}`;
  await withClient(baseUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  return {
    name,
    url,
    reset: () => withClient(url, async (c) => { await c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public'); }),
    query: (sql, params = []) => withClient(url, async (c) => (await c.query(sql, params)).rows),
    drop: () => withClient(baseUrl, async (c) => { await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); }),
  };
}

/** A loopback port nothing listens on (bound, then released). */
export function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}
