import { randomBytes } from 'node:crypto';
// Types only: the writing thread must not load the pipeline (see `createPool`).
import type { ArticleInput } from '../analyze.js';
import type { Analysis } from '../contract.js';
import { assignStories } from '../dedup/index.js';
import type { Store } from '../store/types.js';
import type { AnalysisOptions } from '../pipeline/stage.js';
import { applyCorrections, storeKb } from '../steer/corrections.js';
import { ensureBaseline, storeAnalysisOptions } from '../steer/dictionaries.js';
import { createPool, defaultJobs, type AnalysisOutcome } from './pool.js';
import { expandSources, readItems, type Failure, type Item, type Source } from './sources.js';

export { expandSources, readItems } from './sources.js';
export type { Failure, Item, Source } from './sources.js';
export { parseFeed, isFeed } from './feed.js';
export { readWarc, parseWarcStream, parseHttpResponse, warcArticles } from './warc.js';
export { createPool, defaultJobs } from './pool.js';

export interface IngestOptions {
  /** Analysis worker threads; 0 analyses in this thread. Default: cores − 1, at least 1 (inline for a handful of files). */
  jobs?: number;
  /** Articles per write transaction (default 100). */
  batchSize?: number;
  /** How long to wait for another ingest's writer lock, ms (default 0: refuse at once). */
  waitMs?: number;
  /** Fetch the pages of feed items. */
  fetch?: boolean;
  maxBytes?: number;
  /** Called after each written batch and once at the end. */
  onProgress?: (p: IngestProgress) => void;
  /** Skip incident re-clustering at the end (it re-reads every event). */
  skipIncidents?: boolean;
  /** Analysis options; default: the store's user dictionaries (see `src/steer/dictionaries.ts`). */
  analysis?: AnalysisOptions;
}

export interface IngestProgress {
  /** Articles read so far (analysed, skipped or failed), and the best guess of the total. */
  done: number;
  total: number;
  stored: number;
  words: number;
  /** V8 heap (MB) of each analysing thread, asked when called (the benchmark prints it). */
  analyserHeaps: () => Promise<Array<{ usedMb: number; totalMb: number }>>;
}

export interface IngestSummary {
  runId: string;
  /** Articles read from the sources (not counting unreadable inputs). */
  read: number;
  stored: number;
  /** Already in the store (same id): left untouched. */
  skipped: number;
  /** Stored articles that copy another (exact or near). */
  duplicates: number;
  failed: Failure[];
  words: number;
  incidents: number | null;
  seconds: number;
  /** Of `seconds`, the time spent deduplicating and writing (the main thread's share). */
  writeSeconds: number;
}

/**
 * Ingests articles into a store: reads the sources (paths, directories, globs, URLs, `-`, feeds,
 * WARC files), analyses them in worker threads, groups duplicates into stories and writes each
 * batch in one transaction, from this thread only. Articles already stored (same id) are skipped,
 * so re-running after a crash or with more files does only the new work. Holds the store's writer
 * lock for the duration.
 *
 * @example
 *   const store = await openStore('corpus.db');
 *   const summary = await ingest(store, ['articles/'], { jobs: 2 });
 *   console.log(summary.stored, summary.failed);
 */
