import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NewsgraphError } from '../src/errors.js';
import { exportStore } from '../src/export/index.js';
import { ingest } from '../src/ingest/index.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import { correctEvent, correctPlace, removeCorrection, suggestEntries } from '../src/steer/corrections.js';
import { dictionaryPaths, editDictionary, listDictionary } from '../src/steer/dictionaries.js';
import { changeOf, pending, recode, runsDiff } from '../src/steer/recode.js';

/** Four short articles (two sentences each, enough for language detection): two name Putin by a nickname no dictionary knows. */
const TAIL = ' The talks covered the war in Syria and the future of the country, the officials said.';
const ARTICLES: Record<string, string> = {
  'bear-1.txt': `Vovochka met Syrian President Bashar al-Assad in Damascus on Monday, officials said.${TAIL}`,
  'bear-2.txt': `Turkish officials said on Tuesday that Vovochka had criticized Turkey over the border operation.${TAIL}`,
  'other-1.txt': `Vladimir Putin met Syrian President Bashar al-Assad in Moscow on Monday, officials said.${TAIL}`,
  'other-2.txt': `German Chancellor Angela Merkel visited Paris on Friday to meet French President Emmanuel Macron.${TAIL}`,
};

async function corpus(): Promise<{ store: Store; db: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ng-steer-'));
  const src = join(dir, 'articles');
  mkdirSync(src);
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(src, name), text);
  const db = join(dir, 'corpus.db');
  const store = await openStore(db);
  await ingest(store, [src], { jobs: 0, skipIncidents: true });
  return { store, db, dir };
}

const idOf = async (store: Store, name: string) => {
  for await (const r of store.rows('articles')) if (String(r.source).endsWith(name)) return String(r.id);
  throw new Error(`no article ${name}`);
};

