import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDoc } from '../analyze.js';
import type { Entity } from '../contract.js';
import { Doc } from '../document/doc.js';
import { tokenize } from '../nlp/index.js';
import { dataPath } from '../paths.js';
import { detectToponyms } from './detect.js';
import { eventPlace } from './event-place.js';
import { distanceKm, foldName, gazetteer } from './gazetteer.js';
import { applyPlaces } from './index.js';
import { geoContext, lookupName, resolveToponyms } from './resolve.js';

/** A document with sentences and tokens, and hand-built `mentions`/`entities` layers. */
function docWith(text: string, entities: Entity[] = [], date = '2017-04-11'): Doc {
  const doc = new Doc({ id: 't', text, date, language: 'en' });
  const { sentences, tokens } = tokenize(text);
  doc.set('sentences', sentences);
  doc.set('tokens', tokens);
  doc.set('entities', entities);
  doc.set('mentions', entities.flatMap((e) => e.mentions.map((m) => ({ ...m, type: e.type, entity: e.id }))));
  return doc;
}

/** A place entity with one mention per occurrence of `name` in `text`. */
function entity(id: string, name: string, text: string, type: Entity['type'] = 'GPE', kb: Entity['kb'] = null): Entity {
  const mentions = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) mentions.push({ start: i, end: i + name.length, text: name });
  return { id, name, type, kb, roles: [], mentions };
}

describe('foldName', () => {
  it.each([
    ['Ţarţūs', 'tartus'],
    ['Washington, D.C.', 'washington dc'],
    ['Deir ez-Zor', 'deir ez zor'],
    ['‘Ayn al ‘Arab', 'ayn al arab'],
    ['U.S.', 'us'],
  ])('%s → %s', (name, key) => expect(foldName(name)).toBe(key));
});

describe('gazetteer', () => {
  it.each([
    ['Tartus', 'Tartouss', 'SY', 'alias'],
    ['Tartous', 'Tartouss', 'SY', 'alias'],
    ['Lattakia', 'Latakia', 'SY', 'alias'],
    ['Idleb', 'Idlib', 'SY', 'alias'],
    ['Kiev', 'Kyiv', 'UA', 'alias'],
    ['Raqqa', 'Ar Raqqah', 'SY', 'alias'],
    ['Syria', 'Syria', 'SY', 'name'],
  ])('%s reaches %s (%s) by %s', (name, target, country, via) => {
    const hit = gazetteer().lookup(name).find((h) => h.entry.name === target && h.entry.country === country);
    expect(hit?.via).toBe(via);
  });

  it('knows countries, first-level regions, named regions and adjectives', () => {
    const gaz = gazetteer();
    expect(gaz.country('SY')?.entry).toMatchObject({ name: 'Syria', featureCode: 'PCLI', lat: 35, lon: 38 });
    expect(gaz.lookup('Idlib province').map((h) => h.entry.featureCode)).toEqual(['ADM1']);
    expect(gaz.lookup('the West Bank').length + gaz.lookup('West Bank').length).toBeGreaterThan(0);
    expect(gaz.lookup('Donbass')[0]?.entry).toMatchObject({ name: 'Donbas', country: 'UA', featureCode: 'RGN' });
    expect(gaz.adjective('Russian')).toMatchObject({ entry: { name: 'Russia' }, plural: false });
    expect(gaz.adjective('Russians')).toMatchObject({ entry: { name: 'Russia' }, plural: true });
    expect(gaz.adjective('European')?.entry.name).toBe('Europe');
  });

  it.each([
    // GeoNames conventions: oceans and seas at fixed points, rivers at their mouths.
    ['Atlantic', 'OCN', 10, -25],
    ['Indian Ocean', 'OCN', -10, 70],
    ['Mediterranean', 'SEA', 35, 20],
    ['Cauvery', 'STM', 11.14, 79.85],
    ['Northamptonshire', 'ADM1', 52.28, -0.88],
    ['Benue State', 'ADM1', 7.5, 8.75],
    ['Cuyahoga County', 'ADM2', 41.43, -81.66],
  ])('%s is a %s at %d, %d', (name, code, lat, lon) => {
    expect(gazetteer().lookup(name).map((h) => h.entry).find((e) => e.featureCode === code)).toMatchObject({ lat, lon });
  });

  it('measures great-circle distances', () => {
    expect(Math.round(distanceKm(55.75, 37.62, 33.51, 36.29))).toBe(2475);
    expect(distanceKm(10, 10, 10, 10)).toBe(0);
  });
});

