/**
 * Exports of a store to the formats analysts already use: GDELT 2.0 events (TSV), PLOVER JSON
 * records, GraphML and GEXF graphs (Gephi, yEd, Cytoscape), GeoJSON (QGIS) and one CSV per table.
 * Everything streams from `Store.rows`, so memory stays flat except for the graph aggregates.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Modality } from '../contract.js';
import { NewsgraphError } from '../errors.js';
import { csvField } from '../query/format.js';
import type { Store, TableName } from '../store/types.js';
import { gdeltLine } from './gdelt.js';

export { GDELT_COLUMNS, gdeltLine, splitCameo } from './gdelt.js';

export const EXPORT_FORMATS = ['gdelt', 'plover', 'graphml', 'gexf', 'geojson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Tables written by the CSV export, one file each. */
export const CSV_TABLES: TableName[] = ['articles', 'actors', 'mentions', 'roles', 'places', 'times', 'events', 'relations', 'quotes', 'tone', 'incidents', 'runs'];

export interface ExportOptions {
  /** Event modalities to export (GDELT, PLOVER, graphs, GeoJSON); default asserted only. */
  modality?: Modality[] | 'any';
}

export interface ExportResult {
  files: string[];
  /** Records written (events, features, nodes + edges, rows). */
  records: number;
}

