import { describe, expect, it } from 'vitest';
import { gazetteer } from '../../geo/gazetteer.js';
import { errorAnalysis, errorCategory, type CodedToponym } from './geo-errors.js';

const entry = (name: string, country: string, code: string) =>
  gazetteer().lookup(name).map((h) => h.entry).find((e) => e.country === country && e.featureCode === code)!;

describe('errorCategory', () => {
  it.each<[string, CodedToponym, string]>([
    ['a street', { name: 'Royal Street', goldLat: 29.96, goldLon: -90.06, best: null, error: 20039 }, 'unknown: street'],
    ['a building', { name: 'Barclays Center', goldLat: 40.68, goldLon: -73.98, best: null, error: 20039 }, 'unknown: building'],
    ['a county', { name: 'Daviess County', goldLat: 37.73, goldLon: -87.09, best: null, error: 20039 }, 'unknown: county'],
    ['another unknown name', { name: 'Zzyzxqua', goldLat: 0, goldLon: 0, best: null, error: 20039 }, 'unknown: other'],
    ['Cambridge (US) for Cambridge (GB)',
      { name: 'Cambridge', goldLat: 52.2, goldLon: 0.12, best: entry('Cambridge', 'US', 'PPLA2'), error: 5853 }, 'wrong candidate: other country'],
    ['a country point far from the gold point',
      { name: 'Canada', goldLat: 56, goldLon: -96, best: entry('Canada', 'CA', 'PCLI'), error: 1031 }, 'area point far from gold'],
  ])('%s', (_label, t, category) => expect(errorCategory(t)).toBe(category));
});

describe('errorAnalysis', () => {
  it('counts only errors over 161 km, by category and by name', () => {
    const coded: CodedToponym[] = [
      { name: 'Royal Street', goldLat: 29.96, goldLon: -90.06, best: null, error: 20039 },
      { name: 'Royal Street', goldLat: 29.96, goldLon: -90.06, best: null, error: 20039 },
      { name: 'Canada', goldLat: 60.1, goldLon: -113.6, best: entry('Canada', 'CA', 'PCLI'), error: 0 },
    ];
    const { byCategory, top } = errorAnalysis(coded);
    expect(byCategory.get('unknown: street')).toBe(2);
    expect([...byCategory.values()].reduce((a, b) => a + b, 0)).toBe(2);
    expect(top).toEqual([{ name: 'Royal Street', n: 2, category: 'unknown: street', best: '-' }]);
  });
});