describe('detectToponyms', () => {
  it.each([
    ['Russia has bases at Latakia and Tartus.', ['Russia', 'Latakia', 'Tartus']],
    ['Russian jets struck Idlib province on Tuesday.', ['Russian', 'Idlib province']],
    ['Talks in Washington, D.C. and in the Gulf resumed.', ['Washington, D.C.', 'Gulf']],
    ['Theresa May met Jackson Smith in London.', ['London']],
    ['President Jordan said the police would march.', []],
    ['Russians protested in Bosnia and Herzegovina.', ['Bosnia and Herzegovina']],
    ['The talks were held in English and Russian forces watched.', ['Russian']],
  ])('%s', (text, expected) => {
    const { tokens } = tokenize(text);
    expect(detectToponyms(text, tokens).map((t) => t.text)).toEqual(expected);
  });

  it('gives whole spans with offsets and skips excluded spans', () => {
    const text = 'Fighting near Aleppo and Homs.';
    const { tokens } = tokenize(text);
    const found = detectToponyms(text, tokens, [{ start: 25, end: 29 }]);
    expect(found.map(({ start, end, text: t, kind, locative }) => ({ start, end, text: t, kind, locative }))).toEqual([
      { start: 14, end: 20, text: 'Aleppo', kind: 'name', locative: true },
    ]);
  });
});

describe('resolveToponyms', () => {
  const resolve = (text: string, names: string[]) => {
    const inputs = names.map((name) => ({ name, start: text.indexOf(name), end: text.indexOf(name) + name.length }));
    // Evidence: every toponym of the text, as the places stage has it.
    const evidence = detectToponyms(text, tokenize(text).tokens).map((t) => ({ name: t.text, start: t.start, end: t.end, hits: t.hits }));
    return resolveToponyms(inputs, geoContext(text, evidence)).map((r) => [r.best?.entry.name ?? null, r.best?.entry.country ?? null]);
  };
  it.each([
    ['Syria focus puts Tartus and Damascus in Syria',
      'Russia protects its bases in Syria at Latakia and Tartus. Syria backs Damascus. Syria.', ['Tartus', 'Damascus'],
      [['Tartouss', 'SY'], ['Damascus', 'SY']]],
    ['US focus puts Georgia in the US',
      'Voters in Atlanta, Georgia, and across the United States, Texas and Florida went to the polls.', ['Georgia'],
      [['Georgia (U.S. state)', 'US']]],
    ['Caucasus focus keeps Georgia the country',
      'Russia and Armenia watched as Georgia and Azerbaijan signed the pipeline deal.', ['Georgia'], [['Georgia', 'GE']]],
    ['political context makes Washington the capital',
      'The administration and the president met senators in Washington to discuss sanctions.', ['Washington'],
      [['Washington, D.C.', 'US']]],
    ['an unknown name has no best candidate', 'They met in Zzyzxqua.', ['Zzyzxqua'], [[null, null]]],
    ['a country name is the country, not a namesake town', 'Houston and Dallas traders sold soybeans to China.', ['China'], [['China', 'CN']]],
    ['"Town, State": the town in that state, the state after a town',
      'Mary Ann Quitugua from a cake studio in Tacoma, Washington shares tips.', ['Tacoma', 'Washington'],
      [['Tacoma', 'US'], ['Washington (U.S. state)', 'US']]],
    ['"Town, St." with an AP abbreviation picks the namesake nearest the state',
      'The sheriff of Walker County spoke in LaFayette, Ga., on Monday.', ['LaFayette'], [['LaFayette', 'US']]],
    ['a list of capitals is not a hierarchy',
      'Officials from Paris, Washington and Moscow met; the administration and the president imposed sanctions.', ['Washington'],
      [['Washington, D.C.', 'US']]],
    ['"X state" is the region', 'The cow came from a Washington state farm, officials said.', ['Washington'],
      [['Washington (U.S. state)', 'US']]],
    ['a list of states makes Washington the state',
      'Cases were found in Utah, Virginia, Washington and Wyoming.', ['Washington'], [['Washington (U.S. state)', 'US']]],
    ['an English exonym reaches the GeoNames local name', 'Talks resumed in Geneva and Cologne.', ['Geneva', 'Cologne'],
      [['Genève', 'CH'], ['Köln', 'DE']]],
    ['an airport is not the village that shares its name', 'The flight landed at Heathrow after a delay over London.', ['Heathrow'],
      [['Heathrow', 'GB']]],
    ['a county the city list lacks', 'Flooding hit Cuyahoga County and Cleveland.', ['Cuyahoga County'], [['Cuyahoga County', 'US']]],
  ])('%s', (_label, text, names, expected) => expect(resolve(text, names)).toEqual(expected));

  it('keeps at most five candidates, best first, and a reason', () => {
    const inputs = [{ name: 'Moscow', start: 0, end: 6 }];
    const [r] = resolveToponyms(inputs, geoContext('Moscow', inputs));
    expect(r!.candidates.length).toBeLessThanOrEqual(5);
    expect(r!.candidates.map((c) => c.score)).toEqual([...r!.candidates.map((c) => c.score)].sort((a, b) => b - a));
    expect(r!.best?.entry).toMatchObject({ name: 'Moscow', country: 'RU', featureCode: 'PPLC', geonameId: 524901 });
    expect(r!.reason).toMatch(/PPLC; population 10381222/);
  });

  it('reads names as written: possessives, "the", adjectives, "X County"', () => {
    expect(lookupName("Syria's")[0]?.entry.name).toBe('Syria');
    expect(lookupName('the Gulf')[0]?.entry.featureCode).toBe('GULF');
    expect(lookupName('Canadian').map((h) => h.entry.name)).toContain('Canada');
    expect(lookupName('Colorado State University').map((h) => [h.entry.name, h.via])).toContainEqual(['Colorado', 'part']);
  });
});

