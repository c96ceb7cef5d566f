import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultJobs, ingest } from '../../ingest/index.js';
import { evalDataPath } from '../../paths.js';
import { openStore } from '../../store/open.js';
import { type Benchmark, argValue, peakRssMb } from '../bench.js';

const MONTHS: Record<string, string> = { JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12' };

function decode(s: string): string {
  return s.replace(/&#\d+;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Reuters-21578 stories with a `<BODY>` as JSONL records `{id, title, date, text}` (the SGML is
 * converted here, in the benchmark, since newsgraph does not read Reuters SGML).
 *
 * @example
 *   reutersRecords(evalDataPath('reuters21578'), 100).length; // 100
 */
export function reutersRecords(dir: string, limit: number): string[] {
  return [...reutersLines(dir, limit)];
}

/**
 * {@link reutersRecords} one at a time. Each file is read as bytes and only one story at a time is
 * decoded, so converting leaves little garbage in the heap of the process being measured.
 */
export function* reutersLines(dir: string, limit: number): Generator<string> {
  let n = 0;
  for (const f of readdirSync(dir).filter((x) => /^reut2-\d+\.sgm$/.test(x)).sort()) {
    const sgml = readFileSync(join(dir, f));
    for (let at = sgml.indexOf('<REUTERS'); at >= 0; at = sgml.indexOf('<REUTERS', at + 1)) {
      const end = sgml.indexOf('</REUTERS>', at);
      if (end < 0) break;
      const m = /^<REUTERS[^>]*NEWID="(\d+)"[^>]*>([\s\S]*)$/.exec(sgml.toString('latin1', at, end));
      const body = m && /<BODY>([\s\S]*?)<\/BODY>/.exec(m[2]!)?.[1];
      if (!m || !body) continue;
      const title = /<TITLE>([\s\S]*?)<\/TITLE>/.exec(m[2]!)?.[1];
      const d = /<DATE>\s*(\d{1,2})-([A-Z]{3})-(\d{4})/.exec(m[2]!);
      yield JSON.stringify({
        id: `reuters-${m[1]}`,
        ...(title ? { title: decode(title).trim() } : {}),
        ...(d ? { date: `${d[3]}-${MONTHS[d[2]!]}-${d[1]!.padStart(2, '0')}` } : {}),
        text: decode(body).replace(/\s*Reuter\s*$/, ''),
      });
      if (++n >= limit) return;
    }
  }
}


/**
 * `npm run bench ingest [-- --limit N --jobs N --batch N]`: ingests the Reuters-21578 bodies into a fresh
 * store (analysis in worker threads, one writer), printing articles/s, words/s and RSS at 25, 50,
 * 75 and 100% of the corpus, so growth of memory with the corpus shows.
 */
const bench: Benchmark = {
  name: 'ingest',
  description: 'ingest Reuters-21578 into a fresh SQLite store: articles/s, words/s, RSS as the corpus grows',
  async run(args) {
    const limit = Number(argValue(args, '--limit') ?? 1e9);
    const jobs = argValue(args, '--jobs') === undefined ? undefined : Number(argValue(args, '--jobs'));
    const batchSize = argValue(args, '--batch') === undefined ? undefined : Number(argValue(args, '--batch'));
    const dir = evalDataPath('reuters21578');
    if (!existsSync(dir)) {
      console.log(`skipped: ${dir} is absent`);
      return;
    }
    const tmp = mkdtempSync(join(tmpdir(), 'ng-bench-ingest-'));
    const input = join(tmp, 'reuters.jsonl');
    // Written record by record and not kept: the benchmark's own copy of the corpus is not the ingest's memory.
    const fd = openSync(input, 'w');
    let count = 0;
    for (const r of reutersLines(dir, limit)) count += writeSync(fd, `${r}\n`) > 0 ? 1 : 0;
    closeSync(fd);
    const records = { length: count };
    const store = await openStore(join(tmp, 'bench.db'));
    const marks = [0.25, 0.5, 0.75, 1];
    const rows: Array<Promise<string>> = [];
    const started = performance.now();
    try {
      const summary = await ingest(store, [input], {
        jobs,
        batchSize,
        onProgress: (p) => {
          while (marks.length && p.done >= marks[0]! * records.length) {
            const s = (performance.now() - started) / 1000;
            const row = `| ${Math.round(marks.shift()! * 100)}% | ${p.done} | ${s.toFixed(1)} | ${(p.stored / s).toFixed(0)} | ${(p.words / s).toFixed(0)} | ${Math.round(process.memoryUsage().rss / 1048576)} | ${peakRssMb()} | ${Math.round(process.memoryUsage().heapUsed / 1048576)} |`;
            rows.push(p.analyserHeaps().then((hs) => `${row} ${hs.map((h) => `${h.usedMb}/${h.totalMb}`).join(', ')} |`, () => `${row} ? |`));
          }
        },
      });
      const stats = await store.stats();
      console.log(`corpus: Reuters-21578, ${records.length} bodies; workers: ${jobs ?? `${defaultJobs()} (default: cores − 1)`}`);
      console.log('| progress | articles | s | articles/s | words/s | RSS MB | peak RSS MB | main-thread heap MB | analyser heaps used/reserved MB |');
      console.log('|---|---|---|---|---|---|---|---|---|');
      for (const r of await Promise.all(rows)) console.log(r);
      console.log(`\ntotal: ${summary.stored} stored, ${summary.failed.length} failed, ${summary.seconds.toFixed(1)} s (incl. incident clustering), ` +
        `${(summary.stored / summary.seconds).toFixed(0)} articles/s, ${(summary.words / summary.seconds).toFixed(0)} words/s, peak RSS ${peakRssMb()} MB; ` +
        `dedup + writes took ${summary.writeSeconds.toFixed(1)} s in the main thread (${Math.round(summary.stored / Math.max(summary.writeSeconds, 0.001))} articles/s)`);
      const reasons = new Map<string, number>();
      for (const f of summary.failed) reasons.set(f.reason.slice(0, 80), (reasons.get(f.reason.slice(0, 80)) ?? 0) + 1);
      if (reasons.size) console.log(`failures: ${[...reasons].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([r, n]) => `${n}× ${r}`).join('; ')}`);
      console.log(`store: ${stats.stories} stories (${stats.duplicates} duplicates), ${stats.actors} actors, ${stats.events} events, ${stats.incidents} incidents`);
    } finally {
      await store.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
export default bench;
