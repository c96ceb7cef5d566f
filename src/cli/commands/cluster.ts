import type { Command } from 'commander';
import { queueStatus, runWorker } from '../../cluster/queue.js';
import { maskUrl, pingRedis } from '../../cluster/redis.js';
import { NewsgraphError } from '../../errors.js';
import { openStore } from '../../store/open.js';
import type { Store } from '../../store/types.js';

/** Retries `fn` with exponential backoff (1 s doubling to 60 s), printing one line per failure. */
async function withBackoff<T>(what: string, maxRetries: number, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof NewsgraphError) || attempt >= maxRetries) throw err;
      const wait = Math.min(60_000, 1000 * 2 ** attempt);
      process.stderr.write(`newsgraph worker: ${err.message}; retrying ${what} in ${wait / 1000} s\n`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

export function registerCluster(program: Command, setCode: (code: number) => void): void {
  program
    .command('worker')
    .description('process articles from a Redis work queue into a store (run any number, on any machines)')
    .requiredOption('--queue <redis-url>', 'the work queue, e.g. redis://127.0.0.1:6379')
    .option('--db <url|file>', 'the store to write (postgres:// URL or SQLite file; default NEWSGRAPH_DATABASE_URL)')
    .option('--concurrency <n>', 'jobs at once in this process', '1')
    .option('--lock-ms <n>', 'job lock duration: a killed worker’s job is retried after it', '30000')
    .option('--max-retries <n>', 'give up after this many failed connection attempts (default: keep trying)')
    .action(async (opts: { queue: string; db?: string; concurrency: string; lockMs: string; maxRetries?: string }) => {
      const db = opts.db ?? process.env.NEWSGRAPH_DATABASE_URL;
      if (!db) throw new NewsgraphError('NG_USAGE', 'worker', 'needs --db or NEWSGRAPH_DATABASE_URL');
      const retries = opts.maxRetries === undefined ? Number.POSITIVE_INFINITY : Number(opts.maxRetries);
      await withBackoff(maskUrl(opts.queue), retries, () => pingRedis(opts.queue));
      const store: Store = await withBackoff(maskUrl(db), retries, () => openStore(db));
      const worker = await runWorker(opts.queue, store, {
        concurrency: Number(opts.concurrency),
        lockDuration: Number(opts.lockMs),
        onJob: (e) => { if (e.outcome === 'failed') process.stderr.write(`newsgraph worker: job ${e.id} failed: ${e.reason}\n`); },
      });
      process.stderr.write(`newsgraph worker ${process.pid}: run ${worker.runId}, queue ${maskUrl(opts.queue)}, store ${store.location}\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await worker.close();
      await store.close();
      setCode(0);
    });

  const queue = program.command('queue').description('inspect the Redis work queue');
  queue
    .command('status')
    .description('job counts by state and the failed jobs with their reasons')
    .requiredOption('--queue <redis-url>', 'the work queue')
    .option('--format <table|json>', 'output format', 'table')
    .option('--limit <n>', 'failed jobs to list', '100')
    .action(async (opts: { queue: string; format: string; limit: string }) => {
      const status = await queueStatus(opts.queue, { limit: Number(opts.limit) });
      if (opts.format === 'json') {
        process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
        return;
      }
      const c = status.counts;
      process.stdout.write(`queue ${status.url}: ${c.waiting ?? 0} waiting, ${c.active ?? 0} active, ${c.delayed ?? 0} delayed (retrying), ${c.completed ?? 0} completed, ${c.failed ?? 0} failed\n`);
      for (const f of status.failed) process.stdout.write(`  failed ${f.id}  ${f.source ?? ''}  after ${f.attempts} attempt(s): ${f.reason}\n`);
    });
}
