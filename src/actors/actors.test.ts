import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDoc } from '../analyze.js';
import { NewsgraphError } from '../errors.js';
import { loadKb } from '../kb/index.js';
import { tokensStage } from '../nlp/index.js';
import { PACKAGE_ROOT } from '../paths.js';
import { findActors } from './index.js';

const fixture = (f: string): string => join(PACKAGE_ROOT, 'src', 'actors', 'fixtures', f);
const kb = loadKb({ actors: [], actorFiles: [fixture('kb.yaml')] });

function run(text: string, date = '2017-04-11') {
  const doc = createDoc({ text, date }); // normalised as in analyze()
  tokensStage.run(doc, { options: {}, analysis: {} });
  return { doc, ...findActors(doc, kb) };
}

describe('actors stage on the sample column (fixture KB)', () => {
  const text = readFileSync(join(PACKAGE_ROOT, 'samples', 'putin-assad-column.txt'), 'utf8');
  const { doc, entities } = run(text);
  const byKb = (id: string) => entities.find((e) => e.kb?.id === id);
  const names = (id: string) => byKb(id)?.mentions.filter((m) => (m as { form?: string }).form === 'name').map((m) => m.text);

  it('finds every person with all their name mentions', () => {
    const count = (re: RegExp) => doc.text.match(re)?.length ?? 0;
    expect(names('vladimir-putin')).toEqual([
      'Russian President Vladimir Putin', 'Vladimir Putin', ...Array(count(/(?<!Vladimir )Putin/g)).fill('Putin'),
    ]);
    expect(names('bashar-al-assad')).toEqual(['Syrian dictator Bashar Al Assad', ...Array(count(/(?<!Bashar )Al Assad/g)).fill('Al Assad')]);
    expect(names('sergio-mattarella')).toEqual(['Sergio Mattarella', 'Sergio Mattarella']);
    expect(names('rex-tillerson')).toEqual(['US Secretary of State Rex Tillerson', 'Tillerson']);
    expect(names('donald-trump')).toEqual(['Donald Trump']);
    expect(names('theresa-may')).toEqual(['Theresa May']);
    expect(names('con-coughlin')).toEqual(['Con Coughlin']);
  });

  it('resolves epithets and role descriptions at the document date', () => {
    const putin = byKb('vladimir-putin')!.mentions.map((m) => m.text);
    expect(putin).toContain('Russian leader');
    const assad = byKb('bashar-al-assad')!.mentions.map((m) => m.text);
    expect(assad.filter((t) => t === 'Syrian dictator')).toHaveLength(2);
    expect(assad).toContain('Syrian leader');
  });

  it('links the countries and Hezbollah', () => {
    for (const id of ['RU', 'SY', 'IR', 'US', 'hezbollah']) expect(byKb(id), id).toBeDefined();
    expect(entities.find((e) => e.kb?.id === 'IT')?.type).toBe('NORP'); // "Italian counterpart"
  });

  it('reads Moscow and the Kremlin acting as the Russian government, and Moscow as a place', () => {
    const gov = byKb('RU-gov')!;
    const acting = gov.mentions.map((m) => `${m.text}:${m.metonymy?.cue}`);
    expect(acting).toContain('Moscow:subject of regards');
    expect(acting).toContain('Moscow:subject of has');
    expect(acting).toContain('Kremlin:subject of has');
    expect(acting).toContain('Moscow:persuade');
    expect(acting).toContain('Moscow:inform');
    expect(acting).toContain("Moscow:possessive 's ostracism");
    const city = entities.find((e) => e.name === 'Moscow' && e.type === 'GPE')!;
    expect(city.mentions.map((m) => m.metonymy?.as)).toEqual(['place', 'place']);
    const damascus = entities.find((e) => e.name === 'Damascus')!;
    expect(damascus.mentions.map((m) => m.metonymy?.cue)).toEqual(['capture', 'in', 'suburbs of', 'in']);
  });

  it('resolves the regime to the Syrian government', () => {
    const sy = byKb('SY-gov')!;
    expect(sy.mentions.filter((m) => m.text === 'regime')).toHaveLength(8);
    expect(sy.mentions.some((m) => m.text === 'Damascus' && m.metonymy?.cue === 'with')).toBe(true);
  });

  it('never makes persons of credits, places or groups', () => {
    const persons = entities.filter((e) => e.type === 'PERSON').map((e) => e.name);
    for (const bad of ['Image Credit', 'Pool', 'Kremlin', 'Moscow', 'Hezbollah', 'Baathist']) expect(persons).not.toContain(bad);
  });
});

describe('role descriptions follow the document date', () => {
  it.each([
    ['2017-06-01', 'rex-tillerson'],
    ['2022-06-01', 'antony-blinken'],
  ])('"the US Secretary of State" on %s', (date, id) => {
    const { entities } = run('Officials met the US Secretary of State in Geneva.', date);
    expect(entities.find((e) => e.type === 'PERSON')?.kb?.id).toBe(id);
  });
  it('"the Russian leader" in 2010 is Medvedev', () => {
    const { entities } = run('Analysts said the Russian leader would not attend.', '2010-03-01');
    expect(entities.find((e) => e.type === 'PERSON')?.kb?.id).toBe('dmitry-medvedev');
  });
});

