import { describe, expect, it } from 'vitest';
import { tokenize } from './index.js';

describe('tokenize', () => {
  it('splits sentences and keeps offsets into the text', () => {
    const text = 'Putin met Mattarella. They talked.\nA new line starts a sentence';
    const { sentences, tokens } = tokenize(text);
    expect(sentences).toEqual([
      { start: 0, end: 21 },
      { start: 22, end: 34 },
      { start: 35, end: 63 },
    ]);
    expect(Array.from({ length: 4 }, (_, i) => [tokens.text(i), tokens.pos(i), tokens.start(i), tokens.end(i)])).toEqual([
      ['Putin', 'PROPN', 0, 5],
      ['met', 'VERB', 6, 9],
      ['Mattarella', 'PROPN', 10, 20],
      ['.', 'PUNCT', 20, 21],
    ]);
    expect(tokens.range(10, 21)).toEqual([2, 4]);
    expect(tokens.sentence(5)).toBe(1);
  });

  it('always gives a lemma, even where wink-nlp has none', () => {
    const { tokens } = tokenize('"Such cutbacks ... Cannot, in certain cases, work."');
    const lemmas = Array.from({ length: tokens.length }, (_, i) => tokens.lemma(i));
    expect(lemmas).toEqual(['"', 'such', 'cutback', '...', 'cannot', ',', 'in', 'certain', 'case', ',', 'work', '.', '"']);
  });
});
