import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import type { Analysis, Event } from '../contract.js';

const a: Analysis = analyze(readFileSync(new URL('../../samples/putin-assad-column.txt', import.meta.url), 'utf8'));
const cameo = (id: string | null): string | null => (id ? a.entities.find((e) => e.id === id)?.kb?.cameo ?? a.entities.find((e) => e.id === id)!.name : null);
const find = (pred: (e: Event) => boolean): Event | undefined => a.events.find(pred);

describe('events on the sample column', () => {
  it('chemical weapons attack: SYRGOV -> Idlib, 2041, last week, asserted (writer-endorsed evidential)', () => {
    const e = find((e) => e.code === '2041' && cameo(e.source) === 'SYRGOV' && e.date?.from === '2017-04-03');
    expect(e).toMatchObject({ root: '20', modality: 'asserted', date: { from: '2017-04-03', to: '2017-04-09' } });
    expect(cameo(e!.target)).toBe('Idlib');
  });
  it('US missile strikes on Syria (195), Hezbollah and Russia condemn the US (111)', () => {
    expect(find((e) => e.code === '195' && cameo(e.source) === 'USA' && cameo(e.target) === 'SYR')?.modality).toBe('asserted');
    expect(find((e) => e.code === '111' && a.entities.find((x) => x.id === e.source)?.name === 'Hezbollah' && cameo(e.target) === 'USA')).toBeTruthy();
    expect(find((e) => e.code === '111' && cameo(e.source) === 'RUSGOV' && cameo(e.target) === 'USA')).toBeTruthy();
  });
  it('Iran asks Russia (020); Russia intervenes in 2015 (062)', () => {
    expect(find((e) => e.code === '020' && cameo(e.source) === 'IRN' && cameo(e.target) === 'RUSGOV')).toBeTruthy();
    expect(find((e) => e.code === '062' && cameo(e.target) === 'SYR' && e.date?.from.startsWith('2015'))).toBeTruthy();
  });
  it('Putin and Mattarella (040), Tillerson talks (040, future), Russia helped Syria (070), Trump remarks to May (010)', () => {
    expect(find((e) => e.code === '040' && cameo(e.source) === 'RUSGOV' && cameo(e.target) === 'ITAGOV')).toBeTruthy();
    expect(find((e) => e.code === '040' && cameo(e.source) === 'USAGOV' && e.trigger.text === 'talks')?.modality).toBe('future');
    expect(find((e) => e.code === '070' && cameo(e.source) === 'RUS' && cameo(e.target) === 'SYR')).toBeTruthy();
    expect(find((e) => e.code === '010' && cameo(e.source) === 'USAGOV' && cameo(e.target) === 'GBRGOV')).toBeTruthy();
  });
  it('no asserted abandoning/reducing relations with Assad, no asserted capture of Damascus', () => {
    expect(a.events.filter((e) => e.root === '16' && e.modality === 'asserted')).toEqual([]);
    expect(a.events.filter((e) => e.code === '192' && e.modality === 'asserted')).toEqual([]);
  });
  it('Putin meets Mattarella (the person, not the demonym "Italian") on 2017-04-11', () => {
    const meet = a.events.filter((e) => e.code === '040' && e.trigger.text === 'conference');
    const names = meet.map((e) => `${a.entities.find((x) => x.id === e.source)?.name} -> ${a.entities.find((x) => x.id === e.target)?.name} ${e.date?.from}`);
    expect(names).toEqual(['Vladimir Putin -> Sergio Mattarella 2017-04-11', 'Sergio Mattarella -> Vladimir Putin 2017-04-11']);
  });
  it('a time expression in another clause does not date an event (refusal to abandon ... which dates back to Cold War days)', () => {
    const abandon = find((e) => e.trigger.text === 'abandon' && cameo(e.source) === 'RUSGOV');
    expect(abandon).toMatchObject({ modality: 'negated', date: null });
  });
  it('"no sign of ditching his alliance with Damascus": a negated ditching (161) Putin -> Syria, no alliance event of its own', () => {
    const ditching = a.events.filter((e) => e.trigger.text === 'ditching').map((e) => `${e.code} ${cameo(e.source)} -> ${cameo(e.target)} ${e.modality}`);
    expect(ditching).toEqual(['161 RUSGOV -> SYRGOV negated']);
    expect(a.events.filter((e) => e.trigger.text === 'alliance')).toEqual([]);
  });
  it('relations are durable: each (type, source, target) once; "Iranian-backed ... Hezbollah" backs Hezbollah', () => {
    const keys = a.relations.map((r) => `${r.type} ${r.source} ${r.target} ${r.polarity} ${r.modality}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(a.relations.filter((r) => r.type === 'supports' && cameo(r.source) === 'RUSGOV' && cameo(r.target) === 'SYRGOV' && r.modality === 'asserted')).toHaveLength(1);
    const backsHezbollah = a.relations.find((r) => r.type === 'backs' && a.entities.find((x) => x.id === r.target)?.name === 'Hezbollah');
    expect(cameo(backsHezbollah!.source)).toBe('IRN');
  });
  it('relations: Iran backs SYRGOV, Russia has bases at Latakia and Tartus', () => {
    const rel = a.relations.map((r) => `${r.type} ${cameo(r.source)} ${cameo(r.target)}`);
    expect(rel).toEqual(expect.arrayContaining(['backs IRN SYRGOV', 'has_base_in RUS Latakia', 'has_base_in RUS Tartus']));
  });
});
