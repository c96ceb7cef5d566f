import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderInstitutions } from '../scripts/gen-institutions.js';
import { dataPath } from '../src/paths.js';
import type { KbActor } from '../src/kb/types.js';

/** The shipped non-person actor files: countries, institutions, IGOs/NGOs, armed groups, parties, media. */
const FILES = ['countries', 'institutions', 'igos', 'armed-groups', 'parties', 'media'] as const;

const read = (f: string): string => readFileSync(dataPath('actors', `${f}.yaml`), 'utf8');
const byId = new Map<string, KbActor & { file: string }>();
for (const f of FILES) for (const a of parse(read(f)) as KbActor[]) byId.set(a.id, { ...a, file: f });

/** A picked subset of fields, so each case states only the facts it checks. */
function facts(id: string, keys: readonly (keyof KbActor)[]): Partial<KbActor> | undefined {
  const a = byId.get(id);
  if (!a) return undefined;
  return Object.fromEntries(keys.map((k) => [k, a[k]])) as Partial<KbActor>;
}

describe('actor data files', () => {
  it('institutions.yaml is what scripts/gen-institutions.ts generates from countries.yaml', () => {
    expect(read('institutions')).toBe(renderInstitutions(read('countries')));
  });

  it('every file holds many records', () => {
    const counts = Object.fromEntries(FILES.map((f) => [f, [...byId.values()].filter((a) => a.file === f).length]));
    expect(counts.countries).toBeGreaterThanOrEqual(250);
    expect(counts.institutions).toBeGreaterThanOrEqual(1500);
    expect(counts.igos).toBeGreaterThanOrEqual(100);
    expect(counts['armed-groups']).toBeGreaterThanOrEqual(80);
    expect(counts.parties).toBeGreaterThanOrEqual(80);
    expect(counts.media).toBeGreaterThanOrEqual(120);
  });

  const countryCases: Array<[string, Partial<KbActor>]> = [
    ['RU', { name: 'Russia', qid: 'Q159', cameo: 'RUS', iso3: 'RUS', capital: 'Moscow', leader: 'head_of_state' }],
    ['SY', { name: 'Syria', qid: 'Q858', cameo: 'SYR', iso3: 'SYR', capital: 'Damascus', leader: 'head_of_state' }],
    ['US', { name: 'United States', qid: 'Q30', cameo: 'USA', iso3: 'USA', capital: 'Washington', leader: 'head_of_state' }],
    ['GB', { name: 'United Kingdom', qid: 'Q145', cameo: 'GBR', iso3: 'GBR', capital: 'London', leader: 'head_of_government' }],
    ['IT', { name: 'Italy', qid: 'Q38', cameo: 'ITA', iso3: 'ITA', capital: 'Rome', leader: 'head_of_government' }],
    ['IR', { name: 'Iran', qid: 'Q794', cameo: 'IRN', iso3: 'IRN', capital: 'Tehran', leader: 'head_of_state' }],
    ['XK', { name: 'Kosovo', qid: 'Q1246', cameo: 'KSV', iso3: 'XKX', capital: 'Pristina', leader: 'head_of_government' }],
    ['TL', { name: 'East Timor', qid: 'Q574', cameo: 'TMP', iso3: 'TLS', capital: 'Dili', leader: 'head_of_government' }],
    ['SU', { name: 'Soviet Union', qid: 'Q15180', cameo: 'SUN', iso3: 'SUN', capital: 'Moscow', leader: 'head_of_state' }],
  ];
  it.each(countryCases)('country %s', (id, want) => {
    expect(facts(id, Object.keys(want) as (keyof KbActor)[])).toEqual(want);
  });

  const seatCases: Array<[string, string]> = [
    ['RU', 'Kremlin'],
    ['US', 'White House'],
    ['GB', 'Downing Street'],
    ['FR', 'Élysée'],
    ['CN', 'Zhongnanhai'],
    ['JP', 'Kantei'],
    ['UA', 'Bankova'],
  ];
  it.each(seatCases)('%s has the seat %s', (id, seat) => {
    expect(byId.get(id)?.seats).toContain(seat);
  });

  const codeCases: Array<[string, string, string | null]> = [
    ['RU-gov', 'RUSGOV', 'RU'],
    ['RU-mil', 'RUSMIL', 'RU'],
    ['SY-gov', 'SYRGOV', 'SY'],
    ['US-mod', 'USAMIL', 'US'],
    ['US-mfa', 'USAGOV', 'US'],
    ['GB-cb', 'GBRGOVBUS', 'GB'],
    ['ir-irgc', 'IRNMIL', 'IR'],
    ['us-cia', 'USASPY', 'US'],
    ['united-nations', 'IGOUNO', null],
    ['nato', 'IGOWSTNAT', null],
    ['european-union', 'IGOEUREEC', null],
    ['hezbollah', 'LBNREB', 'LB'],
    ['taliban', 'AFGREB', 'AF'],
    ['al-qaeda', 'IMGMUSALQ', null],
    ['baath-party-syria', 'SYRPTY', 'SY'],
    ['the-telegraph', 'GBRMED', 'GB'],
    ['associated-press', 'USAMED', 'US'],
  ];
  it.each(codeCases)('%s is coded %s in %s', (id, cameo, country) => {
    expect(facts(id, ['cameo', 'country'])).toEqual({ cameo, country: country ?? undefined });
  });

  const aliasCases: Array<[string, string]> = [
    ['US-mod', 'Pentagon'],
    ['US-mfa', 'State Department'],
    ['GB-mfa', 'Foreign Office'],
    ['FR-mfa', "Quai d'Orsay"],
    ['SY-gov', 'Assad regime'],
    ['islamic-state', 'Daesh'],
    ['houthis', 'Ansar Allah'],
    ['afp', 'AFP'],
  ];
  it.each(aliasCases)('%s is also called %s', (id, alias) => {
    expect(byId.get(id)?.aliases).toContain(alias);
  });

  it('gives no institution to a state that lacks it', () => {
    expect(['CR-mil', 'VA-leg', 'TD-cb', 'IS-mil', 'PS-mod'].filter((id) => byId.has(id))).toEqual([]);
  });
});
