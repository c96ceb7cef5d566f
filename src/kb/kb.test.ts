import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NewsgraphError } from '../errors.js';
import { checkKb } from './check.js';
import { ActorKb, loadKb, nameKey } from './index.js';
import { parseKbText } from './parse.js';
import { importPetrarchActors, importPetrarchAgents, isAgentsDictionary } from './petrarch.js';
import type { LoadedActor } from './types.js';

const base: LoadedActor[] = [
  { id: 'RU', name: 'Russia', type: 'GPE', iso3: 'RUS', demonyms: ['Russian'], capital: 'Moscow', seats: ['Kremlin'], origin: 'a.yaml:1' },
  { id: 'SU', name: 'Soviet Union', type: 'GPE', iso3: 'SUN', capital: 'Moscow', seats: ['Kremlin'], to: '1991-12-26', origin: 'a.yaml:2' },
  { id: 'US', name: 'United States', type: 'GPE', iso3: 'USA', aliases: ['U.S.', 'US'], origin: 'a.yaml:3' },
  {
    id: 'rex-tillerson', name: 'Rex Tillerson', type: 'PERSON', origin: 'p.yaml:1',
    roles: [{ title: 'Secretary of State', kind: 'foreign_minister', org: 'US', from: '2017-02-01', to: '2018-03-31' }],
  },
  {
    id: 'antony-blinken', name: 'Antony Blinken', type: 'PERSON', origin: 'p.yaml:9',
    roles: [{ title: 'Secretary of State', kind: 'foreign_minister', org: 'US', from: '2021-01-26', to: '2025-01-20' }],
  },
  { id: 'bashar-al-assad', name: 'Bashar al-Assad', type: 'PERSON', origin: 'p.yaml:20' },
];

describe('ActorKb lookups', () => {
  const kb = new ActorKb(base);
  it.each([
    ['Bashar al-Assad', 'bashar al assad'],
    ['U.S.', 'us'],
    ['Élysée', 'elysee'],
  ])('nameKey(%s)', (name, key) => expect(nameKey(name)).toBe(key));

  it('finds names, surnames, demonyms, capitals and seats (current countries win over former ones)', () => {
    expect(kb.byName('US')).toEqual(['US']);
    expect(kb.byName('U.S.')).toEqual(['US']);
    expect(kb.bySurname('al assad')).toEqual(['bashar-al-assad']);
    expect(kb.bySurname('assad')).toEqual(['bashar-al-assad']);
    expect(kb.demonym('Russians')).toEqual({ country: 'RU', plural: true });
    expect(kb.demonym('Russian')).toEqual({ country: 'RU', plural: false });
    expect(kb.capital('Moscow')).toBe('RU');
    expect(kb.seat('Kremlin')).toBe('RU');
  });

  it.each([
    ['2017-06-01', 'rex-tillerson'],
    ['2022-06-01', 'antony-blinken'],
    ['2019-06-01', undefined],
  ])('holderOf(US, foreign_minister, %s)', (date, who) => {
    expect(kb.holderOf('US', 'foreign_minister', date)?.actor).toBe(who);
  });

  it('rolesAt keeps only roles valid that day', () => {
    expect(kb.rolesAt('rex-tillerson', '2017-04-11').map((r) => r.title)).toEqual(['Secretary of State']);
    expect(kb.rolesAt('rex-tillerson', '2020-01-01')).toEqual([]);
  });
});

describe('user dictionaries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-kb-'));
  const file = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('add and override actors by id', () => {
    const f = file('user.yaml', '- { id: rex-tillerson, name: R. W. Tillerson, type: PERSON }\n- { id: acme, name: Acme Corp, type: ORG, country: US }\n');
    const kb = loadKb({ actors: base, actorFiles: [f] });
    expect(kb.get('rex-tillerson')?.name).toBe('R. W. Tillerson');
    expect(kb.byName('Acme Corp')).toEqual(['acme']);
    expect(kb.size).toBe(base.length + 1);
  });

  it.each([
    ['schema', '- { id: x, name: X, type: PERSON }\n- id: y\n  name: Y\n  type: PERSN\n', /:4: type: /],
    ['yaml syntax', '- { id: x, name: X\n', /:\d+: /],
    ['duplicate id', '- { id: x, name: X, type: ORG }\n- { id: x, name: X2, type: ORG }\n', /:2: x: duplicate id/],
    ['unknown country', '- { id: x, name: X, type: ORG, country: ZZ }\n', /:1: x: unknown country code 'ZZ'/],
    ['bad role org', '- id: x\n  name: X\n  type: PERSON\n  roles: [{ title: Boss, kind: other, org: nowhere }]\n', /:1: x: roles\[0\] \(Boss\): org 'nowhere'/],
    ['dates out of order', '- { id: x, name: X, type: ORG, from: "2010", to: "2001" }\n', /from 2010 is after to 2001/],
  ])('reject a file with a %s problem, naming file and line', (_what, text, message) => {
    const f = file(`bad-${_what.replace(/\s/g, '-')}.yaml`, text);
    expect(() => loadKb({ actors: base, actorFiles: [f] })).toThrow(NewsgraphError);
    expect(() => loadKb({ actors: base, actorFiles: [f] })).toThrow(message);
  });

  it('read JSON lists fast, with record lines, and still locate problems', () => {
    const ok = file('ok.json', '[\n{"id":"a","name":"A","type":"ORG"},\n{"id":"b","name":"B {x}","type":"ORG"}\n]\n');
    expect(loadKb({ actors: base, actorFiles: [ok] }).get('b')?.origin).toBe(`${ok}:3`);
    const bad = file('bad.json', '[\n{"id":"a","name":"A","type":"ORG"},\n{"id":"b","name":"B","type":"ORGG"}\n]\n');
    expect(() => loadKb({ actors: base, actorFiles: [bad] })).toThrow(/bad\.json:3: type: /);
  });

  it('report a missing file', () => {
    expect(() => loadKb({ actors: base, actorFiles: [join(dir, 'nope.yaml')] })).toThrow(/no such file/);
  });
});

