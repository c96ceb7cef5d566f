import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { analyze, dataVersion, VERSION, type ArticleInput } from '../analyze.js';
import { assignStories } from '../dedup/index.js';
import { NewsgraphError } from '../errors.js';
import { expandSources, readItems, type Failure } from '../ingest/sources.js';
import { applyCorrections, storeKb } from '../steer/corrections.js';
import { storeAnalysisOptions } from '../steer/dictionaries.js';
import type { Store } from '../store/types.js';
import { connectionFromUrl, maskUrl, pingRedis } from './redis.js';

/** The BullMQ queue all newsgraph producers and workers share. */
export const QUEUE_NAME = 'newsgraph-articles';

/** Job options: at-least-once with retries and backoff; failed jobs are kept with their reason. */
const JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: false,
};

/** The job id of an article: stable, so enqueuing the same article twice while it waits is a no-op. */
export function jobIdOf(input: ArticleInput): string {
  const basis = input.id ?? input.url ?? input.text ?? input.html ?? '';
  return `a-${createHash('sha256').update(basis).digest('hex').slice(0, 32)}`;
}

export interface EnqueueSummary {
  enqueued: number;
  failed: Failure[];
}

/**
 * Reads the sources (the same paths, globs, URLs, feeds and WARC files as `newsgraph ingest`) and
 * enqueues one job per article on the Redis queue at `queueUrl`; workers analyse and store them.
 *
 * @example
 *   await enqueue('redis://127.0.0.1:6379', ['corpus/']);
 */
export async function enqueue(queueUrl: string, args: string[], opts: { maxBytes?: number; fetch?: boolean } = {}): Promise<EnqueueSummary> {
  await pingRedis(queueUrl);
  const queue = new Queue(QUEUE_NAME, { connection: connectionFromUrl(queueUrl) });
  queue.on('error', () => {});
  const { sources, failures } = await expandSources(args);
  const failed = [...failures];
  let enqueued = 0;
  let batch: Array<{ name: string; data: { input: ArticleInput }; opts: typeof JOB_OPTIONS & { jobId: string } }> = [];
  const flush = async () => {
    if (!batch.length) return;
    await queue.addBulk(batch);
    enqueued += batch.length;
    batch = [];
  };
  try {
    for (const source of sources) {
      for await (const item of readItems(source, opts)) {
        if ('failure' in item) { failed.push(item.failure); continue; }
        batch.push({ name: 'article', data: { input: item.input }, opts: { ...JOB_OPTIONS, jobId: jobIdOf(item.input) } });
        if (batch.length >= 500) await flush();
      }
    }
    await flush();
  } finally {
    await queue.close();
  }
  return { enqueued, failed };
}

export interface QueueStatus {
  url: string;
  counts: Record<string, number>;
  failed: Array<{ id: string; source: string | null; reason: string; attempts: number; at: string | null }>;
}

/** Counts of jobs by state, and the failed jobs with their reasons (for `newsgraph queue status`). */
export async function queueStatus(queueUrl: string, opts: { limit?: number } = {}): Promise<QueueStatus> {
  await pingRedis(queueUrl);
  const queue = new Queue(QUEUE_NAME, { connection: connectionFromUrl(queueUrl) });
  queue.on('error', () => {});
  try {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'paused', 'prioritized');
    const failedJobs = await queue.getFailed(0, (opts.limit ?? 100) - 1);
    return {
      url: maskUrl(queueUrl),
      counts,
      failed: failedJobs.map((j) => ({
        id: j.id ?? '',
        source: (j.data?.input as ArticleInput | undefined)?.source ?? (j.data?.input as ArticleInput | undefined)?.id ?? null,
        reason: j.failedReason ?? '',
        attempts: j.attemptsMade,
        at: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
      })),
    };
  } finally {
    await queue.close();
  }
}

export interface WorkerOptions {
  /** Jobs processed at once by this worker process (default 1: analysis is CPU-bound; run one worker per core). */
  concurrency?: number;
  /** How long a job stays locked to a worker without renewal; a killed worker's job is retried after it (ms, default 30000). */
  lockDuration?: number;
  /** How often stalled jobs (of dead workers) are looked for (ms, default lockDuration / 2). */
  stalledInterval?: number;
  /** Called after each job. */
  onJob?: (e: { id: string; outcome: 'stored' | 'skipped' | 'failed'; reason?: string }) => void;
}

/**
 * Runs a worker: takes article jobs from the queue, analyses each and writes it to the store.
 * Delivery is at least once; writes are idempotent (an article id already stored is skipped, and
 * `putArticles` is one transaction), so a worker killed mid-job loses nothing — its job is retried
 * by another worker once its lock expires — and duplicates nothing. Input problems fail the job at
 * once with their reason; other errors (a database hiccup) are retried with exponential backoff.
 *
 * @example
 *   const w = await runWorker('redis://127.0.0.1:6379', await openStore('postgres://localhost/news'));
 *   process.on('SIGTERM', () => w.close());
 */
export async function runWorker(queueUrl: string, store: Store, opts: WorkerOptions = {}): Promise<{ close: () => Promise<void>; runId: string }> {
  await pingRedis(queueUrl);
  const runId = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-w${process.pid}-${randomBytes(2).toString('hex')}`;
  await store.startRun({ id: runId, started: new Date().toISOString(), codeVersion: VERSION, dataVersion: dataVersion() });
  const counts = { stored: 0, skipped: 0, failed: 0 };
  // The store's user dictionaries and corrections apply to worker output as to `newsgraph ingest`
  // (read once at start: a worker restarted after a dictionary edit picks up the new one).
  const analysisOptions = storeAnalysisOptions(store.location);
  const corrections = store.corrections ? await store.corrections() : [];
  const kb = corrections.length ? storeKb(store) : undefined;
  const lockDuration = opts.lockDuration ?? 30_000;
  const worker = new Worker(
    QUEUE_NAME,
    async (job: Job<{ input: ArticleInput }>) => {
      const input = job.data.input;
      if (input.id && (await store.existingIds([input.id])).has(input.id)) return { outcome: 'skipped' };
      let analysis;
      try {
        analysis = analyze(input, analysisOptions);
      } catch (err) {
        if (err instanceof NewsgraphError) throw new UnrecoverableError(err.message);
        throw err;
      }
      if (corrections.length) applyCorrections(analysis, corrections, kb);
      const records = await assignStories(store, [analysis]);
      const res = await store.putArticles(records, runId);
      return { outcome: res.stored ? 'stored' : 'skipped' };
    },
    {
      connection: connectionFromUrl(queueUrl),
      concurrency: opts.concurrency ?? 1,
      lockDuration,
      stalledInterval: opts.stalledInterval ?? Math.max(1000, Math.floor(lockDuration / 2)),
      maxStalledCount: 3,
      name: `${hostname()}:${process.pid}`,
    },
  );
  worker.on('completed', (job, result: { outcome: 'stored' | 'skipped' }) => {
    counts[result.outcome]++;
    opts.onJob?.({ id: job.id ?? '', outcome: result.outcome });
  });
  worker.on('failed', (job, err) => {
    counts.failed++;
    opts.onJob?.({ id: job?.id ?? '', outcome: 'failed', reason: err.message });
  });
  worker.on('error', () => {}); // connection errors: ioredis reconnects with backoff by itself
  return {
    runId,
    close: async () => {
      await worker.close();
      await store.finishRun(runId, counts);
    },
  };
}