describe('places stage', () => {
  const sample = readFileSync(dataPath('..', 'samples', 'putin-assad-column.txt'), 'utf8');

  it('resolves the sample places within 60 km and in the right country', () => {
    const doc = createDoc({ text: sample, date: '2017-04-11' });
    const { sentences, tokens } = tokenize(doc.text);
    doc.set('sentences', sentences);
    doc.set('tokens', tokens);
    doc.set('mentions', []);
    doc.set('entities', []);
    applyPlaces(doc);
    const truth: Array<[string, number, number, string]> = [
      ['Moscow', 55.7558, 37.6173, 'RU'],
      ['Latakia', 35.5317, 35.7901, 'SY'],
      ['Tartus', 34.8890, 35.8866, 'SY'],
      ['Damascus', 33.5138, 36.2765, 'SY'],
      ['Idlib', 35.9306, 36.6339, 'SY'],
    ];
    const places = doc.get('places');
    for (const [name, lat, lon, country] of truth) {
      const p = places.find((x) => x.name === name);
      expect(p, name).toBeDefined();
      expect(p!.country, name).toBe(country);
      expect(distanceKm(lat, lon, p!.lat!, p!.lon!), name).toBeLessThan(60);
    }
    // Detected toponyms became entities of their own.
    const ids = new Set(doc.get('entities').map((e) => e.id));
    expect(places.every((p) => ids.has(p.entity))).toBe(true);
  });

  it('uses the actors stage entities, skips actor metonymy, links countries by KB id', () => {
    const text = 'Moscow said the bases at Tartus matter. Syria is at war. Russia wants Tartus.';
    const moscow = entity('e1', 'Moscow', text, 'ORG', { id: 'RU-gov', qid: null, cameo: 'RUSGOV', country: 'RU' });
    moscow.mentions[0]!.metonymy = { as: 'actor', cue: 'said' };
    const doc = docWith(text, [
      moscow,
      entity('e2', 'Tartus', text),
      entity('e3', 'Syria', text, 'GPE', { id: 'SY', qid: 'Q858', cameo: 'SYR', country: 'SY' }),
      entity('e4', 'Russia', text, 'GPE', { id: 'RU', qid: 'Q159', cameo: 'RUS', country: 'RU' }),
    ]);
    applyPlaces(doc);
    expect(doc.get('places').map((p) => [p.entity, p.name, p.country, p.featureCode])).toEqual([
      ['e2', 'Tartus', 'SY', 'PPLA'],
      ['e3', 'Syria', 'SY', 'PCLI'],
      ['e4', 'Russia', 'RU', 'PCLI'],
    ]);
    expect(doc.get('places')[1]!.reason).toBe('linked country SY');
  });

  it('an unknown place keeps null coordinates and gets a diagnostic', () => {
    const text = 'Shelling hit Qzxwvbek overnight.';
    const doc = docWith(text, [entity('e1', 'Qzxwvbek', text)]);
    applyPlaces(doc);
    expect(doc.get('places')).toEqual([{
      entity: 'e1', name: 'Qzxwvbek', lat: null, lon: null, country: null, geonameId: null, featureCode: null,
      candidates: [], reason: 'not in the gazetteer', provenance: { stage: 'places', rule: 'context' },
    }]);
    expect(doc.diagnostics.map((d) => [d.code, d.start, d.end])).toEqual([['NG_PLACE_UNKNOWN', 13, 21]]);
  });

  it('retypes an untyped (OTHER) entity the detector knows as a place', () => {
    const text = 'Russia has bases at Latakia and Tartus.';
    const doc = docWith(text, [entity('e1', 'Tartus', text, 'OTHER')]);
    applyPlaces(doc);
    expect(doc.get('entities').find((e) => e.id === 'e1')?.type).toBe('GPE');
    expect(doc.get('places').find((p) => p.entity === 'e1')?.country).toBe('SY');
  });
});

describe('eventPlace', () => {
  const cases: Array<[string, string, string, string | null]> = [
    ['Assad carried out the chemical weapons attack on Idlib last week, Moscow said.', 'attack', 'Idlib', 'Idlib'],
    ['Putin met Mattarella in Moscow after talks about Syria.', 'met', 'Moscow', 'Moscow'],
    ['Russia condemned the strike, and Syria protested.', 'strike', '', null],
    ['The Idlib attack killed dozens.', 'attack', 'Idlib', 'Idlib'],
    ['Troops in Aleppo shelled villages near Hama.', 'shelled', 'Hama', 'Hama'],
  ];
  it.each(cases)('%s', (text, trigger, _expected, name) => {
    const doc = docWith(text);
    applyPlaces(doc);
    const start = text.indexOf(trigger);
    const id = eventPlace(doc, 0, { start, end: start + trigger.length });
    const entityName = id ? doc.get('entities').find((e) => e.id === id)?.name ?? null : null;
    expect(entityName).toBe(name);
  });
});
