import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignStories } from '../src/dedup/index.js';
import { CSV_TABLES, exportStore, GDELT_COLUMNS, splitCameo } from '../src/export/index.js';
import { articleA, articleB, articleC } from '../src/store/fixtures.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';

const dir = mkdtempSync(join(tmpdir(), 'ng-export-'));
let store: Store;

beforeAll(async () => {
  store = await openStore(join(dir, 'x.db'));
  await store.startRun({ id: 'r1', started: '2026-11-25T10:20:30.000Z', codeVersion: '0.1.0', dataVersion: 'dev' });
  await store.putArticles(await assignStories(store, [articleA(), articleB(), articleC()]), 'r1');
  await store.rebuildIncidents();
});
afterAll(async () => store.close());

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => ['node', 'edge', 'data', 'attvalue', 'key', 'attribute'].includes(n) });

/** Splits CSV honouring quotes (RFC 4180), for checking what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  return rows;
}

describe('exports read back with real parsers', () => {
  it('GDELT 2.0: 61 tab-separated columns, asserted events only, mapped fields', async () => {
    expect(GDELT_COLUMNS).toHaveLength(61);
    const path = join(dir, 'events.tsv');
    const res = await exportStore(store, 'gdelt', path);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(res.records).toBe(4); // a1 v1, v2 and c1 v1, v2; hypothetical and reported events left out
    expect(lines.every((l) => l.split('\t').length === 61)).toBe(true);
    const rec = Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, lines[0]!.split('\t')[i]]));
    expect(rec).toMatchObject({
      Day: '20170410', MonthYear: '201704', Year: '2017', FractionDate: '2017.3562',
      Actor1Code: 'RUSGOV', Actor1Name: 'VLADIMIR PUTIN', Actor1CountryCode: 'RUS', Actor1Type1Code: 'GOV',
      Actor2Code: 'SYRGOV', Actor2Name: 'BASHAR AL-ASSAD', Actor2CountryCode: 'SYR',
      IsRootEvent: '1', EventCode: '040', EventBaseCode: '040', EventRootCode: '04', QuadClass: '1', GoldsteinScale: '1',
      NumMentions: '2', NumSources: '1', NumArticles: '2', AvgTone: '-2.5',
      ActionGeo_Type: '4', ActionGeo_FullName: 'Moscow', ActionGeo_CountryCode: '', ActionGeo_Lat: '55.75', ActionGeo_Long: '37.62', ActionGeo_FeatureID: '524901',
      Actor1Geo_Type: '', DATEADDED: '20261125102030', SOURCEURL: 'fixtures/a1.txt',
    });
    const all = await exportStore(store, 'gdelt', join(dir, 'all.tsv'), { modality: 'any' });
    expect(all.records).toBe(7);
  });

  it.each([
    ['RUSGOV', { country: 'RUS', types: ['GOV'] }],
    ['SYRMILREB', { country: 'SYR', types: ['MIL', 'REB'] }],
    ['REB', { country: '', types: ['REB'] }],
    ['Q7747', { country: '', types: [] }],
    [null, { country: '', types: [] }],
  ])('splits the CAMEO actor code %s', (code, expected) => {
    expect(splitCameo(code)).toEqual(expected);
  });

  it('PLOVER: JSON array and JSON Lines', async () => {
    const path = join(dir, 'plover.json');
    await exportStore(store, 'plover', path, { modality: 'any' });
    const records = JSON.parse(readFileSync(path, 'utf8')) as Array<Record<string, any>>;
    expect(records.map((r) => [r.id, r.event_type, r.modality])).toEqual([
      ['a1#v1', 'CONSULT', 'asserted'], ['a1#v2', 'ASSAULT', 'asserted'], ['a1#v3', 'THREATEN', 'hypothetical'],
      ['b1#v1', 'ASSAULT', 'reported'], ['c1#v1', 'CONSULT', 'asserted'], ['c1#v2', 'ASSAULT', 'asserted'], ['c1#v3', 'THREATEN', 'hypothetical'],
    ]);
    expect(records[0]).toMatchObject({
      event_date: '2017-04-10', mode: 'visit', actor: { name: 'Vladimir Putin', code: 'RUSGOV', country: 'RU' },
      recipient: { name: 'Bashar al-Assad' }, location: { name: 'Moscow', country: 'RU', lat: 55.75, lon: 37.62 },
      cameo: { code: '040', root: '04', quad_class: 1, goldstein: 1 },
      source: { article: 'a1', sentence: 0, trigger: 'met', text: 'Russian President Vladimir Putin met Syrian President Bashar al-Assad in Moscow on Monday.' },
    });
    const jl = join(dir, 'plover.jsonl');
    const res = await exportStore(store, 'plover', jl);
    const lines = readFileSync(jl, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(res.records);
    expect(lines.map((r) => r.id)).toEqual(['a1#v1', 'a1#v2', 'c1#v1', 'c1#v2']);
  });

  it('GraphML: actors as nodes, dyads and relations as weighted edges', async () => {
    const path = join(dir, 'g.graphml');
    await exportStore(store, 'graphml', path);
    const doc = xml.parse(readFileSync(path, 'utf8'));
    const g = doc.graphml.graph;
    const label = (id: string) => g.node.find((n: any) => n['@id'] === id).data.find((d: any) => d['@key'] === 'label')['#text'];
    const edges = g.edge.map((e: any) => [label(e['@source']), label(e['@target']), e.data.find((d: any) => d['@key'] === 'kind')['#text'], e.data.find((d: any) => d['@key'] === 'weight')['#text']]);
    expect(edges).toEqual([
      ['Vladimir Putin', 'Bashar al-Assad', 'event', 2],
      ['Syrian government forces', 'rebels', 'event', 2],
      ['Vladimir Putin', 'Bashar al-Assad', 'relation:backs', 2],
      ['Russia', 'Bashar al-Assad', 'relation:supports', 1],
    ]);
  });

  it('GEXF: the same graph in Gephi format', async () => {
    const path = join(dir, 'g.gexf');
    const res = await exportStore(store, 'gexf', path);
    const doc = xml.parse(readFileSync(path, 'utf8'));
    const g = doc.gexf.graph;
    expect(doc.gexf['@version']).toBe('1.3');
    expect(g.nodes.node.map((n: any) => n['@label']).sort()).toEqual(['Bashar al-Assad', 'Russia', 'Syrian government forces', 'Vladimir Putin', 'rebels']);
    expect(g.edges.edge.map((e: any) => [e['@label'], e['@weight']])).toEqual([['event', '2'], ['event', '2'], ['relation:backs', '2'], ['relation:supports', '1']]);
    expect(res.records).toBe(9);
  });

  it('GeoJSON: located events and places as Points', async () => {
    const path = join(dir, 'x.geojson');
    await exportStore(store, 'geojson', path);
    const fc = JSON.parse(readFileSync(path, 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f: any) => [f.properties.kind, f.properties.place ?? f.properties.name, f.geometry.coordinates])).toEqual([
      ['event', 'Moscow', [37.62, 55.75]], ['event', 'Idlib', [36.63, 35.93]], ['event', 'Moscow', [37.62, 55.75]], ['event', 'Idlib', [36.63, 35.93]],
      ['place', 'Moscow', [37.62, 55.75]], ['place', 'Idlib', [36.63, 35.93]], ['place', 'Idlib', [36.63, 35.93]], ['place', 'Moscow', [37.62, 55.75]], ['place', 'Idlib', [36.63, 35.93]],
    ]);
  });

  it('CSV: one file per table, rows as stored, quoting round-trips', async () => {
    const out = join(dir, 'csv');
    const res = await exportStore(store, 'csv', out);
    expect(res.files.map((f) => f.slice(out.length + 1))).toEqual(CSV_TABLES.map((t) => `${t}.csv`));
    const articles = parseCsv(readFileSync(join(out, 'articles.csv'), 'utf8'));
    const header = articles[0]!;
    expect(articles.slice(1).map((r) => [r[header.indexOf('id')], r[header.indexOf('story_id')], r[header.indexOf('duplicate_kind')]])).toEqual([
      ['a1', 'a1', ''], ['b1', 'b1', ''], ['c1', 'a1', 'exact'],
    ]);
    expect(articles[1]![header.indexOf('text')]).toBe(articleA().document.text); // contains quotes and commas
    const quotes = parseCsv(readFileSync(join(out, 'quotes.csv'), 'utf8'));
    expect(quotes[1]!.slice(0, 5)).toEqual(['a1', '165', '184', '2', 'Russia backs Assad.']);
  });
});
