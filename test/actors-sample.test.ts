import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { dataPath, PACKAGE_ROOT } from '../src/paths.js';

/**
 * The acceptance sample with the shipped knowledge base (data/actors): every named person with all
 * their name mentions, the countries and Hezbollah linked, Moscow/Kremlin acting → Russian government.
 * Only the people and countries named in issue 3 are relied on.
 */
const hasData = existsSync(dataPath('actors', 'countries.yaml')) && existsSync(dataPath('actors', 'people-g20-ru.yaml'));

describe.skipIf(!hasData)('actors on samples/putin-assad-column.txt (shipped KB)', () => {
  const text = readFileSync(join(PACKAGE_ROOT, 'samples', 'putin-assad-column.txt'), 'utf8');
  const a = analyze({ text, date: '2017-04-11' });
  const byName = (name: string) => a.entities.find((e) => e.name === name);
  const nameMentions = (name: string) => byName(name)?.mentions.filter((m) => (m as { form?: string }).form === 'name').map((m) => m.text);
  const count = (re: RegExp) => a.document.text.match(re)?.length ?? 0;

  it('finds the people with all their name mentions', () => {
    expect(nameMentions('Vladimir Putin')).toEqual(['Russian President Vladimir Putin', 'Vladimir Putin', ...Array(count(/(?<!Vladimir )Putin/g)).fill('Putin')]);
    expect(nameMentions('Bashar al-Assad')).toEqual(['Syrian dictator Bashar Al Assad', ...Array(count(/(?<!Bashar )Al Assad/g)).fill('Al Assad')]);
    expect(nameMentions('Sergio Mattarella')).toEqual(['Sergio Mattarella', 'Sergio Mattarella']);
    expect(nameMentions('Rex Tillerson')).toEqual(['US Secretary of State Rex Tillerson', 'Tillerson']);
    expect(nameMentions('Donald Trump')).toEqual(['Donald Trump']);
    expect(nameMentions('Theresa May')).toEqual(['Theresa May']);
    expect(nameMentions('Con Coughlin')).toEqual(['Con Coughlin']);
    for (const n of ['Vladimir Putin', 'Bashar al-Assad', 'Sergio Mattarella', 'Rex Tillerson', 'Donald Trump', 'Theresa May']) {
      expect(byName(n)?.kb?.id, n).toBeTruthy();
    }
  });

  it('gives roles valid at the document date', () => {
    expect(byName('Rex Tillerson')?.roles.map((r) => r.title)).toContain('Secretary of State');
    expect(byName('Theresa May')?.roles.map((r) => r.title)).toContain('Prime Minister');
  });

  it('links Russia, Syria, Iran, the United States, Italy (as Italian) and Hezbollah', () => {
    for (const id of ['RU', 'SY', 'IR', 'US']) expect(a.entities.some((e) => e.kb?.id === id && e.type === 'GPE'), id).toBe(true);
    expect(a.entities.some((e) => e.kb?.country === 'IT')).toBe(true);
    expect(byName('Hezbollah')?.kb?.cameo).toMatch(/^LBN/);
  });

  it('resolves Moscow and the Kremlin acting to the Russian government', () => {
    const gov = a.entities.find((e) => e.kb?.id === 'RU-gov')!;
    const uses = gov.mentions.map((m) => m.text);
    expect(uses.filter((t) => t === 'Moscow').length).toBeGreaterThanOrEqual(8);
    expect(uses.filter((t) => t === 'Kremlin').length).toBe(4);
    expect(gov.mentions.every((m) => m.metonymy?.as === 'actor')).toBe(true);
  });

  it('resolves descriptions and the regime', () => {
    expect(byName('Vladimir Putin')!.mentions.map((m) => m.text)).toContain('Russian leader');
    expect(byName('Bashar al-Assad')!.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['Syrian dictator', 'Syrian leader']));
    const syGov = a.entities.find((e) => e.kb?.id === 'SY-gov')!;
    expect(syGov.mentions.filter((m) => m.text === 'regime')).toHaveLength(8);
  });

  it('makes no person of credits, places and groups', () => {
    const persons = a.entities.filter((e) => e.type === 'PERSON').map((e) => e.name);
    for (const bad of ['Image Credit', 'Pool', 'Kremlin', 'Moscow', 'Hezbollah', 'Baathist']) expect(persons).not.toContain(bad);
  });
});
