/**
 * Worker thread of the ingest pool: analyses the articles the main thread posts and posts back
 * the analysis contract (or the error). Only the main thread writes to the store.
 */
import { parentPort } from 'node:worker_threads';
import { analyze, type AnalyzeOptions as AnalysisOptions, type ArticleInput } from '../analyze.js';
import { NewsgraphError } from '../errors.js';

export interface WorkerRequest {
  seq: number;
  input: ArticleInput;
  /** Analysis options (the store's user dictionaries: `actorFiles`). */
  options?: AnalysisOptions;
}

parentPort?.on('message', (msg: WorkerRequest) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, analysis: analyze(msg.input, msg.options) });
  } catch (err) {
    const known = err instanceof NewsgraphError;
    parentPort!.postMessage({
      seq: msg.seq,
      error: { code: known ? err.code : 'internal', message: known ? err.detail : (err as Error)?.message ?? String(err) },
    });
  }
});
