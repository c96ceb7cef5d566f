import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { readHtml } from '../input/html.js';
import { normalize } from '../normalize/index.js';
import { PACKAGE_ROOT } from '../paths.js';
import { proposeStructure, scoreGenre, structureData } from './index.js';
import { fullDate, mayHoldFullDate } from './rules.js';

const read = (...p: string[]) => readFileSync(join(PACKAGE_ROOT, ...p), 'utf8');
const propose = (text: string, meta: Partial<Parameters<typeof proposeStructure>[1]> = {}) =>
  proposeStructure(normalize(text).text, { title: null, metadataGenre: null, ...meta }, structureData());

describe('proposeStructure', () => {
  it('reads the sample column: caption, credits, copyright, bio, genre', () => {
    const text = read('samples', 'putin-assad-column.txt').split('\n').slice(1).join('\n');
    const p = propose(text);
    const { parts, ...rest } = p;
    expect(rest).toEqual({
      caption:
        'Russian President Vladimir Putin reacts during a joint press conference with Italian counterpart Sergio Mattarella after a meeting in Moscow’s Kremlin, Russia, Tuesday, April 11, 2017. Sergio Mattarella is in Russia on an official visit.',
      imageCredit: 'AP',
      copyright: 'The Telegraph Group Limited, London 2017',
      authors: ['Con Coughlin'],
      outlet: 'The Telegraph',
      dateline: null,
      dates: { dateline: null, caption: '2017-04-11', text: null },
      genre: 'opinion',
      genreCues: ['bio-line', 'columnist-word', 'argument-phrases×10'],
    });
    expect(parts.filter((x) => x.kind !== 'paragraph')).toEqual([
      { kind: 'caption', start: 0, end: 237 },
      { kind: 'credit', start: 238, end: 274 },
      { kind: 'credit', start: 275, end: 291 },
      { kind: 'copyright', start: 5043, end: 5085 },
      { kind: 'bio', start: 5087, end: 5170 },
    ]);
    expect(parts.filter((x) => x.kind === 'paragraph')).toHaveLength(12);
  });

  it('reads a Reuters-style item: agency dateline, reporting credit, news genre', () => {
    expect(propose(read('test', 'fixtures', 'reuters-dateline.txt'))).toEqual({
      parts: [
        { kind: 'dateline', start: 0, end: 28 },
        { kind: 'paragraph', start: 0, end: 204 },
        { kind: 'paragraph', start: 206, end: 348 },
        { kind: 'paragraph', start: 350, end: 495 },
        { kind: 'byline', start: 497, end: 541 },
      ],
      caption: null, imageCredit: null, copyright: null,
      authors: ['Jane Roe'],
      outlet: 'Reuters',
      dateline: { place: 'MOSCOW', agency: 'Reuters', date: null },
      dates: { dateline: null, caption: null, text: null },
      genre: 'news',
      genreCues: ['agency-dateline', 'attribution×6'],
    });
  });

  it('dates a dateline without a year from the metadata year', () => {
    expect(propose(read('test', 'fixtures', 'reuters-dateline.txt'), { metadataYear: 2017 }).dates.dateline).toBe('2017-04-11');
  });

  it('reads an AP-style item: byline in capitals, organisation line, dateline, date in the text', () => {
    expect(propose(read('test', 'fixtures', 'ap-style.txt'))).toEqual({
      parts: [
        { kind: 'byline', start: 0, end: 27 },
        { kind: 'byline', start: 28, end: 44 },
        { kind: 'dateline', start: 46, end: 63 },
        { kind: 'paragraph', start: 46, end: 199 },
        { kind: 'paragraph', start: 201, end: 348 },
        { kind: 'paragraph', start: 350, end: 421 },
      ],
      caption: null, imageCredit: null, copyright: null,
      authors: ['Maria Smith', 'John Doe'],
      outlet: 'Associated Press',
      dateline: { place: 'WASHINGTON', agency: 'AP', date: null },
      dates: { dateline: null, caption: null, text: '2022-03-04' },
      genre: 'news',
      genreCues: ['agency-dateline', 'attribution×4'],
    });
  });

  it.each([
    ['Photo: a caption line with a label credit', 'Soldiers patrol a street in Mosul on June 3, 2017. Photo: Reuters\n\nBody text here.', 'Reuters', 'Soldiers patrol a street in Mosul on June 3, 2017.'],
    ['photographer/agency parenthetical', 'Protesters march in Caracas. (Jane Roe/AFP)\n\nBody text here.', 'AFP', 'Protesters march in Caracas.'],
  ])('caption with %s', (_, text, credit, caption) => {
    const p = propose(text);
    expect([p.imageCredit, p.caption]).toEqual([credit, caption]);
  });
});

