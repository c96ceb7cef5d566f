import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { Queue } from 'bullmq';
import { enqueue, QUEUE_NAME } from '../../cluster/queue.js';
import { connectionFromUrl } from '../../cluster/redis.js';
import { defaultJobs, ingest } from '../../ingest/index.js';
import { evalDataPath, PACKAGE_ROOT } from '../../paths.js';
import { openStore } from '../../store/open.js';
import { type Benchmark, argValue, peakRssMb } from '../bench.js';
import { reutersRecords } from './ingest.js';


/** A free loopback TCP port. */
function freePort(): number {
  const out = execFileSync(process.execPath, ['-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"], { encoding: 'utf8' });
  return Number(out.trim());
}

/**
 * Scratch PostgreSQL and Redis on loopback from the Debian packages, as the tests' global setup
 * does (test/services.ts is not part of the build), unless NEWSGRAPH_TEST_PG / NEWSGRAPH_TEST_REDIS
 * name running ones. Returns null URLs for what is unavailable.
 */
function services(): { pgUrl: string | null; redisUrl: string | null; stop: () => void } {
  const stops: Array<() => void> = [];
  let pgUrl = process.env.NEWSGRAPH_TEST_PG ?? null;
  let redisUrl = process.env.NEWSGRAPH_TEST_REDIS ?? null;
  const base = '/usr/lib/postgresql';
  const version = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort().at(-1) : undefined;
  if (!pgUrl && version) {
    const bin = join(base, version, 'bin');
    const asPg = (cmd: string, args: string[]) => {
      const r = process.getuid?.() === 0 ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
    };
    const port = freePort();
    const dir = mkdtempSync(join(tmpdir(), 'ng-bench-pg-'));
    chmodSync(dir, 0o777);
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
    const data = join(dir, 'data');
    asPg(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    // Durable commits (fsync on) as in production: the benchmark measures a real store.
    asPg(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);
    pgUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    stops.push(() => {
      try { asPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop']); } catch { /* already stopped */ }
      rmSync(dir, { recursive: true, force: true });
    });
  }
  if (!redisUrl && existsSync('/usr/bin/redis-server')) {
    const port = freePort();
    const dir = mkdtempSync(join(tmpdir(), 'ng-bench-redis-'));
    execFileSync('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--daemonize', 'yes', '--save', '', '--appendonly', 'no',
      '--dir', dir, '--pidfile', join(dir, 'redis.pid'), '--logfile', join(dir, 'redis.log')]);
    redisUrl = `redis://127.0.0.1:${port}`;
    stops.push(() => {
      spawnSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave']);
      rmSync(dir, { recursive: true, force: true });
    });
  }
  return { pgUrl, redisUrl, stop: () => stops.reverse().forEach((s) => { try { s(); } catch { /* best effort */ } }) };
}

async function admin(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => {});
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

function withPath(url: string, path: string): string {
  const u = new URL(url);
  u.pathname = path;
  return u.toString();
}

/** User + system CPU seconds a live process has used (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number): number {
  try {
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th, in clock ticks (100/s on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Starts a `newsgraph worker` process; resolves once it has connected and announced its run. */
function startWorker(queue: string, db: string, concurrency: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'newsgraph.js'), 'worker', '--queue', queue, '--db', db, '--max-retries', '0', '--concurrency', String(concurrency)],
      { cwd: PACKAGE_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr!.on('data', (b: Buffer) => {
      log += b;
      if (/newsgraph worker \d+: run /.test(log)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${log.trim()}`)));
  });
}

/** Ingests the records through `n` worker processes into a fresh database; returns seconds and stored count. */
async function clusterRun(pgUrl: string, redisUrl: string, file: string, total: number, n: number, concurrency: number): Promise<{ seconds: number; stored: number; failed: number; reasons: string[]; cpu: number }> {
  const name = `ng_bench_${randomBytes(4).toString('hex')}`;
  await admin(pgUrl, `CREATE DATABASE ${name}`);
  const db = withPath(pgUrl, `/${name}`);
  const queue = withPath(redisUrl, '/7');
  const r = new Redis(queue, { maxRetriesPerRequest: 1 });
  await r.flushdb();
  r.disconnect();
  // Migrate once before the workers race to (they would serialise on the advisory lock anyway).
  await (await openStore(db)).close();
  const workers = await Promise.all(Array.from({ length: n }, () => startWorker(queue, db, concurrency)));
  try {
    const t0 = Date.now();
    const { enqueued } = await enqueue(queue, [file]);
    if (enqueued !== total) throw new Error(`enqueued ${enqueued} of ${total} records`);
    // Done when no job waits or runs: jobs failing with a bug are retried with backoff (delayed)
    // for tens of seconds, so the time is that of the last completed job, not of the last retry.
    const q = new Queue(QUEUE_NAME, { connection: connectionFromUrl(queue) });
    q.on('error', () => {});
    try {
      for (;;) {
        await new Promise((res) => setTimeout(res, 200));
        const c = await q.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized');
        if ((c.waiting ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0) > 0 || (c.completed ?? 0) + (c.failed ?? 0) + (c.delayed ?? 0) < total) continue;
        const done = await q.getJobs(['completed'], 0, -1);
        const last = Math.max(...done.map((j) => j.finishedOn ?? 0));
        const failedJobs = await q.getJobs(['failed', 'delayed'], 0, -1);
        const store = await openStore(db, { readonly: true });
        const stored = (await store.stats()).articles;
        await store.close();
        const cpu = workers.reduce((sum, w) => sum + cpuSeconds(w.pid!), 0);
        return { seconds: (last - t0) / 1000, stored, failed: failedJobs.length, reasons: failedJobs.map((j) => j.failedReason ?? ''), cpu };
      }
    } finally {
      await q.close();
    }
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((res) => (w.exitCode !== null ? res(null) : w.once('exit', res)))));
    await admin(pgUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

/**
 * `npm run bench cluster [-- --limit N --workers 1,2 --concurrency 1]`: ingests Reuters-21578 bodies through the
 * Redis queue with 1 and with 2 `newsgraph worker` processes into PostgreSQL (fresh database each
 * time), and, in the same run, into the embedded SQLite store with `ingest` (one process, analysis
 * threads = cores). Prints articles/s of each and the speedup of 2 workers over 1.
 */
const bench: Benchmark = {
  name: 'cluster',
  description: 'Reuters-21578 through Redis + N worker processes into PostgreSQL, vs the embedded SQLite ingest',
  async run(args) {
    const limit = Number(argValue(args, '--limit') ?? 2000);
    const counts = (argValue(args, '--workers') ?? '1,2').split(',').map(Number);
    const concurrency = Number(argValue(args, '--concurrency') ?? 1);
    if (!Number.isInteger(limit) || limit <= 0) throw new Error(`--limit: '${argValue(args, '--limit')}' is not a positive whole number`);
    const dir = evalDataPath('reuters21578');
    if (!existsSync(dir)) {
      console.log(`skipped: ${dir} is absent`);
      return;
    }
    if (!existsSync(join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'index.js'))) throw new Error('run `npm run build` first: the workers are the built CLI');
    const svc = services();
    if (!svc.pgUrl || !svc.redisUrl) {
      console.log(`skipped: needs PostgreSQL and Redis (found pg=${!!svc.pgUrl} redis=${!!svc.redisUrl}); install postgresql and redis-server or set NEWSGRAPH_TEST_PG/REDIS`);
      svc.stop();
      return;
    }
    const load0 = loadavg().map((x) => x.toFixed(1)).join(' ');
    const tmp = mkdtempSync(join(tmpdir(), 'ng-bench-cluster-'));
    try {
      const records = reutersRecords(dir, limit);
      const file = join(tmp, 'reuters.jsonl');
      writeFileSync(file, `${records.join('\n')}\n`);
      const rows: Array<{ setup: string; stored: number; failed: number; seconds: number; reasons: string[]; cpu: number | null }> = [];

      const sqlite = await openStore(join(tmp, 'bench.db'));
      const t0 = performance.now();
      const summary = await ingest(sqlite, [file], { skipIncidents: true });
      rows.push({ setup: `embedded SQLite, ingest (${defaultJobs()} analysis threads)`, stored: summary.stored, failed: summary.failed.length, seconds: (performance.now() - t0) / 1000,
        reasons: summary.failed.map((f) => f.reason), cpu: null });
      await sqlite.close();

      for (const n of counts) {
        const r = await clusterRun(svc.pgUrl, svc.redisUrl, file, records.length, n, concurrency);
        rows.push({ setup: `PostgreSQL, ${n} worker process${n > 1 ? 'es' : ''}${concurrency > 1 ? ` × ${concurrency} jobs at once` : ''}`, ...r });
      }

      console.log(`corpus: Reuters-21578, ${records.length} bodies; PostgreSQL ${svc.pgUrl.replace(/\/\/[^@/]*@/, '//')}, Redis ${svc.redisUrl}`);
      console.log(`load average before: ${load0}; after: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores (a busy machine caps the speedup)`);
      console.log('| setup | stored | failed | seconds | articles/s | worker CPU s | articles per worker CPU s |');
      console.log('|---|---|---|---|---|---|---|');
      for (const r of rows) {
        console.log(`| ${r.setup} | ${r.stored} | ${r.failed} | ${r.seconds.toFixed(1)} | ${(r.stored / r.seconds).toFixed(1)} | ` +
          `${r.cpu === null ? '—' : r.cpu.toFixed(1)} | ${r.cpu ? (r.stored / r.cpu).toFixed(1) : '—'} |`);
      }
      const one = rows.find((r) => r.setup.includes(' 1 worker process'));
      const two = rows.find((r) => r.setup.includes(' 2 worker processes'));
      if (one && two) console.log(`speedup 2 workers / 1 worker: ${(one.seconds / two.seconds).toFixed(2)}×`);
      if (one) console.log(`1 PostgreSQL worker / embedded SQLite ingest: ${((rows[0]!.seconds) / one.seconds).toFixed(2)}× the articles/s`);
      const reasons = new Map<string, number>();
      for (const r of rows) for (const x of r.reasons) reasons.set(x.slice(0, 100), (reasons.get(x.slice(0, 100)) ?? 0) + 1);
      if (reasons.size) console.log(`failures (all setups): ${[...reasons].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([r, n]) => `${n}× ${r}`).join('; ')}`);
      console.log(`peak RSS of this process: ${peakRssMb()} MB`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
      svc.stop();
    }
  },
};
export default bench;
