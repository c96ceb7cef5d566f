import type { Command } from 'commander';
import { dbOption } from '../db.js';
import { NewsgraphError } from '../../errors.js';
import { runIngest, reportIngest } from './ingest.js';

/**
 * Parses a duration such as `15m`, `30s`, `2h` or `1h30m` into milliseconds.
 *
 * @example
 *   parseDuration('15m'); // 900000
 */
export function parseDuration(text: string): number {
  const re = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)/gy;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  let total = 0;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(text))) {
    total += Number(m[1]) * unit[m[2]!]!;
    end = re.lastIndex;
  }
  if (!total || end !== text.length) throw new NewsgraphError('NG_USAGE', '--every', `expected a duration like 15m, 30s or 1h, got '${text}'`);
  return total;
}

interface WatchFlags {
  db: string;
  every: string;
  fetch?: boolean;
  polls?: string;
  jobs?: string;
  json?: boolean;
}

export function registerWatch(program: Command, setCode: (code: number) => void): void {
  program
    .command('watch')
    .description('poll RSS/Atom feeds and ingest new items into a store')
    .argument('<feeds...>', 'feed URLs (or feed files)')
    .addOption(dbOption('the store'))
    .option('--every <duration>', 'time between polls: 30s, 15m, 1h', '15m')
    .option('--fetch', "fetch each new item's page instead of using the feed text")
    .option('--polls <n>', 'stop after n polls (default: run until interrupted)')
    .option('--jobs <n>', 'analysis worker threads (default 0: feeds are small)', '0')
    .option('--json', 'print each poll summary as JSON')
    .addHelpText('after', '\nEach poll ingests the feeds like `newsgraph ingest`: items already stored are skipped.\nExample:\n  newsgraph watch https://example.com/rss.xml --every 15m --db corpus.db')
    .action(async (feeds: string[], flags: WatchFlags) => {
      const every = parseDuration(flags.every);
      const polls = flags.polls === undefined ? Infinity : Number(flags.polls);
      if (!(polls >= 1)) throw new NewsgraphError('NG_USAGE', '--polls', `expected a positive integer, got '${flags.polls}'`);
      let stop = false;
      const onSignal = () => { stop = true; };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      let code = 0;
      try {
        for (let i = 0; i < polls && !stop; i++) {
          const summary = await runIngest(feeds, { db: flags.db, fetch: flags.fetch, jobs: flags.jobs, json: flags.json, wait: '60' }, true);
          if (!flags.json) process.stdout.write(`${new Date().toISOString()} `);
          code = Math.max(code, reportIngest(summary, flags.json));
          if (i + 1 < polls) await sleepUnless(every, () => stop);
        }
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      setCode(code);
    });
}

async function sleepUnless(ms: number, stopped: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && !stopped()) await new Promise((r) => setTimeout(r, Math.min(500, until - Date.now())));
}
