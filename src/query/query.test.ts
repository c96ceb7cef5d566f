import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDuration } from '../cli/commands/watch.js';
import { assignStories } from '../dedup/index.js';
import { articleA, articleB } from '../store/fixtures.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { csvField, toCsv, toText } from './format.js';
import { actorProfileQuery, dyadQuery, eventsQuery, parseModality, whyQuery } from './index.js';

let store: Store;
beforeAll(async () => {
  store = await openStore(join(mkdtempSync(join(tmpdir(), 'ng-query-')), 'q.db'));
  await store.putArticles(await assignStories(store, [articleA(), articleB()]), null);
});
afterAll(async () => store.close());

describe('output formats', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [null, ''],
    [3.5, '3.5'],
  ])('quotes the CSV field %j', (v, expected) => {
    expect(csvField(v)).toBe(expected);
  });

  it('writes tables as CSV and as aligned text', () => {
    const t = [{ title: 'dyad', columns: ['month', 'events'], rows: [['2017-04', 12], ['2017-05', 3]] as Array<Array<string | number>> }];
    expect(toCsv(t)).toBe('month,events\n2017-04,12\n2017-05,3\n');
    expect(toText(t)).toBe('dyad\nmonth    events\n-------  ------\n2017-04      12\n2017-05       3\n');
  });
});

describe('queries', () => {
  it('shapes a dyad timeline as data and table', async () => {
    const r = await dyadQuery(store, 'Putin', 'Assad');
    expect(r.tables).toEqual([{ title: 'Vladimir Putin → Bashar al-Assad', columns: ['month', 'events', 'goldstein', 'q1', 'q2', 'q3', 'q4'], rows: [['2017-04', 1, 1, 1, 0, 0, 0]] }]);
  });

  it('names an unknown actor in a one-line error', async () => {
    await expect(actorProfileQuery(store, 'Nobody Atall')).rejects.toThrow('Nobody Atall: no actor with this id, key, KB id or name in the store');
    await expect(eventsQuery(store, { actor: 'Nobody Atall' })).rejects.toThrow('Nobody Atall: no actor');
  });

  it('explains an event field by field', async () => {
    const r = await whyQuery(store, 'a1#v2');
    expect(Object.fromEntries(r.tables[0]!.rows as Array<[string, unknown]>)).toMatchObject({
      code: '190 (root 19, QuadClass 4, Goldstein -10) PLOVER ASSAULT',
      sentence: '#1 [91, 151): Syrian government forces attacked rebels in Idlib on Sunday.',
      place: 'Idlib (SY)',
      trigger: 'attacked [116, 124)',
    });
  });

  it.each([
    ['any', 'any'],
    ['asserted,reported', ['asserted', 'reported']],
    [undefined, undefined],
  ])('parses --modality %s', (v, expected) => {
    expect(parseModality(v)).toEqual(expected);
  });

  it('refuses an unknown modality', () => {
    expect(() => parseModality('maybe')).toThrow("--modality: unknown modality 'maybe'");
  });

  it.each([['15m', 900_000], ['30s', 30_000], ['1h30m', 5_400_000], ['250ms', 250]])('parses the duration %s', (v, ms) => {
    expect(parseDuration(v)).toBe(ms);
  });

  it('refuses a bad duration', () => {
    expect(() => parseDuration('15 minutes')).toThrow("--every: expected a duration like 15m, 30s or 1h, got '15 minutes'");
  });
});
