import { Redis } from 'ioredis';
import { NewsgraphError } from '../errors.js';

/** A URL with its password replaced by `***`, for messages and logs. */
export function maskUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@').replace(/(\/\/)[^:@/]+@/, '$1***@');
}

/** BullMQ connection options from a `redis://[user:pass@]host:port[/db]` URL. */
export function connectionFromUrl(url: string): { host: string; port: number; username?: string; password?: string; db?: number; maxRetriesPerRequest: null } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new NewsgraphError('NG_USAGE', maskUrl(url), 'not a redis:// URL');
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new NewsgraphError('NG_USAGE', maskUrl(url), 'expected a redis:// URL');
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    maxRetriesPerRequest: null,
  };
}

/**
 * Checks that Redis answers at `url` within `timeoutMs`; throws a one-line NewsgraphError naming the
 * URL (password masked) and the failure otherwise. Commands that talk to Redis call it first so an
 * unreachable server is a clear message, not an endless reconnect loop.
 */
export async function pingRedis(url: string, timeoutMs = 3000): Promise<void> {
  const conn = connectionFromUrl(url);
  const client = new Redis({ ...conn, lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  let cause: NodeJS.ErrnoException | undefined;
  client.on('error', (err: NodeJS.ErrnoException) => { cause ??= err; });
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    const e = cause ?? (err as NodeJS.ErrnoException);
    throw new NewsgraphError('NG_QUEUE', maskUrl(url), `Redis unreachable (${e.code ?? e.message})`);
  } finally {
    client.disconnect();
  }
}
