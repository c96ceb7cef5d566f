import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../ingest/index.js';
import { evalDataPath } from '../../paths.js';
import { editDictionary } from '../../steer/dictionaries.js';
import { recode } from '../../steer/recode.js';
import { openStore } from '../../store/open.js';
import { type Benchmark, argValue, peakRssMb } from '../bench.js';
import { reutersRecords } from './ingest.js';


/**
 * `npm run bench recode [-- --limit N --jobs N --actor ID --alias TEXT]`: ingests the Reuters-21578
 * bodies (default the first 3000) plus the VOA stories into a fresh SQLite store, adds one alias to
 * the store's user dictionary (default `Treasury` for the US Treasury Department), and times the targeted
 * recode of that change against a full re-run (`recode --all`) of the same corpus in the same
 * process: N affected articles, seconds, seconds per article, and the ratio.
 */
const bench: Benchmark = {
  name: 'recode',
  description: 'targeted recode of one dictionary alias vs a full re-run (Reuters-21578 + VOA, SQLite)',
  async run(args) {
    const limit = Number(argValue(args, '--limit') ?? 3000);
    // Default 0: analyse in this thread, so ingest and recode run the very same loaded code (a worker would
    // import the sources again, later).
    const jobs = Number(argValue(args, '--jobs') ?? 0);
    const actor = argValue(args, '--actor') ?? 'US-mof';
    const alias = argValue(args, '--alias') ?? 'Treasury';
    const reuters = evalDataPath('reuters21578');
    const voa = evalDataPath('voa', 'voa_stories.jsonl');
    if (!existsSync(reuters)) {
      console.log(`skipped: ${reuters} is absent`);
      return;
    }
    const tmp = mkdtempSync(join(tmpdir(), 'ng-bench-recode-'));
    const input = join(tmp, 'reuters.jsonl');
    writeFileSync(input, `${reutersRecords(reuters, limit).join('\n')}\n`);
    const db = join(tmp, 'corpus.db');
    const store = await openStore(db);
    try {
      const t0 = performance.now();
      const ing = await ingest(store, existsSync(voa) ? [input, voa] : [input], { jobs, skipIncidents: true });
      const ingestS = (performance.now() - t0) / 1000;
      const total = (await store.stats()).articles;
      console.log(`corpus: ${total} articles (Reuters-21578 first ${limit} bodies${existsSync(voa) ? ' + VOA stories' : ''}); ingest ${ingestS.toFixed(1)} s (${ing.failed.length} failed)`);

      editDictionary(db, { op: 'add-alias', id: actor, alias });
      const dry = await recode(store, { dryRun: true, examples: 5 });
      const n = dry.affected.length;
      const targeted = await recode(store, { examples: 0 });
      const full = await recode(store, { all: true, examples: 5 });
      const perN = targeted.seconds.total / Math.max(1, n);
      const perAll = full.seconds.total / Math.max(1, total);
      console.log(`change: alias '${alias}' added to ${actor}`);
      console.log('| run | articles | find s | analyse s | write s | total s | s/article |');
      console.log('|---|---|---|---|---|---|---|');
      console.log(`| dry run | ${n} | ${dry.seconds.find.toFixed(3)} | ${dry.seconds.analyse.toFixed(2)} | – | ${dry.seconds.total.toFixed(2)} | ${(dry.seconds.total / Math.max(1, n)).toFixed(4)} |`);
      console.log(`| targeted recode | ${n} | ${targeted.seconds.find.toFixed(3)} | ${targeted.seconds.analyse.toFixed(2)} | ${targeted.seconds.write.toFixed(2)} | ${targeted.seconds.total.toFixed(2)} | ${perN.toFixed(4)} |`);
      console.log(`| full re-run (--all) | ${full.affected.length} | ${full.seconds.find.toFixed(3)} | ${full.seconds.analyse.toFixed(2)} | ${full.seconds.write.toFixed(2)} | ${full.seconds.total.toFixed(2)} | ${perAll.toFixed(4)} |`);
      console.log(`\nN = ${n} of ${total} articles (${((100 * n) / total).toFixed(2)}%); recode ${targeted.seconds.total.toFixed(2)} s vs full re-run ${full.seconds.total.toFixed(2)} s: ` +
        `ratio ${(targeted.seconds.total / full.seconds.total).toFixed(4)} (N/corpus = ${(n / total).toFixed(4)}); per article ${perN.toFixed(4)} s vs ${perAll.toFixed(4)} s`);
      console.log(`diff of the change: events ${JSON.stringify(dry.diff.events)}, links ${JSON.stringify(dry.diff.links)}, ${dry.diff.articles} articles with changes`);
      for (const e of dry.diff.examples) console.log(`  ${e.article} ${e.kind} '${e.text}': ${e.before ?? '(none)'} → ${e.after ?? '(none)'}`);
      console.log(`full re-run after the recode changed: events ${JSON.stringify(full.diff.events)}, links ${JSON.stringify(full.diff.links)} (non-zero = analysis not reproducible)`);
      for (const e of full.diff.examples) console.log(`  ${e.article} ${e.kind} '${e.text}' ${e.key}: ${e.before ?? '(none)'} → ${e.after ?? '(none)'}`);
      console.log(`peak RSS ${peakRssMb()} MB`);
    } finally {
      await store.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
export default bench;