export async function ingest(store: Store, args: string[] | Source[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const expanded = typeof args[0] === 'string' || args.length === 0
    ? await expandSources(args as string[])
    : { sources: args as Source[], failures: [] };
  const release = await store.lockWriter({ waitMs: opts.waitMs, owner: 'ingest' });
  const runId = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
  const failed: Failure[] = [...expanded.failures];
  const batchSize = opts.batchSize ?? 100;
  // Worker start-up (loading the language model) costs about a second: not worth it for a handful of files.
  const jobs = opts.jobs ?? (expanded.sources.length <= 4 && expanded.sources.every((s) => s.kind === 'file' && !/\.(jsonl|ndjson|warc|gz|json)$/i.test(s.path)) ? 0 : defaultJobs());
  const analysis = opts.analysis ?? storeAnalysisOptions(store.location);
  // User corrections (src/steer/) are applied on top of every new analysis before it is written.
  const corrections = store.corrections ? await store.corrections() : [];
  const kb = corrections.length ? storeKb(store) : undefined;
  const pool = createPool(jobs, analysis);
  let read = 0;
  let stored = 0;
  let skipped = 0;
  let duplicates = 0;
  let words = 0;
  let done = 0;
  let total = expanded.sources.length;
  // Analyses waiting for the next write, as JSON text from the workers (see `AnalysisOutcome`).
  let batch: Array<Analysis | string> = [];
  const inFlight = new Set<Promise<void>>();
  const maxInFlight = Math.max(4, jobs * 8);
  const progress = () => opts.onProgress?.({ done, total: Math.max(total, done), stored, words, analyserHeaps: () => pool.heaps() });

  let writeMs = 0;
  const flush = async () => {
    if (!batch.length) return;
    const analyses = batch.map((a): Analysis => (typeof a === 'string' ? JSON.parse(a) : a));
    batch = [];
    const t = performance.now();
    if (corrections.length) for (const a of analyses) applyCorrections(a, corrections, kb);
    const records = await assignStories(store, analyses);
    const res = await store.putArticles(records, runId);
    writeMs += performance.now() - t;
    const skippedIds = new Set(res.skipped);
    skipped += res.skipped.length;
    stored += res.stored;
    for (const r of records) {
      if (skippedIds.has(r.analysis.document.id)) continue;
      if (r.duplicateOf) duplicates++;
      words += r.analysis.tone?.wordCount ?? countWords(r.analysis.document.text);
    }
    progress();
  };

  const onOutcome = (input: ArticleInput, out: AnalysisOutcome) => {
    done++;
    if ('json' in out) batch.push(out.json);
    else if ('analysis' in out) batch.push(out.analysis);
    else failed.push({ source: describe(input), reason: out.error.message });
  };

  try {
    const versions = await pool.versions();
    await store.startRun({ id: runId, started: new Date(started).toISOString(), codeVersion: versions.code, dataVersion: versions.data });
    ensureBaseline(store.location, runId);
    for (const source of expanded.sources) {
      let inSource = 0;
      for await (const item of readItems(source, { fetch: opts.fetch, maxBytes: opts.maxBytes }) as AsyncIterable<Item>) {
        inSource++;
        // The bar's total: one per source until a source says how many records it holds.
        if (inSource === 1 && item.of) total += item.of - 1;
        else if (inSource > 1 && !item.of) total++;
        if ('failure' in item) {
          failed.push(item.failure);
          done++;
          continue;
        }
        read++;
        const input = item.input;
        if (input.id && (await store.existingIds([input.id])).has(input.id)) {
          skipped++;
          done++;
          continue;
        }
        const p = pool.analyze(input).then((out) => onOutcome(input, out));
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
        if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
        if (batch.length >= batchSize) await flush();
      }
      if (inSource === 0) total--;
    }
    await Promise.all(inFlight);
    await flush();
    const t = performance.now();
    const incidents = opts.skipIncidents ? null : await store.rebuildIncidents();
    writeMs += performance.now() - t;
    const summary: IngestSummary = {
      runId, read, stored, skipped, duplicates, failed, words, incidents, seconds: (Date.now() - started) / 1000, writeSeconds: writeMs / 1000,
    };
    await store.finishRun(runId, { read, stored, skipped, duplicates, failed: failed.length, words });
    progress();
    return summary;
  } finally {
    await pool.close();
    await release();
  }
}

function describe(input: ArticleInput): string {
  const where = input.source ?? input.url ?? input.id ?? 'input';
  return input.line ? `${where}:${input.line}` : input.id && input.source && input.id !== input.source ? `${where} (${input.id})` : where;
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/**
 * The one-line summary of an ingest, as the CLI prints it.
 *
 * @example
 *   formatSummary(summary); // 'stored 118 articles (4 duplicates), skipped 2 already stored, 3 failed — 12.4 s, 9.5 articles/s'
 */
export function formatSummary(s: IngestSummary): string {
  const rate = s.seconds > 0 ? (s.stored / s.seconds).toFixed(1) : '0';
  const parts = [`stored ${s.stored} article${s.stored === 1 ? '' : 's'}${s.duplicates ? ` (${s.duplicates} duplicate${s.duplicates === 1 ? '' : 's'})` : ''}`];
  if (s.skipped) parts.push(`skipped ${s.skipped} already stored`);
  if (s.failed.length) parts.push(`${s.failed.length} failed`);
  if (s.incidents !== null) parts.push(`${s.incidents} incidents`);
  return `${parts.join(', ')} — ${s.seconds.toFixed(1)} s, ${rate} articles/s, ${Math.round(s.words / Math.max(s.seconds, 0.001))} words/s`;
}
