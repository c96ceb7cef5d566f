import { describe, expect, it } from 'vitest';
import { Doc, type MentionSpan } from '../document/doc.js';
import { NewsgraphError } from '../errors.js';
import { tokenize } from '../nlp/index.js';
import { computeTone } from './index.js';
import { parseToneLexicon } from './lexicon.js';

function docWith(text: string, spec: Array<[string, string, MentionSpan['type']]>): Doc {
  const doc = new Doc({ text });
  const { sentences, tokens } = tokenize(text);
  doc.set('sentences', sentences);
  doc.set('tokens', tokens);
  let from = 0;
  doc.set('mentions', spec.map(([surface, entity, type]) => {
    const start = text.indexOf(surface, from);
    from = start + surface.length;
    return { start, end: start + surface.length, text: surface, type, entity };
  }));
  // Countries carry a CAMEO code (they can be stance targets); other places do not.
  doc.set('entities', spec.map(([surface, id, type]) => ({
    id, name: surface, type, kb: type === 'GPE' && surface !== 'Idlib' ? { qid: null, cameo: 'XXX', country: null } : null, roles: [], mentions: [],
  })));
  return doc;
}

describe('computeTone', () => {
  it('computes GDELT V1.5 percentages over all words', () => {
    // 10 words: one negative (brutal), one negative phrase of 2 words (war crimes), one positive (peace)
    const doc = docWith('The brutal regime committed war crimes but peace may come.', []);
    const tone = computeTone(doc, parseToneLexicon('brutal\t-1\nwar crime\t-1\npeace\t+1\n', 't.tsv'));
    expect(tone).toEqual({ score: -20, positive: 10, negative: 30, polarity: 40, wordCount: 10, stance: [] });
  });

  it('gives the writer’s stance toward the entity the evaluative words attach to', () => {
    const doc = docWith(
      'The Syrian dictator is a pariah who should stand trial for war crimes. Italy offered a constructive compromise.',
      [['Syrian dictator', 'e1', 'PERSON'], ['Italy', 'e2', 'GPE']],
    );
    const tone = computeTone(doc, parseToneLexicon('dictator\t-1\npariah\t-1\nwar crime\t-1\nconstructive\t+1\ncompromise\t+1\n', 't.tsv'));
    expect(tone.stance).toEqual([
      { entity: 'e1', score: -0.543 }, // -(1.5 + 1/1.75 + 1/3.25) / (same + 2)
      { entity: 'e2', score: 0.349 }, // (1/1.75 + 1/2) / (same + 2)
    ]);
  });

  it('takes no stance toward a mere place, nor from verbs of action', () => {
    const doc = docWith('Idlib was a devastating scene. Russia helped Syria.', [['Idlib', 'e1', 'GPE'], ['Russia', 'e2', 'GPE'], ['Syria', 'e3', 'GPE']]);
    const tone = computeTone(doc, parseToneLexicon('devastating\t-1\nhelp\t+1\n', 't.tsv'));
    expect(tone.stance).toEqual([]);
    expect(tone.negative).toBeGreaterThan(0);
    expect(tone.positive).toBeGreaterThan(0);
  });

  it('flips a word under a close negator for stance', () => {
    const doc = docWith('Putin is not a reliable partner.', [['Putin', 'e1', 'PERSON']]);
    const tone = computeTone(doc, parseToneLexicon('reliable\t+1\n', 't.tsv'));
    expect(tone.stance).toEqual([{ entity: 'e1', score: -0.2 }]);
  });
});

describe('parseToneLexicon', () => {
  it.each([
    ['dictator\t-2\n', 'x.tsv:1'],
    ['ok\t+1\nDictator\t-1\n', 'x.tsv:2'],
    ['a\t+1\na\t-1\n', 'x.tsv:2'],
  ])('refuses %j naming the line', (text, where) => {
    expect(() => parseToneLexicon(text, 'x.tsv')).toThrowError(NewsgraphError);
    expect(() => parseToneLexicon(text, 'x.tsv')).toThrowError(new RegExp(`^${where.replace('.', '\\.')}: `));
  });
});
