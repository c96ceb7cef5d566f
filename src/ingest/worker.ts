/**
 * Worker thread of the ingest pool: analyses the articles the main thread posts and posts back
 * the analysis contract (or the error). Only the main thread writes to the store.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { analyze, dataVersion, VERSION, type AnalyzeOptions as AnalysisOptions, type ArticleInput } from '../analyze.js';
import { NewsgraphError } from '../errors.js';

export type WorkerRequest =
  | {
    seq: number;
    input: ArticleInput;
    /** Analysis options (the store's user dictionaries: `actorFiles`). */
    options?: AnalysisOptions;
  }
  /** Asks for this thread's V8 heap figures (for the benchmark) or the code and data versions. */
  | { seq: number; query: 'heap' | 'versions'; options?: AnalysisOptions };

parentPort?.on('message', (msg: WorkerRequest) => {
  if ('query' in msg) {
    if (msg.query === 'heap') {
      const h = getHeapStatistics();
      parentPort!.postMessage({ seq: msg.seq, heap: { used: h.used_heap_size, total: h.total_heap_size } });
    } else parentPort!.postMessage({ seq: msg.seq, versions: { code: VERSION, data: dataVersion(msg.options?.actorFiles) } });
    return;
  }
  try {
    parentPort!.postMessage({ seq: msg.seq, json: JSON.stringify(analyze(msg.input, msg.options)) });
  } catch (err) {
    const known = err instanceof NewsgraphError;
    parentPort!.postMessage({
      seq: msg.seq,
      error: { code: known ? err.code : 'internal', message: known ? err.detail : (err as Error)?.message ?? String(err) },
    });
  }
});
