import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { dbOption } from '../db.js';
import { enqueue } from '../../cluster/queue.js';
import { maskUrl } from '../../cluster/redis.js';
import { NewsgraphError } from '../../errors.js';
import { formatSummary, ingest, type IngestOptions, type IngestSummary } from '../../ingest/index.js';
import { openStore } from '../../store/open.js';

interface IngestFlags {
  db: string;
  jobs?: string;
  batch?: string;
  wait?: string | boolean;
  fetch?: boolean;
  maxBytes?: string;
  json?: boolean;
  incidents?: boolean;
  queue?: string;
}

const HELP = `
Inputs: files, directories (read recursively), globs ('corpus/**/*.html'), http(s) URLs and -
for stdin. Formats: plain text, the seed format, HTML, JSON, JSONL (as \`analyze\`), RSS/Atom feeds
(files or URLs; items become articles; --fetch reads each item's page) and WARC files
(.warc, .warc.gz; HTML responses become articles).

Re-running skips articles already stored (by id), so an interrupted ingest resumes where it
stopped. Exact and near-duplicate copies are grouped into stories; events are clustered into
incidents at the end.

Exit codes: 0 all stored or skipped; 1 some inputs failed (each listed with its reason);
2 usage error.

Examples:
  newsgraph ingest articles/ --db corpus.db
  newsgraph ingest 'crawl/*.warc.gz' https://example.com/rss.xml --db corpus.db`;

/** Parses a --wait value: seconds, or "forever" when the flag is given without a value. */
function waitMs(wait: string | boolean | undefined): number {
  if (wait === undefined || wait === false) return 0;
  if (wait === true) return 365 * 86_400_000;
  const s = Number(wait);
  if (!Number.isFinite(s) || s < 0) throw new NewsgraphError('NG_USAGE', '--wait', `expected seconds, got '${wait}'`);
  return s * 1000;
}

function positiveInt(name: string, v: string | undefined, min = 1): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new NewsgraphError('NG_USAGE', name, `expected an integer ≥ ${min}, got '${v}'`);
  return n;
}

/** Runs one ingest with the CLI's progress display; shared by `ingest` and `watch`. */
export async function runIngest(inputs: string[], flags: IngestFlags, quiet = false): Promise<IngestSummary> {
  const store = await openStore(flags.db);
  const tty = !quiet && !flags.json && process.stderr.isTTY;
  const bar = tty
    ? new cliProgress.SingleBar({
        format: 'ingest {bar} {value}/{total} articles | {rate} articles/s | ETA {eta_formatted}',
        etaBuffer: 200,
        hideCursor: true,
        stream: process.stderr,
      }, cliProgress.Presets.shades_classic)
    : null;
  const started = Date.now();
  let barStarted = false;
  const opts: IngestOptions = {
    jobs: positiveInt('--jobs', flags.jobs, 0),
    batchSize: positiveInt('--batch', flags.batch),
    waitMs: waitMs(flags.wait),
    fetch: flags.fetch,
    maxBytes: positiveInt('--max-bytes', flags.maxBytes),
    skipIncidents: flags.incidents === false,
    onProgress: bar
      ? (p) => {
          const rate = (p.done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
          if (!barStarted) { bar.start(p.total, p.done, { rate }); barStarted = true; }
          bar.setTotal(p.total);
          bar.update(p.done, { rate });
        }
      : undefined,
  };
  try {
    return await ingest(store, inputs, opts);
  } finally {
    if (barStarted) bar!.stop();
    await store.close();
  }
}

/** Prints the summary line and one line per failed input; returns the exit code. */
export function reportIngest(summary: IngestSummary, json: boolean | undefined): number {
  if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    process.stdout.write(`${formatSummary(summary)}\n`);
    for (const f of summary.failed) process.stdout.write(`  failed: ${f.source}: ${f.reason}\n`);
  }
  return summary.failed.length ? 1 : 0;
}

export function registerIngest(program: Command, setCode: (code: number) => void): void {
  program
    .command('ingest')
    .description('analyse articles (files, directories, globs, URLs, feeds, WARC, -) into a store')
    .argument('<inputs...>', 'files, directories, globs, http(s) URLs, or - for stdin')
    .addOption(dbOption('the store (SQLite file, created if absent)'))
    .option('--jobs <n>', 'analysis worker threads (default: cores − 1, at least 1; 0 = analyse in the main thread)')
    .option('--batch <n>', 'articles per write transaction (default 100)')
    .option('--wait [seconds]', 'wait for another ingest writing the same store instead of refusing')
    .option('--fetch', "fetch feed items' pages instead of using the feed text")
    .option('--max-bytes <n>', 'refuse inputs larger than n bytes (default 20 MB)')
    .option('--no-incidents', 'skip re-clustering events into incidents at the end')
    .option('--json', 'print the summary as JSON')
    .option('--queue <redis-url>', 'enqueue the articles on a Redis work queue for `newsgraph worker` instead of analysing here')
    .addHelpText('after', HELP)
    .action(async (inputs: string[], flags: IngestFlags) => {
      if (flags.queue) {
        const r = await enqueue(flags.queue, inputs, { fetch: flags.fetch, maxBytes: positiveInt('--max-bytes', flags.maxBytes) });
        if (flags.json) process.stdout.write(`${JSON.stringify(r)}\n`);
        else {
          process.stdout.write(`enqueued ${r.enqueued} article${r.enqueued === 1 ? '' : 's'} on ${maskUrl(flags.queue)}\n`);
          for (const f of r.failed) process.stdout.write(`  failed: ${f.source}: ${f.reason}\n`);
        }
        setCode(r.failed.length ? 1 : 0);
        return;
      }
      setCode(reportIngest(await runIngest(inputs, flags), flags.json));
    });
}