describe('steering: edit → dry-run → apply → re-run on a real SQLite store', () => {
  it('re-codes only the articles the new alias touches, as a new run', async () => {
    const { store, db } = await corpus();
    const [bear1, bear2] = [await idOf(store, 'bear-1.txt'), await idOf(store, 'bear-2.txt')];
    const linkedBefore = (await store.getAnalysis(bear1))!.entities.filter((e) => e.kb?.id === 'vladimir-putin');
    expect(linkedBefore).toEqual([]);

    const edit = editDictionary(db, { op: 'add-alias', id: 'vladimir-putin', alias: 'Vovochka' });
    expect(edit).toEqual({ file: dictionaryPaths(db)!.actors, message: "added alias 'Vovochka' to vladimir-putin" });
    expect(listDictionary(db)).toMatchObject({ pending: true, actors: [{ id: 'vladimir-putin', aliases: expect.arrayContaining(['Vovochka']) }] });
    expect(await pending(store)).toMatchObject({ dictionary: true, corrections: 0 });

    const dry = await recode(store, { dryRun: true });
    expect(dry.change.phrases).toEqual(['Vovochka']);
    expect(dry.affected).toEqual([bear1, bear2].sort());
    expect(dry.runId).toBeNull();
    expect(dry.diff.links.changed + dry.diff.links.added).toBeGreaterThan(0);
    expect(dry.diff.examples.some((x) => x.kind === 'link' && x.after === 'Q7747' && x.text === 'Vovochka')).toBe(true);
    // Nothing written by the dry run.
    expect((await store.getAnalysis(bear1))!.entities.some((e) => e.kb?.id === 'vladimir-putin')).toBe(false);
    const runsBefore = await store.runs();

    const applied = await recode(store);
    expect(applied.affected).toEqual(dry.affected);
    expect(applied.diff).toEqual(dry.diff);
    const runs = await store.runs();
    expect(runs).toHaveLength(runsBefore.length + 1);
    const run = runs.find((r) => r.id === applied.runId)!;
    expect(run).toMatchObject({ codeVersion: expect.any(String), dataVersion: applied.dataVersion, stats: { recoded: 2 } });
    expect(run.dataVersion).not.toBe(runsBefore[0]!.dataVersion);
    const after = (await store.getAnalysis(bear1))!;
    expect(after.entities.find((e) => e.kb?.id === 'vladimir-putin')?.mentions.map((m) => m.text)).toEqual(['Vovochka']);
    expect((await store.getArticle(bear1))!.runId).toBe(applied.runId);
    expect((await store.getArticle(await idOf(store, 'other-2.txt')))!.runId).toBe(runsBefore[0]!.id);

    // Re-run: nothing pending, nothing to do.
    expect(await pending(store)).toMatchObject({ dictionary: false, corrections: 0 });
    const again = await recode(store, { dryRun: true });
    expect(again.affected).toEqual([]);

    // The two runs differ exactly by what the recode changed, on the two articles both coded.
    const diff = await runsDiff(store, runsBefore[0]!.id, applied.runId!);
    expect(diff.articlesCompared).toBe(2);
    expect({ events: diff.events, links: diff.links }).toEqual({ events: applied.diff.events, links: applied.diff.links });
    await store.close();
  });

  it.each([
    ['an alias added', '- { id: wagner, name: Wagner Group, type: ORG }', '- { id: wagner, name: Wagner Group, type: ORG, aliases: [Wagner PMC] }', { phrases: ['Wagner PMC'], actorKeys: [] }],
    ['a shipped record replaced by a bare one', '', '- { id: RU, name: Russia, type: GPE }', { actors: ['RU'], actorKeys: ['kb:RU', 'Q159'] }],
    ['a code changed', '- { id: wagner, name: Wagner Group, type: ORG, cameo: RUSMIL }', '- { id: wagner, name: Wagner Group, type: ORG, cameo: RUSUAF }', { phrases: [], actorKeys: ['kb:wagner'] }],
    ['a new person', '', '- { id: jane-roe, name: Jane Roe, type: PERSON }', { phrases: ['Jane Roe', 'Roe'], actorKeys: ['kb:jane-roe'] }],
    ['nothing', '- { id: wagner, name: Wagner Group, type: ORG }', '- id: wagner\n  name: Wagner Group\n  type: ORG\n', { phrases: [], actorKeys: [] }],
  ])('maps %s to index queries', (_label, before, after, expected) => {
    expect(changeOf(before, after)).toMatchObject(expected);
  });

  it('a full re-run (recode --all) of an unchanged dictionary changes nothing', async () => {
    const { store } = await corpus();
    const r = await recode(store, { all: true, dryRun: true });
    expect(r.affected).toHaveLength(4);
    expect({ ...r.diff, examples: [] }).toMatchObject({ events: { added: 0, removed: 0, changed: 0 }, links: { added: 0, removed: 0, changed: 0 }, articles: 0, agreement: 1 });
    await store.close();
  });
});