describe('data validation helpers', () => {
  it('parseKbText gives the line of each record and reads unquoted dates', () => {
    const { actors, problems } = parseKbText('# c\n- id: a\n  name: A\n  type: PERSON\n  roles: [{ title: T, kind: other, org: RU, from: 2012-05-07 }]\n', 'f.yaml');
    expect(problems).toEqual([]);
    expect(actors[0]!.origin).toBe('f.yaml:2');
    expect(actors[0]!.roles![0]!.from).toBe('2012-05-07');
  });
  it('checkKb skips country checks when no countries are known', () => {
    expect(checkKb([{ id: 'a', name: 'A', type: 'ORG', country: 'ZZ', origin: 'f:1' }], new Set())).toEqual([]);
  });
});

describe('PETRARCH dictionaries', () => {
  const actors = [
    '# comment',
    'VLADIMIR_PUTIN_  # the president',
    '+PUTIN_',
    'PRESIDENT_PUTIN',
    '\t[RUSGOV 000507-080507]',
    '\t[RUSGOV >120507]',
    'KREMLIN_ [RUSGOV]',
    '+RUSSIAN_WHITE_HOUSE',
    'AFGHANISTAN_  [AFG]',
    '+AFGHAN_',
    'GOLLUM [HOB < 950601]',
    'NOBODY [---]',
  ].join('\n');

  it('imports actors with synonyms and date-bounded codes', () => {
    expect(importPetrarchActors(actors, 'a.txt')).toEqual([
      {
        id: 'vladimir-putin', name: 'Vladimir Putin', type: 'PERSON', cameo: 'RUSGOV', aliases: ['Putin', 'President Putin'],
        codes: [{ code: 'RUSGOV', from: '2000-05-07', to: '2008-05-07' }, { code: 'RUSGOV', from: '2012-05-07', to: null }],
        origin: 'a.txt:2',
      },
      { id: 'kremlin', name: 'Kremlin', type: 'ORG', cameo: 'RUSGOV', aliases: ['Russian White House'], origin: 'a.txt:7' },
      { id: 'afghanistan', name: 'Afghanistan', type: 'GPE', cameo: 'AFG', aliases: ['Afghan'], origin: 'a.txt:9' },
      { id: 'gollum', name: 'Gollum', type: 'PERSON', cameo: 'HOB', codes: [{ code: 'HOB', from: null, to: '1995-06-01' }], origin: 'a.txt:11' },
    ]);
  });

  it('skips malformed lines with a warning, or throws file:line when strict', () => {
    const bad = 'GOOD_ [USA]\nBROKEN [USA 99x]\n';
    const warnings: string[] = [];
    expect(importPetrarchActors(bad, 'b.txt', { warnings }).map((a) => a.name)).toEqual(['Good']);
    expect(warnings).toEqual(["b.txt:2: bad date restriction '99x' in [USA 99x]"]);
    expect(() => importPetrarchActors(bad, 'b.txt', { strict: true })).toThrow(/^b\.txt:2: bad date restriction/);
  });

  it('imports agents with macros and plurals', () => {
    const text = '!PERSON! = MAN, MEN\nSOLDIER [~MIL]\nCONGRESS!PERSON! [~LEG]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n';
    expect(isAgentsDictionary(text)).toBe(true);
    expect(isAgentsDictionary(actors)).toBe(false);
    expect(importPetrarchAgents(text, 'g.txt')).toEqual([
      { phrase: 'soldier', code: 'MIL', origin: 'g.txt:2' },
      { phrase: 'congressman', code: 'LEG', origin: 'g.txt:3' },
      { phrase: 'congressmen', code: 'LEG', origin: 'g.txt:3' },
      { phrase: 'attorney general', code: 'GOV', plurals: ['attorneys general'], origin: 'g.txt:4' },
    ]);
  });
});