describe('scoreGenre', () => {
  const rules = structureData().genre;
  const none = { title: '', bio: '', byline: '', agencyDateline: false };
  it.each([
    ['metadata wins', 'He said so.', none, 'analysis', { genre: 'analysis', cues: ['metadata'] }],
    ['first person and argument', 'I think we must act. Of course, I believe the truth is plain. We should not wait.', none, null, { genre: 'opinion', cues: ['first-person×4', 'argument-phrases×5'] }],
    ['quoted first person is not the writer', '"I will go," he said. "We are ready," she said.', none, null, { genre: 'news', cues: ['attribution×2'] }],
    ['analysis title', 'Prices rose.', { ...none, title: 'Analysis: why prices rose' }, null, { genre: 'analysis', cues: ['analysis-title'] }],
    ['nothing fires', 'Prices rose. Markets fell.', none, null, { genre: 'other', cues: [] }],
  ] as const)('%s', (_, body, ctx, meta, out) => {
    expect(scoreGenre(body, ctx, meta, rules)).toEqual(out);
  });
});

describe('structure stage in the pipeline', () => {
  it('an HTML page with JSON-LD: metadata date wins, section gives the genre', () => {
    const input = readHtml(read('test', 'fixtures', 'jsonld-article.html'), 'page.html');
    const d = analyze(input).document;
    expect([d.date, d.dateSource, d.authors, d.outlet, d.genre, d.genreCues, d.title]).toEqual([
      '2021-06-15', 'metadata', ['Ana Lopez', 'Omar Haddad'], 'Example News', 'news', ['metadata'],
      'Ministers meet in Geneva to discuss ceasefire',
    ]);
  });

  it('keeps a caption from markup when the text has none', () => {
    const body = '<p>Officials said on Monday that government forces had retaken the last district of the old city after weeks of fighting.</p>';
    const input = readHtml(`<html><body><article><figure><img src="a.jpg"><figcaption>Troops in Mosul. Credit: AFP</figcaption></figure>${body}${body}</article></body></html>`, 'f.html');
    const d = analyze(input).document;
    expect([d.caption, d.imageCredit]).toEqual(['Troops in Mosul.', 'AFP']);
  });

  it('--date overrides every other source', () => {
    const d = analyze({ text: read('samples', 'putin-assad-column.txt') }, { date: '2017-04-12' }).document;
    expect([d.date, d.dateSource]).toEqual(['2017-04-12', 'argument']);
  });

  it('runs on text in an unsupported language (it is language-independent)', () => {
    const text = 'PARIS, 11 avril (Reuters) - Le président russe a rencontré son homologue italien au Kremlin mardi, lors d’une visite officielle à Moscou.\n\n— Le Monde SA, Paris 2017';
    const d = analyze({ text }).document;
    expect([d.language, d.copyright, d.outlet]).toEqual(['fr', 'Le Monde SA, Paris 2017', 'Le Monde SA']);
  });
});

// The pre-check must never skip a text chrono reads a full date from (the skip is for speed only):
// each row gives the date chrono finds and whether the pre-check lets the text through.
describe('fullDate and its pre-check', () => {
  const cases: Array<[string, string | null, boolean]> = [
    ['Published on March 3, 2017 in London.', '2017-03-03', true],
    ['The talks opened on 3rd of March 1987 in Geneva.', '1987-03-03', true],
    ['Talks began on March 3 and ended on March 5, 1987.', '1987-03-05', true],
    ['The record date is 3/4/87, the company said.', '1987-03-04', true],
    ['Shares were issued on 2017-03-04 in New York.', '2017-03-04', true],
    ['Profit rose 1.5 pct to 5-1/2 dlrs a share, up from 3-4 dlrs.', null, false],
    ['The board will meet on March 3 to vote on the offer.', null, false],
    ['Output may rise within two years, the ministry said.', null, false],
    ['Oil fell 20 pct in the first quarter, traders said.', null, false],
  ];
  it.each(cases)('%s', (text, date, mayHold) => {
    expect([fullDate(text), mayHoldFullDate(text)]).toEqual([date, mayHold]);
  });
});

describe('fullDate never dates a document from the run day', () => {
  it.each([
    ['The deal was signed 3 days ago in Geneva.', null],
    ['Payment is due within 30 days of the ruling.', null],
    ['Talks resumed on Monday, March 2, 1987, in Paris.', '1987-03-02'],
  ])('%s → %s', (text, expected) => {
    expect(fullDate(text)).toBe(expected);
  });
});
