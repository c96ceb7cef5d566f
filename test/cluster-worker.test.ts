/**
 * Cluster mode end to end, with real processes: articles enqueued on Redis, two `newsgraph worker`
 * processes writing to PostgreSQL, one killed with SIGKILL mid-ingest. Every article must be stored
 * exactly once with its events once. Also: a bad record fails its job with the reason, and an
 * unreachable Redis or PostgreSQL is one line naming the URL (password masked) and a non-zero exit.
 *
 * Needs NEWSGRAPH_TEST_PG and NEWSGRAPH_TEST_REDIS (the global setup starts both when installed)
 * and the built CLI (`npm test` builds first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, type ArticleInput } from '../src/analyze.js';
import { enqueue, queueStatus } from '../src/cluster/queue.js';
import { openStore } from '../src/store/open.js';
import { closedPort, scratchDatabase, type ScratchDatabase } from './cluster-helpers.js';

const PG = process.env.NEWSGRAPH_TEST_PG;
const REDIS = process.env.NEWSGRAPH_TEST_REDIS;
const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'newsgraph.js');
const BUILT = existsSync(join(ROOT, 'dist', 'src', 'cli', 'index.js'));
if (!PG || !REDIS) console.warn('cluster-worker: NEWSGRAPH_TEST_PG or NEWSGRAPH_TEST_REDIS not set; cluster worker tests skipped');

/** A Redis URL on its own logical database (so these tests never see other tests' queues). */
function redisDb(n: number): string {
  const u = new URL(REDIS!);
  u.pathname = `/${n}`;
  return u.toString();
}

async function flush(url: string): Promise<void> {
  const r = new Redis(url, { maxRetriesPerRequest: 1 });
  await r.flushdb();
  r.disconnect();
}

