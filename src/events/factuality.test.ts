import { describe, expect, it } from 'vitest';
import { runFactualityCases } from './factuality-cases.js';

describe('factuality table (data/factuality/cases.tsv)', () => {
  const results = runFactualityCases();
  it('has at least 150 cases', () => expect(results.length).toBeGreaterThanOrEqual(150));
  it.each(results.map((r) => [r.line, r.sentence, r.trigger, r.expected, r] as const))('line %i: %s [%s] is %s', (_l, _s, _t, expected, r) => {
    expect(r.got).toBe(expected);
  });
});
