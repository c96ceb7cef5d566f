import { Option } from 'commander';

/** The store a command uses when `--db` is not given: `NEWSGRAPH_DATABASE_URL`, else `newsgraph.db`. */
export function defaultDb(): string {
  return process.env.NEWSGRAPH_DATABASE_URL || 'newsgraph.db';
}

/**
 * The `--db` option every store command shares. Its help shows where the default comes from, never
 * the URL itself (it may hold a password).
 */
export function dbOption(description = 'the store: an SQLite file or a postgres:// URL'): Option {
  return new Option('--db <path|url>', description).default(defaultDb(), 'NEWSGRAPH_DATABASE_URL, else newsgraph.db');
}
