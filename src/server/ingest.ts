import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../ingest/index.js';
import type { Store } from '../store/types.js';

/**
 * Ingests JSON records posted to the API through the same path as `newsgraph ingest` (writer lock,
 * analysis, story grouping, one transaction per batch, run record), by handing them to it as a
 * JSONL source: one ingest code path, so the API can never store differently from the CLI.
 */
export function recordIngester(store: Store) {
  return async (records: Array<Record<string, unknown>>) => {
    const dir = mkdtempSync(join(tmpdir(), 'ng-post-'));
    try {
      const file = join(dir, 'records.jsonl');
      writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
      const summary = await ingest(store, [file], { jobs: 0, waitMs: 10_000 });
      return {
        runId: summary.runId,
        stored: summary.stored,
        skipped: summary.skipped,
        failed: summary.failed.map((f) => ({ id: null, error: `${f.reason}` })),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
