import { NewsgraphError } from '../errors.js';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { OpenStoreOptions, Store, StoreFactory } from './types.js';

/**
 * Store backends by URL scheme. A path without a scheme (or `sqlite:`/`file:`) opens the embedded
 * SQLite store; other backends (the PostgreSQL store of the cluster issue) register here with
 * {@link registerStoreBackend}.
 */
const BACKENDS = new Map<string, StoreFactory>([['sqlite', openSqliteStore], ['postgres', openPostgresStore]]);

/** Makes `openStore('<scheme>://...')` use `factory`. */
export function registerStoreBackend(scheme: string, factory: StoreFactory): void {
  BACKENDS.set(scheme.replace(/:$/, ''), factory);
}

/**
 * Opens a store: a file path (SQLite, created with its schema when absent) or a URL whose scheme
 * names a registered backend (`postgres://...`).
 *
 * @example
 *   import { openStore } from 'newsgraph';
 *   const store = await openStore('newsgraph.db');
 *   const events = await store.events({ actor: 'Q7747', root: '19' });
 *   await store.close();
 */
export async function openStore(location: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(location);
  // One letter before the colon is a Windows drive, not a scheme.
  if (!m || m[1]!.length === 1) return openSqliteStore(location, opts);
  const scheme = m[1]!.toLowerCase();
  if (scheme === 'sqlite' || scheme === 'file') return openSqliteStore(location.replace(/^[a-z]+:(\/\/)?/i, ''), opts);
  const backend = BACKENDS.get(scheme === 'postgresql' ? 'postgres' : scheme);
  if (!backend) {
    throw new NewsgraphError('NG_DB', location.replace(/\/\/[^@/]*@/, '//***@'), `no store backend for '${scheme}:' (known: ${[...BACKENDS.keys()].join(', ')})`);
  }
  return backend(location, opts);
}
