import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve as honoServe } from '@hono/node-server';
import { NewsgraphError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import { join } from 'node:path';
import { createApp, type AppOptions } from './app.js';

export { createApp } from './app.js';
export type { AppOptions } from './app.js';

/** Options of {@link startServer}. */
export interface ServerOptions extends Omit<AppOptions, 'exposed' | 'uiDir'> {
  port?: number;
  /** Interface to bind; 127.0.0.1 unless given. Anything else exposes the server and requires the token for writes. */
  host?: string;
  /** Serve the built web UI (default true when it has been built). */
  ui?: boolean;
}

/** Where `npm run build` puts the web UI. */
export const UI_DIR = join(PACKAGE_ROOT, 'dist', 'ui');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Starts the HTTP API and the web explorer over a store. Binds 127.0.0.1 unless `host` is given.
 *
 * @example
 *   const server = await startServer({ store: await openStore('newsgraph.db'), port: 8080 });
 *   console.log(server.url); // http://127.0.0.1:8080
 *   await server.close();
 */
export async function startServer(opts: ServerOptions): Promise<{ url: string; port: number; close: () => Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  const exposed = !LOOPBACK.has(host);
  const uiDir = opts.ui !== false && existsSync(join(UI_DIR, 'index.html')) ? UI_DIR : undefined;
  const token = opts.token ?? process.env.NEWSGRAPH_TOKEN;
  const app = createApp({ ...opts, token, exposed, uiDir });
  return new Promise((resolve, reject) => {
    const server = honoServe({ fetch: app.fetch, port: opts.port ?? 8080, hostname: host }, (info: AddressInfo) => {
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.on('error', (err: NodeJS.ErrnoException) => {
      reject(new NewsgraphError('NG_USAGE', `${host}:${opts.port ?? 8080}`, err.code === 'EADDRINUSE' ? 'port already in use' : err.message));
    });
  });
}
