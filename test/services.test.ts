import net from 'node:net';
import { describe, expect, it } from 'vitest';

/** Connects to host:port from a URL; resolves true when something listens there. */
function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect(Number(u.port), u.hostname, () => { s.end(); resolve(true); });
    s.on('error', () => resolve(false));
  });
}

describe('test services', () => {
  it.skipIf(!process.env.NEWSGRAPH_TEST_PG)('PostgreSQL listens on loopback', async () => {
    expect(new URL(process.env.NEWSGRAPH_TEST_PG!).hostname).toBe('127.0.0.1');
    expect(await reachable(process.env.NEWSGRAPH_TEST_PG!)).toBe(true);
  });
  it.skipIf(!process.env.NEWSGRAPH_TEST_REDIS)('Redis listens on loopback', async () => {
    expect(await reachable(process.env.NEWSGRAPH_TEST_REDIS!)).toBe(true);
  });
});
