/**
 * The steering cycle on the PostgreSQL store: edit → dry run → recode → runs diff, and an event
 * correction applied by the recode. Needs NEWSGRAPH_TEST_PG (started by the global setup when
 * PostgreSQL is installed); skipped otherwise.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.js';
import { openStore } from '../src/store/open.js';
import { correctEvent } from '../src/steer/corrections.js';
import { editDictionary } from '../src/steer/dictionaries.js';
import { recode, runsDiff } from '../src/steer/recode.js';
import { scratchDatabase, type ScratchDatabase } from './cluster-helpers.js';

const PG = process.env.NEWSGRAPH_TEST_PG;
const TAIL = ' The talks covered the war in Syria and the future of the country, the officials said.';

describe.skipIf(!PG)('steering on PostgreSQL', () => {
  let db: ScratchDatabase;
  const previous = process.env.NEWSGRAPH_STORE_DIR;
  beforeAll(async () => {
    db = await scratchDatabase(PG!);
    process.env.NEWSGRAPH_STORE_DIR = join(mkdtempSync(join(tmpdir(), 'ng-steer-pg-')), 'store.newsgraph');
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.NEWSGRAPH_STORE_DIR;
    else process.env.NEWSGRAPH_STORE_DIR = previous;
    await db?.drop();
  });

  it('re-codes the articles an alias touches, applies a correction, and diffs the runs', async () => {
    const src = join(mkdtempSync(join(tmpdir(), 'ng-steer-pg-')), 'articles');
    mkdirSync(src);
    writeFileSync(join(src, 'bear.txt'), `Vovochka met Syrian President Bashar al-Assad in Damascus on Monday, officials said.${TAIL}`);
    writeFileSync(join(src, 'other.txt'), `German Chancellor Angela Merkel visited Paris on Friday to meet French President Emmanuel Macron.${TAIL}`);
    const store = await openStore(db.url);
    try {
      await ingest(store, [src], { jobs: 0, skipIncidents: true });
      const [ingestRun] = await store.runs();
      editDictionary(db.url, { op: 'add-alias', id: 'vladimir-putin', alias: 'Vovochka' });
      const dry = await recode(store, { dryRun: true });
      expect(dry.affected).toHaveLength(1);
      expect(dry.diff.links.added).toBe(1);
      const done = await recode(store);
      expect(done.diff).toEqual(dry.diff);
      const id = done.affected[0]!;
      const a = (await store.getAnalysis(id))!;
      expect(a.entities.find((e) => e.kb?.id === 'vladimir-putin')?.mentions.map((m) => m.text)).toEqual(['Vovochka']);
      expect((await store.findActors('Q7747'))[0]).toMatchObject({ articles: 1, mentions: 1 });
      const d = await runsDiff(store, ingestRun!.id, done.runId!);
      expect({ articles: d.articlesCompared, links: d.links.added }).toEqual({ articles: 1, links: 1 });

      const ev = a.events[0]!;
      await correctEvent(store, `${id}#${ev.id}`, { modality: 'hypothetical' });
      const again = await recode(store);
      expect(again.affected).toEqual([id]);
      const stored = await store.events({ articleId: id, modality: 'any' });
      expect(stored.filter((v) => v.corrected).map((v) => v.modality)).toEqual(['hypothetical']);
    } finally {
      await store.close();
    }
  }, 120_000);
});