describe('short texts', () => {
  const cases: Array<[string, string, Array<[string, string, string | undefined]>]> = [
    // text, date, [mention text, entity type, kb id]
    ['US President Donald Trump spoke. The President left.', '2017-06-01', [
      ['US President Donald Trump', 'PERSON', 'donald-trump'], ['US', 'GPE', 'US'], ['President', 'PERSON', 'donald-trump'],
    ]],
    ["Moscow has mobilised. Talks in Moscow ended. Putin’s aides met Theresa May.", '2017-06-01', [
      ['Moscow', 'ORG', 'RU'], ['Moscow', 'GPE', undefined], ['Putin', 'PERSON', 'vladimir-putin'], ['Theresa May', 'PERSON', 'theresa-may'],
    ]],
    ['Image Credit: AP. Pool photo. Baathist cause.', '2017-06-01', [['AP', 'ORG', undefined]]],
  ];
  it.each(cases)('%s', (text, date, want) => {
    const { mentions, entities } = run(text, date);
    const got = mentions
      .filter((m) => (m as { form?: string }).form !== 'pronoun' && entities.find((e) => e.id === m.entity)?.type !== 'NORP' && entities.find((e) => e.id === m.entity)?.type !== 'OTHER')
      .map((m) => {
        const e = entities.find((x) => x.id === m.entity)!;
        return [m.text, m.metonymy?.as === 'actor' ? 'ORG' : e.type, e.kb?.id === 'RU-gov' ? 'RU' : e.kb?.id] as [string, string, string | undefined];
      });
    expect(got).toEqual(want);
  });
});

describe('unknown names typed from cues', () => {
  const cases: Array<[string, Array<[string, string]>]> = [
    // text, [mention text, entity type] of the names (pronouns and demonyms left out)
    ['Environment Canada issued a warning.', [['Environment Canada', 'ORG']]],
    ['The Toronto Star reported it.', [['Toronto Star', 'ORG'], ['Toronto', 'GPE']]],
    ['Users of Internet Explorer 6 must upgrade, as Internet Explorer is old.', [['Internet Explorer', 'OTHER'], ['Internet Explorer', 'OTHER']]],
    ['Crowds gathered for Waitangi Day.', [['Waitangi Day', 'OTHER']]],
    ['The boy lives in Irving, Texas. The Irving Police Department arrested him. Irving is a city.', [
      ['Irving', 'GPE'], ['Texas', 'GPE'], ['Irving Police Department', 'ORG'], ['Irving', 'GPE'], ['Irving', 'GPE'],
    ]],
    ['Scientologist Valeska Paris said she was held. Paris was told to stay.', [['Scientologist Valeska Paris', 'PERSON'], ['Paris', 'PERSON']]],
    ['The Kennedy Space Center is busy.', [['Kennedy Space Center', 'FAC']]],
  ];
  it.each(cases)('%s', (text, want) => {
    const { mentions, entities } = run(text);
    const got = mentions
      .filter((m) => (m as { form?: string }).form === 'name')
      .map((m) => [m.text, entities.find((e) => e.id === m.entity)!.type]);
    expect(got).toEqual(want);
  });

  it('does not make a person of a vehicle whose last word recurs alone ("Atlantis")', () => {
    const { entities } = run('Space Shuttle Atlantis landed. Atlantis carried the crew of the shuttle.');
    expect(entities.filter((e) => e.type === 'PERSON')).toEqual([]);
  });

  it('knows given names of many cultures, with their gender, for pronouns', () => {
    const { entities } = run('Zeynep Kaya arrived in the city. She spoke to reporters.');
    const e = entities.find((x) => x.name === 'Zeynep Kaya')!;
    expect(e.type).toBe('PERSON');
    expect(e.mentions.map((m) => m.text)).toEqual(['Zeynep Kaya', 'She']);
  });
});

describe('bad input', () => {
  it('stays linear on 50k capitalised tokens (tables, all-caps headers)', () => {
    const row = 'MOSCOW REUTERS TABLE ROW Alpha Beta Gamma Delta Putin Kremlin Syria Value Total\n';
    const text = row.repeat(Math.ceil(50_000 / 13));
    const { doc, entities, mentions } = run(text);
    expect(doc.get('tokens').length).toBeGreaterThanOrEqual(50_000);
    // only knowledge-base names survive in shouting lines, one entity each
    expect(entities.length).toBeLessThan(10);
    expect(mentions.length).toBeLessThanOrEqual(doc.get('tokens').length);
  });

  it('rejects a malformed user dictionary with file, line and problem, loading nothing', () => {
    let err: unknown;
    try {
      loadKb({ actors: [], actorFiles: [fixture('bad.yaml')] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NewsgraphError);
    expect((err as Error).message).toMatch(/bad\.yaml:4: type: /);
  });
});