/** Runs the CLI to completion. */
function runCli(args: string[], timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NEWSGRAPH_DATABASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => { stdout += b; });
    child.stderr.on('data', (b) => { stderr += b; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

function startWorker(queue: string, db: string): ChildProcess & { log: () => string } {
  const child = spawn(process.execPath, [CLI, 'worker', '--queue', queue, '--db', db, '--lock-ms', '3000'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (b) => { log += b; });
  child.stderr!.on('data', (b) => { log += b; });
  return Object.assign(child, { log: () => log });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Forty short wire-style articles, each a different combination of actors, actions, places and
 * dates, so that every one has entities and events to store.
 */
function articles(): ArticleInput[] {
  const pairs: Array<[string, string, string]> = [
    ['Russian President Vladimir Putin', 'Syrian President Bashar al-Assad', 'Moscow'],
    ['Turkish President Recep Tayyip Erdogan', 'German Chancellor Angela Merkel', 'Ankara'],
    ['French President Emmanuel Macron', 'Chinese President Xi Jinping', 'Paris'],
    ['Israeli Prime Minister Benjamin Netanyahu', 'U.S. Secretary of State John Kerry', 'Jerusalem'],
    ['Iranian President Hassan Rouhani', 'Iraqi Prime Minister Haider al-Abadi', 'Tehran'],
    ['British Prime Minister Theresa May', 'Japanese Prime Minister Shinzo Abe', 'London'],
    ['Indian Prime Minister Narendra Modi', 'Pakistani Prime Minister Nawaz Sharif', 'New Delhi'],
    ['Egyptian President Abdel Fattah al-Sisi', 'Saudi King Salman', 'Cairo'],
  ];
  const actions: Array<(a: string, b: string, where: string, day: string) => string> = [
    (a, b, where, day) => `${a} met ${b} in ${where} on ${day} to discuss the war in Syria. The two leaders agreed to cooperate on security. "We had a frank and useful conversation," ${a.split(' ').pop()} told reporters.`,
    (a, b, where, day) => `${a} sharply criticised ${b} on ${day}, accusing his government of supporting militants. Officials in ${where} said the ambassador had been summoned. Diplomats warned the dispute could escalate.`,
    (a, b, where, day) => `${a} signed a trade agreement with ${b} in ${where} on ${day}. The deal cuts tariffs on steel and grain, officials said. Business groups praised the accord.`,
    (a, b, where, day) => `${a} threatened to impose sanctions on ${b} on ${day} unless troops are withdrawn from the border. Protesters gathered outside the embassy in ${where}. The foreign ministry rejected the demand.`,
    (a, b, where, day) => `${a} called on ${b} on ${day} to release detained journalists. Speaking in ${where}, he said press freedom was not negotiable. Human rights groups welcomed the appeal.`,
  ];
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
  const out: ArticleInput[] = [];
  for (let i = 0; i < 40; i++) {
    const [a, b, where] = pairs[i % pairs.length]!;
    const act = actions[Math.floor(i / pairs.length) % actions.length]!;
    const day = days[(i * 3) % days.length]!;
    const date = `2017-0${1 + (i % 9)}-${String(10 + (i % 18)).padStart(2, '0')}`;
    out.push({ id: `wire-${String(i).padStart(2, '0')}`, title: `${where} talks ${i}`, date, outlet: i % 2 ? 'Example Wire' : 'Daily Example', text: act(a, b, where, day) });
  }
  return out;
}

describe.skipIf(!PG || !REDIS)('cluster workers on PostgreSQL and Redis', () => {
  let db: ScratchDatabase;
  let dir: string;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    if (!BUILT) throw new Error('cluster-worker tests run the built CLI: run `npm run build` first (npm test does)');
    db = await scratchDatabase(PG!);
    dir = mkdtempSync(join(tmpdir(), 'ng-cluster-'));
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stores every article exactly once when one of two workers is killed mid-ingest', async () => {
    const queue = redisDb(3);
    await flush(queue);
    const inputs = articles();
    const file = join(dir, 'wire.jsonl');
    writeFileSync(file, inputs.map((x) => JSON.stringify(x)).join('\n') + '\n');
    expect(await enqueue(queue, [file])).toEqual({ enqueued: 40, failed: [] });

    const w1 = startWorker(queue, db.url);
    const w2 = startWorker(queue, db.url);
    workers.push(w1, w2);
    const stored = async () => Number((await db.query('SELECT count(*) AS n FROM articles').catch(() => [{ n: 0 }]))[0]!.n);
    await until('the first articles to be stored', 90_000, async () => (await stored()) >= 4);
    w1.kill('SIGKILL');
    expect((await exited(w1)).signal).toBe('SIGKILL');
    expect(await stored()).toBeLessThan(40); // killed mid-ingest, not after
    await until('every article to be stored by the surviving worker', 120_000, async () => (await stored()) >= 40);
    await until('the queue to drain', 30_000, async () => {
      const s = await queueStatus(queue);
      return (s.counts.waiting ?? 0) + (s.counts.active ?? 0) + (s.counts.delayed ?? 0) === 0 && s;
    });

    // Exactly once: no id twice, events written once per article (as many as the analysis has).
    expect(await db.query('SELECT id FROM articles GROUP BY id HAVING count(*) > 1')).toEqual([]);
    const ids = (await db.query('SELECT id FROM articles ORDER BY id')).map((r) => r.id);
    expect(ids).toEqual(inputs.map((x) => x.id).sort());
    const expected = Object.fromEntries(inputs.map((x) => [x.id!, analyze(x).events.length]));
    const got = Object.fromEntries(inputs.map((x) => [x.id!, 0]));
    for (const r of await db.query('SELECT a.id, count(*)::int AS n FROM events e JOIN articles a ON a.seq = e.article GROUP BY a.id')) got[r.id] = r.n;
    expect(got).toEqual(expected);
    expect(Object.values(expected).reduce((n, x) => n + x, 0)).toBeGreaterThan(20); // the analysis did real work

    w2.kill('SIGTERM');
    expect((await exited(w2)).code).toBe(0);
    const store = await openStore(db.url);
    const stats = await store.stats();
    expect(stats).toMatchObject({ articles: 40, events: Object.values(expected).reduce((n, x) => n + x, 0) });
    expect((await store.getAnalysis('wire-00'))?.document.text).toBe(inputs[0]!.text);
    expect((await store.runs()).length).toBe(2);
    await store.close();
  }, 300_000);

  it('fails a bad record with its reason and lists it in queue status', async () => {
    const queue = redisDb(4);
    await flush(queue);
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, [
      JSON.stringify({ id: 'blank-1', text: '\u200b\u200b' }),
      JSON.stringify(articles()[5]),
    ].join('\n') + '\n');
    expect(await enqueue(queue, [file])).toEqual({ enqueued: 2, failed: [] });
    const w = startWorker(queue, db.url);
    workers.push(w);
    const status = await until('the bad job to fail', 90_000, async () => {
      const s = await queueStatus(queue);
      return s.counts.failed === 1 && s.counts.completed === 1 && s;
    });
    expect(status.failed).toMatchObject([{ source: file, reason: `${file}: no text to analyse`, attempts: 1 }]);
    const cli = await runCli(['queue', 'status', '--queue', queue]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`after 1 attempt(s): ${file}: no text to analyse`);
    w.kill('SIGTERM');
    await exited(w);
    expect(w.log()).toContain(`failed: ${file}: no text to analyse`);
  }, 120_000);

  it.each([
    ['Redis unreachable (queue status)', async () => ['queue', 'status', '--queue', `redis://:s3cret@127.0.0.1:${await closedPort()}/0`],
      /^newsgraph: redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/0: Redis unreachable \(ECONNREFUSED\)$/],
    ['PostgreSQL unreachable (worker)', async () => ['worker', '--queue', redisDb(5), '--max-retries', '1', '--db', `postgres://news:s3cret@127.0.0.1:${await closedPort()}/news`],
      /^newsgraph: postgres:\/\/news:\*\*\*@127\.0\.0\.1:\d+\/news: PostgreSQL unreachable \(ECONNREFUSED\)$/],
  ])('%s: one line naming the URL, password masked, non-zero exit', async (_label, makeArgs, lastLine) => {
    const { code, stdout, stderr } = await runCli(await makeArgs());
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(lastLine);
    // Retries (the worker's backoff) say so, one line each; nothing else, and never the password.
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^newsgraph worker: .*; retrying .* in \d+ s$/);
    expect(stderr).not.toContain('s3cret');
  }, 60_000);
});
