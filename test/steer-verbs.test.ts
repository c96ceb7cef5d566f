/** A store's own verb patterns (dictionaries/verbs.tsv in the store's folder) code its articles. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.js';
import { storeAnalysisOptions } from '../src/steer/dictionaries.js';
import { openStore } from '../src/store/open.js';

const dir = mkdtempSync(join(tmpdir(), 'ng-steer-verbs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('ingest uses the store’s verbs.tsv: a verb newsgraph does not know is coded', async () => {
  const db = join(dir, 'corpus.db');
  const header = 'lemma\tparticle\tobject\tcode\ttarget\tflags\tlabel\n';
  mkdirSync(join(dir, 'corpus.newsgraph', 'dictionaries'), { recursive: true });
  writeFileSync(join(dir, 'corpus.newsgraph', 'dictionaries', 'verbs.tsv'), `${header}excoriate\t\t\t111\tobj\t\texcoriate\n`);
  expect(storeAnalysisOptions(db).verbFiles).toEqual([join(dir, 'corpus.newsgraph', 'dictionaries', 'verbs.tsv')]);
  const file = join(dir, 'a.jsonl');
  writeFileSync(file, `${JSON.stringify({ id: 'v1', date: '2020-05-01', text: 'Russia excoriated Israel on Monday over the strikes.' })}\n`);
  const store = await openStore(db);
  try {
    const summary = await ingest(store, [file], { jobs: 0 });
    expect(summary.stored).toBe(1);
    const events = await store.events({ articleId: 'v1', modality: 'any' });
    expect(events.map((e) => [e.source?.cameo, e.code, e.target?.cameo, e.trigger.text])).toEqual([['RUS', '111', 'ISR', 'excoriated']]);
  } finally {
    await store.close();
  }
});
