import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../ingest/index.js';
import { PACKAGE_ROOT, evalDataPath } from '../../paths.js';
import { openStore } from '../../store/open.js';
import { argValue, type Benchmark } from '../bench.js';
import { reutersRecords } from './ingest.js';


const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * `npm run bench serve [-- --limit N --clients 50 --seconds 30]`: builds a store of Reuters-21578
 * bodies, starts `newsgraph serve` on it in its own process, and runs a bounded load of concurrent
 * clients (a small fetch loop on loopback) against the main read endpoints; prints requests/s,
 * p50/p95/p99 latency per endpoint and the error count.
 */
const bench: Benchmark = {
  name: 'serve',
  description: 'HTTP API under load: 50 concurrent clients for 30 s on the main read endpoints, p95 latency and errors',
  async run(args) {
    const limit = Number(argValue(args, '--limit') ?? 2000);
    const clients = Number(argValue(args, '--clients') ?? 50);
    const seconds = Number(argValue(args, '--seconds') ?? 30);
    const dir = evalDataPath('reuters21578');
    const tmp = mkdtempSync(join(tmpdir(), 'ng-bench-serve-'));
    try {
      const db = join(tmp, 'serve.db');
      const store = await openStore(db);
      if (existsSync(dir)) {
        const file = join(tmp, 'reuters.jsonl');
        writeFileSync(file, `${reutersRecords(dir, limit).join('\n')}\n`);
        const s = await ingest(store, [file]);
        console.log(`store: ${s.stored} Reuters-21578 articles (${s.seconds.toFixed(0)} s to ingest)`);
      } else {
        await ingest(store, [join(PACKAGE_ROOT, 'samples')], { jobs: 0 });
        console.log(`store: the bundled samples (no ${dir})`);
      }
      const stats = await store.stats();
      const [top] = await store.findActors('USA', 1);
      const [second] = await store.findActors('JPN', 1);
      await store.close();
      console.log(`${stats.articles} articles, ${stats.actors} actors, ${stats.events} events`);

      const server = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'newsgraph.js'), 'serve', '--db', db, '--port', '0', '--no-ui'], { stdio: ['ignore', 'pipe', 'inherit'] });
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        server.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
      const a = top ? encodeURIComponent(String(top.id)) : '1';
      const b = second ? encodeURIComponent(String(second.id)) : '2';
      const endpoints = [
        '/api/stats',
        `/api/events?actor=${a}&limit=50`,
        `/api/actors/${a}`,
        `/api/dyads?a=${a}&b=${b}&both=true`,
        '/api/search?q=oil%20prices',
        '/api/events?root=04&modality=any&limit=50',
        '/api/articles?limit=50',
      ];
      const latencies = new Map<string, number[]>(endpoints.map((e) => [e, []]));
      let errors = 0;
      const deadline = performance.now() + seconds * 1000;
      let n = 0;
      await Promise.all(Array.from({ length: clients }, async (_, c) => {
        let i = c;
        while (performance.now() < deadline) {
          const path = endpoints[i++ % endpoints.length]!;
          const t0 = performance.now();
          try {
            const res = await fetch(url + path);
            await res.arrayBuffer();
            if (!res.ok) errors++;
          } catch {
            errors++;
          }
          latencies.get(path)!.push(performance.now() - t0);
          n++;
        }
      }));
      server.kill('SIGTERM');
      console.log(`${clients} clients for ${seconds} s: ${n} requests, ${(n / seconds).toFixed(0)} requests/s, ${errors} errors`);
      console.log(`| ${'endpoint'.padEnd(44)} | ${'n'.padStart(6)} | ${'p50 ms'.padStart(7)} | ${'p95 ms'.padStart(7)} | ${'p99 ms'.padStart(7)} |`);
      console.log(`|${'-'.repeat(46)}|${'-'.repeat(8)}|${'-'.repeat(9)}|${'-'.repeat(9)}|${'-'.repeat(9)}|`);
      const all: number[] = [];
      for (const [path, l] of latencies) {
        const s = [...l].sort((x, y) => x - y);
        all.push(...s);
        console.log(`| ${path.slice(0, 44).padEnd(44)} | ${String(s.length).padStart(6)} | ${pct(s, 50).toFixed(1).padStart(7)} | ${pct(s, 95).toFixed(1).padStart(7)} | ${pct(s, 99).toFixed(1).padStart(7)} |`);
      }
      all.sort((x, y) => x - y);
      console.log(`all endpoints: p50 ${pct(all, 50).toFixed(1)} ms, p95 ${pct(all, 95).toFixed(1)} ms, errors ${errors}`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
export default bench;
