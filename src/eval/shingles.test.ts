import { describe, expect, it } from 'vitest';
import { aggregate, shingleMatch } from './shingles.js';

describe('shingleMatch (article-extraction-benchmark metric)', () => {
  it.each([
    ['identical', 'a b c d e', 'a b c d e', [1, 0, 0]],
    ['prediction misses the tail', 'a b c d e', 'a b c d', [0.5, 0, 0.5]],
    ['extra text predicted', 'a b c d', 'a b c d e', [0.5, 0.5, 0]],
    ['punctuation and case are tokens as \\w+ sees them', 'Hello, world: it is', 'hello world it is', [0, 0.5, 0.5]],
    ['fewer than four tokens make one shingle', 'a b', 'a b', [1, 0, 0]],
    ['both empty', '', '', [0, 0, 0]],
    ['unicode words', 'Путин встретился с Маттареллой', 'Путин встретился с Маттареллой', [1, 0, 0]],
  ] as const)('%s', (_, truth, pred, out) => {
    expect(shingleMatch(truth, pred)).toEqual(out);
  });

  it('aggregates micro P/R/F1 and exact-match accuracy', () => {
    expect(aggregate([[1, 0, 0], [0.5, 0, 0.5]])).toEqual({ p: 1, r: 0.75, f1: 1.5 / 1.75, accuracy: 0.5 });
  });
});
