import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { NewsgraphError } from '../../errors.js';
import { ingest } from '../../ingest/index.js';
import { PACKAGE_ROOT } from '../../paths.js';
import { startServer } from '../../server/index.js';
import { recordIngester } from '../../server/ingest.js';
import { openStore } from '../../store/open.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api/*, /openapi.json) and the web explorer over a store')
    .option('--db <file|url>', 'store to serve (SQLite file or postgres:// URL; default NEWSGRAPH_DATABASE_URL or newsgraph.db)')
    .option('--port <n>', 'port (0 picks a free one)', '8080')
    .option('--host <addr>', 'interface to bind; beyond 127.0.0.1 write endpoints need NEWSGRAPH_TOKEN', '127.0.0.1')
    .option('--demo', 'ingest the bundled samples into a temporary store and serve it')
    .option('--no-ui', 'serve the API only')
    .action(async (opts: { db?: string; port: string; host: string; demo?: boolean; ui: boolean }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new NewsgraphError('NG_USAGE', `--port ${opts.port}`, 'expected a port number 0-65535');
      let tmp: string | undefined;
      let location = opts.db ?? process.env.NEWSGRAPH_DATABASE_URL ?? 'newsgraph.db';
      if (opts.demo) {
        tmp = mkdtempSync(join(tmpdir(), 'newsgraph-demo-'));
        location = join(tmp, 'demo.db');
      }
      const store = await openStore(location);
      if (opts.demo) {
        process.stderr.write('newsgraph: ingesting the bundled samples into a temporary store…\n');
        const summary = await ingest(store, [join(PACKAGE_ROOT, 'samples')], { jobs: 0 });
        process.stderr.write(`newsgraph: ${summary.stored} article(s) stored\n`);
        for (const f of summary.failed) process.stderr.write(`newsgraph: ${f.source}: ${f.reason}\n`);
      }
      const server = await startServer({ store, port, host: opts.host, ui: opts.ui, ingest: recordIngester(store) });
      process.stdout.write(`newsgraph explorer: ${server.url}/  (API: ${server.url}/api/stats, OpenAPI: ${server.url}/openapi.json)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await store.close();
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });
}
