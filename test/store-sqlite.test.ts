import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NewsgraphError } from '../src/errors.js';
import { openStore } from '../src/store/open.js';
import { SCHEMA_VERSION } from '../src/store/schema.js';
import { storeSuite } from '../src/store/suite.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'ng-store-'));

storeSuite('sqlite', async () => openStore(join(tmp(), 'test.db')));

async function openError(path: string): Promise<NewsgraphError> {
  try {
    const s = await openStore(path);
    await s.close();
  } catch (err) {
    if (err instanceof NewsgraphError) return err;
    throw err;
  }
  throw new Error('expected openStore to fail');
}

describe('SQLite store files', () => {
  it.each([
    ['a text file', Buffer.from('hello, this is not a database\n'), 'NG_DB_FOREIGN', 'not an SQLite database (not a newsgraph store); refusing to touch it'],
    ['a truncated SQLite header with garbage', Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0xab)]), 'NG_DB', /database file is corrupt .*; nothing was changed/],
  ])('refuses %s and leaves it untouched', async (_label, bytes, code, message) => {
    const path = join(tmp(), 'x.db');
    writeFileSync(path, bytes);
    const err = await openError(path);
    expect(err.code).toBe(code);
    expect(err.message.startsWith(`${path}: `)).toBe(true);
    if (typeof message === 'string') expect(err.detail).toBe(message);
    else expect(err.detail).toMatch(message);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it("refuses another application's SQLite database without writing to it", async () => {
    const path = join(tmp(), 'other.db');
    const db = new Database(path);
    db.exec('CREATE TABLE customers (id INTEGER, name TEXT); INSERT INTO customers VALUES (1, 0);');
    db.close();
    const before = readFileSync(path);
    const err = await openError(path);
    expect(err.code).toBe('NG_DB_FOREIGN');
    expect(err.detail).toBe('an SQLite database of another application (tables: customers); refusing to modify it');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a store whose schema is newer than the code', async () => {
    const path = join(tmp(), 'new.db');
    await (await openStore(path)).close();
    const db = new Database(path);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'schema_version'").run(String(SCHEMA_VERSION + 1));
    db.close();
    const err = await openError(path);
    expect(err.code).toBe('NG_DB_SCHEMA');
    expect(err.detail).toBe(`store schema v${SCHEMA_VERSION + 1} is newer than this newsgraph (v${SCHEMA_VERSION}); upgrade newsgraph`);
  });

  it('opens in WAL mode and reopens an existing store', async () => {
    const path = join(tmp(), 'wal.db');
    await (await openStore(path)).close();
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const again = await openStore(`sqlite:${path}`);
    expect(await again.schemaVersion()).toBe(SCHEMA_VERSION);
    await again.close();
  });

  it('refuses a read-only open of a missing store', async () => {
    const path = join(tmp(), 'missing.db');
    await expect(openStore(path, { readonly: true })).rejects.toThrow(`${path}: no such store; run \`newsgraph ingest --db\` first`);
  });

  it('names the unknown backend of a URL', async () => {
    await expect(openStore('mysql://u:secret@h/db')).rejects.toThrow("mysql://***@h/db: no store backend for 'mysql:'");
  });

  it('refuses the writer lock while another live process holds it, and takes over a dead one', async () => {
    const path = join(tmp(), 'lock.db');
    const store = await openStore(path);
    const db = new Database(path);
    const put = db.prepare("INSERT OR REPLACE INTO locks(name, pid, host, owner, since) VALUES ('writer', ?, ?, 'ingest', '2026-01-01T00:00:00Z')");
    put.run(process.ppid, (await import('node:os')).hostname());
    await expect(store.lockWriter()).rejects.toThrow(`another ingest (pid ${process.ppid} on`);
    put.run(2 ** 22 + 12345, (await import('node:os')).hostname()); // no such pid: a crashed ingest's leftover
    const release = await store.lockWriter();
    await release();
    db.close();
    await store.close();
  });
});
