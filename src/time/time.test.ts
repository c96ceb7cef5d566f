import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDoc } from '../analyze.js';
import { Doc } from '../document/doc.js';
import { readTimeCases, scoreCase } from '../eval/suites/time.js';
import { tokenize } from '../nlp/index.js';
import { dataPath } from '../paths.js';
import { addDays, isoWeek, isValid, mondayOf, parseYmd, weekday } from './calendar.js';
import { eventDate } from './event-date.js';
import { applyTimes, findTimes } from './index.js';

const REF = { y: 2017, m: 4, d: 11 }; // a Tuesday, the sample's date
const strip = (t: { start: number; end: number; text: string; value: string | null; from: string | null; to: string | null; grain: string }) =>
  ({ start: t.start, end: t.end, text: t.text, value: t.value, from: t.from, to: t.to, grain: t.grain });

describe('calendar', () => {
  it.each([
    ['2017-04-11', 2, '2017-W15'],
    ['2017-04-03', 1, '2017-W14'],
    ['2021-01-03', 7, '2020-W53'],
    ['2024-12-30', 1, '2025-W01'],
  ])('%s is weekday %i of %s', (date, wd, week) => {
    const x = parseYmd(date)!;
    expect(weekday(x)).toBe(wd);
    expect(isoWeek(x)).toBe(week);
  });
  it('rejects impossible days', () => {
    expect(parseYmd('2017-04-31')).toBeNull();
    expect(isValid({ y: 2023, m: 2, d: 29 })).toBe(false);
    expect(isValid({ y: 2024, m: 2, d: 29 })).toBe(true);
    expect(mondayOf(REF)).toEqual({ y: 2017, m: 4, d: 10 });
    expect(addDays(REF, -7)).toEqual({ y: 2017, m: 4, d: 4 });
  });
});

describe('findTimes on the sample', () => {
  it('finds the sample column expressions with offsets and ranges', () => {
    const text = readFileSync(dataPath('..', 'samples', 'putin-assad-column.txt'), 'utf8');
    const doc = createDoc({ text, date: '2017-04-11' });
    const { times } = findTimes(doc.text, REF);
    const at = (s: string) => doc.text.indexOf(s);
    expect(times.map(strip)).toEqual([
      { start: at('Tuesday, April 11'), end: at('Tuesday, April 11') + 23, text: 'Tuesday, April 11, 2017', value: '2017-04-11', from: '2017-04-11', to: '2017-04-11', grain: 'day' },
      { start: at('seven-year'), end: at('seven-year') + 10, text: 'seven-year', value: 'P7Y', from: null, to: null, grain: 'duration' },
      { start: at('the autumn of 2015'), end: at('the autumn of 2015') + 18, text: 'the autumn of 2015', value: '2015-FA', from: '2015-09-01', to: '2015-11-30', grain: 'season' },
      { start: at('last week'), end: at('last week') + 9, text: 'last week', value: '2017-W14', from: '2017-04-03', to: '2017-04-09', grain: 'week' },
      { start: at('Cold War days'), end: at('Cold War days') + 13, text: 'Cold War days', value: '1947-03-12/1991-12-26', from: '1947-03-12', to: '1991-12-26', grain: 'era' },
      { start: at('2013 as'), end: at('2013 as') + 4, text: '2013', value: '2013', from: '2013-01-01', to: '2013-12-31', grain: 'year' },
      { start: doc.text.search(/today.s talks/), end: doc.text.search(/today.s talks/) + 5, text: 'today', value: '2017-04-11', from: '2017-04-11', to: '2017-04-11', grain: 'day' },
      { start: at('recent days'), end: at('recent days') + 11, text: 'recent days', value: '2017-04-04/2017-04-11', from: '2017-04-04', to: '2017-04-11', grain: 'range' },
    ]);
  });
});

describe('findTimes', () => {
  it.each([
    ['on Thursday (news past)', 'Rebels attacked on Thursday.', 'Thursday', '2017-04-06'],
    ['will meet on Thursday (future)', 'The ministers will meet on Thursday.', 'Thursday', '2017-04-13'],
    ['in March (most recent past March)', 'The talks collapsed in March.', 'March', '2017-03-01'],
    ['in October (last year)', 'Assad visited Moscow in October.', 'October', '2016-10-01'],
    ['in the 1990s', 'Chechnya was devastated in the 1990s.', 'the 1990s', '1990-01-01'],
    ['yesterday', 'Officials said yesterday that talks would go ahead.', 'yesterday', '2017-04-10'],
  ])('%s', (_label, text, expr, from) => {
    const t = findTimes(text, REF).times.find((x) => x.text === expr);
    expect(t?.from).toBe(from);
  });

  it.each([
    'As Donald Trump remarked to Theresa May, there is a window.',
    'The rest of the world now views him as a pariah.',
    'That may be so.',
    'Thousands march on the capital.',
    'During this period Russia helped the Syrians.',
  ])('no false positive: %s', (text) => expect(findTimes(text, REF).times).toEqual([]));

  it('impossible dates are diagnosed, never resolved', () => {
    const text = 'The army left in 20133. They met on April 31.';
    const doc = new Doc({ id: 't', text, date: '2017-04-11' });
    applyTimes(doc);
    expect(doc.get('times')).toEqual([]);
    expect(doc.diagnostics.map((d) => [d.code, d.start, d.end])).toEqual([
      ['NG_DATE_INVALID', 17, 22],
      ['NG_DATE_INVALID', 36, 44],
    ]);
  });

  it('without a document date, relative expressions are diagnosed and absolute ones kept', () => {
    const text = 'It happened last week, not in 2013.';
    const doc = new Doc({ id: 't', text });
    applyTimes(doc);
    expect(doc.get('times').map((t) => t.text)).toEqual(['2013']);
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['NG_DATE_UNRESOLVED']);
  });
});

describe('eventDate', () => {
  it.each([
    ['Assad carried out the chemical weapons attack on Idlib last week without warning.', 'attack', { from: '2017-04-03', to: '2017-04-09' }],
    ['Last week, Syrian jets bombed Idlib.', 'bombed', { from: '2017-04-03', to: '2017-04-09' }],
    ['Syrian jets bombed Idlib.', 'bombed', null],
    ['The seven-year conflict continued.', 'conflict', null],
  ])('%s', (text, trigger, expected) => {
    const doc = new Doc({ id: 't', text, date: '2017-04-11' });
    const { sentences, tokens } = tokenize(text);
    doc.set('sentences', sentences);
    doc.set('tokens', tokens);
    applyTimes(doc);
    const start = text.indexOf(trigger);
    expect(eventDate(doc, 0, { start, end: start + trigger.length })).toEqual(expected);
  });
});

describe('eval cases', () => {
  it('has at least 150 cases, each well-formed', () => {
    const cases = readTimeCases();
    expect(cases.length).toBeGreaterThanOrEqual(150);
    for (const c of cases) {
      expect(parseYmd(c.ref), `line ${c.line}`).not.toBeNull();
      if (!['none', 'invalid'].includes(c.category)) expect(c.sentence.includes(c.text), `line ${c.line}`).toBe(true);
    }
  });
  it('scores a wrong reading as wrong', () => {
    const [c] = readTimeCases().filter((x) => x.category === 'week');
    expect(scoreCase({ ...c!, from: '1999-01-01' }).ok).toBe(false);
  });
});
