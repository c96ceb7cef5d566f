import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
// Types only: importing analyze.js loads the pipeline's modules (the wink model among them, about
// 65 MB), which the writing thread does not need when workers analyse. The inline pool imports it.
import type { AnalyzeOptions, ArticleInput } from '../analyze.js';
import type { Analysis } from '../contract.js';
import { NewsgraphError } from '../errors.js';

/**
 * What analysing one article gave: the analysis, or why it failed. Workers send the analysis as
 * JSON text (`json`): one flat string crosses threads and waits in the writer's batch at a
 * fraction of the size of the object graph, which is built only when the batch is written.
 */
export type AnalysisOutcome = { analysis: Analysis } | { json: string } | { error: { code: string; message: string } };

/** Analyses articles, in worker threads when `jobs` > 0, else in this thread. */
export interface AnalysisPool {
  readonly jobs: number;
  analyze(input: ArticleInput): Promise<AnalysisOutcome>;
  /** The code version and the data version the analyses are made with (for the run record). */
  versions(): Promise<{ code: string; data: string }>;
  /** V8 heap in use and reserved, MB, per analysing thread (for the benchmark). */
  heaps(): Promise<Array<{ usedMb: number; totalMb: number }>>;
  close(): Promise<void>;
}

/**
 * Default number of analysis workers: one per core but one, which is left to the main thread
 * (reading and parsing inputs, deduplication, writing). Each worker holds its own copy of the
 * pipeline's data (about 190 MB of heap, see `WORKER_LIMITS`), so more workers than cores only costs memory.
 */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** Workers replaced after crashing, before the pool gives up. */
const MAX_RESPAWNS = 8;

/**
 * Heap limits per worker. The pipeline's data (gazetteer about 80 MB of heap, the wink model, the
 * actor KB) and one article's working set keep 130–170 MB live; V8 sizes a heap by how much it
 * may grow, so with a high cap a busy worker reserves far more than it uses. 256 MB of old space
 * and a 16 MB young generation keep a worker near 190 MB reserved (measured on Reuters-21578)
 * at no measurable cost in CPU time. A text that needs more than the cap crashes its worker,
 * which is replaced and the article reported as failed.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

/**
 * Starts a pool of `jobs` worker threads, each running `analyze`. With `jobs` 0 analysis runs
 * inline (no start-up cost; for small inputs and tests). Results come back in completion order.
 *
 * @example
 *   const pool = createPool(2);
 *   const out = await pool.analyze({ id: 'a', text: 'Putin met Assad.' });
 *   await pool.close();
 */
export function createPool(jobs: number, options: AnalyzeOptions = {}): AnalysisPool {
  if (jobs <= 0) return inlinePool(options);
  // Run from source (tsx, vitest), the worker is a .ts file: a bootstrap registers tsx's loader first.
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url);
  // Replies by sequence number: analysis outcomes, and the answers to `heaps()` / `versions()`.
  const waiting = new Map<number, (o: any) => void>();
  /** Sequence numbers each worker is analysing, so a crashed worker's articles can be reported. */
  const busy = new Map<Worker, Set<number>>();
  let seq = 0;
  let respawns = 0;
  let closing = false;
  let failure: Error | null = null;
  const workers: Worker[] = [];
  const crashed = (w: Worker, reason: string) => {
    for (const id of busy.get(w) ?? []) {
      waiting.get(id)?.({ error: { code: 'internal', message: `analysis worker crashed: ${reason}` } });
      waiting.delete(id);
    }
    busy.delete(w);
    const i = workers.indexOf(w);
    if (i < 0 || closing) return;
    // A fatal error (out of memory on one huge text) costs that worker's articles, not the ingest.
    if (++respawns > MAX_RESPAWNS) {
      failure = new Error(reason);
      workers.splice(i, 1);
    } else workers[i] = spawn();
  };
  const spawn = (): Worker => {
    const w = fromSource
      ? new Worker(tsxBootstrap(url), { eval: true, resourceLimits: WORKER_LIMITS })
      : new Worker(url, { resourceLimits: WORKER_LIMITS });
    busy.set(w, new Set());
    w.on('message', (msg: { seq: number }) => {
      busy.get(w)?.delete(msg.seq);
      const resolve = waiting.get(msg.seq);
      waiting.delete(msg.seq);
      resolve?.(msg);
    });
    w.on('error', (err) => crashed(w, err.message));
    w.on('exit', (code) => { if (!closing) crashed(w, `exited with code ${code}`); });
    return w;
  };
  const request = <T>(w: Worker, msg: object): Promise<T> => {
    const id = seq++;
    busy.get(w)!.add(id);
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      w.postMessage({ seq: id, ...msg });
    });
  };
  const noWorkers = () => `analysis worker crashed: ${(failure as Error | null)?.message ?? 'no workers left'}`;
  for (let i = 0; i < jobs; i++) workers.push(spawn());
  return {
    jobs,
    analyze(input) {
      if (failure || !workers.length) return Promise.resolve({ error: { code: 'internal', message: noWorkers() } });
      // The least loaded worker: articles differ in length, so round-robin would leave one idle.
      const w = workers.reduce((a, b) => (busy.get(b)!.size < busy.get(a)!.size ? b : a));
      return request<{ seq: number } & AnalysisOutcome>(w, { input, options });
    },
    async versions() {
      if (!workers.length) throw new Error(noWorkers());
      const out = await request<{ versions?: { code: string; data: string }; error?: { message: string } }>(workers[0]!, { query: 'versions', options });
      if (!out.versions) throw new Error(out.error?.message ?? noWorkers());
      return out.versions;
    },
    async heaps() {
      const outs = await Promise.all(workers.map((w) => request<{ heap?: { used: number; total: number } }>(w, { query: 'heap' })));
      return outs.filter((o) => o.heap).map((o) => ({ usedMb: Math.round(o.heap!.used / 1048576), totalMb: Math.round(o.heap!.total / 1048576) }));
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
      for (const resolve of waiting.values()) resolve({ error: { code: 'internal', message: 'analysis pool closed' } });
      waiting.clear();
    },
  };
}

function inlinePool(options: AnalyzeOptions): AnalysisPool {
  const loaded = import('../analyze.js');
  return {
    jobs: 0,
    async analyze(input) {
      const { analyze } = await loaded;
      try {
        return { analysis: analyze(input, options) };
      } catch (err) {
        if (err instanceof NewsgraphError) return { error: { code: err.code, message: err.detail } };
        return { error: { code: 'internal', message: (err as Error)?.message ?? String(err) } };
      }
    },
    async versions() {
      const { dataVersion, VERSION } = await loaded;
      return { code: VERSION, data: dataVersion(options.actorFiles) };
    },
    async heaps() {
      const h = getHeapStatistics();
      return [{ usedMb: Math.round(h.used_heap_size / 1048576), totalMb: Math.round(h.total_heap_size / 1048576) }];
    },
    async close() {},
  };
}

/** Worker code that registers tsx's ESM loader, then imports the TypeScript worker (source runs only). */
function tsxBootstrap(worker: URL): string {
  const api = createRequire(import.meta.url).resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs');
  return `import(${JSON.stringify(pathToFileURL(api).href)}).then((m) => { m.register(); return import(${JSON.stringify(worker.href)}); });`;
}