/** A file being written, with backpressure. */
class Out {
  private readonly stream: WriteStream;
  constructor(readonly path: string) {
    this.stream = createWriteStream(path, 'utf8');
  }
  async write(s: string): Promise<void> {
    if (!this.stream.write(s)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

function wanted(modality: Modality[] | 'any' | undefined): (m: string) => boolean {
  if (modality === 'any') return () => true;
  const set = new Set<string>(modality?.length ? modality : ['asserted']);
  return (m) => set.has(m);
}

/**
 * Writes the store in one format: `out` is a file (a directory for `csv`).
 *
 * @example
 *   await exportStore(store, 'gdelt', 'events.tsv');
 *   await exportStore(store, 'csv', 'tables/');
 */
export async function exportStore(store: Store, format: ExportFormat, out: string, opts: ExportOptions = {}): Promise<ExportResult> {
  switch (format) {
    case 'gdelt': return exportGdelt(store, out, opts);
    case 'plover': return exportPlover(store, out, opts);
    case 'graphml': return exportGraph(store, out, 'graphml', opts);
    case 'gexf': return exportGraph(store, out, 'gexf', opts);
    case 'geojson': return exportGeoJson(store, out, opts);
    case 'csv': return exportCsv(store, out);
    default: throw new NewsgraphError('NG_USAGE', String(format), `unknown export format (use ${EXPORT_FORMATS.join(', ')})`);
  }
}

async function exportGdelt(store: Store, path: string, opts: ExportOptions): Promise<ExportResult> {
  const out = new Out(path);
  const keep = wanted(opts.modality);
  let n = 0;
  for await (const r of store.rows('events')) {
    if (!keep(r.modality as string)) continue;
    await out.write(`${gdeltLine(r)}\n`);
    n++;
  }
  await out.close();
  return { files: [path], records: n };
}

function actorRecord(r: Record<string, any>, side: 'source' | 'target'): Record<string, unknown> | null {
  if (r[side] === null) return null;
  return { id: r[side], name: r[`${side}_name`], code: r[`${side}_cameo`], country: r[`${side}_country`], type: r[`${side}_type`] };
}

/**
 * PLOVER records (one event each): PLOVER event type, mode and context, actor and recipient,
 * location, date, plus newsgraph's modality, evidence and CAMEO coding. `.jsonl` files get one
 * record a line; other names a JSON array.
 */
async function exportPlover(store: Store, path: string, opts: ExportOptions): Promise<ExportResult> {
  const out = new Out(path);
  const lines = /\.(jsonl|ndjson)$/i.test(path);
  const keep = wanted(opts.modality);
  let n = 0;
  if (!lines) await out.write('[\n');
  for await (const r of store.rows('events')) {
    if (!keep(r.modality as string) || !r.plover_type) continue;
    const record = {
      id: `${r.article}#${r.local_id}`,
      event_date: r.date_from,
      event_date_end: r.date_to,
      event_type: r.plover_type,
      mode: r.plover_mode ?? null,
      context: r.plover_context ? JSON.parse(r.plover_context as string) : [],
      actor: actorRecord(r, 'source'),
      recipient: actorRecord(r, 'target'),
      location: r.place_name ? { name: r.place_name, country: r.country, lat: r.lat, lon: r.lon, geonameid: r.place_geoname ?? null, feature_code: r.place_feature ?? null } : null,
      modality: r.modality,
      cameo: { code: r.code, root: r.root, quad_class: r.quad_class, goldstein: r.goldstein },
      source: { article: r.article, url: r.article_url ?? r.article_source ?? null, sentence: r.sentence, text: r.evidence, trigger: r.trigger_text },
      rule: r.rule,
      confidence: r.confidence,
      incident: r.incident,
      ...(r.corrected ? { corrected: true } : {}),
    };
    await out.write(lines ? `${JSON.stringify(record)}\n` : `${n ? ',\n' : ''}${JSON.stringify(record)}`);
    n++;
  }
  if (!lines) await out.write('\n]\n');
  await out.close();
  return { files: [path], records: n };
}

/** XML text escaping for element content and attribute values. */
export function xmlEscape(s: unknown): string {
  return String(s ?? '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface Node { id: number; name: string; type: string; cameo: string; country: string; mentions: number; articles: number }
interface Edge { source: number; target: number; kind: string; weight: number; goldstein: number; q: [number, number, number, number] }

/** Actors as nodes; events aggregated per directed dyad and relations per type as weighted edges. */
async function graph(store: Store, opts: ExportOptions): Promise<{ nodes: Map<number, Node>; edges: Map<string, Edge> }> {
  const keep = wanted(opts.modality);
  const edges = new Map<string, Edge>();
  const used = new Set<number>();
  const add = (s: number, t: number, kind: string, goldstein: number, quad: number | null) => {
    const k = `${s}|${t}|${kind}`;
    let e = edges.get(k);
    if (!e) edges.set(k, (e = { source: s, target: t, kind, weight: 0, goldstein: 0, q: [0, 0, 0, 0] }));
    e.weight++;
    e.goldstein += goldstein;
    if (quad) e.q[quad - 1]!++;
    used.add(s).add(t);
  };
  for await (const r of store.rows('events')) {
    if (r.source === null || r.target === null || !keep(r.modality as string)) continue;
    add(r.source as number, r.target as number, 'event', r.goldstein as number, r.quad_class as number);
  }
  for await (const r of store.rows('relations')) {
    if (!keep(r.modality as string)) continue;
    add(r.source as number, r.target as number, `relation:${r.type}`, 0, null);
  }
  const nodes = new Map<number, Node>();
  for await (const a of store.rows('actors')) {
    const id = a.id as number;
    if (used.has(id)) nodes.set(id, { id, name: a.name as string, type: a.type as string, cameo: (a.cameo as string) ?? '', country: (a.country as string) ?? '', mentions: a.mentions as number, articles: a.articles as number });
  }
  return { nodes, edges };
}

async function exportGraph(store: Store, path: string, kind: 'graphml' | 'gexf', opts: ExportOptions): Promise<ExportResult> {
  const { nodes, edges } = await graph(store, opts);
  const out = new Out(path);
  const g = (n: number) => Math.round(n * 100) / 100;
  if (kind === 'graphml') {
    await out.write(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="cameo" for="node" attr.name="cameo" attr.type="string"/>
  <key id="country" for="node" attr.name="country" attr.type="string"/>
  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>
  <key id="articles" for="node" attr.name="articles" attr.type="int"/>
  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
  <key id="goldstein" for="edge" attr.name="goldstein" attr.type="double"/>
  <key id="q1" for="edge" attr.name="verbal_cooperation" attr.type="int"/>
  <key id="q2" for="edge" attr.name="material_cooperation" attr.type="int"/>
  <key id="q3" for="edge" attr.name="verbal_conflict" attr.type="int"/>
  <key id="q4" for="edge" attr.name="material_conflict" attr.type="int"/>
  <graph id="newsgraph" edgedefault="directed">
`);
    for (const n of nodes.values()) {
      await out.write(`    <node id="a${n.id}"><data key="label">${xmlEscape(n.name)}</data><data key="type">${n.type}</data><data key="cameo">${xmlEscape(n.cameo)}</data><data key="country">${xmlEscape(n.country)}</data><data key="mentions">${n.mentions}</data><data key="articles">${n.articles}</data></node>\n`);
    }
    let i = 0;
    for (const e of edges.values()) {
      await out.write(`    <edge id="e${i++}" source="a${e.source}" target="a${e.target}"><data key="kind">${xmlEscape(e.kind)}</data><data key="weight">${e.weight}</data><data key="goldstein">${g(e.goldstein)}</data><data key="q1">${e.q[0]}</data><data key="q2">${e.q[1]}</data><data key="q3">${e.q[2]}</data><data key="q4">${e.q[3]}</data></edge>\n`);
    }
    await out.write('  </graph>\n</graphml>\n');
  } else {
    await out.write(`<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta><creator>newsgraph</creator><description>actors and their events and relations</description></meta>
  <graph defaultedgetype="directed" mode="static">
    <attributes class="node">
      <attribute id="0" title="type" type="string"/>
      <attribute id="1" title="cameo" type="string"/>
      <attribute id="2" title="country" type="string"/>
      <attribute id="3" title="mentions" type="integer"/>
      <attribute id="4" title="articles" type="integer"/>
    </attributes>
    <attributes class="edge">
      <attribute id="0" title="kind" type="string"/>
      <attribute id="1" title="goldstein" type="double"/>
      <attribute id="2" title="verbal_cooperation" type="integer"/>
      <attribute id="3" title="material_cooperation" type="integer"/>
      <attribute id="4" title="verbal_conflict" type="integer"/>
      <attribute id="5" title="material_conflict" type="integer"/>
    </attributes>
    <nodes>
`);
    for (const n of nodes.values()) {
      await out.write(`      <node id="a${n.id}" label="${xmlEscape(n.name)}"><attvalues><attvalue for="0" value="${n.type}"/><attvalue for="1" value="${xmlEscape(n.cameo)}"/><attvalue for="2" value="${xmlEscape(n.country)}"/><attvalue for="3" value="${n.mentions}"/><attvalue for="4" value="${n.articles}"/></attvalues></node>\n`);
    }
    await out.write('    </nodes>\n    <edges>\n');
    let i = 0;
    for (const e of edges.values()) {
      await out.write(`      <edge id="e${i++}" source="a${e.source}" target="a${e.target}" weight="${e.weight}" label="${xmlEscape(e.kind)}"><attvalues><attvalue for="0" value="${xmlEscape(e.kind)}"/><attvalue for="1" value="${g(e.goldstein)}"/><attvalue for="2" value="${e.q[0]}"/><attvalue for="3" value="${e.q[1]}"/><attvalue for="4" value="${e.q[2]}"/><attvalue for="5" value="${e.q[3]}"/></attvalues></edge>\n`);
    }
    await out.write('    </edges>\n  </graph>\n</gexf>\n');
  }
  await out.close();
  return { files: [path], records: nodes.size + edges.size };
}

/** One FeatureCollection: a Point per located event (`kind: "event"`) and per resolved place mention (`kind: "place"`). */
async function exportGeoJson(store: Store, path: string, opts: ExportOptions): Promise<ExportResult> {
  const out = new Out(path);
  const keep = wanted(opts.modality);
  let n = 0;
  const feature = async (lon: number, lat: number, properties: Record<string, unknown>) => {
    await out.write(`${n++ ? ',\n' : ''}{"type":"Feature","geometry":{"type":"Point","coordinates":[${lon},${lat}]},"properties":${JSON.stringify(properties)}}`);
  };
  await out.write('{"type":"FeatureCollection","features":[\n');
  for await (const r of store.rows('events')) {
    if (r.lat === null || r.lon === null || !keep(r.modality as string)) continue;
    await feature(r.lon as number, r.lat as number, {
      kind: 'event', id: r.id, article: r.article, date: r.date_from, code: r.code, root: r.root, quad_class: r.quad_class,
      goldstein: r.goldstein, plover: r.plover_type, source: r.source_name, target: r.target_name, place: r.place_name,
      country: r.country, modality: r.modality, evidence: r.evidence, url: r.article_url ?? null,
    });
  }
  for await (const p of store.rows('places')) {
    if (p.lat === null || p.lon === null) continue;
    await feature(p.lon as number, p.lat as number, {
      kind: 'place', article: p.article, name: p.name, country: p.country, geonameid: p.geoname_id, feature_code: p.feature_code, reason: p.reason, sentence: p.sentence,
    });
  }
  await out.write('\n]}\n');
  await out.close();
  return { files: [path], records: n };
}

/** One CSV file per table (header row, RFC 4180 quoting) into the directory `dir`. */
async function exportCsv(store: Store, dir: string): Promise<ExportResult> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let records = 0;
  for (const table of CSV_TABLES) {
    const path = join(dir, `${table}.csv`);
    const out = new Out(path);
    let header: string[] | null = null;
    for await (const r of store.rows(table)) {
      if (!header) {
        header = Object.keys(r);
        await out.write(`${header.map(csvField).join(',')}\n`);
      }
      await out.write(`${header.map((k) => csvField(r[k])).join(',')}\n`);
      records++;
    }
    if (!header) await out.write('\n');
    await out.close();
    files.push(path);
  }
  return { files, records };
}
