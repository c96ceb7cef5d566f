import { describe, expect, it } from 'vitest';
import { clusterIncidents, incidentKey, type IncidentEventRow } from './incidents.js';
import { bandKeys, BANDS, estimateJaccard, minhash, NUM_HASHES, words } from './minhash.js';

const BASE = 'The foreign ministers of France and Germany met in Geneva on Monday to discuss a ceasefire in the east, ' +
  'and agreed to meet again next month after consulting their governments and allies about the terms of a settlement.';

/** Exact Jaccard similarity of the 5-word shingle sets. */
function jaccard(a: string, b: string): number {
  const sh = (t: string) => { const w = words(t); return new Set(w.slice(0, w.length - 4).map((_, i) => w.slice(i, i + 5).join(' '))); };
  const x = sh(a);
  const y = sh(b);
  const inter = [...x].filter((s) => y.has(s)).length;
  return inter / (x.size + y.size - inter);
}

describe('MinHash', () => {
  it('gives 128 values and 32 band keys, identical for identical texts', () => {
    const s = minhash(BASE);
    expect(s).toHaveLength(NUM_HASHES);
    expect(bandKeys(s)).toHaveLength(BANDS);
    expect(estimateJaccard(s, minhash(BASE))).toBe(1);
    expect(bandKeys(s)).toEqual(bandKeys(minhash(BASE.toUpperCase())));
  });

  it.each([
    ['a changed word', BASE.replace('Monday', 'Tuesday')],
    ['a trimmed last clause', BASE.replace(/ about the terms of a settlement\.$/, '.')],
    ['a different text', 'Heavy rain flooded villages in northern Italy on Sunday and rescuers evacuated hundreds of residents overnight while the main roads stayed closed to traffic.'],
  ])('estimates Jaccard within 0.15 of the exact value: %s', (_label, other) => {
    expect(Math.abs(estimateJaccard(minhash(BASE), minhash(other)) - jaccard(BASE, other))).toBeLessThan(0.15);
  });
});

const row = (eventId: number, key: string, dateFrom: string, dateTo: string, storyId: string, articleId = storyId): IncidentEventRow =>
  ({ eventId, key, dateFrom, dateTo, articleId, storyId });

describe('incident clustering', () => {
  it.each([
    ['overlapping dates merge; reprints count once', [
      row(1, 'k', '2017-04-04', '2017-04-04', 's1'), row(2, 'k', '2017-04-04', '2017-04-05', 's1', 'a2'), row(3, 'k', '2017-04-05', '2017-04-05', 's2'),
    ], [{ key: 'k', dateFrom: '2017-04-04', dateTo: '2017-04-05', eventIds: [1, 2, 3], articles: 3, sources: 2 }]],
    ['one day of slack after the range', [
      row(1, 'k', '2017-04-04', '2017-04-04', 's1'), row(2, 'k', '2017-04-05', '2017-04-05', 's2'), row(3, 'k', '2017-04-08', '2017-04-08', 's3'),
    ], [
      { key: 'k', dateFrom: '2017-04-04', dateTo: '2017-04-05', eventIds: [1, 2], articles: 2, sources: 2 },
      { key: 'k', dateFrom: '2017-04-08', dateTo: '2017-04-08', eventIds: [3], articles: 1, sources: 1 },
    ]],
    ['different keys never merge', [row(1, 'a', '2017-04-04', '2017-04-04', 's1'), row(2, 'b', '2017-04-04', '2017-04-04', 's2')], [
      { key: 'a', dateFrom: '2017-04-04', dateTo: '2017-04-04', eventIds: [1], articles: 1, sources: 1 },
      { key: 'b', dateFrom: '2017-04-04', dateTo: '2017-04-04', eventIds: [2], articles: 1, sources: 1 },
    ]],
    ['a long range absorbs later starts', [row(1, 'k', '2017-04-01', '2017-04-30', 's1'), row(2, 'k', '2017-04-20', '2017-04-20', 's2')], [
      { key: 'k', dateFrom: '2017-04-01', dateTo: '2017-04-30', eventIds: [1, 2], articles: 2, sources: 2 },
    ]],
  ])('%s', (_label, rows, expected) => {
    expect([...clusterIncidents(rows)]).toEqual(expected);
  });

  it.each([
    [1, 2, '19', 'SY', '1|2|19|SY'],
    [1, null, '19', null, '1|-|19|-'],
    [null, null, '19', 'SY', null],
    [1, 2, '', 'SY', null],
  ])('keys source %s, target %s, root %s, place %s', (s, t, root, where, expected) => {
    expect(incidentKey(s, t, root, where)).toBe(expected);
  });
});