describe('corrections survive re-coding and re-ingest', () => {
  it('keeps a changed event target, a wrong event and a place fix through recode --all and re-ingest', async () => {
    const { store, dir } = await corpus();
    const other1 = await idOf(store, 'other-1.txt');
    const a = (await store.getAnalysis(other1))!;
    expect(a.events.length).toBeGreaterThanOrEqual(2);
    const [first, second] = a.events as [typeof a.events[0], typeof a.events[0]];
    const fix = await correctEvent(store, `${other1}#${first.id}`, { target: 'SYRGOV', modality: 'reported' });
    await correctEvent(store, `${other1}#${second.id}`, { wrong: true });
    await correctPlace(store, 'Moscow', 55.7558, 37.6173, 'RU');
    expect(await pending(store)).toMatchObject({ corrections: 3 });
    const r = await recode(store);
    expect(r.affected).toContain(other1);

    const check = async () => {
      const b = (await store.getAnalysis(other1))!;
      const ev = b.events.find((v) => v.trigger.start === first.trigger.start && v.root === first.root)!;
      expect(ev).toMatchObject({ modality: 'reported', corrected: true, provenance: { stage: 'correction' } });
      expect(b.entities.find((e) => e.id === ev.target)?.kb?.cameo).toBe('SYRGOV');
      expect(b.events.some((v) => v.trigger.start === second.trigger.start && v.root === second.root && v !== ev)).toBe(false);
      const moscow = b.places.find((p) => p.name === 'Moscow');
      if (moscow) expect(moscow).toMatchObject({ lat: 55.7558, lon: 37.6173, corrected: true });
      const stored = await store.events({ articleId: other1, modality: 'any' });
      expect(stored.find((v) => v.trigger.start === first.trigger.start)?.corrected).toBe(true);
    };
    await check();
    // Exports and the API show the corrected fact.
    const out = join(dir, 'events.jsonl');
    await exportStore(store, 'plover', out, { modality: 'any' });
    const exported = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; corrected?: boolean });
    expect(exported.filter((e) => e.corrected).map((e) => e.id)).toEqual([`${other1}#${first.id}`]);
    // A full re-run of the corpus: the machine codes the event again, the correction is re-applied.
    await recode(store, { all: true });
    await check();
    // Re-ingest of the same files: already stored, left as they are (corrected).
    const again = await ingest(store, [join(dir, 'articles')], { jobs: 0, skipIncidents: true });
    expect(again.skipped).toBe(4);
    await check();
    // A new article ingested later gets the corpus-wide place fix at ingest.
    const later = join(dir, 'later');
    mkdirSync(later);
    writeFileSync(join(later, 'new.txt'), `Protesters gathered in Moscow on Sunday, police said.${TAIL}`);
    await ingest(store, [later], { jobs: 0, skipIncidents: true });
    const added = (await store.getAnalysis(await idOf(store, 'new.txt')))!;
    expect(added.places.filter((p) => p.name === 'Moscow')).toMatchObject([{ lat: 55.7558, lon: 37.6173, corrected: true }]);
    // Removing a correction brings the machine's fact back at the next recode.
    await removeCorrection(store, fix.id);
    expect(await pending(store)).toMatchObject({ corrections: 1 });
    const undone = await recode(store);
    expect(undone.affected).toEqual([other1]);
    const machine = (await store.getAnalysis(other1))!.events.find((v) => v.trigger.start === first.trigger.start && v.root === first.root)!;
    expect(machine.modality).toBe(first.modality);
    expect(machine.corrected).toBeUndefined();
    await store.close();

  });

  it('suggests dictionary entries from repeated corrections', async () => {
    const { store } = await corpus();
    const id = await idOf(store, 'other-1.txt');
    const a = (await store.getAnalysis(id))!;
    // "Syrian President Bashar" is left unlinked by the machine: correct both halves of the meeting.
    const bashar = a.entities.find((e) => e.name === 'Bashar' && !e.kb)!;
    const events = a.events.filter((v) => v.source === bashar.id || v.target === bashar.id);
    expect(events).toHaveLength(2);
    for (const ev of events) await correctEvent(store, `${id}#${ev.id}`, { [ev.source === bashar.id ? 'source' : 'target']: 'bashar-al-assad' });
    expect(await suggestEntries(store)).toEqual([{
      surface: 'Syrian President Bashar', actor: 'bashar-al-assad', cameo: 'SYRGOV', count: 2,
      command: "newsgraph dictionaries add alias bashar-al-assad 'Syrian President Bashar'",
    }]);
    await store.close();
  });
});

describe('invalid dictionary edits are refused and leave the file untouched', () => {
  const cases: Array<[string, Parameters<typeof editDictionary>[1], RegExp]> = [
    ['a role with a bad date', { op: 'add-role', id: 'vladimir-putin', role: { title: 'President', kind: 'head_of_state', org: 'RU', from: '24 May 2024' } }, /edit refused, .*date/],
    ['an actor with a bad CAMEO code', { op: 'add-actor', actor: { id: 'wagner-x', name: 'Wagner X', type: 'ORG', cameo: 'rus-mil' } }, /edit refused, cameo/],
    ['a role for an unknown country', { op: 'add-role', id: 'vladimir-putin', role: { title: 'President', kind: 'head_of_state', org: 'XX', from: '2024-01-01' } }, /edit refused/],
    ['an alias for an unknown actor', { op: 'add-alias', id: 'no-such-actor', alias: 'Nobody' }, /no actor with this id/],
  ];
  it.each(cases)('%s', (_label, edit, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'ng-steer-'));
    const db = join(dir, 'corpus.db');
    editDictionary(db, { op: 'add-alias', id: 'RU', alias: 'the Bear State' });
    const file = dictionaryPaths(db)!.actors;
    const before = readFileSync(file, 'utf8');
    let err: unknown;
    try {
      editDictionary(db, edit);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NewsgraphError);
    expect((err as NewsgraphError).detail).toMatch(message);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false);
  });
});
