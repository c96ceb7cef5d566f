import { describe, expect, it } from 'vitest';
import { Doc, type MentionSpan } from '../document/doc.js';
import { tokenize } from '../nlp/index.js';
import { extractQuotes } from './index.js';
import { findQuotes } from './spans.js';

/** A document with tokens and hand-made mentions: each [surface, entity, type] is found in order. */
function docWith(text: string, spec: Array<[string, string, MentionSpan['type']]>): Doc {
  const doc = new Doc({ text });
  const { sentences, tokens } = tokenize(text);
  doc.set('sentences', sentences);
  doc.set('tokens', tokens);
  let from = 0;
  const mentions: MentionSpan[] = spec.map(([surface, entity, type]) => {
    const start = text.indexOf(surface, from);
    if (start < 0) throw new Error(`fixture: '${surface}' not found`);
    from = start + surface.length;
    return { start, end: start + surface.length, text: surface, type, entity };
  });
  doc.set('mentions', mentions);
  doc.set('entities', []);
  return doc;
}

describe('findQuotes', () => {
  it.each([
    ['He said “no” and left.', [[8, 12]], []],
    ['Putin’s allies said "we stay" today.', [[20, 29]], []],
    ['“Outer ‘inner’ text,” she said.', [[0, 21]], []],
    ['An “unclosed quote here.\nNext line “fine”.', [[35, 41]], [3]],
    ['Russia’s and Syria’s bases.', [], []],
  ])('%s', (text, outer, unbalanced) => {
    const r = findQuotes(text);
    expect(r.quotes.map((q) => [q.outer.start, q.outer.end])).toEqual(outer);
    expect(r.unbalanced).toEqual(unbalanced);
  });
});

describe('extractQuotes', () => {
  it('attributes the sample’s two quotes to Trump, addressed to May', () => {
    const text = 'As Donald Trump remarked to Theresa May in recent days, there is “a window of opportunity” to persuade Moscow that “its allegiance with Al Assad in no longer in its strategic interest”.';
    const doc = docWith(text, [['Donald Trump', 'e1', 'PERSON'], ['Theresa May', 'e2', 'PERSON'], ['Moscow', 'e3', 'GPE'], ['Al Assad', 'e4', 'PERSON']]);
    const quotes = extractQuotes(doc);
    expect(quotes.map((q) => [q.text, q.speaker, q.addressee, q.cue, q.kind, text.slice(q.start, q.end)])).toEqual([
      ['a window of opportunity', 'e1', 'e2', 'remarked', 'direct', 'a window of opportunity'],
      ['its allegiance with Al Assad in no longer in its strategic interest', 'e1', 'e2', 'remarked', 'direct', 'its allegiance with Al Assad in no longer in its strategic interest'],
    ]);
  });

  it.each([
    ['“We will not retreat,” Lavrov said.', [['Lavrov', 'e1', 'PERSON']], [['We will not retreat,', 'e1', null, 'said', 'direct']]],
    ['“We will not retreat,” said Sergei Lavrov.', [['Sergei Lavrov', 'e1', 'PERSON']], [['We will not retreat,', 'e1', null, 'said', 'direct']]],
    ['Zelensky told Biden: “We need air defence.”', [['Zelensky', 'e1', 'PERSON'], ['Biden', 'e2', 'PERSON']], [['We need air defence.', 'e1', 'e2', 'told', 'direct']]],
    ['Erdogan met Putin. “It was useful,” he said.', [['Erdogan', 'e1', 'PERSON'], ['Putin', 'e2', 'PERSON']], [['It was useful,', 'e2', null, 'said', 'direct']]],
    ['Iran said that the strikes were illegal.', [['Iran', 'e1', 'GPE']], [['the strikes were illegal', 'e1', null, 'said', 'indirect']]],
    ['The Kremlin denied any involvement in the attack.', [['Kremlin', 'e1', 'ORG']], [['any involvement in the attack', 'e1', null, 'denied', 'indirect']]],
    ['Macron warned Putin that sanctions would follow.', [['Macron', 'e1', 'PERSON'], ['Putin', 'e2', 'PERSON']], [['sanctions would follow', 'e1', 'e2', 'warned', 'indirect']]],
    ['The talks were said to be useful.', [], []],
    ['A crowd chanted “Down with the regime”.', [], [['Down with the regime', null, null, null, 'direct']]],
  ] as Array<[string, Array<[string, string, MentionSpan['type']]>, unknown[][]]>)('%s', (text, spec, expected) => {
    const quotes = extractQuotes(docWith(text, spec));
    expect(quotes.map((q) => [q.text, q.speaker, q.addressee, q.cue, q.kind])).toEqual(expected);
  });

  it('reports an unbalanced quotation mark as a diagnostic', () => {
    const doc = docWith('He said “this never closes.', []);
    extractQuotes(doc);
    expect(doc.diagnostics).toEqual([{ code: 'NG_QUOTE_UNBALANCED', message: 'unbalanced quotation marks', start: 8, end: 9 }]);
  });
});
