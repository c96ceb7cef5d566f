/**
 * The shared test suite of the `Store` interface. Every implementation runs it with its own
 * factory, e.g. in `test/store-sqlite.test.ts`:
 *
 * @example
 *   import { storeSuite } from '../src/store/suite.js';
 *   storeSuite('sqlite', async () => openStore(join(mkdtempSync(join(tmpdir(), 'ng-')), 'test.db')));
 *
 * The factory must return a fresh, empty store each call. Only vitest is imported here, so the
 * file costs nothing unless a test imports it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Analysis } from '../contract.js';
import { assignStories } from '../dedup/index.js';
import { articleA, articleB, articleC } from './fixtures.js';
import type { Store } from './types.js';

async function put(store: Store, analyses: Analysis[], runId: string | null = null) {
  return store.putArticles(await assignStories(store, analyses), runId);
}

export function storeSuite(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('starts empty with a schema version', async () => {
      const stats = await store.stats();
      expect(stats).toMatchObject({ articles: 0, actors: 0, events: 0, incidents: 0, runs: 0 });
      expect(stats.schemaVersion).toBeGreaterThanOrEqual(1);
      expect(await store.schemaVersion()).toBe(stats.schemaVersion);
    });

    it('round-trips an analysis: getAnalysis gives back what was put', async () => {
      const a = articleA();
      expect(await put(store, [a])).toEqual({ stored: 1, skipped: [] });
      const back = await store.getAnalysis('a1');
      expect(back).toEqual({ ...a, pipeline: undefined, tone: a.tone });
      const b = articleB();
      await put(store, [b]);
      expect(await store.getAnalysis('b1')).toEqual(b);
      expect(await store.getAnalysis('nope')).toBeNull();
    });

    it('skips ids already stored (resumable ingest) and reports them', async () => {
      await put(store, [articleA()]);
      expect(await put(store, [articleA(), articleB()])).toEqual({ stored: 1, skipped: ['a1'] });
      expect([...(await store.existingIds(['a1', 'b1', 'zz']))].sort()).toEqual(['a1', 'b1']);
      expect((await store.stats()).articles).toBe(2);
    });

    it('groups an exact reprint into the story of the original', async () => {
      await put(store, [articleA(), articleB(), articleC()]);
      const c = await store.getArticle('c1');
      expect(c).toMatchObject({ id: 'c1', storyId: 'a1', duplicateOf: 'a1', duplicateKind: 'exact', similarity: 1 });
      expect(await store.story('a1')).toEqual(['a1', 'c1']);
      expect((await store.getArticle('b1'))?.storyId).toBe('b1');
      const hashes = await store.byContentHash([articleA().document.contentHash!]);
      expect([...hashes.values()]).toEqual([{ id: 'a1', storyId: 'a1' }]);
      expect(await store.stats()).toMatchObject({ articles: 3, stories: 2, duplicates: 1 });
    });

    it('merges entities across articles into actors by KB id, else by type and normalised name', async () => {
      await put(store, [articleA(), articleB()]);
      const assad = await store.findActors('Q44329');
      expect(assad.map((a) => ({ key: a.key, name: a.name, articles: a.articles, mentions: a.mentions, cameo: a.cameo })))
        .toEqual([{ key: 'Q44329', name: 'Bashar al-Assad', articles: 2, mentions: 4, cameo: 'SYRGOV' }]);
      // Unlinked "rebels" (a1) and "Rebels" (b1) are one actor; KB id without Q-id keys by the record id.
      expect((await store.findActors('ORG:rebels')).map((a) => a.articles)).toEqual([2]);
      expect((await store.findActors('kb:syr-mil')).map((a) => a.name)).toEqual(['Syrian government forces']);
    });

    it.each([
      ['Q-id', 'Q7747', ['Vladimir Putin']],
      ['CAMEO code', 'rusgov', ['Vladimir Putin']],
      ['exact name', 'vladimir putin', ['Vladimir Putin']],
      ['name prefix', 'Vlad', ['Vladimir Putin']],
      ['a later word of the name', 'putin', ['Vladimir Putin']],
      ['unknown', 'Nobody Atall', []],
    ])('finds actors by %s', async (_label, ref, names) => {
      await put(store, [articleA()]);
      expect((await store.findActors(ref)).map((a) => a.name)).toEqual(names);
    });

    it.each([
      ['asserted only by default, latest first', {}, ['a1#v1', 'a1#v2']],
      ['any modality', { modality: 'any' as const }, ['a1#v3', 'b1#v1', 'a1#v1', 'a1#v2']],
      ['reported', { modality: ['reported' as const] }, ['b1#v1']],
      ['actor, either side', { actor: 'Q44329', modality: 'any' as const }, ['a1#v3', 'a1#v1']],
      ['source', { source: 'Vladimir Putin' }, ['a1#v1']],
      ['target', { target: 'Q44329' }, ['a1#v1']],
      ['code prefix', { code: '19', modality: 'any' as const }, ['b1#v1', 'a1#v2']],
      ['root', { root: '4' }, ['a1#v1']],
      ['PLOVER type', { ploverType: 'assault', modality: 'any' as const }, ['b1#v1', 'a1#v2']],
      ['country', { country: 'ru' }, ['a1#v1']],
      ['place', { place: 'idlib' }, ['a1#v2']],
      ['date range', { from: '2017-04-10', to: '2017-04-10' }, ['a1#v1']],
      ['quad class', { quadClass: 4, modality: 'any' as const }, ['b1#v1', 'a1#v2']],
      ['article', { articleId: 'b1', modality: 'any' as const }, ['b1#v1']],
    ])('filters events: %s', async (_label, filter, expected) => {
      await put(store, [articleA(), articleB()]);
      const got = await store.events(filter);
      expect(got.map((e) => `${e.articleId}#${e.localId}`)).toEqual(expected);
    });

    it('returns events with actors, place, date fallback and evidence', async () => {
      await put(store, [articleA(), articleB()]);
      const [e] = await store.events({ articleId: 'b1', modality: 'any' });
      expect(e).toEqual({
        id: e!.id, articleId: 'b1', localId: 'v1', code: '193', root: '19', quadClass: 4, goldstein: -10, ploverType: 'ASSAULT', ploverMode: null,
        label: 'troops attacked rebel positions',
        source: { id: e!.source!.id, name: 'Syrian government forces', cameo: 'SYRMIL', country: 'SY' },
        target: { id: e!.target!.id, name: 'rebels', cameo: null, country: null },
        dateFrom: '2017-04-10', dateTo: '2017-04-10',
        place: { id: e!.place!.id, name: 'Idlib', country: 'SY', lat: 35.93, lon: 36.63 },
        modality: 'reported', sentence: 0, trigger: { start: 43, end: 51, text: 'attacked' },
        evidence: 'Government troops loyal to Bashar al-Assad attacked rebel positions in Idlib, witnesses said.',
        rule: 'assault/attack', confidence: 0.7, incidentId: null,
      });
    });

    it('builds a dyad timeline by month with Goldstein sums', async () => {
      await put(store, [articleA(), articleC('c2')]);
      expect(await store.dyadTimeline('Q7747', 'Q44329')).toEqual([
        { month: '2017-04', events: 2, goldstein: 2, q1: 2, q2: 0, q3: 0, q4: 0 },
      ]);
      expect(await store.dyadTimeline('Q44329', 'Q7747')).toEqual([]);
      expect(await store.dyadTimeline('Q44329', 'Q7747', { both: true })).toHaveLength(1);
      expect(await store.dyadTimeline('Q44329', 'Q43', { modality: 'any' })).toEqual([
        { month: '2017-04', events: 2, goldstein: -14, q1: 0, q2: 0, q3: 2, q4: 0 },
      ]);
    });

    it('profiles an actor: names, roles over time, counterparts, QuadClass by month', async () => {
      await put(store, [articleA(), articleB()]);
      const p = await store.actorProfile('Bashar al-Assad');
      expect(p?.actor.key).toBe('Q44329');
      expect(p?.names).toEqual([{ text: 'Assad', count: 2 }, { text: 'Bashar al-Assad', count: 2 }]);
      expect(p?.roles).toEqual([{ title: 'President', org: 'Syria', from: '2000-07-17', to: null, firstSeen: '2017-04-11', lastSeen: '2017-04-11', count: 1 }]);
      expect(p?.counterparts.map((c) => [c.actor.name, c.events, c.goldstein])).toEqual([['Vladimir Putin', 1, 1]]);
      expect(p?.months).toEqual([{ month: '2017-04', q1: 1, q2: 0, q3: 0, q4: 0 }]);
      expect(await store.actorProfile('Nobody Atall')).toBeNull();
    });

    it('walks the relations neighbourhood to depth 1 and 2', async () => {
      await put(store, [articleA(), articleB()]);
      const d1 = await store.neighbourhood('Q7747', 1);
      expect(d1.map((e) => [e.source.name, e.type, e.target.name, e.depth])).toEqual([['Vladimir Putin', 'backs', 'Bashar al-Assad', 1]]);
      const d2 = await store.neighbourhood('Q7747', 2);
      expect(d2.map((e) => [e.source.name, e.type, e.target.name, e.depth])).toEqual([
        ['Vladimir Putin', 'backs', 'Bashar al-Assad', 1],
        ['Russia', 'supports', 'Bashar al-Assad', 2],
      ]);
    });

    it('searches the full text with highlighted snippets', async () => {
      await put(store, [articleA(), articleB()]);
      const hits = await store.search('rebel positions', { highlight: ['[', ']'] });
      expect(hits.map((h) => [h.articleId, h.snippet])).toEqual([
        ['b1', 'Government troops loyal to Bashar al-Assad attacked [rebel] [positions] in Idlib, witnesses said. The Syrian…'],
      ]);
      expect((await store.search('Idlib')).map((h) => h.articleId).sort()).toEqual(['a1', 'b1']);
      // Not valid FTS syntax: searched as plain words.
      expect((await store.search('"Moscow: (')).map((h) => h.articleId)).toEqual(['a1']);
    });

    it('explains an event: sentence, rule, provenance', async () => {
      await put(store, [articleA()]);
      const why = await store.why('a1#v1');
      expect(why?.sentence).toEqual({ index: 0, start: 0, end: 90, text: 'Russian President Vladimir Putin met Syrian President Bashar al-Assad in Moscow on Monday.' });
      expect(why?.event.rule).toBe('consult/meet');
      expect(why?.provenance).toEqual({ stage: 'events', rule: 'consult/meet', entry: 'verbs.yaml:12' });
      expect(why?.article).toMatchObject({ id: 'a1', title: 'Putin meets Assad', outlet: 'The Telegraph' });
      expect((await store.why(why!.event.id))?.event.localId).toBe('v1');
      expect(await store.why('a1#v99')).toBeNull();
    });

    it('clusters events of several articles into incidents and counts independent sources once per story', async () => {
      await put(store, [articleA(), articleB(), articleC()]);
      expect(await store.rebuildIncidents()).toBe(2);
      const [top] = await store.incidents({ minSources: 2 });
      expect(top).toMatchObject({ root: '19', where: 'SY', dateFrom: '2017-04-09', dateTo: '2017-04-10', events: 3, articles: 3, sources: 2 });
      const members = await store.events({ incidentId: top!.id, modality: 'any' });
      expect(members.map((e) => `${e.articleId}#${e.localId}`).sort()).toEqual(['a1#v2', 'b1#v1', 'c1#v2']);
      expect((await store.why('b1#v1'))?.incident?.sources).toBe(2);
      // Rebuilding is idempotent.
      expect(await store.rebuildIncidents()).toBe(2);
    });

    it('records runs', async () => {
      await store.startRun({ id: 'r1', started: '2026-01-01T00:00:00Z', codeVersion: '0.1.0', dataVersion: 'dev' });
      await put(store, [articleA()], 'r1');
      await store.finishRun('r1', { stored: 1 });
      const runs = await store.runs();
      expect(runs).toMatchObject([{ id: 'r1', codeVersion: '0.1.0', dataVersion: 'dev', stats: { stored: 1 } }]);
      expect(runs[0]!.finished).toBeTruthy();
      expect((await store.getArticle('a1'))?.runId).toBe('r1');
    });

    it('streams table rows for exports', async () => {
      await put(store, [articleA(), articleB()]);
      const events: Array<Record<string, unknown>> = [];
      for await (const r of store.rows('events')) events.push(r);
      expect(events.map((e) => [e.article, e.local_id, e.source_name, e.target_name, e.country])).toEqual([
        ['a1', 'v1', 'Vladimir Putin', 'Bashar al-Assad', 'RU'],
        ['a1', 'v2', 'Syrian government forces', 'rebels', 'SY'],
        ['a1', 'v3', 'Bashar al-Assad', 'Turkey', null],
        ['b1', 'v1', 'Syrian government forces', 'rebels', 'SY'],
      ]);
      let actors = 0;
      for await (const _ of store.rows('actors')) actors++;
      expect(actors).toBe((await store.stats()).actors);
    });

    it('lets one writer hold the lock and release it', async () => {
      const release = await store.lockWriter();
      await release();
      const again = await store.lockWriter();
      await again();
    });

    it('keeps a batch all-or-nothing when a write fails', async () => {
      const bad = articleB('bad');
      (bad.events[0] as { code: unknown }).code = null; // violates NOT NULL
      await expect(put(store, [articleA(), bad])).rejects.toThrow();
      expect((await store.stats()).articles).toBe(0);
      await put(store, [articleA()]);
      expect((await store.findActors('Q7747'))[0]?.articles).toBe(1);
    });
  });
}
